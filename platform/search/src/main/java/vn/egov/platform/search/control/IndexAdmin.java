package vn.egov.platform.search.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import vn.egov.platform.search.SearchSource;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;

/**
 * What the index administrators see: the outbox backlog and its errors, reindex jobs, and the consistency check
 * (items per unit in the database against the index). Runs inside the caller's transaction and scope: a unit
 * admin sees their unit (or subtree), never another's.
 */
@ApplicationScoped
@jakarta.transaction.Transactional
@vn.egov.platform.persistence.TenantTransactional
public class IndexAdmin {

    @Resource(lookup = "jdbc/egov")
    DataSource dataSource;

    @Inject
    Instance<SearchSource> sources;

    @Inject
    Searcher searcher;

    @Inject
    TenantDirectory directory;

    public record Job(long id, String unit, boolean subtree, String requestedBy, Instant startedAt, Instant finishedAt,
                      int unitsTotal, int unitsDone, long documents, long pending, boolean done, String error) {
    }

    public record Failing(String docId, String unit, int attempts, String error, Instant nextAttempt) {
    }

    public record Backlog(long pending, long failing, Instant oldest, List<Failing> lastErrors, List<Job> recentJobs) {
    }

    public record UnitCount(String code, String name, long database, long index, long pending, boolean consistent) {
    }

    public record Check(String unit, boolean subtree, boolean consistent, long database, long index, long pending,
                        List<UnitCount> units, List<UnitCount> differences) {
    }

    public Optional<Job> job(long id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT j.*, t.code, (SELECT count(*) FROM search_outbox o WHERE o.job_id = j.id) AS pending "
                        + "FROM search_reindex_job j JOIN tenant t ON t.id = j.tenant_id WHERE j.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(job(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static Job job(ResultSet rs) throws SQLException {
        Instant finished = instant(rs.getTimestamp("finished_at"));
        long pending = rs.getLong("pending");
        return new Job(rs.getLong("id"), rs.getString("code"), rs.getBoolean("subtree"), rs.getString("requested_by"),
                instant(rs.getTimestamp("started_at")), finished, rs.getInt("units_total"), rs.getInt("units_done"),
                rs.getLong("documents"), pending, finished != null && pending == 0, rs.getString("error"));
    }

    /** The backlog the caller's scope covers: rows waiting, rows that failed at least once, the last errors. */
    public Backlog backlog() {
        try (Connection c = dataSource.getConnection()) {
            long pending;
            long failing;
            Instant oldest;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*), count(*) FILTER (WHERE attempts > 0), min(created_at) "
                    + "FROM search_outbox WHERE next_attempt_at < 'infinity'"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                pending = rs.getLong(1);
                failing = rs.getLong(2);
                oldest = instant(rs.getTimestamp(3));
            }
            List<Failing> errors = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT o.doc_id, t.code, o.attempts, o.last_error, o.next_attempt_at "
                    + "FROM search_outbox o JOIN tenant t ON t.id = o.tenant_id "
                    + "WHERE o.last_error IS NOT NULL AND o.next_attempt_at < 'infinity' ORDER BY o.id DESC LIMIT 20");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    errors.add(new Failing(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), instant(rs.getTimestamp(5))));
                }
            }
            List<Job> jobs = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT j.*, t.code, (SELECT count(*) FROM search_outbox o WHERE o.job_id = j.id) AS pending "
                    + "FROM search_reindex_job j JOIN tenant t ON t.id = j.tenant_id ORDER BY j.id DESC LIMIT 10");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    jobs.add(job(rs));
                }
            }
            return new Backlog(pending, failing, oldest, errors, jobs);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Items per unit in the database (read through row-level security: the caller's scope) against the index,
     * for {@code unit}, and its subtree when {@code subtree}. A unit whose numbers differ while rows of it still
     * wait in the outbox is in flight, not lost; the check says which. Items the index still holds for a unit that
     * has ended are counted under that unit (the database has none for it), so they show as a difference.
     */
    public Check check(Tenant unit, boolean subtree) throws Searcher.BadQuery, Searcher.Unavailable {
        Map<Long, Tenant> units = (subtree ? directory.subtree(unit) : List.of(unit)).stream()
                .collect(Collectors.toMap(Tenant::getId, t -> t, (a, b) -> a, TreeMap::new));
        Map<Long, Long> database = new TreeMap<>();
        Set<String> types = new TreeSet<>();
        for (SearchSource source : sources) {
            types.add(source.type());
            source.countsByUnit().forEach((id, n) -> {
                // an ended unit is no place to search: what it still keeps (a superseded procedure, say) is not indexed
                if (units.containsKey(id) && !units.get(id).isRetired()) {
                    database.merge(id, n, Long::sum);
                }
            });
        }
        Map<Long, Long> index = new TreeMap<>(searcher.countsByUnit(unit, types));
        for (Long id : List.copyOf(index.keySet())) {
            // items of a unit that has ended (merged, dissolved) should have left the index with it: counted, so seen
            Optional<Tenant> ended = units.containsKey(id) ? Optional.empty() : directory.byId(id).filter(Tenant::isRetired);
            if (ended.isPresent()) {
                units.put(id, ended.get());
            } else if (!units.containsKey(id)) {
                index.remove(id);
            }
        }
        Map<Long, Long> pending = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT tenant_id, count(*) FROM search_outbox WHERE next_attempt_at < 'infinity' GROUP BY tenant_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (units.containsKey(rs.getLong(1))) {
                    pending.put(rs.getLong(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        List<UnitCount> rows = new ArrayList<>();
        List<UnitCount> differences = new ArrayList<>();
        for (Tenant t : units.values()) {
            long db = database.getOrDefault(t.getId(), 0L);
            long ix = index.getOrDefault(t.getId(), 0L);
            if (db == 0 && ix == 0 && !pending.containsKey(t.getId())) {
                continue;
            }
            UnitCount row = new UnitCount(t.getCode(), t.getName(), db, ix, pending.getOrDefault(t.getId(), 0L), db == ix);
            rows.add(row);
            if (!row.consistent()) {
                differences.add(row);
            }
        }
        long db = database.values().stream().mapToLong(Long::longValue).sum();
        long ix = index.values().stream().mapToLong(Long::longValue).sum();
        long waiting = pending.values().stream().mapToLong(Long::longValue).sum();
        return new Check(unit.getCode(), subtree, differences.isEmpty(), db, ix, waiting, rows, differences);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
