package vn.egov.tenantadmin.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import vn.egov.platform.web.Access;
import vn.egov.tenantadmin.entity.AuditEntry;

/** Writes and reads the audit trail, in the caller's transaction and scope. */
@RequestScoped
public class Audit {

    @PersistenceContext(unitName = "tenant-admin")
    EntityManager em;

    @Inject
    Access access;

    public void record(long tenantId, String action, String target, JsonObject before, JsonObject after) {
        em.persist(new AuditEntry(tenantId, access.username(), action, target,
                before == null ? null : before.toString(), after == null ? null : after.toString()));
    }

    /** Entries of the given units (row-level security removes any the caller may not see), newest first. */
    public List<AuditEntry> find(List<Long> tenantIds, String action, String actor, OffsetDateTime from,
                                 OffsetDateTime to, int first, int max) {
        StringBuilder q = new StringBuilder("SELECT a FROM AuditEntry a WHERE a.tenantId IN :units");
        if (action != null) {
            q.append(" AND a.action = :action");
        }
        if (actor != null) {
            q.append(" AND a.actor = :actor");
        }
        if (from != null) {
            q.append(" AND a.at >= :from");
        }
        if (to != null) {
            q.append(" AND a.at < :to");
        }
        q.append(" ORDER BY a.at DESC, a.id DESC");
        var query = em.createQuery(q.toString(), AuditEntry.class).setParameter("units", tenantIds);
        if (action != null) {
            query.setParameter("action", action);
        }
        if (actor != null) {
            query.setParameter("actor", actor);
        }
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        return query.setFirstResult(first).setMaxResults(max).getResultList();
    }
}
