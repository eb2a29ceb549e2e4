package vn.egov.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * One round of a handler: its rows claimed through the platform's {@code outbox_claim} (V8_20) with a lease of
 * {@value #LEASE}, sent by the handler, and what became of them marked in one call per kind at the end of the round
 * (delivery is at least once: a crash before the marks sends those rows again). A round that runs past half its
 * lease marks what it has so far, so a row is never sent again because its lease ran out while it waited for a mark.
 */
public final class OutboxRound {
    static final String LEASE = "2 minutes";
    private static final long MARK_AFTER_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final DataSource db;
    private final OutboxHandler handler;
    private final long claimedAt = System.nanoTime();
    private final List<Long> sent = new ArrayList<>();
    private final Map<String, List<Long>> refused = new LinkedHashMap<>();
    private final Map<Failure, List<Long>> failed = new LinkedHashMap<>();
    private boolean anyFailed;

    private record Failure(String error, int maxDelayS) {
    }

    private OutboxRound(DataSource db, OutboxHandler handler) {
        this.db = db;
        this.handler = handler;
    }

    /** The database, for what the handler records of an answer (in its own tables, through its own functions). */
    public DataSource db() {
        return db;
    }

    /** Delivered: the row is done. */
    public void sent(OutboxRow row) throws SQLException {
        sent.add(row.id());
        markIfLong();
    }

    /** Not delivered: tried again after its backoff (up to the handler's longest delay), given up after its tries. */
    public void failed(OutboxRow row, Exception e) throws SQLException {
        failed(row, e.getClass().getSimpleName() + ": " + e.getMessage(), handler.maxDelaySeconds());
    }

    /** Not delivered, or not to be sent yet: tried again after its backoff, at most {@code maxDelayS} seconds. */
    public void failed(OutboxRow row, String error, int maxDelayS) throws SQLException {
        failed.computeIfAbsent(new Failure(error, maxDelayS), f -> new ArrayList<>()).add(row.id());
        anyFailed = true;
        markIfLong();
    }

    /** Refused by the other side: final, never sent again; the reason is kept. */
    public void refused(OutboxRow row, String reason) throws SQLException {
        refused.computeIfAbsent(reason, r -> new ArrayList<>()).add(row.id());
        markIfLong();
    }

    /**
     * Claims a batch of the handler's table and has it sent. Returns whether there may be more now: a target (or the
     * table) gave its whole share and nothing failed (a failing outside system is not tried again at once).
     */
    static boolean run(DataSource db, OutboxHandler handler, List<String> targets) throws Exception {
        List<OutboxRow> rows = claim(db, handler, targets);
        if (rows.isEmpty()) {
            return false;
        }
        OutboxRound round = new OutboxRound(db, handler);
        try {
            handler.send(rows, round);
        } finally {
            round.mark();
        }
        if (round.anyFailed) {
            return false;
        }
        int share = targets == null ? handler.batch() : (handler.batch() + targets.size() - 1) / targets.size();
        Map<String, Integer> taken = new HashMap<>();
        return rows.stream().anyMatch(r -> taken.merge(String.valueOf(r.target()), 1, Integer::sum) >= share);
    }

    static List<OutboxRow> claim(DataSource db, OutboxHandler handler, List<String> targets) throws SQLException {
        String table = handler.table();
        if (!table.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalStateException(handler.name() + ": not a table name: " + table);
        }
        String sql = "SELECT * FROM outbox_claim(NULL::" + table + ", ?, interval '" + LEASE + "'" + (targets == null ? "" : ", ?::text[]") + ") ORDER BY id";
        List<OutboxRow> rows = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, handler.batch());
            if (targets != null) {
                ps.setArray(2, c.createArrayOf("text", targets.toArray()));
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> columns = new HashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        boolean json = md.getColumnTypeName(i).startsWith("json");
                        columns.put(md.getColumnLabel(i), json ? rs.getString(i) : rs.getObject(i));
                    }
                    rows.add(new OutboxRow(rs.getLong("id"), rs.getLong("tenant_id"), (String) columns.get("target"), rs.getInt("attempts"), columns));
                }
            }
        }
        return rows;
    }

    private void markIfLong() throws SQLException {
        if (System.nanoTime() - claimedAt > MARK_AFTER_NANOS) {
            mark();
        }
    }

    /** Marks what the round has told so far, one call per kind (the sent rows together, failures by error). */
    void mark() throws SQLException {
        if (!sent.isEmpty()) {
            call("SELECT outbox_sent(?::regclass, ?)", sent);
        }
        for (Map.Entry<String, List<Long>> r : refused.entrySet()) {
            call("SELECT outbox_refused(?::regclass, ?, ?)", r.getValue(), r.getKey());
        }
        for (Map.Entry<Failure, List<Long>> f : failed.entrySet()) {
            call("SELECT outbox_failed(?::regclass, ?, ?, ?, ?)", f.getValue(), f.getKey().error(), f.getKey().maxDelayS(), handler.maxAttempts());
        }
        sent.clear();
        refused.clear();
        failed.clear();
    }

    private void call(String sql, List<Long> ids, Object... more) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, handler.table());
            ps.setArray(2, c.createArrayOf("bigint", ids.toArray()));
            for (int i = 0; i < more.length; i++) {
                ps.setObject(i + 3, more[i]);
            }
            ps.execute();
        }
    }
}
