package vn.egov.portal.control;

import vn.egov.platform.persistence.Db;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import vn.egov.platform.search.SearchDocument;
import vn.egov.platform.search.SearchSource;
import vn.egov.platform.search.Visibility;
import vn.egov.portal.entity.Article;

/** Live articles in search: public, found by anyone from the unit's site and every site above it. */
@ApplicationScoped
public class ArticleSearch implements SearchSource {
    public static final String TYPE = "article";

    @Inject
    Db db;

    public static SearchDocument document(Article a, long unitId, String unitPath, String unitCode) {
        String text = (a.summary().isBlank() ? "" : a.summary() + "\n") + Sanitiser.text(a.body())
                + (a.tags().isEmpty() ? "" : "\n" + String.join(", ", a.tags()));
        return new SearchDocument(docId(a.id()), unitId, unitPath, TYPE, Visibility.PUBLIC, Set.of(), a.title(), text,
                "/t/" + unitCode + "/articles/" + a.id(), a.publishAt() == null ? Instant.now() : a.publishAt());
    }

    public static String docId(long id) {
        return SearchDocument.idOf(TYPE, id);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void documents(Unit unit, Consumer<SearchDocument> sink) {
        db.list("SELECT " + SiteReader.FULL_COLS + " FROM portal_article WHERE tenant_id = ? AND " + SiteReader.LIVE + " ORDER BY id",
                        SiteReader::article, unit.id())
                .forEach(a -> sink.accept(document(a, unit.id(), unit.path(), unit.code())));
    }

    @Override
    public Map<Long, Long> countsByUnit() {
        Map<Long, Long> counts = new TreeMap<>();
        db.list("SELECT tenant_id, count(*) FROM portal_article WHERE " + SiteReader.LIVE + " GROUP BY tenant_id",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}).forEach(r -> counts.put(r[0], r[1]));
        return counts;
    }
}
