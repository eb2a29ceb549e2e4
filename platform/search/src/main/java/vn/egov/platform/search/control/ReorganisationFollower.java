package vn.egov.platform.search.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import vn.egov.platform.search.SearchSource;
import vn.egov.platform.tenancy.UnitsReorganised;

/**
 * Keeps the index in line with a reorganisation, in the same transaction that applies it: every unit that received
 * records, was created, or moved (with its whole subtree, whose paths changed) is reindexed through the outbox (the
 * ended units' items were purged by the plan itself, {@link SearchRecords}). If this fails, the plan rolls back with it.
 */
@ApplicationScoped
public class ReorganisationFollower {

    @Resource(lookup = "jdbc/egov")
    DataSource dataSource;

    @Inject
    ReindexSteps steps;

    void follow(@Observes UnitsReorganised event) {
        // the ended units' items are purged by the plan itself (SearchRecords), in the operator's tool too
        Set<Long> roots = new TreeSet<>(event.successors().values());
        roots.addAll(event.created());
        roots.removeAll(event.successors().keySet());
        List<SearchSource.Unit> units = read(roots, new TreeSet<>(event.moved()));
        for (SearchSource.Unit unit : units) {
            steps.replace(unit, null);
        }
    }

    /** The units {@code ids}, and the moved ones with their whole subtree, read fresh (paths just changed). */
    private List<SearchSource.Unit> read(Set<Long> ids, Set<Long> moved) {
        List<SearchSource.Unit> units = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT t.id, t.path::text, t.code FROM tenant t WHERE t.status <> 'retired' AND (t.id = ANY (?) "
                        + "OR EXISTS (SELECT 1 FROM tenant m WHERE m.id = ANY (?) AND t.path <@ m.path)) ORDER BY t.id")) {
            Array a = c.createArrayOf("bigint", ids.toArray(Long[]::new));
            Array b = c.createArrayOf("bigint", moved.toArray(Long[]::new));
            ps.setArray(1, a);
            ps.setArray(2, b);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    units.add(new SearchSource.Unit(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the reorganised units: " + e.getMessage(), e);
        }
        return units;
    }
}
