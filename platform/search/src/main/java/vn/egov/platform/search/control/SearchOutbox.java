package vn.egov.platform.search.control;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import vn.egov.platform.outbox.OutboxHandler;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrInputDocument;
import vn.egov.platform.search.SearchDocument;
import vn.egov.platform.web.Jsonp;

/**
 * The search outbox, sent to Solr by the platform's one outbox worker: rows claimed with {@code SKIP LOCKED} and a
 * lease, in id order, so two nodes could never send the same row twice at once. A batch that fails stays in the
 * outbox, waits 2^attempts seconds (at most {@link #MAX_DELAY_S}) and is sent again; nothing is dropped. After the
 * rounds, the reindexes asked for start. The last round's result is kept in the data grid for the admin pages.
 */
@ApplicationScoped
public class SearchOutbox implements OutboxHandler {
    private static final Logger LOG = Logger.getLogger(SearchOutbox.class.getName());
    static final String STATUS = "egov-search-status";
    static final int BATCH = 500;
    static final int MAX_DELAY_S = 30;
    static final int COMMIT_WITHIN_MS = 1000;

    @Inject
    SolrGateway solr;

    @Inject
    ReindexRequests requests;

    private volatile DataSource dataSource;
    private volatile HazelcastInstance grid;
    private final AtomicLong sent = new AtomicLong();

    @Override
    public String name() {
        return "search";
    }

    @Override
    public long everyMillis() {
        return 250;
    }

    @Override
    public boolean round(DataSource db) throws Exception {
        dataSource = db;
        try {
            if (drainOnce() == BATCH) {
                return true;
            }
            requests.startPending(db);
            return false;
        } catch (Exception e) {
            status(null, e.toString());
            throw e;
        }
    }

    record Claimed(long id, long tenantId, String docId, String op, String document) {
    }

    /** One batch: claim, send, mark done (or failed). Returns how many rows were claimed. */
    int drainOnce() throws SQLException {
        List<Claimed> rows = claim();
        if (rows.isEmpty()) {
            return 0;
        }
        Long[] ids = rows.stream().map(Claimed::id).toArray(Long[]::new);
        try {
            send(rows);
        } catch (Exception e) {
            String message = e.getClass().getSimpleName() + ": " + e.getMessage();
            call("SELECT search_outbox_failed(?, ?, ?)", ids, message, MAX_DELAY_S);
            status(null, message);
            return 0;
        }
        call("SELECT search_outbox_done(?)", ids);
        sent.addAndGet(rows.size());
        status(rows.size(), null);
        return rows.size();
    }

    /** Claims a batch, in id order: UPDATE ... RETURNING gives no order, and a purge must come before what follows it. */
    private List<Claimed> claim() throws SQLException {
        List<Claimed> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, tenant_id, doc_id, op, document::text FROM search_outbox_claim(?, interval '2 minutes') ORDER BY id")) {
            ps.setInt(1, BATCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Claimed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        }
        return rows;
    }

    private void call(String sql, Long[] ids, Object... more) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            Array array = c.createArrayOf("bigint", ids);
            ps.setArray(1, array);
            for (int i = 0; i < more.length; i++) {
                ps.setObject(i + 2, more[i]);
            }
            ps.execute();
        }
    }

    /**
     * Applies the rows in order: within a run of upserts and deletes only the latest row of a document counts;
     * a purge (the start of a unit's reindex) is applied after what came before it and before what follows.
     */
    void send(List<Claimed> rows) throws Exception {
        Map<String, Claimed> run = new LinkedHashMap<>();
        for (Claimed r : rows) {
            if ("purge".equals(r.op())) {
                flush(run);
                UpdateRequest purge = new UpdateRequest();
                purge.deleteByQuery("tenant_id:" + r.tenantId());
                purge.setCommitWithin(COMMIT_WITHIN_MS);
                purge.process(solr.client());
            } else {
                run.remove(r.docId());
                run.put(r.docId(), r);
            }
        }
        flush(run);
    }

    private void flush(Map<String, Claimed> run) throws Exception {
        if (run.isEmpty()) {
            return;
        }
        UpdateRequest update = new UpdateRequest();
        for (Claimed r : run.values()) {
            if ("upsert".equals(r.op())) {
                update.add(toSolr(SearchDocument.fromJson(Jsonp.createReader(new StringReader(r.document())).readObject())));
            } else {
                update.deleteById(r.docId());
            }
        }
        update.setCommitWithin(COMMIT_WITHIN_MS);
        update.process(solr.client());
        run.clear();
    }

    static SolrInputDocument toSolr(SearchDocument d) {
        SolrInputDocument s = new SolrInputDocument();
        s.addField("id", d.id());
        s.addField("tenant_id", d.tenantId());
        s.addField("tenant_path", d.tenantPath());
        s.addField("type", d.type());
        s.addField("visibility", d.visibility().code());
        for (String r : d.readers()) {
            s.addField("readers", r);
        }
        s.addField("title", d.title());
        s.addField("body", d.body());
        if (d.url() != null) {
            s.addField("url", d.url());
        }
        s.addField("updated", Date.from(d.updated()));
        return s;
    }

    private HazelcastInstance grid() {
        if (grid == null) {
            try {
                grid = (HazelcastInstance) new javax.naming.InitialContext().lookup("payara/Hazelcast");
            } catch (javax.naming.NamingException e) {
                throw new IllegalStateException("the data grid is not available: " + e.getMessage(), e);
            }
        }
        return grid;
    }

    private void status(Integer batch, String error) {
        try {
            HazelcastInstance grid = grid();
            IMap<String, String> status = grid.getMap(STATUS);
            String last = status.get("worker");
            JsonObject previous = last == null ? Jsonp.createObjectBuilder().build() : Jsonp.createReader(new StringReader(last)).readObject();
            var b = Jsonp.createObjectBuilder(previous)
                    .add("node", grid.getCluster().getLocalMember().getAddress().toString())
                    .add("lastRun", Instant.now().toString())
                    .add("sentByThisNode", sent.get());
            if (batch != null) {
                b.add("lastSuccess", Instant.now().toString()).add("lastBatch", batch);
            }
            if (error != null) {
                b.add("lastError", error).add("lastErrorAt", Instant.now().toString());
            }
            status.set("worker", b.build().toString());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "could not record the worker's status", e);
        }
    }

    /** The worker's last status as recorded in the data grid (whichever node ran it), or an empty object. */
    public JsonObject lastStatus() {
        String s = grid().<String, String>getMap(STATUS).get("worker");
        return s == null ? Jsonp.createObjectBuilder().build() : Jsonp.createReader(new StringReader(s)).readObject();
    }
}
