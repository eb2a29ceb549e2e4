package vn.egov.procedures.control;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.persistence.PublicReads;
import vn.egov.platform.search.SearchDocument;
import vn.egov.platform.search.SearchSource;
import vn.egov.platform.search.Visibility;
import vn.egov.procedures.entity.Procedure;

/**
 * Procedures in search: one public item per procedure a unit offers (its own and those it adopted), found from
 * the unit's site and every site above it, and leading to the unit's own catalogue page. The rows are public
 * information, read in the public-read scope (an adopted procedure's row is the province's).
 */
@ApplicationScoped
public class ProcedureSearch implements SearchSource {
    public static final String TYPE = "procedure";

    @Inject
    Db db;

    @Inject
    PublicReads reads;

    public static String docId(long unitId, String code) {
        return SearchDocument.idOf(TYPE, unitId + "-" + code);
    }

    /** The item of procedure {@code p} as {@code unit} offers it; {@code definition} is its current version. */
    public static SearchDocument document(Unit unit, Procedure p, JsonNode definition) {
        StringBuilder text = new StringBuilder(p.sector()).append('\n').append(definition.path("result").asText(""))
                .append('\n').append(definition.path("legalBasis").asText(""));
        definition.path("papers").forEach(paper -> text.append('\n').append(paper.path("name").asText("")));
        text.append('\n').append(definition.path("steps").asText(""));
        return new SearchDocument(docId(unit.id(), p.code()), unit.id(), unit.path(), TYPE, Visibility.PUBLIC, Set.of(),
                p.name() + " (" + p.code() + ")", text.toString(), "/t/" + unit.code() + "/procedures/" + p.code(), Instant.now());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void documents(Unit unit, Consumer<SearchDocument> sink) {
        List<Object[]> rows = reads.read(() -> db.list("SELECT " + Catalogue.COLS + ", v.definition::text FROM procedure p "
                + "JOIN procedure_version v ON v.procedure_id = p.id AND v.version = p.current_version "
                + "WHERE p.tenant_id = ? OR p.id IN (SELECT procedure_id FROM unit_procedure WHERE tenant_id = ?)",
                rs -> new Object[] {Catalogue.procedure(rs), rs.getString(10)}, unit.id(), unit.id()));
        for (Object[] r : rows) {
            sink.accept(document(unit, (Procedure) r[0], Catalogue.read((String) r[1])));
        }
    }

    @Override
    public Map<Long, Long> countsByUnit() {
        Map<Long, Long> counts = new TreeMap<>();
        db.list("SELECT tenant_id, count(*) FROM (SELECT tenant_id FROM procedure UNION ALL SELECT tenant_id FROM unit_procedure) x "
                + "GROUP BY tenant_id", rs -> new long[] {rs.getLong(1), rs.getLong(2)}).forEach(r -> counts.put(r[0], r[1]));
        return counts;
    }
}
