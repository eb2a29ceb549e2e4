package vn.egov.documents.exchange;

import vn.egov.platform.web.Fields;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.egov.documents.control.Registers;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.persistence.SqlState;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Problem;
import vn.egov.documents.control.Wording;
import vn.egov.platform.web.ProblemException;

/**
 * A unit's identity on the national document axis: its organ id (mã định danh, Decision 20/2020/QĐ-TTg), which the
 * packages and statuses it sends carry as From. Set by the unit's administrators; unique across the province.
 */
@ApplicationScoped
public class ExchangeIdentity {
    static final java.util.regex.Pattern ORGAN_ID = java.util.regex.Pattern.compile("[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}");

    @Inject
    Db db;

    @Inject
    AuditLog audit;

    @Transactional
    @TenantTransactional
    public Optional<String> of(Tenant unit) {
        return db.one("SELECT organ_id FROM document_exchange_identity WHERE tenant_id = ?", rs -> rs.getString(1), unit.getId());
    }

    /** The unit's organ id, or 409 {@code exchange-identity-missing}: a unit without one sends nothing through the axis. */
    public String required(Tenant unit) {
        return of(unit).orElseThrow(() -> new ProblemException(Problem.of(Wording::in, 409, "exchange-identity-missing",
                "problem.noOrganId.title", "problem.noOrganId")));
    }

    /** Sets (or changes) the unit's organ id: 400 when it is not of the form 000.00.16.H38, 409 when another unit has it. */
    @Transactional
    @TenantTransactional
    public String set(Tenant unit, String organId, UserPrincipal actor) {
        String id = organId == null ? "" : organId.strip();
        if (!ORGAN_ID.matcher(id).matches()) {
            throw Registers.invalid(new Fields().add("organId", "problem.field.organIdForm"));
        }
        Optional<String> before = of(unit);
        try {
            db.update("INSERT INTO document_exchange_identity (tenant_id, organ_id, set_by) VALUES (?, ?, ?) ON CONFLICT (tenant_id) "
                    + "DO UPDATE SET organ_id = EXCLUDED.organ_id, set_by = EXCLUDED.set_by, set_at = now()", unit.getId(), id, actor.username());
        } catch (RuntimeException e) {
            if (SqlState.is(e, SqlState.UNIQUE_VIOLATION)) {
                throw new ProblemException(Problem.of(Wording::in, 409, "organ-id-taken", "problem.organIdTaken.title", "problem.organIdTaken", id));
            }
            throw e;
        }
        audit.record(unit.getId(), "documents.organ-id.changed", unit.getCode(),
                before.map(o -> Jsonp.createObjectBuilder().add("organId", o).build()).orElse(null),
                Jsonp.createObjectBuilder().add("organId", id).build());
        return id;
    }
}
