package vn.egov.platform.search.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import vn.egov.platform.tenancy.UnitsReorganised;
import vn.egov.platform.tenancy.reorg.Conflict;
import vn.egov.platform.tenancy.reorg.Handover;
import vn.egov.platform.tenancy.reorg.RecordRule;
import vn.egov.platform.tenancy.reorg.Transferred;

/**
 * How the search index follows a reorganisation (database functions {@code search_reorg_transfer} and
 * {@code search_reindex_claim}, V8_5): the ended unit's items leave the index through the outbox in the plan's
 * transaction; the successors are reindexed, in the server by {@link ReorganisationFollower} in the same transaction,
 * after the operator's tool by pending jobs that the worker starts ({@link ReindexRequests}).
 */
public class SearchRecords implements RecordRule {

    @Override
    public String module() {
        return "search";
    }

    @Override
    public Set<String> tables() {
        return Set.of("search_outbox", "search_reindex_job");
    }

    @Override
    public Set<String> generic() {
        return Set.of();
    }

    @Override
    public String describe() {
        return "Mục tìm kiếm của đơn vị kết thúc bị gỡ khỏi chỉ mục trong cùng giao dịch; đơn vị kế thừa được lập chỉ mục lại / "
                + "the ended unit's items leave the index in the same transaction; successors are reindexed";
    }

    @Override
    public List<Conflict> conflicts(Connection c, Handover h) {
        return List.of();
    }

    @Override
    public Transferred transfer(Connection c, Handover h) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT table_name, moved FROM search_reorg_transfer(?, ?)")) {
            ps.setLong(1, h.from());
            ps.setLong(2, h.to());
            try (ResultSet rs = ps.executeQuery()) {
                return Transferred.read(rs);
            }
        }
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
