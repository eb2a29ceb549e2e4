package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A reform as a provincial IT officer carries it out, on two provinces of their own made by the operator's tool, with
 * data of every module put in every unit through the API in the states real work leaves it (dossiers received, in
 * handling, transferred to a district; adopted procedures; registers with numbers; documents sent between sibling
 * communes, accepted, or still waiting; published articles, menus, a theme), then one plan, run with the packaged tool:
 * merge the provinces, merge communes in groups of 2 to 4 (one across the old border, one taking back a merged
 * commune's code), end a township into a commune that becomes a ward with a new GSO code, dissolve the district level.
 * Every table is counted before and after, and each module's rule is checked, then the day after the reform is worked.
 */
class ReformIT extends DeployedEar {
    static final int YEAR = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
    static final String TODAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").format(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")));
    /** Outboxes emptied by their workers while the test runs, and tables whose rows a rule adds up or replaces (checked apart). */
    static final Set<String> NOT_COUNTED = Set.of("search_outbox", "dossier_outbox", "document_outbox", "search_reindex_job", "audit_entry",
            "reorg_plan", "portal_site_visit", "unit_setting", "unit_procedure", "dossier_sequence", "portal_menu_item", "portal_theme",
            "app_user", "notice", "portal_page", "portal_category");

    final String s = UUID.randomUUID().toString().substring(0, 6);
    final String p1 = "tinh-mot-" + s;
    final String p2 = "tinh-hai-" + s;
    final String root = "tinh-hop-nhat-" + s;
    final String dept = "so-noi-vu-" + s;
    final String d1 = "huyen-mot-" + s;
    final String d2 = "huyen-hai-" + s;
    final String d3 = "huyen-ba-" + s;
    final String c11 = "xa-mot-mot-" + s;
    final String c12 = "xa-mot-hai-" + s;
    final String t13 = "tt-mot-ba-" + s;
    final String c21 = "xa-hai-mot-" + s;
    final String c22 = "xa-hai-hai-" + s;
    final String c31 = "xa-ba-mot-" + s;
    final String c32 = "xa-ba-hai-" + s;
    final String c33 = "xa-ba-ba-" + s;
    final List<String> communes = List.of(c11, c12, t13, c21, c22, c31, c32, c33);

    /** What each unit's people are. */
    final Map<String, Api> admins = new LinkedHashMap<>();
    final Map<String, Api> oneStop = new LinkedHashMap<>();
    final Map<String, String> oneStopNames = new LinkedHashMap<>();
    final Map<String, DocumentsIT.Office> offices = new LinkedHashMap<>();
    String citizen;
    String procX;
    String procY;

    @Test
    void aWholeReformCarriedOutWithThePackagedToolKeepsEveryRecordByItsModulesRule() throws Exception {
        int gso = Fixtures.freeGsoCodes(60000, 300, 10);
        // ---- two provinces, by the operator's tool as shipped
        Path add = Files.createTempFile("add-provinces-", ".json");
        Files.writeString(add, """
                {"title":"Thêm hai tỉnh","operations":[{"op":"add-province","code":"%s","name":"Tỉnh Một %s"},
                 {"op":"add-province","code":"%s","name":"Tỉnh Hai %s"}]}""".formatted(p1, s, p2, s), StandardCharsets.UTF_8);
        Cli.Result dry = Cli.run("reorganise", "--plan", add.toString());
        assertEquals(0, dry.exit(), dry.toString());
        Cli.Result made = Cli.run("reorganise", "--plan", add.toString(), "--apply");
        assertEquals(0, made.exit(), made.toString());
        String provinceAdmin1 = Fixtures.user(p1, true, "PROVINCE_ADMIN", "UNIT_ADMIN");
        Api admin1 = Api.as(provinceAdmin1, Fixtures.PASSWORD);
        Api admin2 = Api.as(Fixtures.user(p2, true, "PROVINCE_ADMIN", "UNIT_ADMIN"), Fixtures.PASSWORD);

        // ---- their units, from the template, each with its first administrator
        unit(admin1, p1, dept, "Sở Nội vụ", "department");
        unit(admin1, p1, d1, "Huyện Một", "district");
        unit(admin1, p1, d2, "Huyện Hai", "district");
        unit(admin2, p2, d3, "Huyện Ba", "district");
        unit(admin1, d1, c11, "Xã Một Một", "commune");
        unit(admin1, d1, c12, "Xã Một Hai", "commune");
        unit(admin1, d1, t13, "Thị trấn Một Ba", "township");
        unit(admin1, d2, c21, "Xã Hai Một", "commune");
        unit(admin1, d2, c22, "Xã Hai Hai", "commune");
        unit(admin2, d3, c31, "Xã Ba Một", "commune");
        unit(admin2, d3, c32, "Xã Ba Hai", "commune");
        unit(admin2, d3, c33, "Xã Ba Ba", "commune");
        List<String> all = List.of(p1, p2, dept, d1, d2, d3, c11, c12, t13, c21, c22, c31, c32, c33);
        for (String u : all) {
            admins.put(u, Api.as(Fixtures.user(u, false, "UNIT_ADMIN"), Fixtures.PASSWORD));
            oneStopNames.put(u, Fixtures.oneStop(u));
            oneStop.put(u, Api.as(oneStopNames.get(u), Fixtures.PASSWORD));
            offices.put(u, DocumentsIT.Office.of(u));
        }
        citizen = Fixtures.user(Fixtures.COMMUNE, false, "CITIZEN");

        // ---- the work of every module in every unit
        procX = ProceduresIT.code();
        procY = ProceduresIT.code();
        String catalogue = "[" + ProcessingIT.definition(procX) + "," + ProceduresIT.procedure(procY, "Chứng thực bản sao", "commune", 1, 1, "") + "]";
        assertEquals(200, admin1.post("/api/t/" + p1 + "/procedures/import", catalogue).status());
        // the second province published the same national procedures (same codes) in its own catalogue
        Api.Response imported2 = admin2.post("/api/t/" + p2 + "/procedures/import", catalogue);
        assertEquals(200, imported2.status(), imported2.toString());
        for (String u : all) {
            notice(u);
            article(u);
        }
        // citizens' feedback about every commune, in the states real work leaves it: new, answered, published
        Map<String, String[]> feedback = new LinkedHashMap<>();
        for (String c : communes) {
            feedback.put(c, feedback(c));
        }
        Map<String, String> inProgress = new LinkedHashMap<>();
        Map<String, String> transferred = new LinkedHashMap<>();
        Map<String, String> received = new LinkedHashMap<>();
        for (String c : communes) {
            menu(c, "Trang chủ " + c);
            adopt(c, procX);
            adopt(c, procY);
            received.put(c, counterDossier(c));
            String online = onlineDossier(c);
            ProcessingIT.move(oneStop.get(c), c, online, "{\"to\":\"tham-dinh\"}");
            inProgress.put(c, online);
        }
        // dossiers the district holds for its communes (an inter-agency transfer) when the district is dissolved
        for (String[] pair : new String[][] {{c11, d1}, {c31, d3}}) {
            String code = onlineDossier(pair[0]);
            ProcessingIT.move(oneStop.get(pair[0]), pair[0], code, "{\"to\":\"tham-dinh\"}");
            JsonObject moved = ProcessingIT.move(oneStop.get(pair[0]), pair[0], code, "{\"to\":\"huyen\",\"toUnit\":\"" + pair[1] + "\"}");
            assertEquals(pair[1], moved.getString("holder"));
            transferred.put(pair[0], code);
        }
        // the theme of the site the plan will keep for Xã Hai Hai
        assertEquals(200, admins.get(c31).put("/api/t/" + c31 + "/portal/theme", "{\"primary\":\"#14532d\",\"accent\":\"#0b4f8a\",\"layout\":\"magazine\"}").status());
        // registers: every commune issues its first document 01/UBND; sibling communes send to each other
        Map<String, JsonObject> issued = new LinkedHashMap<>();
        for (String c : communes) {
            issued.put(c, DocumentsIT.issued(offices.get(c), draft("Về việc báo cáo tình hình " + c)));
            assertTrue(issued.get(c).getString("numberSymbol").endsWith("/UBND"), issued.get(c).toString());
        }
        send(c11, issued.get(c11), c12);
        JsonObject accepted = accept(c12, issued.get(c11));
        assertEquals("registered", accepted.getString("status"));
        send(c12, issued.get(c12), c11);       // still waiting in Xã Một Một's queue when both merge: history
        JsonObject fromDistrict = DocumentsIT.issued(offices.get(d3), draft("Về việc triển khai kế hoạch của huyện"));
        send(d3, fromDistrict, c31);           // waiting in Xã Ba Một's queue: Xã Hai Hai answers it after the merge
        JsonObject paper = paperIncoming(c21);
        Api.Response directed = offices.get(c21).leader().post("/api/t/" + c21 + "/documents/" + paper.getJsonNumber("id") + "/direct",
                "{\"leadHandler\":\"" + offices.get(c21).staffName() + "\",\"direction\":\"Giải quyết theo quy định\"}");
        assertEquals(200, directed.status(), directed.toString());

        byte[] receipt = DossiersIT.pdf(Fixtures.user(c12, false, "STAFF"), "/api/t/" + c12 + "/dossiers/" + received.get(c12) + "/receipt.pdf").body();

        // ---- the plan: one reform, run with the packaged tool
        Map<String, Long> before = sum(count(p1), count(p2));
        int gsoWard = gso + 1;
        String plan = """
                {"title":"Sắp xếp đơn vị hành chính %s","effective":"%s","operations":[
                 {"op":"merge-provinces","units":["%s","%s"],"into":{"code":"%s","name":"Tỉnh Hợp Nhất","gso":"%d"},"admins":"admins"},
                 {"op":"merge","units":["%s","%s"],"into":{"code":"%s","name":"Xã Hợp Nhất Một","kind":"commune"}},
                 {"op":"merge","units":["%s"],"into":"%s","admins":"none"},
                 {"op":"merge","units":["%s","%s","%s"],"into":"%s","site":"%s"},
                 {"op":"rename","unit":"%s","name":"Phường Hai Một","kind":"ward","gso":"%d"},
                 {"op":"dissolve","unit":"%s"},{"op":"dissolve","unit":"%s"},{"op":"dissolve","unit":"%s"}]}
                """.formatted(s, TODAY, p1, p2, root, gso, c11, c12, c11, t13, c21, c31, c32, c33, c22, c31, c21, gsoWard, d1, d2, d3);
        Path planFile = Files.createTempFile("reform-", ".json");
        Files.writeString(planFile, plan, StandardCharsets.UTF_8);
        Cli.Result checked = Cli.run("reorganise", "--plan", planFile.toString());
        assertEquals(0, checked.exit(), checked.toString());
        assertTrue(checked.out().contains("\"conflicts\": [\n    ]") || checked.out().contains("\"conflicts\": []"), checked.out());
        assertEquals(stable(before), stable(sum(count(p1), count(p2))), "a dry-run changes nothing");
        Matcher basis = Pattern.compile("--apply --basis (\\S+)").matcher(checked.out());
        assertTrue(basis.find(), checked.out());
        Cli.Result applied = Cli.run("reorganise", "--plan", planFile.toString(), "--apply", "--basis", basis.group(1));
        assertEquals(0, applied.exit(), applied.toString());

        // ---- every table, counted independently: nothing lost
        Map<String, Long> after = count(root);
        for (Map.Entry<String, Long> e : before.entrySet()) {
            if (!NOT_COUNTED.contains(e.getKey())) {
                assertEquals(e.getValue(), after.getOrDefault(e.getKey(), 0L), "rows of " + e.getKey());
            }
        }
        assertEquals(before.get("app_user"), after.get("app_user"), "every account is kept");
        // the two units the plan made (the province, the new commune) start as every new unit does: a welcome notice,
        // an introduction page and the two categories; the ended units' categories of the same slug became their
        // successors' (each successor has one "Tin tức"), every other row is kept
        assertEquals(before.get("notice") + 2, after.get("notice"), "the notices kept, and the new units' welcome");
        assertEquals(before.get("portal_page") + 2, after.get("portal_page"), "the pages kept, and the new units' introduction");
        assertEquals(0L, sameSlugTwice(root), "no unit has two categories of one slug");
        assertTrue(after.get("portal_category") < before.get("portal_category"), before + " -> " + after);
        assertTrue(before.get("document") >= 10 && before.get("dossier") >= 18 && before.get("portal_article") >= 14, before.toString());
        String newCommune = c11;   // the new commune took back Xã Một Một's code

        // ---- the tree: provinces merged, districts gone, communes under the new province, codes and kinds as planned
        assertEquals(root, tenant(p1).get("successor"));
        assertEquals(root, tenant(p2).get("successor"));
        for (String d : List.of(d1, d2, d3)) {
            assertEquals("retired", tenant(d).get("status"), d);
        }
        assertEquals(root, tenant(newCommune).get("parent"));
        assertEquals("active", tenant(newCommune).get("status"));
        assertEquals("Xã Hợp Nhất Một", tenant(newCommune).get("name"));
        assertEquals(root, tenant(dept).get("parent"), "the department moved under the new province");
        assertEquals("ward", tenant(c21).get("kind"));
        assertEquals(Integer.toString(gsoWard), tenant(c21).get("gso"));
        assertEquals(Integer.toString(gso), tenant(root).get("gso"));
        assertEquals(c22, tenant(c31).get("successor"));
        assertEquals(c21, tenant(t13).get("successor"));
        Api.Response oldSite = Api.anonymous().get("/t/" + c12 + "/", "text/html");
        assertEquals(301, oldSite.status(), oldSite.toString());
        assertEquals("/t/" + newCommune + "/", oldSite.location());

        // ---- users: merged units' administrators became staff; the township's kept nothing; the provinces' stayed administrators
        Map<String, Object> firstAdminC12 = account("qt." + c12);
        assertEquals(newCommune, firstAdminC12.get("unit"));
        assertFalse(((String) firstAdminC12.get("roles")).contains("UNIT_ADMIN"), firstAdminC12.toString());
        assertTrue(((String) firstAdminC12.get("roles")).contains("STAFF"), firstAdminC12.toString());
        Map<String, Object> firstAdminT13 = account("qt." + t13);
        assertEquals("disabled", firstAdminT13.get("status"));
        assertEquals(403, admins.get(c12).get("/api/t/" + newCommune + "/users").status(), "no longer an administrator of anything");
        assertEquals(root, account(provinceAdmin1).get("unit"));
        assertEquals(200, admin1.get("/api/t/" + root + "/users").status(), "the province's administrator administers the new province");

        // ---- dossiers: in progress under the successor with their codes; the district's dossiers now held by the province
        Api deskN = oneStop.get(c12);
        for (String c : List.of(c11, c12)) {
            JsonObject d = deskN.get(ProcessingIT.path(newCommune, inProgress.get(c))).json();
            assertEquals("tham-dinh", d.getString("step"));
            assertEquals(newCommune, d.getString("unit"));
            assertEquals(inProgress.get(c), d.getString("code"));
        }
        JsonObject heldByProvince = admin1.get(ProcessingIT.path(root, transferred.get(c31))).json();
        assertEquals(root, heldByProvince.getString("holder"), heldByProvince.toString());
        assertEquals(c22, heldByProvince.getString("unit"));
        assertEquals("huyen", heldByProvince.getString("step"));
        // the receipt printed by Xã Một Hai before the reform: its QR code still leads to the dossier
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(receipt)) {
            java.awt.image.BufferedImage page = new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 200);
            String qr = new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                    new com.google.zxing.client.j2se.BufferedImageLuminanceSource(page))), Map.of(com.google.zxing.DecodeHintType.TRY_HARDER,
                    Boolean.TRUE)).getText();
            assertTrue(qr.endsWith("/api/dossiers/" + received.get(c12)), qr);
            Api.Response status = Api.anonymous().get(URI.create(qr).getRawPath());
            assertEquals(200, status.status(), status.toString());
            assertEquals("received", status.json().getString("status"));
            Api.Response phone = Api.anonymous().get(URI.create(qr).getRawPath(), "text/html");
            assertEquals(200, phone.status());
            assertTrue(phone.body().contains(received.get(c12)), phone.body());
        }
        // a new dossier at the new commune: its code carries the code it took back, and repeats none of the old ones
        String fresh = counterDossier(newCommune);
        assertTrue(fresh.startsWith(newCommune + "-"), fresh);
        assertFalse(received.containsValue(fresh) || inProgress.containsValue(fresh) || transferred.containsValue(fresh), fresh);
        // a dossier of Xã Ba Một submitted under the second province's procedure keeps its version, and moves on
        String underOld = inProgress.get(c31);
        JsonObject kept = oneStop.get(c31).get(ProcessingIT.path(c22, underOld)).json();
        assertEquals(procX, kept.getString("procedureCode"), kept.toString());
        // the district is gone: its step is now the new province's
        JsonObject onwards = ProcessingIT.move(oneStop.get(c31), c22, underOld, "{\"to\":\"huyen\",\"toUnit\":\"" + root + "\"}");
        assertEquals(root, onwards.getString("holder"));

        // ---- procedures: adoption is the union; the second province's same-coded procedures stay, superseded
        JsonArray offered = Api.anonymous().get("/api/t/" + c22 + "/procedures").array();
        assertEquals(Set.of(procX, procY), Set.copyOf(offered.stream().map(v -> v.asJsonObject().getString("code")).toList()), offered.toString());
        assertEquals(2, Api.anonymous().get("/api/t/" + root + "/procedures").array().size(), "the new province's catalogue: one of each code");

        // ---- documents: old registers closed and readable as they were; the successor numbers in its own
        JsonArray closed = offices.get(c11).clerk().get("/api/t/" + newCommune + "/documents/registers/closed").json().getJsonArray("registers");
        assertEquals(2, closed.stream().map(v -> v.asJsonObject().getString("unitName")).distinct().count(), closed.toString());
        String oldC12 = closed.stream().map(JsonValue::asJsonObject).filter(r -> r.getString("unitName").equals("Xã Một Hai"))
                .findFirst().orElseThrow().getString("unit");
        assertEquals(c12, oldC12, "Xã Một Hai kept its code (it was not taken back)");
        JsonObject oldRegister = offices.get(c11).clerk().get("/api/t/" + newCommune + "/documents/incoming?of=" + oldC12 + "&year=" + YEAR).json();
        assertEquals(1, oldRegister.getJsonArray("documents").size(), oldRegister.toString());
        assertEquals(issued.get(c11).getString("numberSymbol"), oldRegister.getJsonArray("documents").getJsonObject(0).getString("numberSymbol"));
        // another unit asking for that closed register gets nothing of it
        JsonObject foreign = offices.get(c22).clerk().get("/api/t/" + c22 + "/documents/incoming?of=" + oldC12 + "&year=" + YEAR).json();
        assertEquals(0, foreign.getJsonArray("documents").size(), foreign.toString());
        assertEquals(0, offices.get(c22).clerk().get("/api/t/" + c22 + "/documents/registers/closed").json().getJsonArray("registers").stream()
                .filter(r -> r.asJsonObject().getString("unit").equals(oldC12)).count());
        assertEquals(403, offices.get(c22).clerk().get("/api/t/" + newCommune + "/documents/incoming?of=" + oldC12).status());
        JsonObject again = offices.get(c22).clerk().get("/api/t/" + c22 + "/documents/" + issued.get(c31).getJsonNumber("id")).json();
        assertEquals(issued.get(c31).getString("numberSymbol"), again.getString("numberSymbol"), "no number changed");
        DocumentsIT.Office o = offices.get(c12);
        DocumentsIT.Office atNew = new DocumentsIT.Office(newCommune, o.staffName(), o.staff(), o.leaderName(), o.leader(), o.clerkName(), o.clerk());
        JsonObject firstOfNew = DocumentsIT.issued(atNew, draft("Văn bản đầu tiên của xã mới"));
        assertEquals(1, firstOfNew.getInt("number"), "the new commune starts its own register");
        assertTrue(DocumentsIT.inQueue(offices.get(c11).clerk(), newCommune, issued.get(c12).getString("numberSymbol"),
                issued.get(c12).getString("abstract")) == null, "a delivery between two merged units is history, not work");
        JsonObject waiting = DocumentsIT.inQueue(offices.get(c22).clerk(), c22, fromDistrict.getString("numberSymbol"), fromDistrict.getString("abstract"));
        assertNotNull(waiting, "what the district sent to Xã Ba Một waits for Xã Hai Hai");
        Api.Response registered = offices.get(c22).clerk().post("/api/t/" + c22 + "/documents/queue/" + waiting.getJsonNumber("id") + "/accept", "");
        assertEquals(201, registered.status(), registered.toString());
        JsonObject handling = offices.get(c21).staff().get("/api/t/" + c21 + "/documents/" + paper.getJsonNumber("id")).json();
        assertEquals("directed", handling.getString("status"), "a document in handling continues");

        // ---- the portal: articles under the successor; the site kept as the plan said; visits and menus accounted for
        String home = Api.anonymous().get("/t/" + c22 + "/", "text/html").body();
        assertTrue(home.contains("Trang chủ " + c31), "Xã Hai Hai took Xã Ba Một's site as the plan said");
        assertTrue(PortalIT.themeOf(home).contains("--primary:#14532d"), "and its theme");
        String newHome = Api.anonymous().get("/t/" + newCommune + "/", "text/html").body();
        assertTrue(newHome.contains("Tin của " + c12), "Xã Một Hai's article is the new commune's");
        // each successor has one "Tin tức", the ended units' news in it (not a second category of the same name)
        admins.put(newCommune, Api.as(Fixtures.user(newCommune, false, "UNIT_ADMIN"), Fixtures.PASSWORD));
        long newsOfNew = category(newCommune, "tin-tuc").getJsonNumber("id").longValue();
        category(newCommune, "thong-bao");
        category(c22, "tin-tuc");
        Api.Response articles = admins.get(newCommune).get("/api/t/" + newCommune + "/portal/articles?limit=200");
        assertEquals(200, articles.status(), articles.toString());
        List<JsonObject> ofC12 = jakarta.json.Json.createReader(new java.io.StringReader(articles.body())).readArray().getValuesAs(JsonObject.class)
                .stream().filter(x -> x.getString("title").equals("Tin của " + c12)).toList();
        assertEquals(1, ofC12.size(), articles.body());
        assertEquals(newsOfNew, ofC12.get(0).getJsonNumber("categoryId").longValue(), "Xã Một Hai's news is in the new commune's Tin tức");

        // ---- feedback: each report is the successor's, with its code, status and answer; a published one on its site
        for (String[] merged : new String[][] {{c12, newCommune}, {c32, c22}, {t13, c21}}) {
            String[] codes = feedback.get(merged[0]);
            Api staff = oneStop.get(merged[0]);
            assertEquals("new", staff.get("/api/t/" + merged[1] + "/feedback/" + codes[0]).json().getString("status"));
            JsonObject answered = staff.get("/api/t/" + merged[1] + "/feedback/" + codes[1]).json();
            assertEquals("answered", answered.getString("status"), answered.toString());
            assertEquals(merged[1], answered.getString("unit"));
            assertEquals("Đã chuyển đội giao thông của " + merged[0] + " xử lý.", answered.getString("answer"));
            assertEquals(200, Api.anonymous().get("/t/" + merged[1] + "/feedback/" + codes[2], "text/html").status(), "published on the successor's site");
            // the successor answers what the ended commune had not
            assertEquals("answered", staff.post("/api/t/" + merged[1] + "/feedback/" + codes[0] + "/answer",
                    "{\"answer\":\"Xã mới đã tiếp nhận và xử lý.\"}").json().getString("status"));
        }
        assertEquals(404, oneStop.get(c22).get("/api/t/" + c22 + "/feedback/" + feedback.get(c12)[0]).status(), "another successor's report");

        // ---- search: the ended units' items left the index; the changed units are reindexed from the tool's pending jobs
        PortalIT.await("the index matches the database for the new province", () -> {
            Api.Response check = admin1.get("/api/t/" + root + "/search/check?subtree=true");
            return check.status() == 200 && check.json().getBoolean("consistent");
        }, 120);
        JsonObject found = Api.anonymous().get("/api/search?unit=" + root + "&q=" + java.net.URLEncoder.encode("Tin của " + c12, StandardCharsets.UTF_8)).json();
        assertTrue(found.toString().contains(newCommune) && !found.toString().contains("\"unit\":\"" + c12 + "\""), found.toString());

        // ---- the audit trail of the new province says who applied which plan
        assertTrue(admin1.get("/api/t/" + root + "/audit?action=unit.reorganised").body().contains("operator"));
        // another province's administrator sees nothing of it
        Api elsewhere = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"), Fixtures.PASSWORD);
        assertEquals(403, elsewhere.get("/api/t/" + root + "/audit").status());
        assertEquals(403, elsewhere.get(ProcessingIT.path(root, transferred.get(c31))).status());

        // ---- the subtrees row-level security reads (kept by the tree's triggers) are the tree's after every create,
        // move and merge of the reform, for every unit of the database
        try (Connection c = Fixtures.db().app(); java.sql.Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), string_agg(unit_id || ': ' || kept::text || ' <> ' || actual::text, '; ') "
                     + "FROM tenant_subtree_drift()")) {
            rs.next();
            assertEquals(0, rs.getLong(1), "subtrees that differ from the tree: " + rs.getString(2));
        }
    }

    /**
     * Bad plans, each a clear message and nothing changed: closing a register before entries it already holds (an
     * effective date before the day a number was given), merging into a unit the same plan ends later, taking a code a
     * live unit holds, naming an ended unit as successor; and a suspended unit (ended outside any plan) given a successor.
     */
    @Test
    void badReformsAreRefusedWithTheirLinesAndChangeNothing() throws Exception {
        String district = Fixtures.COUSIN_DISTRICT;
        Api province = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"), Fixtures.PASSWORD);
        String a = "xa-dong-" + s;
        String b = "xa-tay-" + s;
        String c = "xa-nam-" + s;
        for (String code : List.of(a, b, c)) {
            unit(province, district, code, "Xã " + code, "commune");
        }
        DocumentsIT.Office office = DocumentsIT.Office.of(a);
        JsonObject numbered = DocumentsIT.issued(office, draft("Văn bản đã đánh số hôm nay"));
        String url = "/api/t/" + district + "/reorganisations/";
        Map<String, Long> before = stable(count(district));

        // the register of xa-dong holds an entry of today: it cannot close yesterday
        String yesterday = DateTimeFormatter.ofPattern("dd/MM/yyyy").format(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1));
        String early = "{\"title\":\"Sớm\",\"effective\":\"" + yesterday + "\",\"operations\":[{\"op\":\"merge\",\"units\":[\"" + a + "\"],\"into\":\"" + b + "\"}]}";
        Api.Response dry = province.post(url + "dry-run", early);
        assertEquals(200, dry.status(), dry.toString());
        JsonArray conflicts = dry.json().getJsonArray("conflicts");
        assertEquals(1, conflicts.size(), conflicts.toString());
        JsonObject k = conflicts.getJsonObject(0);
        assertEquals("documents", k.getString("module"));
        assertEquals(1, k.getInt("line"));
        assertTrue(k.getString("rule").contains("giữa chừng") && k.getString("rows").contains(Integer.toString(numbered.getInt("number"))), k.toString());
        Api.Response refused = province.post(url + "apply", early.replace("\"operations\"", "\"basis\":" + dry.json().getJsonObject("basis") + ",\"operations\""));
        assertEquals(422, refused.status(), refused.toString());
        assertTrue(refused.body().contains("giữa chừng"), refused.body());
        assertTrue(refused.json().getJsonArray("errors").getJsonObject(0).getString("reason").startsWith("Dữ liệu của " + a + " không chuyển được sang " + b
                + " (documents, "), refused.body());
        Api.Response refusedEn = province.send("POST", url + "apply", early.replace("\"operations\"", "\"basis\":" + dry.json().getJsonObject("basis")
                + ",\"operations\""), "application/json", null, null, "en");
        assertEquals(422, refusedEn.status(), refusedEn.toString());
        assertTrue(refusedEn.json().getJsonArray("errors").getJsonObject(0).getString("reason").startsWith("The records of " + a + " cannot move to " + b
                + " (documents, "), refusedEn.body());
        assertEquals("active", tenant(a).get("status"), "nothing changed");
        assertEquals(before, stable(count(district)));
        // an effective date that is no day, in the query or in the plan: 400 naming the field, nothing changed
        String merge = "{\"title\":\"Sai ngày\",\"operations\":[{\"op\":\"merge\",\"units\":[\"" + a + "\"],\"into\":\"" + b + "\"}]}";
        for (String path : List.of("dry-run?effective=31/02/2026", "apply?effective=2026-12-06", "dry-run?effective=h%C3%B4m%20nay")) {
            Api.Response r = province.post(url + path, merge);
            assertEquals(400, r.status(), path + ": " + r);
            assertEquals("urn:egov:problem:invalid-input", r.json().getString("type"), r.toString());
            assertTrue(r.json().getJsonObject("fields").containsKey("effective"), r.toString());
        }
        Api.Response inPlan = province.post(url + "dry-run", merge.replace("\"operations\"", "\"effective\":\"32/12/2026\",\"operations\""));
        assertTrue(inPlan.status() == 400 || inPlan.status() == 422, inPlan.toString());
        assertTrue(inPlan.body().contains("effective") || inPlan.body().contains("hiệu lực"), inPlan.body());
        assertEquals("active", tenant(a).get("status"), "nothing changed");
        assertEquals(before, stable(count(district)));
        // a closed register asked of a unit that does not exist: 400 naming "of", for the page and for the print
        for (String path : List.of("outgoing?of=khong-co-" + s, "incoming?of=khong-co-" + s + "&year=" + YEAR,
                "outgoing/register.csv?of=khong-co-" + s, "incoming/register.pdf?of=khong-co-" + s)) {
            String accept = path.contains(".csv") ? "text/csv" : path.contains(".pdf") ? "application/pdf" : "application/json";
            Api.Response r = office.clerk().get("/api/t/" + a + "/documents/" + path, accept);
            assertEquals(400, r.status(), path + ": " + r);
            assertTrue(r.json().getJsonObject("fields").containsKey("of"), r.toString());
            assertTrue(r.body().contains("khong-co-" + s), r.body());
        }
        // the same merge effective today applies
        String today = early.replace(yesterday, TODAY);
        Api.Response clean = province.post(url + "dry-run", today);
        assertEquals(0, clean.json().getJsonArray("conflicts").size(), clean.toString());

        // into a unit the same plan ends later; a code a live unit holds; an ended unit as successor: each with its line
        Api.Response intoEnding = province.post(url + "dry-run", "{\"operations\":[{\"op\":\"merge\",\"units\":[\"" + a + "\"],\"into\":\"" + b
                + "\"},{\"op\":\"merge\",\"units\":[\"" + b + "\"],\"into\":\"" + c + "\"}]}");
        assertEquals(422, intoEnding.status(), intoEnding.toString());
        assertEquals(2, intoEnding.json().getJsonArray("errors").getJsonObject(0).getInt("line"));
        assertTrue(intoEnding.body().contains("kế thừa cuối cùng"), intoEnding.body());
        Api.Response taken = province.post(url + "dry-run", "{\"operations\":[{\"op\":\"rename\",\"unit\":\"" + a + "\",\"code\":\"" + c + "\"}]}");
        assertEquals(422, taken.status(), taken.toString());
        assertTrue(taken.body().contains("đang hoạt động"), taken.body());
        Api.Response merged = province.post(url + "apply", today.replace("\"operations\"", "\"basis\":" + clean.json().getJsonObject("basis") + ",\"operations\""));
        assertEquals(200, merged.status(), merged.toString());
        Api.Response intoEnded = province.post(url + "dry-run", "{\"operations\":[{\"op\":\"merge\",\"units\":[\"" + c + "\"],\"into\":\"" + a + "\"}]}");
        assertEquals(422, intoEnded.status(), intoEnded.toString());
        assertTrue(intoEnded.body().contains("đã kết thúc") && intoEnded.body().contains(b), intoEnded.body());
        Api.Response bad = province.post(url + "dry-run", "{\"operations\":[{\"op\":\"merge\",\"units\":[\"" + c + "\"],\"into\":\"" + b
                + "\",\"admins\":\"everyone\"}]}");
        assertEquals(422, bad.status(), bad.toString());

        // a unit suspended outside any plan is given its successor by one
        assertEquals(200, province.post("/api/t/" + c + "/suspend", "").status());
        String late = "{\"operations\":[{\"op\":\"merge\",\"units\":[\"" + c + "\"],\"into\":\"" + b + "\"}]}";
        Api.Response lateDry = province.post(url + "dry-run", late);
        assertEquals(200, lateDry.status(), lateDry.toString());
        Api.Response lateApply = province.post(url + "apply", late.replace("\"operations\"", "\"basis\":" + lateDry.json().getJsonObject("basis") + ",\"operations\""));
        assertEquals(200, lateApply.status(), lateApply.toString());
        assertEquals(b, tenant(c).get("successor"));
    }

    // ---- building the day before the reform ------------------------------------------------------------------

    private void unit(Api as, String parent, String code, String name, String kind) {
        Api.Response r = as.post("/api/t/" + parent + "/units", """
                {"code":"%s","name":"%s","kind":"%s","firstAdmin":{"username":"qt.%s","displayName":"Quản trị %s"}}
                """.formatted(code, name, kind, code, name));
        assertEquals(201, r.status(), r.toString());
    }

    /** Three reports of a citizen of {@code unit} about it: one new, one answered, one answered and published; their codes. */
    private String[] feedback(String unit) {
        Api citizenOf = Api.as(Fixtures.user(unit, false, "CITIZEN"), Fixtures.PASSWORD);
        String[] codes = new String[3];
        for (int i = 0; i < 3; i++) {
            codes[i] = FeedbackIT.submit(citizenOf, unit, "Phản ánh số " + (i + 1) + " về " + unit,
                    "Đường vào thôn của " + unit + " bị sạt lở sau mưa lớn, đề nghị xã khắc phục.", i == 2);
        }
        for (int i = 1; i < 3; i++) {
            assertEquals(200, oneStop.get(unit).post("/api/t/" + unit + "/feedback/" + codes[i] + "/answer",
                    "{\"answer\":\"Đã chuyển đội giao thông của " + unit + " xử lý.\"}").status());
        }
        assertEquals(200, oneStop.get(unit).post("/api/t/" + unit + "/feedback/" + codes[2] + "/publish", "").status());
        return codes;
    }

    private void notice(String unit) {
        assertEquals(201, oneStop.get(unit).post("/api/t/" + unit + "/notices", "{\"title\":\"Lịch họp của " + unit + "\",\"body\":\"Họp giao ban\"}").status());
    }

    private void article(String unit) {
        Api admin = admins.get(unit);
        // in the unit's own "Tin tức" (every unit starts with one)
        long news = category(unit, "tin-tuc").getJsonNumber("id").longValue();
        JsonObject a = PortalIT.article(admin, unit, "{\"title\":\"Tin của " + unit + "\",\"summary\":\"Tóm tắt\",\"body\":\"<p>Nội dung tin</p>\","
                + "\"categoryId\":" + news + "}");
        long id = PortalIT.id(a);
        assertEquals(200, admin.post("/api/t/" + unit + "/portal/articles/" + id + "/submit", "").status());
        Api.Response approved = admin.post("/api/t/" + unit + "/portal/articles/" + id + "/approve", "{}");
        assertEquals(200, approved.status(), approved.toString());
    }

    /** The unit's one category of that slug (fails if it has none, or two). */
    private JsonObject category(String unit, String slug) {
        Api.Response r = admins.get(unit).get("/api/t/" + unit + "/portal/categories");
        assertEquals(200, r.status(), r.toString());
        List<JsonObject> found = r.body().startsWith("[") ? jakarta.json.Json.createReader(new java.io.StringReader(r.body())).readArray()
                .getValuesAs(JsonObject.class).stream().filter(c -> c.getString("slug").equals(slug)).toList() : List.of();
        assertEquals(1, found.size(), unit + " has one category " + slug + ": " + r.body());
        return found.get(0);
    }

    private void menu(String unit, String label) {
        Api.Response r = admins.get(unit).post("/api/t/" + unit + "/portal/menu", "{\"label\":\"" + label + "\",\"kind\":\"home\",\"position\":1}");
        assertEquals(201, r.status(), r.toString());
    }

    private void adopt(String unit, String code) {
        Api.Response r = admins.get(unit).put("/api/t/" + unit + "/procedures/adopted/" + code, "");
        assertEquals(201, r.status(), r.toString());
    }

    private String counterDossier(String unit) throws Exception {
        HttpResponse<String> r = DossiersIT.submit(oneStopNames.get(unit), unit, procY, "{\"fullName\":\"Lò Văn Pao\"}",
                Map.of("to-khai", DossiersIT.PDF), "Lò Văn Pao");
        assertEquals(201, r.statusCode(), r.body());
        return DossiersIT.json(r.body()).getString("code");
    }

    private String onlineDossier(String unit) throws Exception {
        HttpResponse<String> r = DossiersIT.submit(citizen, unit, procX, "{\"fullName\":\"Vàng Thị Dín\"}", Map.of("to-khai", DossiersIT.PDF));
        assertEquals(201, r.statusCode(), r.body());
        return DossiersIT.json(r.body()).getString("code");
    }

    private static String draft(String abstractText) {
        return "{\"docType\":\"Công văn\",\"symbol\":\"UBND\",\"abstract\":\"" + abstractText + "\",\"signer\":\"Nguyễn Văn An\","
                + "\"recipientsText\":\"Như trên; Lưu: VT.\"}";
    }

    private void send(String from, JsonObject doc, String to) {
        Api.Response r = offices.get(from).clerk().post("/api/t/" + from + "/documents/" + doc.getJsonNumber("id") + "/send",
                "{\"to\":[\"" + to + "\"]}");
        assertEquals(200, r.status(), r.toString());
    }

    private JsonObject accept(String unit, JsonObject doc) {
        JsonObject waiting = DocumentsIT.inQueue(offices.get(unit).clerk(), unit, doc.getString("numberSymbol"), doc.getString("abstract"));
        assertNotNull(waiting, "in the queue of " + unit);
        Api.Response r = offices.get(unit).clerk().post("/api/t/" + unit + "/documents/queue/" + waiting.getJsonNumber("id") + "/accept", "");
        assertEquals(201, r.status(), r.toString());
        return r.json();
    }

    private JsonObject paperIncoming(String unit) {
        Api.Response r = offices.get(unit).clerk().post("/api/t/" + unit + "/documents/incoming", "{\"numberSymbol\":\"" + DocumentsIT.uniqueNumber()
                + "/UBND-VP\",\"issuer\":\"UBND tỉnh\",\"docType\":\"Công văn\",\"abstract\":\"Về việc kiểm tra\",\"issuedOn\":\"02/01/" + YEAR + "\"}");
        assertEquals(201, r.status(), r.toString());
        return r.json();
    }

    // ---- counting, independently of the code under test ---------------------------------------------------------

    /** Rows per tenant table within a root's subtree (ended units included: their rows stay theirs or moved), as the owner. */
    /** The owner's connection in a transaction scoped to the root's whole subtree. */
    static Connection underRoot(String root) throws Exception {
        Connection c = Fixtures.db().owner();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true), set_config('app.subtree', 'on', true)")) {
            ps.setString(1, Long.toString(Fixtures.tenantId(root)));
            ps.executeQuery().close();
        }
        return c;
    }

    /** Units under the root with two categories of the same slug. */
    static long sameSlugTwice(String root) throws Exception {
        try (Connection c = underRoot(root)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM (SELECT tenant_id, slug FROM portal_category "
                    + "WHERE tenant_id = ANY (visible_tenants()) GROUP BY 1, 2 HAVING count(*) > 1) d"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                long n = rs.getLong(1);
                c.commit();
                return n;
            }
        }
    }

    static Map<String, Long> count(String root) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = underRoot(root)) {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT reorg_tenant_tables()"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + t + " WHERE tenant_id = ANY (visible_tenants())");
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    out.put(t, rs.getLong(1));
                }
            }
            c.commit();
        }
        return out;
    }

    /** Without the tables that workers change on their own (outboxes, visit counts). */
    static Map<String, Long> stable(Map<String, Long> counts) {
        Map<String, Long> out = new TreeMap<>(counts);
        out.keySet().removeAll(Set.of("search_outbox", "dossier_outbox", "document_outbox", "search_reindex_job", "portal_site_visit"));
        return out;
    }

    static Map<String, Long> sum(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> out = new TreeMap<>(a);
        b.forEach((k, v) -> out.merge(k, v, Long::sum));
        return out;
    }

    static Map<String, String> tenant(String code) throws Exception {
        try (Connection c = Fixtures.db().owner(); PreparedStatement ps = c.prepareStatement(
                "SELECT t.status, p.code, s.code, t.kind, t.gso_code, t.name FROM tenant t LEFT JOIN tenant p ON p.id = t.parent_id "
                        + "LEFT JOIN tenant s ON s.id = t.successor_id WHERE t.code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), code);
                Map<String, String> m = new java.util.HashMap<>();
                m.put("status", rs.getString(1));
                m.put("parent", rs.getString(2));
                m.put("successor", rs.getString(3));
                m.put("kind", rs.getString(4));
                m.put("gso", rs.getString(5));
                m.put("name", rs.getString(6));
                return m;
            }
        }
    }

    static Map<String, Object> account(String username) throws Exception {
        try (Connection c = Fixtures.db().owner(); PreparedStatement ps = c.prepareStatement(
                "SELECT t.code, array_to_string(a.roles, ','), a.status FROM auth_lookup(?) a JOIN tenant t ON t.id = a.tenant_id")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), username);
                return Map.of("unit", rs.getString(1), "roles", rs.getString(2), "status", rs.getString(3));
            }
        }
    }
}
