package vn.egov.portal.control;

import vn.egov.platform.persistence.Db;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import vn.egov.platform.search.SearchDocument;
import vn.egov.platform.search.SearchSource;
import vn.egov.platform.search.Visibility;
import vn.egov.portal.entity.SitePage;

/** Published static pages in search: public, like articles. */
@ApplicationScoped
public class PageSearch implements SearchSource {
    public static final String TYPE = "page";

    @Inject
    Db db;

    public static SearchDocument document(SitePage p, long unitId, String unitPath, String unitCode) {
        return new SearchDocument(docId(p.id()), unitId, unitPath, TYPE, Visibility.PUBLIC, Set.of(), p.title(), Sanitiser.text(p.body()),
                "/t/" + unitCode + "/" + Renderer.pagePath(p), p.updatedAt());
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
        db.list("SELECT id, tenant_id, title, slug, body, published, updated_at FROM portal_page WHERE tenant_id = ? AND published ORDER BY id",
                SiteReader::page, unit.id()).forEach(p -> sink.accept(document(p, unit.id(), unit.path(), unit.code())));
    }

    @Override
    public Map<Long, Long> countsByUnit() {
        Map<Long, Long> counts = new TreeMap<>();
        db.list("SELECT tenant_id, count(*) FROM portal_page WHERE published GROUP BY tenant_id", rs -> new long[] {rs.getLong(1), rs.getLong(2)})
                .forEach(r -> counts.put(r[0], r[1]));
        return counts;
    }
}
