package vn.egov.documents.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import vn.egov.documents.control.Files;
import vn.egov.documents.control.Registers;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.search.SearchDocument;
import vn.egov.platform.search.SearchSource;

/**
 * Documents in search: the issued outgoing ones and the registered incoming ones, with the text of their PDFs (not
 * drafts, not recalled ones).
 * An ordinary document is found by the unit's staff; a secret one only by its readers.
 */
@ApplicationScoped
public class DocumentSearch implements SearchSource {
    static final String INDEXED = "status IN ('issued', 'registered', 'directed', 'done')";

    @Inject
    Db db;

    @Inject
    Files files;

    @Override
    public String type() {
        return Registers.SEARCH_TYPE;
    }

    @Override
    public void documents(Unit unit, Consumer<SearchDocument> sink) {
        db.list("SELECT " + Registers.COLS + " FROM document WHERE tenant_id = ? AND " + INDEXED + " ORDER BY id", Registers::doc, unit.id())
                .forEach(d -> sink.accept(Registers.searchDocument(d, unit.id(), unit.path(), unit.code(), files.text(d))));
    }

    @Override
    public Map<Long, Long> countsByUnit() {
        Map<Long, Long> counts = new TreeMap<>();
        db.list("SELECT tenant_id, count(*) FROM document WHERE " + INDEXED + " GROUP BY tenant_id", rs -> new long[] {rs.getLong(1), rs.getLong(2)})
                .forEach(r -> counts.put(r[0], r[1]));
        return counts;
    }
}
