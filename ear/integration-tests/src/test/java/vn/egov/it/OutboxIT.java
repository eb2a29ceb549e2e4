package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.egov.it.Fixtures.COMMUNE;
import static vn.egov.it.Fixtures.PASSWORD;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.egov.provisioning.Solr;

/**
 * Nothing is lost: with the real Solr stopped, writes still succeed (their index changes wait in the outbox,
 * with the errors on the admin page); when Solr is back, the backlog drains and the index matches the database,
 * deletes and edits included.
 */
class OutboxIT extends DeployedEar {

    @Test
    void withSolrStoppedWritesSucceedAndWhenItIsBackTheBacklogDrains() throws Exception {
        String mark = "ob" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Api admin = Api.as(Fixtures.user(COMMUNE, false, "UNIT_ADMIN"), PASSWORD);
        long first = SearchIT.notice(admin, COMMUNE, "Trước khi dừng " + mark, "Có trong chỉ mục " + mark, "staff");
        SearchIT.awaitTotal(admin, "q=" + mark + "&unit=" + COMMUNE, 1);

        Solr solr = ItEnvironment.platform().solr();
        assertTrue(solr.stop(), "the test environment started this Solr, so it can stop it");
        List<Long> ids = new ArrayList<>();
        try {
            assertFalse(solr.ping());
            for (int i = 0; i < 20; i++) {
                ids.add(SearchIT.notice(admin, COMMUNE, "Trong lúc dừng số " + i + " " + mark, "Chờ trong hàng đợi " + mark, "staff"));
            }
            Api.Response edited = admin.put("/api/t/" + COMMUNE + "/notices/" + ids.get(0),
                    "{\"title\":\"Đã sửa khi dừng " + mark + "\",\"body\":\"Nội dung mới " + mark + "\"}");
            assertEquals(200, edited.status(), edited.toString());
            assertEquals(204, admin.delete("/api/t/" + COMMUNE + "/notices/" + first).status());

            Api.Response down = admin.get("/api/search?q=" + mark + "&unit=" + COMMUNE);
            assertEquals(503, down.status(), down.toString());
            assertTrue(down.isProblem());

            // the worker has tried, failed, and says so on the admin page; the rows wait
            JsonObject backlog = awaitBacklog(admin, b -> b.getJsonNumber("failing").longValue() > 0);
            assertTrue(backlog.getJsonNumber("pending").longValue() >= 22, backlog.toString());
            assertFalse(backlog.getJsonArray("lastErrors").isEmpty(), backlog.toString());
        } finally {
            solr.ensureRunning();
        }
        // backoff is at most 30 s: the backlog drains within a minute or so. 20 results can show up before the last
        // rows are applied (the deleted notice still there, the edited one not yet), so wait for the final state itself
        // (a 503 while Solr comes back is waited out too)
        List<String> titles = SearchIT.titles(Wait.until("the index to show the 20 notices with the edit and the delete applied",
                Duration.ofSeconds(120), () -> admin.get("/api/search?q=" + mark + "&unit=" + COMMUNE + "&size=50"), r -> {
                    if (r.status() != 200) {
                        return false;
                    }
                    List<String> t = SearchIT.titles(r.json());
                    return t.size() == 20 && t.contains("Đã sửa khi dừng " + mark) && !t.contains("Trước khi dừng " + mark);
                }).json());
        assertEquals(20, titles.size(), titles.toString());
        assertTrue(titles.contains("Đã sửa khi dừng " + mark), "the edit made while Solr was down is indexed: " + titles);
        assertFalse(titles.contains("Trước khi dừng " + mark), "the delete made while Solr was down is applied: " + titles);
        JsonObject drained = awaitBacklog(admin, b -> b.getJsonNumber("pending").longValue() == 0);
        assertEquals(0, drained.getJsonNumber("failing").longValue());
    }

