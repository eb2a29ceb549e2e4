package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.egov.it.Fixtures.COMMUNE;
import static vn.egov.it.Fixtures.DISTRICT;
import static vn.egov.it.Fixtures.PASSWORD;
import static vn.egov.it.Fixtures.SIBLING_COMMUNE;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Full reindex and the consistency check, through the API and the CLI: when the index lost an item (written
 * around the outbox) or holds one the database does not, the check names the units, and a reindex of the
 * subtree puts the index back in line with the database. Only administrators with rights over the place may do
 * it, and nobody sees another unit's jobs.
 */
class ReindexIT extends DeployedEar {

    @Test
    void theCheckFindsWhatTheIndexLostOrInventedAndAReindexRepairsIt() throws Exception {
        String mark = "ri" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Api districtAdmin = Api.as(Fixtures.user(DISTRICT, true, "UNIT_ADMIN"), PASSWORD);
        reindexAndWait(districtAdmin, DISTRICT, true);
        JsonObject clean = check(districtAdmin, DISTRICT, true);
        assertTrue(clean.getBoolean("consistent"), "after a reindex the subtree is consistent: " + clean);

        // the index loses one (written to the database around the outbox) and gains one (sent to Solr directly)
        insertNoticeAroundTheOutbox(COMMUNE, "Bị sót khỏi chỉ mục " + mark);
        long sibling = Fixtures.tenantId(SIBLING_COMMUNE);
        solrUpdate("[{\"id\":\"notice:9" + Math.abs(mark.hashCode()) + "\",\"tenant_id\":" + sibling + ",\"tenant_path\":\"" + path(SIBLING_COMMUNE)
                + "\",\"type\":\"notice\",\"visibility\":\"public\",\"title\":\"Thừa trong chỉ mục " + mark + "\",\"updated\":\"2026-01-01T00:00:00Z\"}]");
        JsonObject broken = check(districtAdmin, DISTRICT, false);
        assertFalse(broken.getBoolean("consistent"), broken.toString());
        JsonObject commune = unit(broken, COMMUNE);
        assertEquals(commune.getJsonNumber("index").longValue() + 1, commune.getJsonNumber("database").longValue(), broken.toString());
        JsonObject siblingRow = unit(broken, SIBLING_COMMUNE);
        assertEquals(siblingRow.getJsonNumber("database").longValue() + 1, siblingRow.getJsonNumber("index").longValue(), broken.toString());
        assertEquals(1, SearchIT.search(districtAdmin, "q=" + mark + "&unit=" + DISTRICT).getInt("total"),
                "only the invented item is found before the repair");

        // the operator's tool: check (exit code 3: differences), reindex with progress, check again (0)
        assertEquals(3, cli("search", "check", "--unit", DISTRICT));
        assertEquals(0, cli("search", "reindex", "--unit", DISTRICT, "--subtree"));
        assertEquals(0, cliCheckSettled(DISTRICT));
        JsonObject repaired = SearchIT.awaitTotal(districtAdmin, "q=" + mark + "&unit=" + DISTRICT, 1);
        assertEquals("Bị sót khỏi chỉ mục " + mark, SearchIT.titles(repaired).get(0));
        assertTrue(check(districtAdmin, DISTRICT, true).getBoolean("consistent"));
    }

