package vn.egov.dossiers.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.List;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.entity.Tenant;

/**
 * The people of a unit a dossier's next step can be given to: its active staff (no citizen accounts), by name, with
 * their roles, for the desk's assignee picker. The same rule as the move's check ({@link Processing}): an assignee must
 * be one of them.
 */
@ApplicationScoped
public class Colleagues {
    @Inject
    Db db;

    /** A member of a unit's staff: user name, name, roles. */
    public record Colleague(String username, String displayName, List<String> roles) {
    }

    @Transactional
    @TenantTransactional
    public List<Colleague> of(Tenant unit) {
        return db.list("SELECT username, display_name, roles FROM app_user WHERE tenant_id = ? AND status = 'active' "
                        + "AND NOT ('CITIZEN' = ANY (roles)) ORDER BY display_name, username",
                rs -> new Colleague(rs.getString(1), rs.getString(2), Arrays.stream((String[]) rs.getArray(3).getArray()).toList()), unit.getId());
    }
}
