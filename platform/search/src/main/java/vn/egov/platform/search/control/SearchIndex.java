package vn.egov.platform.search.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import vn.egov.platform.search.SearchDocument;

/**
 * What a module calls to make a change searchable: the change goes to the search outbox <em>in the caller's
 * transaction</em> (the same enlisted connection, under the same tenant scope), so it is indexed if and only if
 * the change commits. The outbox worker does the rest; Solr being down never fails the caller.
 */
@ApplicationScoped
public class SearchIndex {
    static final String INSERT = "INSERT INTO search_outbox (tenant_id, doc_id, op, document, job_id) VALUES (?, ?, ?, ?::jsonb, ?)";

    @Resource(lookup = "jdbc/egov")
    DataSource dataSource;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Adds or replaces the item in the index. */
    public void put(SearchDocument document) {
        Objects.requireNonNull(document, "document");
        write(List.of(new Row(document.tenantId(), document.id(), "upsert", document.toJson().toString())), null);
    }

    /** Removes the item {@code docId} (see {@link SearchDocument#idOf}) of unit {@code tenantId} from the index. */
    public void remove(long tenantId, String docId) {
        Objects.requireNonNull(docId, "docId");
        write(List.of(new Row(tenantId, docId, "delete", null)), null);
    }

    /**
     * Whether a change of item {@code docId} of unit {@code tenantId} still waits in the outbox (so a search does not
     * find it as it is yet): read in the caller's transaction, under its scope.
     */
    public boolean pending(long tenantId, String docId) {
        if (transactions.getTransactionKey() == null || transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("the search outbox is read in the caller's transaction, and there is none");
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM search_outbox WHERE tenant_id = ? AND doc_id = ?)")) {
            ps.setLong(1, tenantId);
            ps.setString(2, docId);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the search outbox could not be read", e);
        }
    }

    /** A full reindex of one unit: everything of the unit goes from the index, then {@code documents} come back. */
    void replaceUnit(long tenantId, List<SearchDocument> documents, Long jobId) {
        List<Row> rows = new java.util.ArrayList<>(documents.size() + 1);
        rows.add(new Row(tenantId, "purge:" + tenantId, "purge", null));
        for (SearchDocument d : documents) {
            rows.add(new Row(tenantId, d.id(), "upsert", d.toJson().toString()));
        }
        write(rows, jobId);
    }

    record Row(long tenantId, String docId, String op, String json) {
    }

    private void write(List<Row> rows, Long jobId) {
        if (transactions.getTransactionKey() == null || transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("the search outbox is written in the caller's transaction, and there is none");
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (Row r : rows) {
                ps.setLong(1, r.tenantId());
                ps.setString(2, r.docId());
                ps.setString(3, r.op());
                ps.setString(4, r.json());
                if (jobId == null) {
                    ps.setNull(5, Types.BIGINT);
                } else {
                    ps.setLong(5, jobId);
                }
                if (rows.size() == 1) {
                    ps.executeUpdate();
                } else {
                    ps.addBatch();
                }
            }
            if (rows.size() > 1) {
                ps.executeBatch();
            }
        } catch (SQLException e) {
            // the caller's transaction must not commit a change whose index entry was lost
            throw new IllegalStateException("could not write to the search outbox: " + e.getMessage(), e);
        }
    }
}
