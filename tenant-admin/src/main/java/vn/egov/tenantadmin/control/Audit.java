package vn.egov.tenantadmin.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;
import vn.egov.tenantadmin.entity.AuditEntry;

/**
 * Reads the audit trail (every module writes to it through the platform's {@code AuditLog}), in the caller's
 * transaction and scope: row-level security shows the units the caller's scope reaches.
 */
@RequestScoped
public class Audit {

    @PersistenceContext(unitName = "tenant-admin")
    EntityManager em;

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

    /** One entry as people read it: the unit's code, and when as dd/MM/yyyy HH:mm:ss (Vietnam time). */
    public record Line(long id, String unit, String actor, String action, String target, String before, String after, String at) {
    }

    /** Entries per page of {@link #trail}. */
    public static final int PAGE_SIZE = 50;
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    /**
     * A page (from 1) of the trail of {@code units}, newest first, filtered by action, actor and days (dd/MM/yyyy, both
     * included; blank for none). A day that is no date is a 400 problem naming its field.
     */
    public List<Line> trail(List<Tenant> units, String action, String actor, String from, String to, int page) {
        Map<Long, String> codes = new HashMap<>();
        units.forEach(t -> codes.put(t.getId(), t.getCode()));
        OffsetDateTime fromTime = day(from, "from");
        OffsetDateTime toTime = day(to, "to");
        return find(List.copyOf(codes.keySet()), blank(action), blank(actor), fromTime, toTime == null ? null : toTime.plusDays(1),
                (Math.max(page, 1) - 1) * PAGE_SIZE, PAGE_SIZE).stream()
                .map(a -> new Line(a.getId(), codes.get(a.getTenantId()), a.getActor(), a.getAction(), a.getTarget(), a.getBefore(),
                        a.getAfter(), a.getAt().atZoneSameInstant(VIETNAM).format(WHEN)))
                .toList();
    }

    private static OffsetDateTime day(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip(), DAY).atStartOfDay(VIETNAM).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw new ProblemException(Problem.said(Wording::in, 400, "invalid-input", "problem.invalidInput",
                    w -> w.text("problem.auditDate"), w -> Map.of(field, List.of("dd/MM/yyyy"))));
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
