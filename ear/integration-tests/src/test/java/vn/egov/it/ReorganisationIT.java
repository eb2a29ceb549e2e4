package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import vn.egov.provisioning.Users;
import vn.egov.tenantadmin.control.ReorgPlan;
import vn.egov.tenantadmin.control.Reorganiser;
import vn.egov.tenantadmin.control.UnitCsvPlan;

/**
 * Reorganising the tree: on a copy of the real 2019 Lào Cai tree (its own root, so the shared reference tree stays
 * as it is) with data in every unit, a plan that dissolves the district level and merges communes; the bad plans;
 * the stale plan; a province merge by the operator.
 */
class ReorganisationIT extends DeployedEar {

    /** A copy of the 2019 tree: a root, its districts and communes, codes {@code g<gso>-<suffix>}. */
    record Copy(String suffix, String root, List<String> districts, Map<String, List<String>> communes) {
        String code(String gso) {
            return "g" + gso + "-" + suffix;
        }
    }

    private static Copy copyOfTheRealTree() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Path csv = Path.of(System.getProperty("egov.projectDir", "../.."))
                .resolve("provisioning/src/main/resources/data/laocai-units-2019.csv");
        List<String> districts = new ArrayList<>();
        Map<String, List<String>> communes = new LinkedHashMap<>();
        String root = "tinh-" + suffix;
        try (Connection c = Fixtures.db().owner(); Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            c.setAutoCommit(false);
            Map<String, Long> ids = new HashMap<>();
            long rootId = insert(c, root, "Tỉnh Lào Cai (bản sao " + suffix + ")", "province", null);
            scope(c, rootId);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO unit_setting (tenant_id, display_name) VALUES (?, 'Bản sao')")) {
                ps.setLong(1, rootId);
                ps.executeUpdate();
            }
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
                    .get().parse(in)) {
                String gso = r.get("gso_code");
                if ("province".equals(r.get("level"))) {
                    ids.put(gso, rootId);
                    continue;
                }
                String kind = switch (r.get("unit_type")) {
                    case "Thành phố" -> "city";
                    case "Thị xã" -> "town";
                    case "Huyện" -> "district";
                    case "Phường" -> "ward";
                    case "Thị trấn" -> "township";
                    default -> "commune";
                };
                String code = "g" + gso + "-" + suffix;
                long id = insert(c, code, r.get("name"), kind, ids.get(r.get("parent_gso_code")));
                ids.put(gso, id);
                if ("district".equals(r.get("level"))) {
                    districts.add(code);
                    communes.put(code, new ArrayList<>());
                } else {
                    communes.get("g" + r.get("parent_gso_code") + "-" + suffix).add(code);
                }
                // data in every unit: settings, two notices, an audit entry, a member of staff (no password)
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO unit_setting (tenant_id, display_name) VALUES (?, ?)")) {
                    ps.setLong(1, id);
                    ps.setString(2, r.get("name"));
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO notice (tenant_id, title, body, created_by) "
                        + "SELECT ?, 'Thông báo ' || g || ' của ' || ?, 'Nội dung', 'reorg-it' FROM generate_series(1, 2) g")) {
                    ps.setLong(1, id);
                    ps.setString(2, code);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_entry (tenant_id, actor, action, target) "
                        + "VALUES (?, 'reorg-it', 'seed', ?)")) {
                    ps.setLong(1, id);
                    ps.setString(2, code);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO app_user (tenant_id, username, display_name, password_hash, roles) "
                        + "VALUES (?, ?, 'Cán bộ', '!', ARRAY['STAFF'])")) {
                    ps.setLong(1, id);
                    ps.setString(2, "cb." + code);
                    ps.executeUpdate();
                }
            }
            c.commit();
        }
        return new Copy(suffix, root, districts, communes);
    }

    private static long insert(Connection c, String code, String name, String kind, Long parent) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tenant (code, name, kind, parent_id) VALUES (?, ?, ?, ?) RETURNING id")) {
            ps.setString(1, code);
            ps.setString(2, name);
            ps.setString(3, kind);
            ps.setObject(4, parent);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void scope(Connection c, long unit) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true), set_config('app.subtree', 'on', true)")) {
            ps.setString(1, Long.toString(unit));
            ps.executeQuery().close();
        }
    }

    /** Rows per tenant table under a root, counted independently of the code under test (as the owner, scoped). */
    private static Map<String, Long> count(String root) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = Fixtures.db().owner()) {
            c.setAutoCommit(false);
            scope(c, Fixtures.tenantId(root));
            for (String table : List.of("notice", "unit_setting", "audit_entry", "app_user")) {
                try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table);
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    out.put(table, rs.getLong(1));
                }
            }
            c.commit();
        }
        return out;
    }

    private static Map<String, String> unit(String code) throws Exception {
        try (Connection c = Fixtures.db().owner(); PreparedStatement ps = c.prepareStatement(
                "SELECT t.status, p.code, s.code, t.version FROM tenant t LEFT JOIN tenant p ON p.id = t.parent_id "
                        + "LEFT JOIN tenant s ON s.id = t.successor_id WHERE t.code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), code);
                Map<String, String> m = new HashMap<>();
                m.put("status", rs.getString(1));
                m.put("parent", rs.getString(2));
                m.put("successor", rs.getString(3));
                m.put("version", rs.getString(4));
                return m;
            }
        }
    }

    private static long noticesOf(String unit) throws Exception {
        try (Connection c = Fixtures.db().owner()) {
            c.setAutoCommit(false);
            scope(c, Fixtures.tenantId(unit));
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM notice WHERE tenant_id = ?")) {
                ps.setLong(1, Fixtures.tenantId(unit));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }
    }

    private static JsonObject withBasis(String plan, JsonObject dryRun) {
        return Json.createObjectBuilder(Json.createReader(new java.io.StringReader(plan)).readObject())
                .add("basis", dryRun.getJsonObject("basis")).build();
    }

    @Test
    void dissolvingTheDistrictLevelOfTheRealTreeAndMergingCommunesLosesNothing() throws Exception {
        Copy copy = copyOfTheRealTree();
        assertEquals(9, copy.districts().size(), "the 2019 tree has 9 district-level units");
        String adminName = "qt.tinh-" + copy.suffix();
        try (Connection c = Fixtures.db().owner()) {
            assertTrue(Users.create(c, copy.root(), adminName, "Quản trị tỉnh (bản sao)", Fixtures.PASSWORD,
                    new String[] {"UNIT_ADMIN"}, true));
        }
        Api admin = Api.as(adminName, Fixtures.PASSWORD);
        // a real member of staff in a commune that will be merged, to log in afterwards
        String firstDistrict = copy.districts().get(1);
        List<String> inFirst = copy.communes().get(firstDistrict);
        String mergedA = inFirst.get(0);
        String mergedB = inFirst.get(1);
        String newCommune = "xa-hop-nhat-" + copy.suffix();
        String secondDistrict = copy.districts().get(2);
        List<String> inSecond = copy.communes().get(secondDistrict);
        String absorbed = inSecond.get(0);
        String absorber = inSecond.get(1);
        String staff = Fixtures.user(mergedA, false, "STAFF");
        String bystander = Fixtures.user(inSecond.get(2), false, "STAFF");

        StringBuilder ops = new StringBuilder();
        ops.append("{\"op\":\"merge\",\"units\":[\"").append(mergedA).append("\",\"").append(mergedB)
                .append("\"],\"into\":{\"code\":\"").append(newCommune).append("\",\"name\":\"Xã Hợp Nhất\",\"kind\":\"commune\"}}");
        ops.append(",{\"op\":\"merge\",\"units\":[\"").append(absorbed).append("\"],\"into\":\"").append(absorber).append("\"}");
        for (String d : copy.districts()) {
            ops.append(",{\"op\":\"dissolve\",\"unit\":\"").append(d).append("\"}");
        }
        String plan = "{\"title\":\"Bỏ cấp huyện, sáp nhập xã (thử " + copy.suffix() + ")\",\"operations\":[" + ops + "]}";

        Map<String, Long> before = count(copy.root());
        long noticesA = noticesOf(mergedA);
        long noticesB = noticesOf(mergedB);
        long noticesAbsorbed = noticesOf(absorbed);
        long noticesAbsorber = noticesOf(absorber);

        Api.Response dry = admin.post("/api/t/" + copy.root() + "/reorganisations/dry-run", plan);
        assertEquals(200, dry.status(), dry.toString());
        JsonObject report = dry.json();
        assertFalse(report.getBoolean("applied"));
        assertEquals(9 + 3, report.getInt("unitsEnded"), "9 districts, 2 communes merged into a new one, 1 absorbed");
        assertEquals(1, report.getInt("unitsCreated"));
        assertEquals(0, report.getJsonArray("conflicts").size());
        long communeCount = copy.communes().values().stream().mapToLong(List::size).sum();
        assertEquals(communeCount - 3 + 1, report.getInt("unitsMoved"), "every live commune moves up (3 ended, 1 new)");
        JsonObject firstOp = report.getJsonArray("operations").getJsonObject(0);
        JsonObject a = firstOp.getJsonArray("units").getJsonObject(0);
        assertEquals(mergedA, a.getString("code"));
        assertEquals(newCommune, a.getString("successor"));
        assertEquals(noticesA, a.getJsonObject("records").getJsonNumber("notice").longValue());
        assertEquals(2, a.getInt("users"), "the seeded member of staff and the real one");
        assertEquals(Long.valueOf(report.getJsonObject("basis").getInt(mergedA)), Long.valueOf(unit(mergedA).get("version")));
        assertEquals(before, count(copy.root()), "a dry-run changes nothing");
        assertEquals("active", unit(firstDistrict).get("status"));
        // the report's words in the reader's language: Vietnamese unless English is asked for (?lang=en or Accept-Language)
        String url = "/api/t/" + copy.root() + "/reorganisations/dry-run";
        assertTrue(rule(report, "documents").startsWith("Sổ đăng ký văn bản của đơn vị kết thúc được khóa từ ngày hiệu lực"), report.toString());
        assertFalse(rule(report, "documents").contains(" / "), "one language, not a pair: " + rule(report, "documents"));
        assertTrue(rule(report, "units").startsWith("Người dùng giữ tài khoản và thuộc đơn vị kế thừa"), report.toString());
        assertTrue(firstOp.getString("summary").startsWith("Sáp nhập "), firstOp.toString());
        for (Api.Response english : List.of(admin.send("POST", url + "?lang=en", plan, "application/json", null, null, null),
                admin.send("POST", url, plan, "application/json", null, null, "en"))) {
            assertEquals(200, english.status(), english.toString());
            JsonObject en = english.json();
            assertTrue(rule(en, "documents").startsWith("The ended unit's registers close on the effective date"), en.toString());
            assertTrue(rule(en, "units").startsWith("Users keep their accounts under the successor"), en.toString());
            assertTrue(en.getJsonArray("operations").getJsonObject(0).getString("summary").startsWith("Merge "), en.toString());
            assertEquals("reorg.rule", en.getJsonArray("rules").getValuesAs(JsonObject.class).stream()
                    .filter(r -> r.getString("module").equals("documents")).findFirst().orElseThrow().getJsonObject("said").getJsonObject("rule")
                    .getString("key"), "the key beside the words");
        }
        assertTrue(rule(admin.send("POST", url, plan, "application/json", null, null, "vi").json(), "documents").startsWith("Sổ đăng ký"));

        Api.Response applied = admin.post("/api/t/" + copy.root() + "/reorganisations/apply", withBasis(plan, report).toString());
        assertEquals(200, applied.status(), applied.toString());
        JsonObject done = applied.json();
        assertTrue(done.getBoolean("applied"));
        long planId = done.getJsonNumber("planId").longValue();

        // counted independently: every notice, user and audit entry is still under the root; settings of ended
        // units were replaced by their successors' (and are kept in the plan's report)
        Map<String, Long> after = count(copy.root());
        assertEquals(before.get("notice") + done.getInt("unitsCreated"), after.get("notice"), "plus each new unit's welcome notice");
        assertEquals(before.get("app_user"), after.get("app_user"));
        assertEquals(before.get("audit_entry") + 1, after.get("audit_entry"), "plus the plan's own audit entry");
        long replaced = done.getJsonArray("replaced").size();
        assertEquals(9 + 2 + 1, replaced, "the districts', the two merged communes' and the absorbed one's settings "
                + "(their successors keep their own; the new commune got its own when created)");
        assertEquals(before.get("unit_setting") - replaced + 1, after.get("unit_setting"));
        assertEquals(noticesA + noticesB + 1, noticesOf(newCommune), "the merged communes' notices and its own welcome notice");
        assertEquals(noticesAbsorbed + noticesAbsorber, noticesOf(absorber));

        // the tree: districts ended into the root, communes under the root, merged communes ended
        for (String d : copy.districts()) {
            Map<String, String> u = unit(d);
            assertEquals("retired", u.get("status"), d);
            assertEquals(copy.root(), u.get("successor"), d);
        }
        for (List<String> list : copy.communes().values()) {
            for (String commune : list) {
                Map<String, String> u = unit(commune);
                if (List.of(mergedA, mergedB, absorbed).contains(commune)) {
                    assertEquals("retired", u.get("status"), commune + " ended, and stays where it was, as history");
                } else {
                    assertEquals(copy.root(), u.get("parent"), commune + " moved up");
                    assertEquals("active", u.get("status"), commune);
                }
            }
        }
        assertEquals(newCommune, unit(mergedA).get("successor"));
        assertEquals(absorber, unit(absorbed).get("successor"));
        assertEquals(copy.root(), unit(newCommune).get("parent"));

        // old addresses answer with a permanent redirect to the successor; the history says where they went
        Api.Response page = Api.anonymous().get("/t/" + mergedA + "/", "text/html");
        assertEquals(301, page.status(), page.toString());
        assertEquals("/t/" + newCommune + "/", page.location());
        Api.Response oldDistrict = Api.anonymous().get("/api/tenants/" + firstDistrict + "/children");
        assertEquals(301, oldDistrict.status());
        assertTrue(oldDistrict.location().endsWith("/api/tenants/" + copy.root() + "/children"), oldDistrict.location());
        Api.Response write = admin.post("/api/t/" + absorbed + "/notices", "{\"title\":\"x\",\"body\":\"y\"}");
        assertEquals(308, write.status());
        JsonArray history = Api.anonymous().get("/api/tenants/" + mergedA + "/history").array();
        JsonObject merged = history.stream().map(JsonValue::asJsonObject).filter(h -> h.getString("change").equals("merged"))
                .findFirst().orElseThrow();
        assertEquals(newCommune, merged.getString("successor"));
        assertEquals(planId, merged.getJsonNumber("plan").longValue());
        assertTrue(history.stream().map(JsonValue::asJsonObject).anyMatch(h -> h.getString("change").equals("moved")
                || h.getString("change").equals("merged")));
        JsonArray districtHistory = Api.anonymous().get("/api/tenants/" + firstDistrict + "/history").array();
        assertEquals("dissolved", districtHistory.getJsonObject(0).getString("change"));
        assertEquals(copy.root(), districtHistory.getJsonObject(0).getString("current"));

        // the member of staff keeps the account, now in the new commune, and sees the old commune's notices there
        Api staffApi = Api.as(staff, Fixtures.PASSWORD);
        assertEquals(newCommune, staffApi.get("/api/me").json().getString("unit"));
        JsonArray notices = staffApi.get("/api/t/" + newCommune + "/notices").array();
        assertTrue(notices.stream().map(JsonValue::asJsonObject)
                .anyMatch(n -> n.getString("title").endsWith("của " + mergedB)), "B's notices are the new commune's now");
        // ... and a member of staff of another commune still sees none of them
        Api.Response foreign = Api.as(bystander, Fixtures.PASSWORD).get("/api/t/" + newCommune + "/notices");
        assertEquals(403, foreign.status(), foreign.toString());

        // the plan is the root's: an administrator elsewhere neither lists it nor reads it
        Api elsewhere = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "UNIT_ADMIN"), Fixtures.PASSWORD);
        assertFalse(elsewhere.get("/api/t/" + Fixtures.PROVINCE + "/reorganisations").body().contains("\"id\":" + planId + ","),
                "another tree's admin does not list the plan");
        assertEquals(404, elsewhere.get("/api/t/" + Fixtures.PROVINCE + "/reorganisations/" + planId).status());
        assertEquals(403, elsewhere.get("/api/t/" + copy.root() + "/reorganisations/" + planId).status());

        // the plan is kept, and applying it again is refused (its units have ended)
        assertEquals(planId, admin.get("/api/t/" + copy.root() + "/reorganisations/" + planId).json()
                .getJsonNumber("planId").longValue());
        // kept as keys: read back in the reader's language
        JsonObject kept = admin.get("/api/t/" + copy.root() + "/reorganisations/" + planId).json();
        assertTrue(rule(kept, "documents").startsWith("Sổ đăng ký văn bản"), kept.toString());
        assertTrue(kept.getString("usernames").startsWith("Tên đăng nhập là duy nhất toàn tỉnh"), kept.toString());
        JsonObject keptEn = admin.send("GET", "/api/t/" + copy.root() + "/reorganisations/" + planId, null, null, null, null, "en").json();
        assertTrue(rule(keptEn, "documents").startsWith("The ended unit's registers"), keptEn.toString());
        assertTrue(keptEn.getString("usernames").startsWith("Usernames are unique province-wide"), keptEn.toString());
        assertTrue(keptEn.getJsonArray("operations").getJsonObject(1).getString("summary").startsWith("Merge "), keptEn.toString());
        Api.Response again = admin.post("/api/t/" + copy.root() + "/reorganisations/apply", withBasis(plan, report).toString());
        assertEquals(422, again.status(), again.toString());
        assertEquals(after.get("notice"), count(copy.root()).get("notice"));
    }

    @Test
    void badPlansAreRefusedWithTheirLinesAndChangeNothing() throws Exception {
        Api province = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "UNIT_ADMIN"), Fixtures.PASSWORD);
        String district = unit(Fixtures.DISTRICT).get("version");
        String commune = unit(Fixtures.COMMUNE).get("version");
        String url = "/api/t/" + Fixtures.PROVINCE + "/reorganisations/dry-run";

        Api.Response unknown = province.post(url, "{\"operations\":[{\"op\":\"merge\",\"units\":[\"xa-khong-co\"],\"into\":\""
                + Fixtures.COMMUNE + "\"}]}");
        assertEquals(422, unknown.status(), unknown.toString());
        assertTrue(unknown.isProblem());
        JsonObject error = unknown.json().getJsonArray("errors").getJsonObject(0);
        assertEquals(1, error.getInt("line"));
        assertEquals("Không có đơn vị mã \"xa-khong-co\"", error.getString("reason"), error.toString());
        Api.Response english = province.send("POST", url, "{\"operations\":[{\"op\":\"merge\",\"units\":[\"xa-khong-co\"],\"into\":\""
                + Fixtures.COMMUNE + "\"}]}", "application/json", null, null, "en");
        assertEquals("The plan is invalid", english.json().getString("title"), english.toString());
        assertEquals("No unit has the code \"xa-khong-co\"", english.json().getJsonArray("errors").getJsonObject(0).getString("reason"));

        Api.Response cycle = province.post(url, "{\"operations\":[{\"op\":\"move\",\"unit\":\"" + Fixtures.DISTRICT
                + "\",\"parent\":\"" + Fixtures.COMMUNE + "\"}]}");
        assertEquals(422, cycle.status());
        assertTrue(cycle.body().contains("vòng lặp"), cycle.body());

        Api.Response itself = province.post(url, "{\"operations\":[{\"op\":\"merge\",\"units\":[\"" + Fixtures.COMMUNE
                + "\"],\"into\":\"" + Fixtures.COMMUNE + "\"}]}");
        assertEquals(422, itself.status());
        assertTrue(itself.body().contains("chính nó"), itself.body());

        Api.Response intoChild = province.post(url, "{\"operations\":[{\"op\":\"merge\",\"units\":[\"" + Fixtures.DISTRICT
                + "\"],\"into\":\"" + Fixtures.COMMUNE + "\"}]}");
        assertEquals(422, intoChild.status());

        Api.Response wrongColumns = province.send("POST", url, "op,unit,target\nmerge,a,b\n", "text/csv", null);
        assertEquals(422, wrongColumns.status(), wrongColumns.toString());
        assertEquals(1, wrongColumns.json().getJsonArray("errors").getJsonObject(0).getInt("line"));
        assertTrue(wrongColumns.body().contains("operation,units,target,parent,code,name,kind"));

        Api.Response csvLines = province.send("POST", url, "\uFEFFoperation,units,target,parent,code,name,kind\n"
                + "merge,xa-khong-co,," + "," + ",,\n" + "explode," + Fixtures.COMMUNE + ",,,,,\n", "text/csv", null);
        assertEquals(422, csvLines.status(), csvLines.toString());
        JsonArray lines = csvLines.json().getJsonArray("errors");
        assertEquals(2, lines.getJsonObject(0).getInt("line"));
        assertEquals("Sáp nhập cần đơn vị nhận (target) hoặc đơn vị mới (code, name, kind)", lines.getJsonObject(0).getString("reason"));
        assertEquals(3, lines.getJsonObject(1).getInt("line"));
        assertEquals("Thao tác không biết: \"explode\" (merge, move, rename, dissolve, merge-provinces, add-province)",
                lines.getJsonObject(1).getString("reason"));

        Api.Response rootDissolve = province.post(url, "{\"operations\":[{\"op\":\"dissolve\",\"unit\":\"" + Fixtures.PROVINCE + "\"}]}");
        assertEquals(422, rootDissolve.status());

        Api.Response provinces = province.post(url, "{\"operations\":[{\"op\":\"merge-provinces\",\"units\":[\"lao-cai\",\"x\"],"
                + "\"into\":{\"code\":\"tinh-moi\",\"name\":\"Tỉnh Mới\"}}]}");
        assertEquals(422, provinces.status());
        assertTrue(provinces.body().contains("egov-cli reorganise"), provinces.body());

        // a district's admin cannot reach a cousin commune, nor plan from a unit they do not administer
        Api districtAdmin = Api.as(Fixtures.user(Fixtures.DISTRICT, true, "UNIT_ADMIN"), Fixtures.PASSWORD);
        Api.Response cousin = districtAdmin.post("/api/t/" + Fixtures.DISTRICT + "/reorganisations/dry-run",
                "{\"operations\":[{\"op\":\"merge\",\"units\":[\"" + Fixtures.COUSIN_COMMUNE + "\"],\"into\":\"" + Fixtures.COMMUNE + "\"}]}");
        assertEquals(422, cousin.status());
        assertTrue(cousin.body().contains("ngoài phạm vi"), cousin.body());
        assertEquals(403, districtAdmin.post("/api/t/" + Fixtures.COUSIN_DISTRICT + "/reorganisations/dry-run",
                "{\"operations\":[{\"op\":\"dissolve\",\"unit\":\"" + Fixtures.COUSIN_COMMUNE + "\"}]}").status());
        Api staff = Api.as(Fixtures.staff(Fixtures.PROVINCE), Fixtures.PASSWORD);
        assertEquals(403, staff.post(url, "{\"operations\":[{\"op\":\"dissolve\",\"unit\":\"" + Fixtures.COMMUNE + "\"}]}").status());

        Api.Response noBasis = province.post("/api/t/" + Fixtures.PROVINCE + "/reorganisations/apply",
                "{\"operations\":[{\"op\":\"dissolve\",\"unit\":\"" + Fixtures.DISTRICT + "\"}]}");
        assertEquals(428, noBasis.status(), noBasis.toString());

        assertEquals(district, unit(Fixtures.DISTRICT).get("version"), "nothing changed");
        assertEquals(commune, unit(Fixtures.COMMUNE).get("version"));
        assertEquals("active", unit(Fixtures.DISTRICT).get("status"));
    }

    @Test
    void aPlanWhoseUnitChangedSinceTheDryRunIsRefused() throws Exception {
        Api province = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"), Fixtures.PASSWORD);
        String s = UUID.randomUUID().toString().substring(0, 6);
        for (String code : List.of("xa-sa-" + s, "xa-sb-" + s)) {
            Api.Response r = province.post("/api/t/" + Fixtures.COUSIN_DISTRICT + "/units", """
                    {"code":"%s","name":"Xã %s","kind":"commune","firstAdmin":{"username":"qt.%s","displayName":"QT"}}
                    """.formatted(code, code, code));
            assertEquals(201, r.status(), r.toString());
        }
        String plan = "{\"title\":\"Sáp nhập\",\"operations\":[{\"op\":\"merge\",\"units\":[\"xa-sa-" + s + "\"],\"into\":\"xa-sb-" + s + "\"}]}";
        String url = "/api/t/" + Fixtures.COUSIN_DISTRICT + "/reorganisations/";
        Api.Response dry = province.post(url + "dry-run", plan);
        assertEquals(200, dry.status(), dry.toString());
        // another administrator renames the unit meanwhile
        assertEquals(200, province.post("/api/t/xa-sa-" + s + "/rename", "{\"code\":\"xa-sa-" + s + "\",\"name\":\"Xã Đổi Tên\"}").status());
        Api.Response stale = province.post(url + "apply", withBasis(plan, dry.json()).toString());
        assertEquals(409, stale.status(), stale.toString());
        assertTrue(stale.json().getString("detail").contains("xa-sa-" + s), stale.body());
        assertEquals("active", unit("xa-sa-" + s).get("status"), "nothing changed");

        // dry-run again, and the CSV form of the same plan applies with its basis token
        Api.Response fresh = province.send("POST", url + "dry-run?title=CSV", "operation,units,target,parent,code,name,kind\n"
                + "merge,xa-sa-" + s + ",xa-sb-" + s + ",,,,\n", "text/csv", null);
        assertEquals(200, fresh.status(), fresh.toString());
        String token = fresh.json().getString("basisToken");
        Api.Response done = province.send("POST", url + "apply?title=CSV&basis=" + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8),
                "operation,units,target,parent,code,name,kind\nmerge,xa-sa-" + s + ",xa-sb-" + s + ",,,,\n", "text/csv", null);
        assertEquals(200, done.status(), done.toString());
        assertEquals("xa-sb-" + s, unit("xa-sa-" + s).get("successor"));
        // the first admin of the merged commune keeps the account under the successor
        try (Connection c = Fixtures.db().owner(); PreparedStatement ps = c.prepareStatement(
                "SELECT t.code FROM auth_lookup(?) a JOIN tenant t ON t.id = a.tenant_id")) {
            ps.setString(1, "qt.xa-sa-" + s);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("xa-sb-" + s, rs.getString(1));
            }
        }
    }

    /** The operator merges two provinces with the tool (the owner's connection): same code as the API. */
    @Test
    void theOperatorMergesTwoProvincesUnderANewRoot() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 6);
        String p1 = "tinh-a-" + s;
        String p2 = "tinh-b-" + s;
        try (Connection c = Fixtures.db().owner()) {
            c.setAutoCommit(false);
            long a = insert(c, p1, "Tỉnh A", "province", null);
            long b = insert(c, p2, "Tỉnh B", "province", null);
            long sa = insert(c, "so-tu-phap-a-" + s, "Sở Tư pháp A", "department", a);
            long xb = insert(c, "xa-b-" + s, "Xã B", "commune", b);
            for (long[] unit : new long[][] {{a, a}, {a, sa}, {b, b}, {b, xb}}) {
                scope(c, unit[0]);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO notice (tenant_id, title, body, created_by) VALUES (?, 'N', 'B', 'reorg-it')")) {
                    ps.setLong(1, unit[1]);
                    ps.executeUpdate();
                }
            }
            c.commit();
        }
        String merged = "tinh-moi-" + s;
        ReorgPlan plan = ReorgPlan.fromCsv("Hợp nhất tỉnh", "operation,units,target,parent,code,name,kind\n"
                + "merge-provinces," + p1 + ";" + p2 + ",,," + merged + ",Tỉnh Mới,province\n", Map.of());
        try (Connection c = Fixtures.db().owner()) {
            c.setAutoCommit(false);
            Reorganiser.Checked dry = new Reorganiser(c, "operator", null).dryRun(plan);
            assertTrue(dry.valid(), dry.errors().toString());
            c.rollback();
            Map<String, Integer> basis = new HashMap<>();
            dry.report().getJsonObject("basis").forEach((k, v) -> basis.put(k, Integer.parseInt(v.toString())));
            List<UnitCsvPlan.LineError> errors = new ArrayList<>();
            Reorganiser.Applied applied = new Reorganiser(c, "operator", null)
                    .apply(new ReorgPlan(plan.title(), plan.operations(), basis), errors);
            assertNotNull(applied, errors.toString());
            c.commit();
            // the two provinces' notices, and the new province's welcome notice (every new unit starts with one)
            assertEquals(5, applied.report().getJsonObject("after").getInt("notice"));
            assertEquals(applied.report().getJsonObject("before").getInt("notice") + 1, applied.report().getJsonObject("after").getInt("notice"));
        }
        assertNull(unit(merged).get("parent"));
        assertEquals(merged, unit(p1).get("successor"));
        assertEquals(merged, unit(p2).get("successor"));
        assertEquals(merged, unit("so-tu-phap-a-" + s).get("parent"));
        assertEquals(merged, unit("xa-b-" + s).get("parent"));
        assertEquals(3, noticesOf(merged), "the provinces' own notices and the new province's welcome notice");
        Api.Response roots = Api.anonymous().get("/api/tenants");
        assertTrue(roots.body().contains(merged) && !roots.body().contains("\"" + p1 + "\""), "the ended provinces are no roots any more");
        assertEquals(301, Api.anonymous().get("/t/" + p2 + "/", "text/html").status());
    }

    /** The dry-run's description of {@code module}'s record rule. */
    private static String rule(JsonObject report, String module) {
        return report.getJsonArray("rules").getValuesAs(JsonObject.class).stream().filter(r -> r.getString("module").equals(module))
                .findFirst().orElseThrow().getString("rule");
    }
}
