package vn.egov.notices.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import vn.egov.notices.entity.Notice;
import vn.egov.platform.search.SearchDocument;
import vn.egov.platform.search.SearchSource;
import vn.egov.platform.search.Visibility;
import vn.egov.platform.tenancy.entity.Tenant;

/**
 * Notices in search: a public notice is found by anyone, a staff notice by the unit's staff (and those whose
 * rights reach the unit), an admins-only notice by the unit's administrators.
 */
@ApplicationScoped
public class NoticeSearch implements SearchSource {
    public static final String TYPE = "notice";

    @PersistenceContext(unitName = "notices")
    EntityManager em;

    static SearchDocument document(Notice n, Tenant unit) {
        return document(n, unit.getId(), unit.getPath(), unit.getCode());
    }

    static SearchDocument document(Notice n, long unitId, String unitPath, String unitCode) {
        Instant updated = (n.getUpdatedAt() == null ? n.getCreatedAt() : n.getUpdatedAt()).toInstant();
        return document(n.getId(), n.getAudience(), n.getTitle(), n.getBody(), updated, unitId, unitPath, unitCode);
    }

    static SearchDocument document(long id, String audience, String title, String body, Instant updated, long unitId,
                                   String unitPath, String unitCode) {
        Visibility visibility = switch (audience) {
            case "public" -> Visibility.PUBLIC;
            case "admins" -> Visibility.RESTRICTED;
            default -> Visibility.STAFF;
        };
        Set<String> readers = visibility == Visibility.RESTRICTED ? Set.of("role:UNIT_ADMIN", "role:PROVINCE_ADMIN") : Set.of();
        return new SearchDocument(SearchDocument.idOf(TYPE, id), unitId, unitPath, TYPE, visibility,
                readers, title, body, "/api/t/" + unitCode + "/notices/" + id, updated);
    }

    static String docId(long id) {
        return SearchDocument.idOf(TYPE, id);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void documents(Unit unit, Consumer<SearchDocument> sink) {
        em.createQuery("SELECT n FROM Notice n WHERE n.tenantId = :t ORDER BY n.id", Notice.class)
                .setParameter("t", unit.id())
                .getResultStream().forEach(n -> sink.accept(document(n, unit.id(), unit.path(), unit.code())));
    }

    @Override
    public Map<Long, Long> countsByUnit() {
        Map<Long, Long> counts = new TreeMap<>();
        for (Object[] row : em.createQuery("SELECT n.tenantId, COUNT(n) FROM Notice n GROUP BY n.tenantId", Object[].class).getResultList()) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return counts;
    }
}
