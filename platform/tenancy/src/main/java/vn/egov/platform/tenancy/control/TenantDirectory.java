package vn.egov.platform.tenancy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.egov.platform.tenancy.entity.Tenant;

/** Reads the tenant tree. The tree is the public directory: no scope is needed to read it. */
@ApplicationScoped
public class TenantDirectory {

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    public Optional<Tenant> byCode(String code) {
        if (code == null || code.length() > 63) {
            return Optional.empty();
        }
        return em.createQuery("SELECT t FROM Tenant t WHERE t.code = :code", Tenant.class)
                .setParameter("code", code.toLowerCase(Locale.ROOT))
                .getResultStream().findFirst();
    }

    public Optional<Tenant> byId(long id) {
        return Optional.ofNullable(em.find(Tenant.class, id));
    }

    /** The unit whose custom domain is {@code host} (port and case ignored). */
    public Optional<Tenant> byHost(String host) {
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        String name = host.toLowerCase(Locale.ROOT);
        int colon = name.lastIndexOf(':');
        if (colon > 0 && name.indexOf(']') < colon) {
            name = name.substring(0, colon);
        }
        return em.createQuery("SELECT t FROM Tenant t WHERE t.customDomain = :host", Tenant.class)
                .setParameter("host", name)
                .getResultStream().findFirst();
    }

    /** The live sub-units (ended units stay in the tree only as history). */
    public List<Tenant> children(long parentId) {
        return em.createQuery("SELECT t FROM Tenant t WHERE t.parentId = :p AND t.status <> 'retired' ORDER BY t.kind, t.name", Tenant.class)
                .setParameter("p", parentId)
                .getResultList();
    }

    public List<Tenant> roots() {
        return em.createQuery("SELECT t FROM Tenant t WHERE t.parentId IS NULL AND t.status <> 'retired' ORDER BY t.name", Tenant.class)
                .getResultList();
    }

    /** From the root down to, but not including, the given unit. */
    @SuppressWarnings("unchecked")
    public List<Tenant> ancestors(Tenant tenant) {
        return em.createNativeQuery("SELECT * FROM tenant WHERE path @> CAST(?1 AS ltree) AND id <> ?2 "
                        + "ORDER BY nlevel(path)", Tenant.class)
                .setParameter(1, tenant.getPath())
                .setParameter(2, tenant.getId())
                .getResultList();
    }

    /** The unit that an old, no longer used code now belongs to (after a rename or recode). */
    @SuppressWarnings("unchecked")
    public Optional<Tenant> successorOfCode(String oldCode) {
        if (oldCode == null || oldCode.length() > 63) {
            return Optional.empty();
        }
        return em.createNativeQuery("SELECT t.* FROM unit_history h JOIN tenant t ON t.id = h.unit_id "
                        + "WHERE h.old_code = ?1 AND h.change = 'renamed' ORDER BY h.changed_at DESC, h.id DESC LIMIT 1", Tenant.class)
                .setParameter(1, oldCode.toLowerCase(Locale.ROOT))
                .getResultStream().findFirst().map(t -> current((Tenant) t));
    }

    /** The live unit that now stands for {@code tenant}: itself, or the end of its chain of successors. */
    public Tenant current(Tenant tenant) {
        Tenant t = tenant;
        for (int i = 0; i < 64 && t.isRetired() && t.getSuccessorId() != null; i++) {
            t = em.find(Tenant.class, t.getSuccessorId());
        }
        return t;
    }

    /** The unit and everything under it. */
    @SuppressWarnings("unchecked")
    public List<Tenant> subtree(Tenant tenant) {
        return em.createNativeQuery("SELECT * FROM tenant WHERE path <@ CAST(?1 AS ltree) ORDER BY path", Tenant.class)
                .setParameter(1, tenant.getPath())
                .getResultList();
    }
}