    @Test
    void onlyAdministratorsWithRightsOverThePlaceReindexAndNobodySeesAnotherUnitsJobs() {
        Api districtAdmin = Api.as(Fixtures.user(DISTRICT, true, "UNIT_ADMIN"), PASSWORD);
        long districtJob = reindexAndWait(districtAdmin, DISTRICT, false);
        Api staff = Api.as(Fixtures.staff(COMMUNE), PASSWORD);
        assertEquals(403, staff.post("/api/t/" + COMMUNE + "/search/reindex", "").status());
        assertEquals(403, staff.get("/api/t/" + COMMUNE + "/search/check").status());
        Api siblingAdmin = Api.as(Fixtures.user(SIBLING_COMMUNE, false, "UNIT_ADMIN"), PASSWORD);
        Api.Response other = siblingAdmin.post("/api/t/" + COMMUNE + "/search/reindex", "");
        assertEquals(403, other.status(), other.toString());
        assertTrue(other.isProblem());
        assertEquals(403, siblingAdmin.post("/api/t/" + SIBLING_COMMUNE + "/search/reindex?subtree=true", "").status(),
                "no subtree rights, no subtree reindex");
        assertEquals(404, siblingAdmin.get("/api/t/" + SIBLING_COMMUNE + "/search/reindex/" + districtJob).status(),
                "another unit's job does not exist for this admin");
        Api communeAdmin = Api.as(Fixtures.user(COMMUNE, false, "UNIT_ADMIN"), PASSWORD);
        assertEquals(404, communeAdmin.get("/api/t/" + COMMUNE + "/search/reindex/" + districtJob).status(),
                "nor the parent's job for a child's admin");
        assertEquals(200, districtAdmin.get("/api/t/" + DISTRICT + "/search/reindex/" + districtJob).status());
        JsonObject backlog = siblingAdmin.get("/api/t/" + SIBLING_COMMUNE + "/search/backlog").json();
        assertTrue(backlog.getJsonObject("worker").isEmpty(), "the worker's state is for province admins only");
    }

    @Test
    void aMergeIsFollowedByTheIndexInTheSameTransaction() {
        Api province = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"), PASSWORD);
        String s = UUID.randomUUID().toString().substring(0, 6);
        String a = "xa-ta-" + s;
        String b = "xa-tb-" + s;
        for (String code : java.util.List.of(a, b)) {
            Api.Response r = province.post("/api/t/" + Fixtures.COUSIN_DISTRICT + "/units", """
                    {"code":"%s","name":"Xã %s","kind":"commune","firstAdmin":{"username":"qt.%s","displayName":"QT"}}
                    """.formatted(code, code, code));
            assertEquals(201, r.status(), r.toString());
        }
        String mark = "mg" + s;
        SearchIT.notice(province, a, "Lịch tiếp dân " + mark, "Xã trước khi sáp nhập " + mark, "public");
        assertEquals(a, SearchIT.awaitTotal(province, "q=" + mark, 1).getJsonArray("items").getJsonObject(0).getString("unitCode"));

        String plan = "{\"title\":\"Sáp nhập " + s + "\",\"operations\":[{\"op\":\"merge\",\"units\":[\"" + a + "\"],\"into\":\"" + b + "\"}]}";
        String url = "/api/t/" + Fixtures.COUSIN_DISTRICT + "/reorganisations/";
        Api.Response dry = province.post(url + "dry-run", plan);
        assertEquals(200, dry.status(), dry.toString());
        String withBasis = jakarta.json.Json.createObjectBuilder(jakarta.json.Json.createReader(new java.io.StringReader(plan)).readObject())
                .add("basis", dry.json().getJsonObject("basis")).build().toString();
        Api.Response applied = province.post(url + "apply", withBasis);
        assertEquals(200, applied.status(), applied.toString());

        // the item now belongs to the successor in the index too, and the ended unit has nothing left there
        String owner = Wait.until("the item to belong to " + b + " in the index", Duration.ofSeconds(60), () -> {
            JsonObject r = SearchIT.search(province, "q=" + mark);
            return r.getInt("total") == 1 ? r.getJsonArray("items").getJsonObject(0).getString("unitCode") : "(" + r.getInt("total") + " results)";
        }, b::equals);
        assertEquals(b, owner);
        assertEquals(1, SearchIT.search(province, "q=" + mark + "&unit=" + b).getInt("total"));
        Api.Response ended = province.get("/api/search?q=" + mark + "&unit=" + a);
        assertEquals(404, ended.status(), "an ended unit is not a place to search: " + ended);
        JsonObject c = check(province, b, true);
        assertTrue(c.getBoolean("consistent"), c.toString());
        assertEquals(3, c.getJsonNumber("index").longValue(), "two welcome notices and the item, all under the successor: " + c);
    }

