package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.egov.it.Fixtures.COMMUNE;
import static vn.egov.it.Fixtures.COUSIN_COMMUNE;
import static vn.egov.it.Fixtures.DISTRICT;
import static vn.egov.it.Fixtures.PASSWORD;
import static vn.egov.it.Fixtures.SIBLING_COMMUNE;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Official documents through the REST API on the deployed EAR: a department drafts, issues (the register's number)
 * and sends a document to three communes; one accepts it into its incoming register, one returns it, one has it
 * waiting; the sender sees each status. Numbering per register, year and series without gap under concurrency;
 * secret documents; recall; sending to a whole subtree; bad input; and what another unit sees: nothing.
 */
class DocumentsIT extends DeployedEar {
    static final String DEPARTMENT = "stp";
    static final int YEAR = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();

    static String path(String unit) {
        return "/api/t/" + unit + "/documents";
    }

    static String draftJson(String abstractText) {
        return "{\"docType\":\"Công văn\",\"symbol\":\"STP-VP\",\"abstract\":\"" + abstractText + "\",\"signer\":\"Nguyễn Văn An\","
                + "\"place\":\"Lào Cai\",\"urgency\":\"KHAN\",\"recipientsText\":\"Như trên; Lưu: VT.\",\"dueDate\":\"31/12/" + YEAR + "\",\"pageCount\":2}";
    }

    static JsonObject issued(Api api, String unit, String body) {
        Api.Response draft = api.post(path(unit) + "/outgoing", body);
        assertEquals(201, draft.status(), draft.toString());
        assertEquals("draft", draft.json().getString("status"));
        long id = draft.json().getJsonNumber("id").longValue();
        Api.Response issue = api.post(path(unit) + "/" + id + "/issue", "");
        assertEquals(200, issue.status(), issue.toString());
        return issue.json();
    }

    static JsonObject inQueue(Api api, String unit, String numberSymbol, String abstractText) {
        Api.Response queue = api.get(path(unit) + "/queue");
        assertEquals(200, queue.status(), queue.toString());
        return queue.array().stream().map(JsonValue::asJsonObject)
                .filter(o -> o.getString("numberSymbol").equals(numberSymbol) && o.getString("abstract").equals(abstractText))
                .findFirst().orElse(null);
    }

    @Test
    void aDepartmentIssuesAndSendsToThreeCommunesEachAnswersAndTheSenderSeesTheStatuses() {
        Api dept = Api.as(Fixtures.staff(DEPARTMENT), PASSWORD);
        String abstractText = "Về việc triển khai kiểm tra công tác hộ tịch năm " + YEAR + " " + UUID.randomUUID();
        JsonObject doc = issued(dept, DEPARTMENT, draftJson(abstractText));
        assertEquals("issued", doc.getString("status"));
        assertEquals(YEAR, doc.getInt("year"));
        int number = doc.getInt("number");
        String expected = (number < 10 ? "0" + number : "" + number) + "/STP-VP";
        assertEquals(expected, doc.getString("numberSymbol"));
        long id = doc.getJsonNumber("id").longValue();

        Api.Response sent = dept.post(path(DEPARTMENT) + "/" + id + "/send",
                "{\"to\":[\"" + COMMUNE + "\",\"" + SIBLING_COMMUNE + "\",\"" + COUSIN_COMMUNE + "\"]}");
        assertEquals(200, sent.status(), sent.toString());
        assertEquals(3, sent.json().getInt("deliveredCount"));

        // each commune has it in its queue at once; the queue puts urgent ones first
        Api commune = Api.as(Fixtures.staff(COMMUNE), PASSWORD);
        Api sibling = Api.as(Fixtures.staff(SIBLING_COMMUNE), PASSWORD);
        Api cousin = Api.as(Fixtures.staff(COUSIN_COMMUNE), PASSWORD);
        JsonObject atCommune = inQueue(commune, COMMUNE, expected, abstractText);
        JsonObject atSibling = inQueue(sibling, SIBLING_COMMUNE, expected, abstractText);
        JsonObject atCousin = inQueue(cousin, COUSIN_COMMUNE, expected, abstractText);
        assertTrue(atCommune != null && atSibling != null && atCousin != null, "every receiver has it waiting");
        assertEquals("received", atCommune.getString("status"));
        assertEquals(DEPARTMENT, atCommune.getString("from"));
        assertEquals("KHAN", atCommune.getString("urgency"));

        // the commune accepts it: the next arrival number of its incoming register
        Api.Response accepted = commune.post(path(COMMUNE) + "/queue/" + atCommune.getJsonNumber("id").longValue() + "/accept", "");
        assertEquals(201, accepted.status(), accepted.toString());
        JsonObject incoming = accepted.json();
        assertEquals("incoming", incoming.getString("register"));
        assertEquals("registered", incoming.getString("status"));
        assertEquals(expected, incoming.getString("numberSymbol"));
        assertEquals(YEAR, incoming.getInt("year"));
        assertTrue(commune.get(path(COMMUNE) + "/incoming?year=" + YEAR).json().getJsonArray("documents").stream()
                .anyMatch(v -> v.asJsonObject().getJsonNumber("id").longValue() == incoming.getJsonNumber("id").longValue()), "in the register");
        assertEquals(409, commune.post(path(COMMUNE) + "/queue/" + atCommune.getJsonNumber("id").longValue() + "/accept", "").status(),
                "accepted once");
        assertEquals(null, inQueue(commune, COMMUNE, expected, abstractText), "no longer waiting");

        // the sibling returns it, with a reason (none: refused)
        long siblingDelivery = atSibling.getJsonNumber("id").longValue();
        Api.Response noReason = sibling.post(path(SIBLING_COMMUNE) + "/queue/" + siblingDelivery + "/return", "{}");
        assertEquals(400, noReason.status(), noReason.toString());
        assertTrue(noReason.isProblem());
        Api.Response returned = sibling.post(path(SIBLING_COMMUNE) + "/queue/" + siblingDelivery + "/return",
                "{\"reason\":\"Không thuộc thẩm quyền của xã\"}");
        assertEquals(200, returned.status(), returned.toString());

        // the sender sees each receiver's status
        Map<String, JsonObject> byUnit = dept.get(path(DEPARTMENT) + "/" + id).json().getJsonArray("deliveries").stream()
                .map(JsonValue::asJsonObject).collect(Collectors.toMap(o -> o.getString("to"), o -> o));
        assertEquals("accepted", byUnit.get(COMMUNE).getString("status"));
        assertEquals("returned", byUnit.get(SIBLING_COMMUNE).getString("status"));
        assertEquals("Không thuộc thẩm quyền của xã", byUnit.get(SIBLING_COMMUNE).getString("reason"));
        assertEquals("received", byUnit.get(COUSIN_COMMUNE).getString("status"));

        // sending again reaches nobody twice
        Api.Response again = dept.post(path(DEPARTMENT) + "/" + id + "/send", "{\"to\":[\"" + COMMUNE + "\"]}");
        assertEquals(200, again.status(), again.toString());
        assertEquals(0, again.json().getInt("deliveredCount"));
        assertEquals(List.of(COMMUNE), again.json().getJsonArray("already").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());
    }

    @Test
    void anotherUnitSeesNothingOfARegisterAndCannotAnswerAnotherUnitsDelivery() {
        Api dept = Api.as(Fixtures.staff(DEPARTMENT), PASSWORD);
        String abstractText = "Văn bản chỉ gửi xã Quang Kim " + UUID.randomUUID();
        JsonObject doc = issued(dept, DEPARTMENT, draftJson(abstractText));
        long id = doc.getJsonNumber("id").longValue();
        assertEquals(200, dept.post(path(DEPARTMENT) + "/" + id + "/send", "{\"to\":[\"" + COMMUNE + "\"]}").status());
        Api commune = Api.as(Fixtures.staff(COMMUNE), PASSWORD);
        long delivery = inQueue(commune, COMMUNE, doc.getString("numberSymbol"), abstractText).getJsonNumber("id").longValue();

        // a staff member of another unit, through their own unit's path: not found, nothing changes
        Api sibling = Api.as(Fixtures.staff(SIBLING_COMMUNE), PASSWORD);
        assertEquals(404, sibling.get(path(SIBLING_COMMUNE) + "/" + id).status());
        assertEquals(404, sibling.post(path(SIBLING_COMMUNE) + "/" + id + "/issue", "").status());
        assertEquals(404, sibling.post(path(SIBLING_COMMUNE) + "/" + id + "/send", "{\"to\":[\"" + COUSIN_COMMUNE + "\"]}").status());
        assertEquals(404, sibling.post(path(SIBLING_COMMUNE) + "/" + id + "/recall", "{\"reason\":\"thử\"}").status());
        assertEquals(404, sibling.post(path(SIBLING_COMMUNE) + "/queue/" + delivery + "/accept", "").status());
        assertEquals(404, sibling.post(path(SIBLING_COMMUNE) + "/queue/" + delivery + "/return", "{\"reason\":\"thử\"}").status());
        assertEquals(null, inQueue(sibling, SIBLING_COMMUNE, doc.getString("numberSymbol"), abstractText));
        assertFalse(sibling.get(path(SIBLING_COMMUNE) + "/outgoing?year=" + YEAR).body().contains(abstractText));
        // and through the other unit's path: refused at the edge
        assertEquals(403, sibling.get(path(DEPARTMENT) + "/" + id).status());
        assertEquals(403, sibling.get(path(COMMUNE) + "/queue").status());
        assertEquals(403, sibling.post(path(COMMUNE) + "/queue/" + delivery + "/accept", "").status());

        // the receiver reads the delivery, not the sender's register
        assertEquals(404, commune.get(path(COMMUNE) + "/" + id).status());
        assertFalse(commune.get(path(COMMUNE) + "/outgoing?year=" + YEAR).body().contains(abstractText));
        assertEquals("received", dept.get(path(DEPARTMENT) + "/" + id).json().getJsonArray("deliveries").getJsonObject(0).getString("status"),
                "nothing the others tried changed it");

        // in the database, as the application's role under the sibling's scope: no row of either
        assertEquals(0, countAs(SIBLING_COMMUNE, "SELECT count(*) FROM document WHERE id = " + id));
        assertEquals(0, countAs(SIBLING_COMMUNE, "SELECT count(*) FROM document_delivery WHERE id = " + delivery));
        assertEquals(1, countAs(COMMUNE, "SELECT count(*) FROM document_delivery WHERE id = " + delivery), "control: the receiver's scope has it");
        assertEquals(0, countAs(COMMUNE, "SELECT count(*) FROM document WHERE id = " + id), "the receiver's scope has not the sender's row");
    }

    /** Counts as the non-owner application role under one unit's scope, so row-level security is on. */
    static long countAs(String unit, String sql) {
        try (Connection c = Fixtures.db().app()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true), set_config('app.subtree', 'off', true)")) {
                ps.setString(1, Long.toString(Fixtures.tenantId(unit)));
                ps.executeQuery().close();
            }
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                long n = rs.getLong(1);
                c.rollback();
                return n;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void numbersRunWithoutGapOrDuplicateUnderConcurrencyAndSecretOnesHaveTheirOwnSeries() throws Exception {
        String district = DISTRICT;
        Api staff = Api.as(Fixtures.staff(district), PASSWORD);
        String body = "{\"docType\":\"Thông báo\",\"symbol\":\"TB-UBND\",\"abstract\":\"Thông báo lịch tiếp công dân\"}";
        List<Long> drafts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Api.Response d = staff.post(path(district) + "/outgoing", body);
            assertEquals(201, d.status(), d.toString());
            drafts.add(d.json().getJsonNumber("id").longValue());
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<Api.Response>> issues = new ArrayList<>();
        for (long id : drafts) {
            issues.add(pool.submit(() -> staff.post(path(district) + "/" + id + "/issue", "")));
        }
        TreeSet<Integer> numbers = new TreeSet<>();
        for (Future<Api.Response> f : issues) {
            Api.Response r = f.get();
            assertEquals(200, r.status(), r.toString());
            numbers.add(r.json().getInt("number"));
        }
        pool.shutdown();
        assertEquals(12, numbers.size(), "no duplicate: " + numbers);
        assertEquals(11, numbers.last() - numbers.first(), "no gap: " + numbers);

        // a secret document: its own series, read by the one who entered it and the named reader only
        String reader = Fixtures.staff(district);
        String outsider = Fixtures.staff(district);
        Api.Response secret = staff.post(path(district) + "/outgoing", "{\"docType\":\"Báo cáo\",\"symbol\":\"BC-UBND\",\"abstract\":\"Báo cáo mật "
                + UUID.randomUUID() + "\",\"secrecy\":\"MAT\",\"readers\":[\"" + reader + "\"]}");
        assertEquals(201, secret.status(), secret.toString());
        long secretId = secret.json().getJsonNumber("id").longValue();
        Api.Response secretIssued = staff.post(path(district) + "/" + secretId + "/issue", "");
        assertEquals(200, secretIssued.status(), secretIssued.toString());
        int secretNumber = secretIssued.json().getInt("number");
        assertEquals(secretNumber, countAs(district, "SELECT count(*) FROM document WHERE register = 'outgoing' AND series = 'secret' AND year = "
                + YEAR + " AND number IS NOT NULL AND tenant_id = " + Fixtures.tenantId(district)), "the secret series counts secret ones only");
        assertEquals(200, Api.as(reader, PASSWORD).get(path(district) + "/" + secretId).status());
        Api other = Api.as(outsider, PASSWORD);
        assertEquals(404, other.get(path(district) + "/" + secretId).status());
        assertFalse(other.get(path(district) + "/outgoing?year=" + YEAR).body().contains(secret.json().getString("abstract")));
        assertTrue(staff.get(path(district) + "/outgoing?year=" + YEAR).body().contains(secret.json().getString("abstract")));
        // never sent electronically
        Api.Response send = staff.post(path(district) + "/" + secretId + "/send", "{\"to\":[\"" + COMMUNE + "\"]}");
        assertEquals(409, send.status(), send.toString());
        assertTrue(send.body().contains("mật"), send.body());
        assertEquals(0, countAs(district, "SELECT count(*) FROM document_delivery WHERE document_id = " + secretId));
        // issuing twice does not take a second number
        assertEquals(409, staff.post(path(district) + "/" + secretId + "/issue", "").status());
    }

    @Test
    void aUnitSendsToItsWholeSubtreeInOneAction() {
        Api district = Api.as(Fixtures.staff(DISTRICT), PASSWORD);
        JsonObject doc = issued(district, DISTRICT, "{\"docType\":\"Công văn\",\"symbol\":\"UBND-VP\",\"abstract\":\"Gửi tất cả các xã "
                + UUID.randomUUID() + "\",\"urgency\":\"HOA_TOC\"}");
        Api.Response sent = district.post(path(DISTRICT) + "/" + doc.getJsonNumber("id").longValue() + "/send", "{\"subtree\":true}");
        assertEquals(200, sent.status(), sent.toString());
        long below = countAs(DISTRICT, "SELECT count(*) FROM tenant p JOIN tenant c ON c.path <@ p.path AND c.id <> p.id WHERE p.code = '"
                + DISTRICT + "' AND c.status = 'active'");
        assertTrue(below >= 2, "the district has communes");
        assertEquals(below, sent.json().getInt("deliveredCount"));
        JsonArray reached = sent.json().getJsonArray("delivered");
        assertTrue(reached.toString().contains("\"" + COMMUNE + "\"") && reached.toString().contains("\"" + SIBLING_COMMUNE + "\""), reached.toString());
        assertFalse(reached.toString().contains("\"" + COUSIN_COMMUNE + "\""), "not a commune of another district");
        // a HỎA TỐC document comes first in a commune's queue
        JsonArray queue = Api.as(Fixtures.staff(COMMUNE), PASSWORD).get(path(COMMUNE) + "/queue").array();
        assertEquals("HOA_TOC", queue.getJsonObject(0).getString("urgency"), queue.toString());
    }

    @Test
    void aRecallFreezesTheDocumentAndWithdrawsTheReceiversCopies() {
        Api dept = Api.as(Fixtures.staff(DEPARTMENT), PASSWORD);
        String abstractText = "Văn bản sẽ thu hồi " + UUID.randomUUID();
        JsonObject doc = issued(dept, DEPARTMENT, draftJson(abstractText));
        long id = doc.getJsonNumber("id").longValue();
        assertEquals(200, dept.post(path(DEPARTMENT) + "/" + id + "/send", "{\"to\":[\"" + COMMUNE + "\",\"" + SIBLING_COMMUNE + "\"]}").status());
        Api commune = Api.as(Fixtures.staff(COMMUNE), PASSWORD);
        Api sibling = Api.as(Fixtures.staff(SIBLING_COMMUNE), PASSWORD);
        long communeDelivery = inQueue(commune, COMMUNE, doc.getString("numberSymbol"), abstractText).getJsonNumber("id").longValue();
        long siblingDelivery = inQueue(sibling, SIBLING_COMMUNE, doc.getString("numberSymbol"), abstractText).getJsonNumber("id").longValue();
        long incoming = commune.post(path(COMMUNE) + "/queue/" + communeDelivery + "/accept", "").json().getJsonNumber("id").longValue();
        assertFalse(commune.get(path(COMMUNE) + "/" + incoming).json().getBoolean("withdrawn"));

        assertEquals(400, dept.post(path(DEPARTMENT) + "/" + id + "/recall", "{}").status(), "a recall needs its reason");
        Api.Response recalled = dept.post(path(DEPARTMENT) + "/" + id + "/recall", "{\"reason\":\"Sai thời hạn báo cáo\"}");
        assertEquals(200, recalled.status(), recalled.toString());
        assertEquals("recalled", recalled.json().getString("status"));
        JsonObject copy = commune.get(path(COMMUNE) + "/" + incoming).json();
        assertTrue(copy.getBoolean("withdrawn"), copy.toString());
        assertEquals("Sai thời hạn báo cáo", copy.getString("withdrawnReason"));
        assertEquals(null, inQueue(sibling, SIBLING_COMMUNE, doc.getString("numberSymbol"), abstractText), "gone from the queue");
        assertEquals(409, sibling.post(path(SIBLING_COMMUNE) + "/queue/" + siblingDelivery + "/accept", "").status());
        assertEquals(409, dept.post(path(DEPARTMENT) + "/" + id + "/send", "{\"to\":[\"" + COUSIN_COMMUNE + "\"]}").status(), "frozen");
    }

    @Test
    void badInputIsAnsweredClearlyAndChangesNothing() {
        String staffName = Fixtures.staff(COUSIN_COMMUNE);
        Api staff = Api.as(staffName, PASSWORD);
        long before = countAs(COUSIN_COMMUNE, "SELECT count(*) FROM document");
        Api.Response empty = staff.post(path(COUSIN_COMMUNE) + "/outgoing", "{}");
        assertEquals(400, empty.status(), empty.toString());
        assertTrue(empty.isProblem());
        assertTrue(empty.body().contains("docType") && empty.body().contains("symbol") && empty.body().contains("abstract"), empty.body());
        Api.Response badSymbol = staff.post(path(COUSIN_COMMUNE) + "/outgoing",
                "{\"docType\":\"Công văn\",\"symbol\":\"12/UBND\",\"abstract\":\"x\",\"dueDate\":\"2027-01-05\",\"urgency\":\"GAP\",\"secrecy\":\"MẬT LẮM\"}");
        assertEquals(400, badSymbol.status(), badSymbol.toString());
        for (String field : List.of("symbol", "dueDate", "urgency", "secrecy")) {
            assertTrue(badSymbol.body().contains("\"" + field + "\""), field + " named: " + badSymbol.body());
        }
        Api.Response made = staff.post(path(COUSIN_COMMUNE) + "/outgoing", "{\"docType\":\"Công văn\",\"symbol\":\"UBND\",\"abstract\":\"x\"}");
        assertEquals(201, made.status(), made.toString());
        long draft = made.json().getJsonNumber("id").longValue();
        before++;
        assertEquals(409, staff.post(path(COUSIN_COMMUNE) + "/" + draft + "/send", "{\"to\":[\"" + COMMUNE + "\"]}").status(), "a draft is not sent");
        assertEquals(200, staff.post(path(COUSIN_COMMUNE) + "/" + draft + "/issue", "").status());
        Api.Response noSuchUnit = staff.post(path(COUSIN_COMMUNE) + "/" + draft + "/send", "{\"to\":[\"" + COMMUNE + "\",\"khong-co-xa-nay\"]}");
        assertEquals(400, noSuchUnit.status(), noSuchUnit.toString());
        assertTrue(noSuchUnit.body().contains("khong-co-xa-nay"), noSuchUnit.body());
        assertEquals(0, countAs(COUSIN_COMMUNE, "SELECT count(*) FROM document_delivery WHERE document_id = " + draft), "not even the good one");
        assertEquals(before, countAs(COUSIN_COMMUNE, "SELECT count(*) FROM document"));

        // a paper document registered twice: a warning, then registered when confirmed
        String numberSymbol = (100 + (int) (Math.random() * 800)) + "/UBND-VP";
        String paper = "{\"numberSymbol\":\"" + numberSymbol + "\",\"issuer\":\"UBND huyện Bảo Thắng\",\"docType\":\"Công văn\","
                + "\"abstract\":\"Về việc tổ chức hội nghị\",\"issuedOn\":\"02/01/" + YEAR + "\"}";
        Api.Response first = staff.post(path(COUSIN_COMMUNE) + "/incoming", paper);
        assertEquals(201, first.status(), first.toString());
        Api.Response twice = staff.post(path(COUSIN_COMMUNE) + "/incoming", paper.replace("UBND huyện", "ubnd huyện"));
        assertEquals(409, twice.status(), twice.toString());
        assertTrue(twice.isProblem());
        assertTrue(twice.body().contains("possible-duplicate"), twice.body());
        assertEquals(before + 1, countAs(COUSIN_COMMUNE, "SELECT count(*) FROM document"));
        Api.Response confirmed = staff.post(path(COUSIN_COMMUNE) + "/incoming", paper.replace("}", ",\"confirmDuplicate\":true}"));
        assertEquals(201, confirmed.status(), confirmed.toString());
        assertEquals(first.json().getInt("number") + 1, confirmed.json().getInt("number"));
        Api.Response future = staff.post(path(COUSIN_COMMUNE) + "/incoming", paper.replace("}", ",\"receivedOn\":\"01/01/2999\",\"confirmDuplicate\":true}"));
        assertEquals(400, future.status(), future.toString());
        assertTrue(future.body().contains("receivedOn"), future.body());
    }
}
