package vn.egov.platform.search.control;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import vn.egov.platform.outbox.OutboxHandler;
import vn.egov.platform.outbox.OutboxRound;
import vn.egov.platform.outbox.OutboxRow;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrInputDocument;
import vn.egov.platform.search.SearchDocument;
import vn.egov.platform.web.Jsonp;

/**
 * The search outbox ({@code search_outbox}), sent to Solr by the platform's one outbox worker: rows claimed in id
 * order with a lease, a document's newest row only (sending it settles the older ones: the table's key rule). A batch
 * that fails stays in the outbox, waits 2^attempts seconds (at most 30) and is sent again; nothing is dropped. After
 * the rounds, the reindexes asked for start. The last round's result is kept in the data grid for the admin pages.
 */
@ApplicationScoped
public class SearchOutbox implements OutboxHandler {
    private static final Logger LOG = Logger.getLogger(SearchOutbox.class.getName());
    static final String STATUS = "egov-search-status";
    static final int BATCH = 500;
    static final int COMMIT_WITHIN_MS = 1000;

    @Inject
    SolrGateway solr;

    @Inject
    ReindexRequests requests;

    private volatile HazelcastInstance grid;
    private final AtomicLong sent = new AtomicLong();

    @Override
    public String name() {
        return "search";
    }

    @Override
    public String table() {
        return "search_outbox";
    }

    @Override
    public long everyMillis() {
        return 250;
    }

    @Override
    public int batch() {
        return BATCH;
    }

    @Override
    public void idle(DataSource db) throws Exception {
        requests.startPending(db);
    }

    /** An error of the database (the claim, the marks) or of the reindexes' start: kept for the admin pages too. */
    @Override
    public void roundsFailed(Exception e) {
        status(null, e.toString());
    }

    /** One batch to Solr: all sent, or all failed (with the error kept for the admin pages). */
    @Override
    public void send(List<OutboxRow> rows, OutboxRound round) throws SQLException {
        try {
            send(rows);
        } catch (Exception e) {
            for (OutboxRow r : rows) {
                round.failed(r, e);
            }
            status(null, e.getClass().getSimpleName() + ": " + e.getMessage());
            return;
        }
        for (OutboxRow r : rows) {
            round.sent(r);
        }
        sent.addAndGet(rows.size());
        status(rows.size(), null);
    }

    /**
     * Applies the rows in order: within a run of upserts and deletes only the latest row of a document counts;
     * a purge (the start of a unit's reindex) is applied after what came before it and before what follows.
     */
    void send(List<OutboxRow> rows) throws Exception {
        Map<String, OutboxRow> run = new LinkedHashMap<>();
        for (OutboxRow r : rows) {
            if ("purge".equals(r.text("op"))) {
                flush(run);
                UpdateRequest purge = new UpdateRequest();
                purge.deleteByQuery("tenant_id:" + r.tenantId());
                purge.setCommitWithin(COMMIT_WITHIN_MS);
                purge.process(solr.client());
            } else {
                run.remove(r.text("doc_id"));
                run.put(r.text("doc_id"), r);
            }
        }
        flush(run);
    }

    private void flush(Map<String, OutboxRow> run) throws Exception {
        if (run.isEmpty()) {
            return;
        }
        UpdateRequest update = new UpdateRequest();
        for (OutboxRow r : run.values()) {
            if ("upsert".equals(r.text("op"))) {
                update.add(toSolr(SearchDocument.fromJson(Jsonp.createReader(new StringReader(r.text("document"))).readObject())));
            } else {
                update.deleteById(r.text("doc_id"));
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
