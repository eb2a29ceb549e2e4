package vn.egov.platform.search.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.search.SearchDocument;
import vn.egov.platform.search.SearchSource;
import vn.egov.platform.tenancy.entity.Tenant;

/**
 * The transactions of a reindex, each under the scope in force (the request's, or the one carried to the
 * background thread): create the job, reindex one unit (its purge and all its items into the outbox, with the
 * job's progress, in one transaction), finish the job.
 */
@ApplicationScoped
@Transactional
@TenantTransactional
public class ReindexSteps {

    @Resource(lookup = "jdbc/egov")
    DataSource dataSource;

    @Inject
    Instance<SearchSource> sources;

    @Inject
    SearchIndex index;

    @Inject
    vn.egov.platform.tenancy.control.TenantDirectory directory;

    public long createJob(Tenant unit, boolean subtree, String requestedBy, int units) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO search_reindex_job (tenant_id, subtree, requested_by, units_total) VALUES (?, ?, ?, ?) RETURNING id")) {
            ps.setLong(1, unit.getId());
            ps.setBoolean(2, subtree);
            ps.setString(3, requestedBy);
            ps.setInt(4, units);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the reindex job: " + e.getMessage(), e);
        }
    }

    /** Everything of {@code unit}, read again from every module, replaces what the index holds for it. */
    public int reindexUnit(long jobId, Tenant unit) {
        int n = replace(SearchSource.Unit.of(unit), jobId);
        update("UPDATE search_reindex_job SET units_done = units_done + 1, documents = documents + ? WHERE id = ?",
                n, jobId);
        return n;
    }

    /**
     * In the caller's transaction: the index's copy of {@code unit} is purged and every item read again from
     * every source is put back, all through the outbox (so it happens if and only if the transaction commits).
     */
    int replace(SearchSource.Unit unit, Long jobId) {
        List<SearchDocument> documents = new ArrayList<>();
        for (SearchSource source : sources) {
            source.documents(unit, documents::add);
        }
        index.replaceUnit(unit.id(), documents, jobId);
        return documents.size();
    }

    /** The live units a pending job covers now (the unit, or its subtree), recorded as the job's total. */
    public List<Tenant> begin(long jobId, long unitId, boolean subtree) {
        Tenant root = directory.byId(unitId).orElse(null);
        List<Tenant> units = root == null ? List.of() : subtree
                ? directory.subtree(root).stream().filter(t -> !t.isRetired()).toList() : List.of(root);
        update("UPDATE search_reindex_job SET units_total = ? WHERE id = ?", units.size(), jobId);
        return units;
    }

    public void finish(long jobId, String error) {
        update("UPDATE search_reindex_job SET finished_at = now(), error = ? WHERE id = ?", error, jobId);
    }

    private void update(String sql, Object first, long jobId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, first);
            ps.setLong(2, jobId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not update the reindex job: " + e.getMessage(), e);
        }
    }
}