    @Test
    void aDatabaseErrorInTheClaimIsShownOnTheSearchStatusPage() throws Exception {
        java.time.Instant before = java.time.Instant.now();
        Api provinceAdmin = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"), PASSWORD);
        // the search outbox's claim refused by the database for a while (as a lost privilege would be): its function's
        // owner may not lock the table's rows; the other outboxes go on
        String indexer;
        try (java.sql.Connection owner = Fixtures.db().owner(); java.sql.Statement s = owner.createStatement()) {
            try (java.sql.ResultSet rs = s.executeQuery("SELECT pg_get_userbyid(proowner) FROM pg_proc WHERE proname = 'outbox_claim'")) {
                rs.next();
                indexer = rs.getString(1);
            }
            s.execute("REVOKE UPDATE ON search_outbox FROM \"" + indexer + "\"");
        }
        try {
            JsonObject worker = Wait.until("the search status to show the claim's error", Duration.ofSeconds(60), () -> {
                Api.Response r = provinceAdmin.get("/api/t/" + Fixtures.PROVINCE + "/search/backlog");
                assertEquals(200, r.status(), r.toString());
                return r.json().getJsonObject("worker");
            }, w -> w.containsKey("lastErrorAt") && java.time.Instant.parse(w.getString("lastErrorAt")).isAfter(before)
                    && w.getString("lastError", "").contains("search_outbox"));
            assertTrue(worker.getString("lastError").contains("permission denied"), worker.toString());
        } finally {
            try (java.sql.Connection owner = Fixtures.db().owner(); java.sql.Statement s = owner.createStatement()) {
                s.execute("GRANT UPDATE ON search_outbox TO \"" + indexer + "\"");
            }
        }
        // and the index is written again once the claim works
        Api admin = Api.as(Fixtures.user(COMMUNE, false, "UNIT_ADMIN"), PASSWORD);
        String mark = "cl" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        SearchIT.notice(admin, COMMUNE, "Sau lỗi " + mark, "Có trong chỉ mục " + mark, "staff");
        SearchIT.awaitTotal(admin, "q=" + mark + "&unit=" + COMMUNE, 1);
    }

    @Test
    void twoClaimsAtOnceNeverTakeTheSameRow() throws Exception {
        // rows no index holds (deletes of documents that never were), written in the commune's scope
        String mark = "claim-" + UUID.randomUUID();
        try (java.sql.Connection c = Fixtures.db().app()) {
            c.setAutoCommit(false);
            scope(c);
            try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO search_outbox (tenant_id, doc_id, op) "
                    + "SELECT ?, ? || '-' || g, 'delete' FROM generate_series(1, 40) g")) {
                ps.setLong(1, Fixtures.tenantId(COMMUNE));
                ps.setString(2, mark);
                ps.executeUpdate();
            }
            c.commit();
        }
        // two claims at once, as two nodes' would be (each holds its rows until it ends); the worker may take some too
        try (java.sql.Connection a = Fixtures.db().app(); java.sql.Connection b = Fixtures.db().app()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            List<Long> first = claim(a, 15);
            List<Long> second = claim(b, 15);
            List<Long> both = new ArrayList<>(first);
            both.retainAll(second);
            assertEquals(List.of(), both, "claimed by both: " + first + " and " + second);
            assertTrue(first.size() + second.size() > 0, "the claims took nothing");
            a.rollback();
            b.rollback();
        }
    }

    private static void scope(java.sql.Connection c) throws Exception {
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true), set_config('app.subtree', 'off', true)")) {
            ps.setString(1, Long.toString(Fixtures.tenantId(COMMUNE)));
            ps.executeQuery().close();
        }
    }

    private static List<Long> claim(java.sql.Connection c, int limit) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT id FROM outbox_claim(NULL::search_outbox, ?, interval '2 minutes')")) {
            ps.setInt(1, limit);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** The commune's backlog once it satisfies the condition, for at most 120 s (any answer but 200 fails at once). */
    static JsonObject awaitBacklog(Api admin, java.util.function.Predicate<JsonObject> condition) {
        return Wait.until("the backlog to reach the expected state", Duration.ofSeconds(120), () -> {
            Api.Response r = admin.get("/api/t/" + COMMUNE + "/search/backlog");
            assertEquals(200, r.status(), r.toString());
            return r.json().getJsonObject("backlog");
        }, condition);
    }
}
