package vn.egov.tenantadmin.control;

import vn.egov.platform.settings.UnitSettings;
import vn.egov.platform.settings.UnitSettingsSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import vn.egov.platform.persistence.NewTransaction;
import vn.egov.platform.persistence.TenantTransactional;

/**
 * Reads one unit's settings from the database in a transaction of its own, under the scope of exactly that
 * unit (carried in explicitly by the registry with {@link vn.egov.platform.persistence.ScopedWork}); never
 * inside the caller's transaction, whose scope it must not change.
 */
@ApplicationScoped
public class SettingsLoader implements UnitSettingsSource {

    @PersistenceContext(unitName = "tenant-admin")
    EntityManager em;

    @Override
    @NewTransaction
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @TenantTransactional
    public Optional<UnitSettings> load(long tenantId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT t.name, s.display_name, s.short_name, s.address, s.phone, s.email, "
                        + "s.mail_sender_name, s.default_language, s.version, l.sha256, t.custom_domain FROM tenant t "
                        + "LEFT JOIN unit_setting s ON s.tenant_id = t.id LEFT JOIN unit_logo l ON l.tenant_id = t.id WHERE t.id = ?1")
                .setParameter(1, tenantId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        boolean customised = r[1] != null;
        return Optional.of(new UnitSettings(tenantId, customised ? (String) r[1] : (String) r[0], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], customised ? (String) r[6] : (String) r[0],
                customised ? (String) r[7] : "vi", customised ? ((Number) r[8]).intValue() : 0, (String) r[9], (String) r[10]));

    }

    /** The logo's bytes and type, read under exactly the unit's scope (a logo is public, like the page it is on). */
    @NewTransaction
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @TenantTransactional
    public Optional<Object[]> logo(long tenantId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT content_type, image, sha256 FROM unit_logo WHERE tenant_id = ?1")
                .setParameter(1, tenantId).getResultList();
        return rows.stream().findFirst();
    }
}
