package vn.egov.platform.search.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import vn.egov.platform.tenancy.TenantScope;

/**
 * Starts the reindex jobs that were left pending in the database (by a reorganisation the operator's tool applied,
 * where no server was there to follow it). Called by the outbox worker on the one node that holds its lock; each job
 * is claimed once ({@code search_reindex_claim}, V8_5) and then runs like any other.
 */
@ApplicationScoped
public class ReindexRequests {
    private static final Logger LOG = Logger.getLogger(ReindexRequests.class.getName());

    @Inject
    Reindexer reindexer;

    /** Claims and starts the pending jobs; answers how many. */
    int startPending(DataSource dataSource) {
        int n = 0;
        for (int i = 0; i < 100; i++) {
            long id;
            TenantScope scope;
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT id, tenant_id, path, subtree FROM search_reindex_claim()"); ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return n;
                }
                id = rs.getLong(1);
                scope = new TenantScope(rs.getLong(2), rs.getString(3), rs.getBoolean(4));
            } catch (SQLException e) {
                LOG.log(Level.WARNING, "could not claim a pending reindex job", e);
                return n;
            }
            reindexer.resume(id, scope);
            n++;
        }
        return n;
    }
}
