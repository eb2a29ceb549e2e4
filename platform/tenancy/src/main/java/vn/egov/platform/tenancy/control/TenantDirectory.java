package vn.egov.platform.tenancy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.egov.platform.tenancy.entity.Tenant;

/**
 * Reads the tenant tree. The tree is the public directory: no scope is needed to read it. The lookups every
 * request makes (by code, by host, and by id for the units a dossier names) are kept in this node's memory while
 * {@link TenantChangeListener} is listening to the database's notice of any change to the tree (a trigger on
 * {@code tenant}, so changes made by the operator's tools directly in the database count too); any notice, or losing
 * the listening connection, empties them. Unknown codes are not kept (anyone can make up codes).
 */
@ApplicationScoped
public class TenantDirectory {
    static final int MAX_HOSTS = 1000;

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    // the kept lookups: static, so that the listener (started before any request, when this bean's persistence
    // context cannot be injected yet) never has to create this bean
    private static final java.util.concurrent.ConcurrentHashMap<String, Tenant> codes = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.concurrent.ConcurrentHashMap<String, Optional<Tenant>> hosts = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.concurrent.ConcurrentHashMap<Long, Tenant> ids = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    private static volatile boolean listening;

    /** Called by the listener: whether lookups may be kept (only while changes are being heard). Empties them. */
    static void listening(boolean on) {
        listening = on;
        forget();
    }

    /** Forgets every kept lookup (the tree changed). */
    public static void forget() {
        generation.incrementAndGet();
        codes.clear();
        hosts.clear();
        ids.clear();
    }

    /**
     * For code that changes the tree: forget now and again once the running transaction has ended, so that this
     * node's next request sees the change without waiting for the database's notice (which reaches every node).
     */
    public static void forgetAfterCommit() {
        forget();
        try {
            jakarta.transaction.TransactionSynchronizationRegistry registry = (jakarta.transaction.TransactionSynchronizationRegistry)
                    new javax.naming.InitialContext().lookup("java:comp/TransactionSynchronizationRegistry");
            if (registry.getTransactionKey() != null) {
                registry.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
                    @Override
                    public void beforeCompletion() {
                    }

                    @Override
                    public void afterCompletion(int status) {
                        forget();
                    }
                });
            }
        } catch (javax.naming.NamingException | IllegalStateException e) {
            // outside the container or its transactions: the database's notice does it
        }
    }

    public Optional<Tenant> byCode(String code) {
        if (code == null || code.length() > 63) {
            return Optional.empty();
        }
        String key = code.toLowerCase(Locale.ROOT);
        boolean keep = listening;
        if (keep) {
            Tenant kept = codes.get(key);
            if (kept != null) {
                return Optional.of(kept);
            }
        }
        long before = generation.get();
        Optional<Tenant> found = em.createQuery("SELECT t FROM Tenant t WHERE t.code = :code", Tenant.class)
                .setParameter("code", key)
                .getResultStream().findFirst();
        // kept only if no change was heard while it was read (else it may be older than the change)
        if (keep && found.isPresent() && generation.get() == before) {
            codes.put(key, found.get());
        }
        return found;
    }

    /** A unit by its id (the dossiers name their units by id: a dossier's answer reads several), kept like the codes. */
    public Optional<Tenant> byId(long id) {
        boolean keep = listening;
        if (keep) {
            Tenant kept = ids.get(id);
            if (kept != null) {
                return Optional.of(kept);
            }
        }
        long before = generation.get();
        Tenant found = em.find(Tenant.class, id);
        if (keep && found != null && generation.get() == before) {
            ids.put(id, found);
        }
        return Optional.ofNullable(found);
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
        boolean keep = listening;
        if (keep) {
            Optional<Tenant> kept = hosts.get(name);
            if (kept != null) {
                return kept;
            }
        }
        long before = generation.get();
        Optional<Tenant> found = em.createQuery("SELECT t FROM Tenant t WHERE t.customDomain = :host", Tenant.class)
                .setParameter("host", name)
                .getResultStream().findFirst();
        if (keep && generation.get() == before && hosts.size() < MAX_HOSTS) {
            hosts.put(name, found);
        }
        return found;
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
