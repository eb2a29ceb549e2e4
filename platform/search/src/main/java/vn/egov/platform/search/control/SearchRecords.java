package vn.egov.platform.search.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;
import vn.egov.platform.tenancy.UnitsReorganised;
import vn.egov.platform.tenancy.reorg.FunctionRecords;
import vn.egov.platform.words.Phrase;

/**
 * How the search index follows a reorganisation (database functions {@code search_reorg_transfer} and
 * {@code search_reindex_claim}, V8_5): the ended unit's items leave the index through the outbox in the plan's
 * transaction; the successors are reindexed, in the server by {@link ReorganisationFollower} in the same transaction,
 * after the operator's tool by pending jobs that the worker starts ({@link ReindexRequests}).
 */
public class SearchRecords extends FunctionRecords {
    /** The texts of this rule ({@code records_vi}, {@code records_en}). */
    static final String BUNDLE = "vn.egov.platform.search.control.records";

    public SearchRecords() {
        super("search", Set.of("search_outbox", "search_reindex_job"), Set.of(), "search_reorg_transfer", 0, Phrase.of(BUNDLE, "reorg.rule"));
    }

    @Override
    public void finish(Connection c, UnitsReorganised outcome, boolean observersFollow) throws SQLException {
        if (observersFollow) {
            return;
        }
        Set<Long> units = new TreeSet<>(outcome.successors().values());
        units.addAll(outcome.created());
        units.removeAll(outcome.successors().keySet());
        Set<Long> moved = new TreeSet<>(outcome.moved());
        moved.removeAll(outcome.successors().keySet());
        units.removeAll(moved);
        // (a unit outside the plan's scope is a new, empty root of a plan that adds provinces: nothing to index)
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO search_reindex_job (tenant_id, subtree, requested_by, queued) "
                + "SELECT ?, ?, ?, true WHERE ?::bigint = ANY (visible_tenants())")) {
            for (Long id : units) {
                add(ps, id, false, outcome.actor());
            }
            for (Long id : moved) {
                add(ps, id, true, outcome.actor());
            }
            ps.executeBatch();
        }
    }

    private static void add(PreparedStatement ps, long unit, boolean subtree, String actor) throws SQLException {
        ps.setLong(1, unit);
        ps.setBoolean(2, subtree);
        ps.setString(3, actor.length() > 64 ? actor.substring(0, 64) : actor);
        ps.setLong(4, unit);
        ps.addBatch();
    }
}