    static long reindexAndWait(Api admin, String unit, boolean subtree) {
        Api.Response started = admin.post("/api/t/" + unit + "/search/reindex?subtree=" + subtree, "");
        assertEquals(202, started.status(), started.toString());
        assertTrue(started.location() != null && started.location().contains("/search/reindex/"), started.toString());
        long id = started.json().getJsonNumber("id").longValue();
        JsonObject job = Wait.until("reindex " + id + " to finish", Duration.ofSeconds(180), () -> {
            JsonObject j = admin.get("/api/t/" + unit + "/search/reindex/" + id).json();
            assertFalse(j.containsKey("error") && !j.isNull("error"), j.toString());
            return j;
        }, j -> j.getBoolean("done"));
        assertEquals(job.getInt("unitsTotal"), job.getInt("unitsDone"));
        return id;
    }

    /**
     * The consistency check once it says {@code consistent} (or after 30 s, the last answer): what the worker has
     * sent becomes searchable about a second later (commitWithin), so a check right after a job may still see it
     * in flight.
     */
    static JsonObject check(Api admin, String unit, boolean consistent) {
        return Wait.untilOrLast("the check of " + unit + " to settle", Duration.ofSeconds(30), Duration.ofMillis(500), () -> {
            Api.Response r = admin.get("/api/t/" + unit + "/search/check");
            assertEquals(200, r.status(), r.toString());
            return r.json();
        }, c -> c.getBoolean("consistent") == consistent && c.getJsonNumber("pending").longValue() == 0);
    }

    /** The CLI's check, again until it exits 0 (or 30 s): the same settling as {@link #check}. */
    static int cliCheckSettled(String unit) {
        // a whole CLI run (log-in included) per probe: once a second, as before
        return Wait.untilOrLast("the CLI's check of " + unit + " to exit 0", Duration.ofSeconds(30), Duration.ofSeconds(1),
                () -> cli("search", "check", "--unit", unit), code -> code == 0);
    }

    static JsonObject unit(JsonObject check, String code) {
        return check.getJsonArray("units").getValuesAs(JsonObject.class).stream().filter(u -> u.getString("code").equals(code))
                .findFirst().orElseThrow(() -> new AssertionError(code + " not in " + check));
    }

    static String path(String code) throws Exception {
        try (Connection c = Fixtures.db().owner(); PreparedStatement ps = c.prepareStatement("SELECT path::text FROM tenant WHERE code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    static void insertNoticeAroundTheOutbox(String unit, String title) throws Exception {
        try (Connection c = Fixtures.db().owner()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT set_config('app.tenant_id', (SELECT id FROM tenant WHERE code = ?)::text, true)")) {
                ps.setString(1, unit);
                ps.executeQuery().close();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO notice (tenant_id, title, body, created_by) "
                    + "SELECT id, ?, 'ghi thẳng vào CSDL', 'reindex-it' FROM tenant WHERE code = ?")) {
                ps.setString(1, title);
                ps.setString(2, unit);
                assertEquals(1, ps.executeUpdate());
            }
            c.commit();
        }
    }

    static void solrUpdate(String json) throws Exception {
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                        URI.create(ItEnvironment.platform().solr().coreUrl() + "/update?commit=true"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }

    /** Runs the real CLI in this JVM as the province administrator of the test environment. */
    static int cli(String... args) {
        String admin = Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN");
        String[] full = new String[args.length + 5];
        System.arraycopy(args, 0, full, 0, args.length);
        full[args.length] = "--url";
        full[args.length + 1] = Api.baseUrl();
        full[args.length + 2] = "--user";
        full[args.length + 3] = admin;
        full[args.length + 4] = "--password-stdin";
        InputStream in = System.in;
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            return new CommandLine(new vn.egov.provisioning.Egov()).execute(full);
        } finally {
            System.setIn(in);
            System.setOut(out);
            System.out.println("egov " + String.join(" ", args) + ":\n" + captured.toString(StandardCharsets.UTF_8));
        }
    }
}
