package vn.egov.dossiers.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import vn.egov.dossiers.entity.Dossier;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.entity.Tenant;

/** A dossier of a unit by its code, in a transaction bound to that unit's scope (the caller carries it). */
@ApplicationScoped
public class Lookup {

    @Inject
    Db db;

    @Transactional
    @TenantTransactional
    public Optional<Dossier> byCode(Tenant unit, String code) {
        return db.one("SELECT " + Intake.COLS_PUBLIC + " FROM dossier WHERE tenant_id = ? AND code = ?", Intake::dossier, unit.getId(), code);
    }

    /**
     * The unit a dossier belongs to now, found by its code (a function that answers that alone): whatever became of
     * the unit whose code is the code's prefix (renamed, merged into another), the receipt's code still finds it.
     */
    @Transactional
    @TenantTransactional
    public Optional<Long> unitOf(String code) {
        return db.one("SELECT u FROM dossier_code_unit(?) u WHERE u IS NOT NULL", rs -> rs.getLong(1), code);
    }
}
