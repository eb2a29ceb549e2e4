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

    /** A unit's people for documents: a staff member who drafts, its leader, its clerk (văn thư). */
    record Office(String unit, String staffName, Api staff, String leaderName, Api leader, String clerkName, Api clerk) {
        static Office of(String unit) {
            String staff = Fixtures.staff(unit);
            String leader = Fixtures.user(unit, false, "STAFF", "LEADER");
            String clerk = Fixtures.user(unit, false, "STAFF", "CLERK");
            return new Office(unit, staff, Api.as(staff, PASSWORD), leader, Api.as(leader, PASSWORD), clerk, Api.as(clerk, PASSWORD));
        }
    }

    static Api clerk(String unit) {
        return Api.as(Fixtures.user(unit, false, "STAFF", "CLERK"), PASSWORD);
    }

    /** Drafted by the staff member, submitted, approved and signed by the leader, numbered and issued by the clerk. */
    static JsonObject issued(Office o, String body) {
        Api.Response draft = o.staff().post(path(o.unit()) + "/outgoing", body);
        assertEquals(201, draft.status(), draft.toString());
        assertEquals("draft", draft.json().getString("status"));
        long id = draft.json().getJsonNumber("id").longValue();
        assertEquals(200, o.staff().post(path(o.unit()) + "/" + id + "/submit", "").status());
        Api.Response signed = o.leader().post(path(o.unit()) + "/" + id + "/review", "{\"approve\":true}");
        assertEquals(200, signed.status(), signed.toString());
        assertEquals("signed", signed.json().getString("status"));
        Api.Response issue = o.clerk().post(path(o.unit()) + "/" + id + "/issue", "");
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
        Office office = Office.of(DEPARTMENT);
        Api dept = office.clerk();
        String abstractText = "Về việc triển khai kiểm tra công tác hộ tịch năm " + YEAR + " " + UUID.randomUUID();
        JsonObject doc = issued(office, draftJson(abstractText));
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
        Api commune = clerk(COMMUNE);
        Api sibling = clerk(SIBLING_COMMUNE);
        Api cousin = clerk(COUSIN_COMMUNE);
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
        assertTrue(commune.get(path(COMMUNE) + "/incoming?order=newest&year=" + YEAR).json().getJsonArray("documents").stream()
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
        Office office = Office.of(DEPARTMENT);
        Api dept = office.clerk();
        String abstractText = "Văn bản chỉ gửi xã Quang Kim " + UUID.randomUUID();
        JsonObject doc = issued(office, draftJson(abstractText));
        long id = doc.getJsonNumber("id").longValue();
        assertEquals(200, dept.post(path(DEPARTMENT) + "/" + id + "/send", "{\"to\":[\"" + COMMUNE + "\"]}").status());
        Api commune = clerk(COMMUNE);
        long delivery = inQueue(commune, COMMUNE, doc.getString("numberSymbol"), abstractText).getJsonNumber("id").longValue();

        // the clerk and the leader of another unit, through their own unit's path: not found, nothing changes
        Api sibling = clerk(SIBLING_COMMUNE);
        assertEquals(404, Api.as(Fixtures.user(SIBLING_COMMUNE, false, "STAFF", "LEADER"), PASSWORD)
                .post(path(SIBLING_COMMUNE) + "/" + id + "/review", "{\"approve\":true}").status());
        assertEquals(404, sibling.get(path(SIBLING_COMMUNE) + "/" + id).status());
        assertEquals(404, sibling.post(path(SIBLING_COMMUNE) + "/" + id + "/issue", "").status());
        assertEquals(404, sibling.post(path(SIBLING_COMMUNE) + "/" + id + "/send", "{\"to\":[\"" + COUSIN_COMMUNE + "\"]}").status());
        assertEquals(404, sibling.post(path(SIBLING_COMMUNE) + "/" + id + "/recall", "{\"reason\":\"thử\"}").status());
        assertEquals(404, sibling.post(path(SIBLING_COMMUNE) + "/queue/" + delivery + "/accept", "").status());
        assertEquals(404, sibling.post(path(SIBLING_COMMUNE) + "/queue/" + delivery + "/return", "{\"reason\":\"thử\"}").status());
        assertEquals(null, inQueue(sibling, SIBLING_COMMUNE, doc.getString("numberSymbol"), abstractText));
        assertFalse(sibling.get(path(SIBLING_COMMUNE) + "/outgoing?order=newest&year=" + YEAR).body().contains(abstractText));
        // and through the other unit's path: refused at the edge
        assertEquals(403, sibling.get(path(DEPARTMENT) + "/" + id).status());
        assertEquals(403, sibling.get(path(COMMUNE) + "/queue").status());
        assertEquals(403, sibling.post(path(COMMUNE) + "/queue/" + delivery + "/accept", "").status());

        // the receiver reads the delivery, not the sender's register
        assertEquals(404, commune.get(path(COMMUNE) + "/" + id).status());
        assertFalse(commune.get(path(COMMUNE) + "/outgoing?order=newest&year=" + YEAR).body().contains(abstractText));
        assertEquals("received", dept.get(path(DEPARTMENT) + "/" + id).json().getJsonArray("deliveries").getJsonObject(0).getString("status"),
                "nothing the others tried changed it");

        // in the database, as the application's role under the sibling's scope: no row of either
        assertEquals(0, countAs(SIBLING_COMMUNE, "SELECT count(*) FROM document WHERE id = " + id));
        assertEquals(0, countAs(SIBLING_COMMUNE, "SELECT count(*) FROM document_delivery WHERE id = " + delivery));
        assertEquals(1, countAs(COMMUNE, "SELECT count(*) FROM document_delivery WHERE id = " + delivery), "control: the receiver's scope has it");
        assertEquals(0, countAs(COMMUNE, "SELECT count(*) FROM document WHERE id = " + id), "the receiver's scope has not the sender's row");
    }

    /** Counts as the non-owner application role under one unit's scope, so row-level security is on. */
    /** A connection of the app role in a transaction scoped to the unit alone (the caller rolls it back). */
    private static Connection appIn(String unit) throws Exception {
        Connection c = Fixtures.db().app();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true), set_config('app.subtree', 'off', true)")) {
            ps.setString(1, Long.toString(Fixtures.tenantId(unit)));
            ps.executeQuery().close();
        }
        return c;
    }

    static long countAs(String unit, String sql) {
        try (Connection c = appIn(unit)) {
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

    /** Runs a change as the app role in the unit's own scope (rolled back): the rows changed, or -1 when the database refused it. */
    static int changeAs(String unit, String sql) {
        try (Connection c = appIn(unit)) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                return ps.executeUpdate();
            } catch (java.sql.SQLException refused) {
                assertTrue(refused.getMessage().contains("row-level security"), refused.getMessage());
                return -1;
            } finally {
                c.rollback();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * In a new unit the first ordinary and the first secret document of a year both print "01/TTr-UBND": the secret series
     * is numbered on its own (and "TTr", the decree's own abbreviation for a Tờ trình, is a symbol).
     */
    @Test
    void theFirstSecretDocumentOfAYearTakesNumberOneBesideTheFirstOrdinaryOne() {
        Office office = Office.of(PortalIT.commune("xa-so-mat"));
        JsonObject ordinary = issued(office, "{\"docType\":\"Tờ trình\",\"symbol\":\"TTr-UBND\",\"abstract\":\"Tờ trình về kế hoạch năm\"}");
        JsonObject secret = issued(office, "{\"docType\":\"Tờ trình\",\"symbol\":\"TTr-UBND\",\"abstract\":\"Tờ trình mật\",\"secrecy\":\"MAT\","
                + "\"readers\":[\"" + office.leaderName() + "\",\"" + office.clerkName() + "\"]}");
        assertEquals("01/TTr-UBND", ordinary.getString("numberSymbol"));
        assertEquals("01/TTr-UBND", secret.getString("numberSymbol"));
        assertEquals("MAT", secret.getString("secrecy"));
    }

    @Test
    void numbersRunWithoutGapOrDuplicateUnderConcurrencyAndSecretOnesHaveTheirOwnSeries() throws Exception {
        String district = DISTRICT;
        Office office = Office.of(district);
        Api staff = office.staff();
        String body = "{\"docType\":\"Thông báo\",\"symbol\":\"TB-UBND\",\"abstract\":\"Thông báo lịch tiếp công dân\"}";
        List<Long> drafts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Api.Response d = staff.post(path(district) + "/outgoing", body);
            assertEquals(201, d.status(), d.toString());
            long id = d.json().getJsonNumber("id").longValue();
            assertEquals(200, staff.post(path(district) + "/" + id + "/submit", "").status());
            assertEquals(200, office.leader().post(path(district) + "/" + id + "/review", "{\"approve\":true}").status());
            drafts.add(id);
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<Api.Response>> issues = new ArrayList<>();
        for (long id : drafts) {
            issues.add(pool.submit(() -> office.clerk().post(path(district) + "/" + id + "/issue", "")));
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

        // the register by pages, the newest first, with how many it holds; a bad page is a problem
        Api.Response newest = staff.get(path(district) + "/outgoing?order=newest&size=5&year=" + YEAR);
        assertEquals(200, newest.status(), newest.toString());
        List<Integer> shown = newest.json().getJsonArray("documents").stream().map(JsonValue::asJsonObject)
                .filter(o -> o.containsKey("number")).map(o -> o.getInt("number")).toList();
        assertEquals(5, newest.json().getJsonArray("documents").size());
        assertTrue(newest.json().getJsonNumber("total").longValue() >= 12, newest.body());
        assertEquals(shown.stream().sorted(java.util.Comparator.reverseOrder()).toList(), shown, "newest first");
        Api.Response badPage = staff.get(path(district) + "/outgoing?page=0&size=9000&order=sideways");
        assertEquals(400, badPage.status());
        assertTrue(badPage.isProblem() && badPage.body().contains("\"page\"") && badPage.body().contains("\"size\"") && badPage.body().contains("\"order\""),
                badPage.body());

        // the counter is the district's own: another unit, as the app role, neither sees, moves nor plants one
        long districtId = Fixtures.tenantId(district);
        String counter = "FROM document_counter WHERE tenant_id = " + districtId + " AND register = 'outgoing' AND series = 'normal' AND year = " + YEAR;
        assertEquals(1, countAs(district, "SELECT count(*) " + counter));
        assertTrue(countAs(district, "SELECT last " + counter) >= numbers.last(), "the counter is at the last number or past it");
        assertEquals(0, countAs(COMMUNE, "SELECT count(*) " + counter), "a commune sees no counter of the district");
        assertEquals(0, changeAs(COMMUNE, "UPDATE document_counter SET last = 0 WHERE tenant_id = " + districtId), "nor moves it");
        assertEquals(-1, changeAs(COMMUNE, "INSERT INTO document_counter (tenant_id, register, series, year, last) VALUES (" + districtId
                + ", 'outgoing', 'normal', 1999, 7)"), "nor plants one for it");
        assertTrue(countAs(district, "SELECT last " + counter) >= numbers.last(), "the district's counter did not move");

        // a secret document: its own series, read by the one who entered it and the named readers only
        String reader = Fixtures.staff(district);
        String outsider = Fixtures.staff(district);
        Api.Response unnamed = staff.post(path(district) + "/outgoing", "{\"docType\":\"Báo cáo\",\"symbol\":\"BC-UBND\",\"abstract\":\"Báo cáo mật "
                + UUID.randomUUID() + "\",\"secrecy\":\"MAT\",\"readers\":[\"" + reader + "\"]}");
        assertEquals(201, unnamed.status(), unnamed.toString());
        long unnamedId = unnamed.json().getJsonNumber("id").longValue();
        assertEquals(200, staff.post(path(district) + "/" + unnamedId + "/submit", "").status());
        assertEquals(404, office.leader().post(path(district) + "/" + unnamedId + "/review", "{\"approve\":true}").status(),
                "the leader is not among its readers");
        Api.Response notALeader = Api.as(reader, PASSWORD).post(path(district) + "/" + unnamedId + "/review", "{\"approve\":true}");
        assertEquals(403, notALeader.status(), "a reader without the leader's duty does not sign: " + notALeader);
        assertTrue(notALeader.body().contains("duty-required"), notALeader.body());
        assertEquals(0, countAs(district, "SELECT count(*) FROM document WHERE status = 'signed' AND id = " + unnamedId));

        Api.Response secret = staff.post(path(district) + "/outgoing", "{\"docType\":\"Báo cáo\",\"symbol\":\"BC-UBND\",\"abstract\":\"Báo cáo mật "
                + UUID.randomUUID() + "\",\"secrecy\":\"TOI_MAT\",\"readers\":[\"" + reader + "\",\"" + office.leaderName() + "\",\""
                + office.clerkName() + "\"]}");
        assertEquals(201, secret.status(), secret.toString());
        long secretId = secret.json().getJsonNumber("id").longValue();
        assertEquals(200, staff.post(path(district) + "/" + secretId + "/submit", "").status());
        assertEquals(200, office.leader().post(path(district) + "/" + secretId + "/review", "{\"approve\":true}").status());
        Api.Response secretIssued = office.clerk().post(path(district) + "/" + secretId + "/issue", "");
        assertEquals(200, secretIssued.status(), secretIssued.toString());
        int secretNumber = secretIssued.json().getInt("number");
        assertEquals(secretNumber, countAs(district, "SELECT count(*) FROM document WHERE register = 'outgoing' AND series = 'secret' AND year = "
                + YEAR + " AND number IS NOT NULL AND tenant_id = " + Fixtures.tenantId(district)), "the secret series counts secret ones only");
        assertEquals(200, Api.as(reader, PASSWORD).get(path(district) + "/" + secretId).status());
        Api other = Api.as(outsider, PASSWORD);
        assertEquals(404, other.get(path(district) + "/" + secretId).status());
        assertFalse(other.get(path(district) + "/outgoing?order=newest&year=" + YEAR).body().contains(secret.json().getString("abstract")));
        assertTrue(staff.get(path(district) + "/outgoing?order=newest&year=" + YEAR).body().contains(secret.json().getString("abstract")));
        // never sent electronically
        Api.Response send = office.clerk().post(path(district) + "/" + secretId + "/send", "{\"to\":[\"" + COMMUNE + "\"]}");
        assertEquals(409, send.status(), send.toString());
        assertTrue(send.body().contains("mật"), send.body());
        assertEquals(0, countAs(district, "SELECT count(*) FROM document_delivery WHERE document_id = " + secretId));
        // issuing twice does not take a second number
        assertEquals(409, office.clerk().post(path(district) + "/" + secretId + "/issue", "").status());
    }

    @Test
    void aUnitSendsToItsWholeSubtreeInOneAction() {
        Office office = Office.of(DISTRICT);
        Api district = office.clerk();
        JsonObject doc = issued(office, "{\"docType\":\"Công văn\",\"symbol\":\"UBND-VP\",\"abstract\":\"Gửi tất cả các xã "
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
        Office office = Office.of(DEPARTMENT);
        Api dept = office.clerk();
        String abstractText = "Văn bản sẽ thu hồi " + UUID.randomUUID();
        JsonObject doc = issued(office, draftJson(abstractText));
        long id = doc.getJsonNumber("id").longValue();
        assertEquals(200, dept.post(path(DEPARTMENT) + "/" + id + "/send", "{\"to\":[\"" + COMMUNE + "\",\"" + SIBLING_COMMUNE + "\"]}").status());
        Api commune = clerk(COMMUNE);
        Api sibling = clerk(SIBLING_COMMUNE);
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
        Office office = Office.of(COUSIN_COMMUNE);
        Api staff = office.staff();
        Api clerk = office.clerk();
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
        assertEquals(409, clerk.post(path(COUSIN_COMMUNE) + "/" + draft + "/send", "{\"to\":[\"" + COMMUNE + "\"]}").status(), "a draft is not sent");
        Api.Response unsigned = clerk.post(path(COUSIN_COMMUNE) + "/" + draft + "/issue", "");
        assertEquals(409, unsigned.status(), "a draft is not numbered: " + unsigned);
        Api.Response returnedWithoutNote = office.leader().post(path(COUSIN_COMMUNE) + "/" + draft + "/review", "{\"approve\":false}");
        assertEquals(409, returnedWithoutNote.status(), "not submitted yet: " + returnedWithoutNote);
        assertEquals(200, staff.post(path(COUSIN_COMMUNE) + "/" + draft + "/submit", "").status());
        assertEquals(400, office.leader().post(path(COUSIN_COMMUNE) + "/" + draft + "/review", "{\"approve\":false}").status(), "a return says why");
        assertEquals(400, office.leader().post(path(COUSIN_COMMUNE) + "/" + draft + "/review", "{\"approve\":\"yes\"}").status());
        Api.Response back = office.leader().post(path(COUSIN_COMMUNE) + "/" + draft + "/review", "{\"approve\":false,\"note\":\"Sửa trích yếu\"}");
        assertEquals(200, back.status(), back.toString());
        assertEquals("draft", back.json().getString("status"));
        assertEquals("Sửa trích yếu", back.json().getString("reviewNote"));
        assertEquals(200, staff.post(path(COUSIN_COMMUNE) + "/" + draft + "/submit", "").status());
        Api.Response staffSigns = staff.post(path(COUSIN_COMMUNE) + "/" + draft + "/review", "{\"approve\":true}");
        assertEquals(403, staffSigns.status(), staffSigns.toString());
        assertTrue(staffSigns.body().contains("duty-required"), staffSigns.body());
        assertEquals(200, office.leader().post(path(COUSIN_COMMUNE) + "/" + draft + "/review", "{\"approve\":true}").status());
        assertEquals(403, staff.post(path(COUSIN_COMMUNE) + "/" + draft + "/issue", "").status(), "numbering is the clerk's");
        assertEquals(200, clerk.post(path(COUSIN_COMMUNE) + "/" + draft + "/issue", "").status());
        Api.Response noSuchUnit = clerk.post(path(COUSIN_COMMUNE) + "/" + draft + "/send", "{\"to\":[\"" + COMMUNE + "\",\"khong-co-xa-nay\"]}");
        assertEquals(400, noSuchUnit.status(), noSuchUnit.toString());
        assertTrue(noSuchUnit.body().contains("khong-co-xa-nay"), noSuchUnit.body());
        assertEquals(0, countAs(COUSIN_COMMUNE, "SELECT count(*) FROM document_delivery WHERE document_id = " + draft), "not even the good one");
        assertEquals(before, countAs(COUSIN_COMMUNE, "SELECT count(*) FROM document"));

        // a paper document registered twice: a warning, then registered when confirmed
        String numberSymbol = uniqueNumber() + "/UBND-VP";
        String paper = "{\"numberSymbol\":\"" + numberSymbol + "\",\"issuer\":\"UBND huyện Bảo Thắng\",\"docType\":\"Công văn\","
                + "\"abstract\":\"Về việc tổ chức hội nghị\",\"issuedOn\":\"02/01/" + YEAR + "\"}";
        assertEquals(403, staff.post(path(COUSIN_COMMUNE) + "/incoming", paper).status(), "registering is the clerk's");
        Api.Response first = clerk.post(path(COUSIN_COMMUNE) + "/incoming", paper);
        assertEquals(201, first.status(), first.toString());
        Api.Response twice = clerk.post(path(COUSIN_COMMUNE) + "/incoming", paper.replace("UBND huyện", "ubnd huyện"));
        assertEquals(409, twice.status(), twice.toString());
        assertTrue(twice.isProblem());
        assertTrue(twice.body().contains("possible-duplicate"), twice.body());
        assertEquals(before + 1, countAs(COUSIN_COMMUNE, "SELECT count(*) FROM document"));
        Api.Response confirmed = clerk.post(path(COUSIN_COMMUNE) + "/incoming", paper.replace("}", ",\"confirmDuplicate\":true}"));
        assertEquals(201, confirmed.status(), confirmed.toString());
        assertEquals(first.json().getInt("number") + 1, confirmed.json().getInt("number"));
        Api.Response future = clerk.post(path(COUSIN_COMMUNE) + "/incoming", paper.replace("}", ",\"receivedOn\":\"01/01/2999\",\"confirmDuplicate\":true}"));
        assertEquals(400, future.status(), future.toString());
        assertTrue(future.body().contains("receivedOn"), future.body());
    }

    private static final java.util.concurrent.atomic.AtomicLong NUMBERS = new java.util.concurrent.atomic.AtomicLong(System.currentTimeMillis() % 1_000_000_000L);

    /**
     * A paper document's number no earlier run used: the test database outlives a run, and a number/symbol seen before from
     * the same issuer is (rightly) answered as a possible duplicate.
     */
    static long uniqueNumber() {
        return NUMBERS.incrementAndGet();
    }

    /** A one-page PDF with Vietnamese-free text (the standard fonts have no Vietnamese glyphs). */
    static byte[] pdf(String text) throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument d = new org.apache.pdfbox.pdmodel.PDDocument();
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            d.addPage(page);
            try (org.apache.pdfbox.pdmodel.PDPageContentStream c = new org.apache.pdfbox.pdmodel.PDPageContentStream(d, page)) {
                c.beginText();
                c.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 12);
                c.newLineAtOffset(72, 700);
                c.showText(text);
                c.endText();
            }
            d.save(out);
            return out.toByteArray();
        }
    }

    static java.net.http.HttpResponse<byte[]> raw(String user, String method, String path, byte[] body) throws Exception {
        return PortalIT.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.baseUrl() + path))
                .header("Authorization", PortalIT.basic(user)).header("Accept", "*/*").header("Content-Type", "application/octet-stream")
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody() : java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void filesAreJudgedByContentAndTheReceiverReadsThemThroughItsDeliveryUntilARecall() throws Exception {
        Office office = Office.of(DEPARTMENT);
        Api.Response draft = office.staff().post(path(DEPARTMENT) + "/outgoing", draftJson("Kế hoạch kiểm tra " + UUID.randomUUID()));
        long id = draft.json().getJsonNumber("id").longValue();
        String files = path(DEPARTMENT) + "/" + id + "/files";
        byte[] main = pdf("Ke hoach kiem tra " + id);
        assertEquals(400, raw(office.staffName(), "POST", files + "?kind=main&name=anh.pdf", ItEnvironment.png(20, 20)).statusCode(), "a PNG named .pdf");
        assertEquals(400, raw(office.staffName(), "POST", files + "?kind=main&name=hong.pdf", PortalEditingIT.PDF).statusCode(), "starts as a PDF, is none");
        assertEquals(400, raw(office.staffName(), "POST", files + "?kind=scan&name=a.pdf", main).statusCode(), "an outgoing document has no scan");
        assertEquals(0, countAs(DEPARTMENT, "SELECT count(*) FROM document_file WHERE document_id = " + id), "nothing kept of the refused ones");
        java.net.http.HttpResponse<byte[]> added = raw(office.staffName(), "POST", files + "?kind=main&name=ke-hoach.pdf", main);
        assertEquals(201, added.statusCode(), new String(added.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(201, raw(office.staffName(), "POST", files + "?kind=attachment&name=phu-luc.pdf", pdf("Phu luc")).statusCode());
        assertEquals(200, office.staff().post(path(DEPARTMENT) + "/" + id + "/submit", "").status());
        assertEquals(409, raw(office.staffName(), "POST", files + "?kind=attachment&name=muon.pdf", pdf("Muon")).statusCode(), "no file after the draft");
        assertEquals(200, office.leader().post(path(DEPARTMENT) + "/" + id + "/review", "{\"approve\":true}").status());
        JsonObject issued = office.clerk().post(path(DEPARTMENT) + "/" + id + "/issue", "").json();
        assertEquals(200, office.clerk().post(path(DEPARTMENT) + "/" + id + "/send", "{\"to\":[\"" + COMMUNE + "\"]}").status());

        String communeClerk = Fixtures.user(COMMUNE, false, "STAFF", "CLERK");
        JsonObject waiting = inQueue(Api.as(communeClerk, PASSWORD), COMMUNE, issued.getString("numberSymbol"), issued.getString("abstract"));
        JsonArray sentFiles = waiting.getJsonArray("files");
        assertEquals(2, sentFiles.size(), sentFiles.toString());
        String mainUrl = sentFiles.stream().map(JsonValue::asJsonObject).filter(f -> f.getString("kind").equals("main")).findFirst().orElseThrow()
                .getString("url");
        java.net.http.HttpResponse<byte[]> read = raw(communeClerk, "GET", mainUrl, null);
        assertEquals(200, read.statusCode());
        JsonObject sent = office.staff().get(path(DEPARTMENT) + "/" + id).json();
        byte[] issuedMain = raw(office.staffName(), "GET", file(sent, "main").getString("url"), null).body();
        assertTrue(java.util.Arrays.equals(issuedMain, read.body()), "the receiver reads the very bytes issued (the signed PDF)");
        assertTrue(issuedMain.length > main.length, "signed at issue: the signatures were added to what was uploaded");
        // another commune, through its own path (the delivery is not its) or the receiver's (no right there): nothing
        String siblingClerk = Fixtures.user(SIBLING_COMMUNE, false, "STAFF", "CLERK");
        assertEquals(404, raw(siblingClerk, "GET", mainUrl.replace("/t/" + COMMUNE + "/", "/t/" + SIBLING_COMMUNE + "/"), null).statusCode());
        assertEquals(403, raw(siblingClerk, "GET", mainUrl, null).statusCode());
        assertEquals(0, countAs(SIBLING_COMMUNE, "SELECT count(*) FROM document_file WHERE document_id = " + id));
        assertEquals(2, countAs(COMMUNE, "SELECT count(*) FROM document_file WHERE document_id = " + id), "control: the receiver's scope reads them");
        // accepted: the incoming document lists them; recalled: they are gone for the receiver
        long incoming = Api.as(communeClerk, PASSWORD).post(path(COMMUNE) + "/queue/" + waiting.getJsonNumber("id").longValue() + "/accept", "")
                .json().getJsonNumber("id").longValue();
        assertEquals(2, Api.as(communeClerk, PASSWORD).get(path(COMMUNE) + "/" + incoming).json().getJsonArray("files").size());
        assertEquals(200, office.clerk().post(path(DEPARTMENT) + "/" + id + "/recall", "{\"reason\":\"Ban hành nhầm\"}").status());
        assertEquals(404, raw(communeClerk, "GET", mainUrl, null).statusCode());
        assertEquals(0, countAs(COMMUNE, "SELECT count(*) FROM document_file WHERE document_id = " + id));
    }

    @Test
    void aLeaderDirectsAnIncomingDocumentItsHandlersWriteNotesAndTheLeadHandlerClosesIt() {
        Office office = Office.of(SIBLING_COMMUNE);
        String lead = Fixtures.staff(SIBLING_COMMUNE);
        String support = Fixtures.staff(SIBLING_COMMUNE);
        String paper = "{\"numberSymbol\":\"" + uniqueNumber() + "/UBND-VP\",\"issuer\":\"UBND huyện Bát Xát\","
                + "\"docType\":\"Công văn\",\"abstract\":\"Về việc báo cáo dân số " + UUID.randomUUID() + "\",\"urgency\":\"THUONG_KHAN\"}";
        long id = office.clerk().post(path(SIBLING_COMMUNE) + "/incoming", paper).json().getJsonNumber("id").longValue();
        String doc = path(SIBLING_COMMUNE) + "/" + id;

        assertEquals(403, office.staff().post(doc + "/direct", "{\"leadHandler\":\"" + lead + "\"}").status(), "directing is the leader's");
        Api.Response badDirection = office.leader().post(doc + "/direct", "{\"leadHandler\":\"khong-co-ai\",\"handleBy\":\"01/01/2000\"}");
        assertEquals(400, badDirection.status(), badDirection.toString());
        assertTrue(badDirection.body().contains("leadHandler") && badDirection.body().contains("handleBy"), badDirection.body());
        String handleBy = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(10));
        Api.Response directed = office.leader().post(doc + "/direct", "{\"leadHandler\":\"" + lead + "\",\"supportHandlers\":[\"" + support
                + "\"],\"handleBy\":\"" + handleBy + "\",\"direction\":\"Giao công chức văn hóa - xã hội chủ trì\"}");
        assertEquals(200, directed.status(), directed.toString());
        assertEquals("directed", directed.json().getString("status"));
        assertEquals(lead, directed.json().getString("leadHandler"));
        assertEquals(handleBy, directed.json().getString("handleBy"));

        Api leadApi = Api.as(lead, PASSWORD);
        Api supportApi = Api.as(support, PASSWORD);
        assertTrue(leadApi.get(path(SIBLING_COMMUNE) + "/work").body().contains("\"id\":" + id), "in the lead handler's work");
        assertTrue(supportApi.get(path(SIBLING_COMMUNE) + "/work").body().contains("\"id\":" + id), "in the supporting handler's work");
        assertFalse(office.staff().get(path(SIBLING_COMMUNE) + "/work").body().contains("\"id\":" + id));
        assertEquals(403, office.staff().post(doc + "/notes", "{\"note\":\"Tôi không được giao\"}").status());
        assertEquals(201, supportApi.post(doc + "/notes", "{\"note\":\"Đã tổng hợp số liệu thôn bản\"}").status());
        assertEquals(403, supportApi.post(doc + "/done", "{\"result\":\"Xong\"}").status(), "only the lead handler closes it");
        assertEquals(400, leadApi.post(doc + "/done", "{}").status(), "a result is written");
        Api.Response done = leadApi.post(doc + "/done", "{\"result\":\"Đã gửi báo cáo số 12/BC-UBND\"}");
        assertEquals(200, done.status(), done.toString());
        assertEquals("done", done.json().getString("status"));
        assertEquals(409, leadApi.post(doc + "/notes", "{\"note\":\"Muộn\"}").status());
        JsonObject whole = office.staff().get(doc).json();
        List<String> actions = whole.getJsonArray("history").stream().map(v -> v.asJsonObject().getString("action")).toList();
        assertEquals(List.of("registered", "directed", "note", "done"), actions);
        // the platform's lines are kept as keys with their arguments (said), their Vietnamese as before; what a person wrote stays as written
        JsonArray history = whole.getJsonArray("history");
        assertEquals("Văn bản giấy", history.getJsonObject(0).getString("note"), history.toString());
        assertEquals("history.paper", history.getJsonObject(0).getJsonObject("said").getString("key"), history.toString());
        JsonObject direction = history.getJsonObject(1);
        assertEquals("Chủ trì: " + lead + "; phối hợp: " + support + "; hạn: " + handleBy + ". Giao công chức văn hóa - xã hội chủ trì",
                direction.getString("note"), direction.toString());
        assertEquals("history.directed.supportBy", direction.getJsonObject("said").getString("key"), direction.toString());
        assertEquals(lead, direction.getJsonObject("said").getJsonArray("args").getString(0), direction.toString());
        assertEquals("Đã tổng hợp số liệu thôn bản", history.getJsonObject(2).getString("note"));
        assertFalse(history.getJsonObject(2).containsKey("said"), "a person's note is not the platform's words");
        assertFalse(leadApi.get(path(SIBLING_COMMUNE) + "/work").body().contains("\"id\":" + id), "no longer in the work list");

        // another unit's leader cannot direct it, nor its handlers write on it
        Api cousinLeader = Api.as(Fixtures.user(COUSIN_COMMUNE, false, "STAFF", "LEADER"), PASSWORD);
        assertEquals(404, cousinLeader.post(path(COUSIN_COMMUNE) + "/" + id + "/direct", "{\"leadHandler\":\"" + lead + "\"}").status());
        assertEquals(403, cousinLeader.post(doc + "/direct", "{\"leadHandler\":\"" + lead + "\"}").status());
    }

    @Test
    void theRegistersPrintAsTheDecreesFormsAndSearchFindsTheTextOfTheirPdfsForThoseWhoMayReadThem() throws Exception {
        Office office = Office.of(COMMUNE);
        String word = "tukhoa" + UUID.randomUUID().toString().replace("-", "").substring(0, 10); // in its PDF only
        String tag = "ma" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);       // in its abstract
        Api.Response draft = office.staff().post(path(COMMUNE) + "/outgoing", "{\"docType\":\"Kế hoạch\",\"symbol\":\"KH-UBND\","
                + "\"abstract\":\"Kế hoạch phòng chống thiên tai năm " + YEAR + " " + tag + "\",\"signer\":\"Lò Văn Minh\",\"recipientsText\":\"UBND huyện\"}");
        long id = draft.json().getJsonNumber("id").longValue();
        assertEquals(201, raw(office.staffName(), "POST", path(COMMUNE) + "/" + id + "/files?kind=main&name=ke-hoach.pdf",
                pdf("Noi dung ke hoach " + word)).statusCode());
        assertEquals(200, office.staff().post(path(COMMUNE) + "/" + id + "/submit", "").status());
        assertEquals(200, office.leader().post(path(COMMUNE) + "/" + id + "/review", "{\"approve\":true}").status());
        JsonObject issued = office.clerk().post(path(COMMUNE) + "/" + id + "/issue", "").json();

        // the printed register (PDF): the decree's title, the unit, the entry with its Vietnamese text
        java.net.http.HttpResponse<byte[]> printed = raw(office.staffName(), "GET", path(COMMUNE) + "/outgoing/register.pdf", null);
        assertEquals(200, printed.statusCode());
        assertTrue(printed.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"), printed.headers().toString());
        String text;
        try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(printed.body())) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(d);
        }
        assertTrue(text.contains("SỔ ĐĂNG KÝ VĂN BẢN ĐI"), text);
        assertTrue(text.contains(issued.getString("numberSymbol")), text);
        assertTrue(text.contains("phòng chống thiên tai"), text);
        // the spreadsheet: UTF-8 with a byte-order mark, the decree's columns, the entry
        java.net.http.HttpResponse<byte[]> sheet = raw(office.staffName(), "GET", path(COMMUNE) + "/outgoing/register.csv?from=01/01/" + YEAR
                + "&to=31/12/" + YEAR, null);
        assertEquals(200, sheet.statusCode());
        String csv = new String(sheet.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFFSố, ký hiệu văn bản") || csv.startsWith("\uFEFF\"Số, ký hiệu văn bản\""), csv.substring(0, 40));
        // the signer is the leader who signed it, whoever the draft named
        assertTrue(csv.contains(issued.getString("numberSymbol")) && csv.contains("Người dùng thử " + office.leaderName()) && csv.contains(tag), csv);
        // another commune's register has none of it; a bad period is refused
        String otherStaff = Fixtures.staff(SIBLING_COMMUNE);
        String otherCsv = new String(raw(otherStaff, "GET", path(SIBLING_COMMUNE) + "/outgoing/register.csv", null).body(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(otherCsv.startsWith("\uFEFF"), "control: the other register printed");
        assertFalse(otherCsv.contains(tag), otherCsv);
        assertEquals(403, raw(otherStaff, "GET", path(COMMUNE) + "/outgoing/register.csv", null).statusCode());
        java.net.http.HttpResponse<byte[]> badPeriod = raw(office.staffName(), "GET", path(COMMUNE) + "/incoming/register.pdf?from=31/12/" + YEAR
                + "&to=01/01/" + YEAR, null);
        assertEquals(400, badPeriod.statusCode());
        assertTrue(new String(badPeriod.body(), java.nio.charset.StandardCharsets.UTF_8).contains("\"to\""));

        // search finds it by a word of its PDF, for the unit's staff; not for another commune's
        JsonObject found = SearchIT.awaitTotal(office.staff(), "q=" + word + "&type=document&unit=" + COMMUNE, 1);
        assertTrue(found.toString().contains(issued.getString("numberSymbol")), found.toString());
        assertEquals(0, SearchIT.search(Api.as(otherStaff, PASSWORD), "q=" + word).getJsonNumber("total").longValue());
    }

    static List<org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature> signatures(byte[] pdf) throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return d.getSignatureDictionaries();
        }
    }

    static JsonObject file(JsonObject doc, String kind) {
        return doc.getJsonArray("files").stream().map(JsonValue::asJsonObject).filter(f -> f.getString("kind").equals(kind)).findFirst().orElseThrow();
    }

    @Test
    void theLeaderSignsTheClerkSealsTheReceiverSeesTheSignaturesAndATamperedFileIsFlaggedNotAcceptedSilently() throws Exception {
        Office office = Office.of(DEPARTMENT);
        long id = office.staff().post(path(DEPARTMENT) + "/outgoing", draftJson("Quyết định phê duyệt " + UUID.randomUUID())).json()
                .getJsonNumber("id").longValue();
        String files = path(DEPARTMENT) + "/" + id + "/files";
        assertEquals(201, raw(office.staffName(), "POST", files + "?kind=main&name=quyet-dinh.pdf", pdf("Quyet dinh " + id)).statusCode());
        assertEquals(201, raw(office.staffName(), "POST", files + "?kind=attachment&name=phu-luc.pdf", pdf("Phu luc " + id)).statusCode());
        assertEquals(200, office.staff().post(path(DEPARTMENT) + "/" + id + "/submit", "").status());
        assertEquals(200, office.leader().post(path(DEPARTMENT) + "/" + id + "/review", "{\"approve\":true}").status());
        JsonObject signed = office.staff().get(path(DEPARTMENT) + "/" + id).json();
        byte[] afterLeader = raw(office.staffName(), "GET", file(signed, "main").getString("url"), null).body();
        assertEquals(1, signatures(afterLeader).size(), "the leader's signature");
        JsonObject issued = office.clerk().post(path(DEPARTMENT) + "/" + id + "/issue", "").json();
        JsonObject whole = office.staff().get(path(DEPARTMENT) + "/" + id).json();
        byte[] main = raw(office.staffName(), "GET", file(whole, "main").getString("url"), null).body();
        byte[] attachment = raw(office.staffName(), "GET", file(whole, "attachment").getString("url"), null).body();
        assertEquals(2, signatures(main).size(), "the leader's, then the organisation's seal");
        assertEquals("VALID", file(whole, "main").getJsonObject("signature").getString("verdict"), whole.toString());
        assertEquals(2, file(whole, "main").getJsonObject("signature").getJsonArray("signatures").size());
        assertEquals(1, signatures(attachment).size(), "the organisation's on the attachment");
        String attachmentText;
        try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(attachment)) {
            org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            attachmentText = stripper.getText(d);
        }
        // the appearance text is in the signature's widget, not the page: checked through the signature's verification below
        vn.egov.platform.signing.PdfVerifier outside = new vn.egov.platform.signing.PdfVerifier(List.of(platformRoot()));
        vn.egov.platform.signing.PdfVerifier.Result check = outside.verify(main);
        assertEquals(vn.egov.platform.signing.PdfVerifier.Verdict.VALID, check.verdict(), check.reason());
        assertEquals(List.of("Người dùng thử " + office.leaderName(), "Sở Tư pháp"), check.signatures().stream()
                .map(vn.egov.platform.signing.PdfVerifier.SignatureResult::signerName).toList());
        assertEquals(vn.egov.platform.signing.PdfVerifier.Verdict.VALID, outside.verify(attachment).verdict());
        assertTrue(attachmentText.contains("Phu luc " + id), attachmentText);

        // two receivers: one gets the file as sent, the other's copy is changed on the way (flipped bytes in storage)
        assertEquals(200, office.clerk().post(path(DEPARTMENT) + "/" + id + "/send", "{\"to\":[\"" + COMMUNE + "\",\"" + SIBLING_COMMUNE + "\"]}").status());
        String communeClerk = Fixtures.user(COMMUNE, false, "STAFF", "CLERK");
        long delivery = inQueue(Api.as(communeClerk, PASSWORD), COMMUNE, issued.getString("numberSymbol"), issued.getString("abstract"))
                .getJsonNumber("id").longValue();
        Api.Response accepted = Api.as(communeClerk, PASSWORD).post(path(COMMUNE) + "/queue/" + delivery + "/accept", "");
        assertEquals(201, accepted.status(), accepted.toString());
        JsonObject incoming = Api.as(communeClerk, PASSWORD).get(path(COMMUNE) + "/" + accepted.json().getJsonNumber("id").longValue()).json();
        JsonObject seen = file(incoming, "main").getJsonObject("signature");
        assertEquals("VALID", seen.getString("verdict"), seen.toString());
        assertEquals(2, seen.getJsonArray("signatures").size());
        assertFalse(incoming.containsKey("signatureWarning"));

        tamper(id);
        String siblingClerk = Fixtures.user(SIBLING_COMMUNE, false, "STAFF", "CLERK");
        long siblingDelivery = inQueue(Api.as(siblingClerk, PASSWORD), SIBLING_COMMUNE, issued.getString("numberSymbol"), issued.getString("abstract"))
                .getJsonNumber("id").longValue();
        Api.Response refused = Api.as(siblingClerk, PASSWORD).post(path(SIBLING_COMMUNE) + "/queue/" + siblingDelivery + "/accept", "");
        assertEquals(409, refused.status(), refused.toString());
        assertTrue(refused.isProblem() && refused.body().contains("signature-invalid") && refused.body().contains("quyet-dinh.pdf"), refused.body());
        assertEquals(0, countAs(SIBLING_COMMUNE, "SELECT count(*) FROM document WHERE delivery_id = " + siblingDelivery), "not registered");
        Api.Response knowingly = Api.as(siblingClerk, PASSWORD).post(path(SIBLING_COMMUNE) + "/queue/" + siblingDelivery + "/accept?despiteSignatures=true", "");
        assertEquals(201, knowingly.status(), knowingly.toString());
        assertTrue(knowingly.json().getString("signatureWarning").contains("quyet-dinh.pdf"), knowingly.toString());
        JsonObject flagged = Api.as(siblingClerk, PASSWORD).get(path(SIBLING_COMMUNE) + "/" + knowingly.json().getJsonNumber("id").longValue()).json();
        assertEquals("INVALID", file(flagged, "main").getJsonObject("signature").getString("verdict"), flagged.toString());
    }

    @Test
    void aPdfSignedByAnUnknownAuthorityIsFlaggedAsAnUnknownSigner() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("foreign-pki");
        vn.egov.platform.signing.TestPki foreign = vn.egov.platform.signing.TestPki.create(dir, "ngoai".toCharArray());
        vn.egov.platform.signing.TestPki.UnitKeystore ks = foreign.unitKeystore("ngoai", "Cơ quan không tin cậy",
                List.of(new vn.egov.platform.signing.TestPki.Person("ke-gia-mao", "Kẻ Giả Mạo")));
        byte[] forged;
        try (vn.egov.platform.signing.PdfSigner.SigningKey key = vn.egov.platform.signing.PdfSigner.SigningKey.open(ks.bytes(), "ngoai".toCharArray(),
                vn.egov.platform.signing.TestPki.personAlias("ke-gia-mao"))) {
            forged = new vn.egov.platform.signing.PdfSigner().signAsPerson(pdf("Van ban gia"), key,
                    new vn.egov.platform.signing.PdfSigner.Placement(1, 40, 40, 150, 60), null);
        }
        Office office = Office.of(DEPARTMENT);
        long id = office.staff().post(path(DEPARTMENT) + "/outgoing", draftJson("Có chữ ký lạ " + UUID.randomUUID())).json().getJsonNumber("id").longValue();
        assertEquals(201, raw(office.staffName(), "POST", path(DEPARTMENT) + "/" + id + "/files?kind=main&name=la.pdf", forged).statusCode());
        assertEquals(200, office.staff().post(path(DEPARTMENT) + "/" + id + "/submit", "").status());
        assertEquals(200, office.leader().post(path(DEPARTMENT) + "/" + id + "/review", "{\"approve\":true}").status());
        JsonObject issued = office.clerk().post(path(DEPARTMENT) + "/" + id + "/issue", "").json();
        assertEquals(200, office.clerk().post(path(DEPARTMENT) + "/" + id + "/send", "{\"to\":[\"" + COUSIN_COMMUNE + "\"]}").status());
        Api cousin = clerk(COUSIN_COMMUNE);
        long delivery = inQueue(cousin, COUSIN_COMMUNE, issued.getString("numberSymbol"), issued.getString("abstract")).getJsonNumber("id").longValue();
        Api.Response refused = cousin.post(path(COUSIN_COMMUNE) + "/queue/" + delivery + "/accept", "");
        assertEquals(409, refused.status(), refused.toString());
        assertTrue(refused.body().contains("Không xác định được người ký"), refused.body());
    }

    /** The platform's root certificate, as its PKI directory keeps it (the IT domain's config/egov-pki). */
    static java.security.cert.X509Certificate platformRoot() throws Exception {
        java.nio.file.Path pem = java.nio.file.Path.of(System.getProperty("egov.projectDir", "../.."), "work", "payara6", "glassfish", "domains", "egov-it",
                "config", "egov-pki", vn.egov.platform.signing.TestPki.ROOT_PEM);
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(pem)) {
            return (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /**
     * Flips bytes in the middle of a document's current main PDF, as the owner under the sender's scope (row-level
     * security is forced on the owner too): a change on the way, or in storage.
     */
    static void tamper(long documentId) throws Exception {
        try (Connection c = Fixtures.db().owner()) {
            c.setAutoCommit(false);
            try (PreparedStatement scope = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true), set_config('app.subtree', 'off', true)")) {
                scope.setString(1, Long.toString(Fixtures.tenantId(DEPARTMENT)));
                scope.executeQuery().close();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE document_file SET content = overlay(content placing '\\x5858585858'::bytea "
                    + "from (length(content) / 3)::int for 5) WHERE document_id = ? AND kind = 'main' AND replaced_at IS NULL")) {
                ps.setLong(1, documentId);
                assertEquals(1, ps.executeUpdate());
            }
            c.commit();
        }
    }

    static java.nio.file.Path platformPki() {
        return java.nio.file.Path.of(System.getProperty("egov.projectDir", "../.."), "work", "payara6", "glassfish", "domains", "egov-it", "config",
                "egov-pki");
    }

    /** A package signed by an organisation outside the platform whose certificate the platform's root issued (the national CA's part). */
    static byte[] edxml(vn.egov.platform.signing.TestPki pki, String toUnit, String subject, java.util.function.UnaryOperator<String> change)
            throws Exception {
        char[] pw = java.nio.file.Files.readString(platformPki().resolve(".password")).strip().toCharArray();
        vn.egov.platform.signing.TestPki.UnitKeystore ks = pki.unitKeystore("000.00.00.G12", "Bộ Tư pháp", List.of());
        java.security.KeyStore store = vn.egov.platform.signing.TestPki.readKeyStore(ks.file(), pw);
        java.security.PrivateKey key = (java.security.PrivateKey) store.getKey(vn.egov.platform.signing.TestPki.ORGANISATION_ALIAS, pw);
        vn.egov.documents.exchange.EdXml.Package p = new vn.egov.documents.exchange.EdXml.Package(
                new vn.egov.documents.exchange.EdXml.Organ("000.00.00.G12", "Bộ Tư pháp"), List.of(new vn.egov.documents.exchange.EdXml.Organ(toUnit, "UBND xã")),
                UUID.randomUUID().toString(), 12, "BTP-HTQTCT", "Hà Nội", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")), "Công văn", subject,
                "Nguyễn Văn An", "Thứ trưởng", null, List.of(), 3, 2, List.of(),
                List.of(new vn.egov.documents.exchange.EdXml.Attachment("cong-van.pdf", "application/pdf", pdf("Cong van " + subject.hashCode()))));
        byte[] xml = vn.egov.documents.exchange.EdXml.write(p, key, ks.organisation());
        return change == null ? xml : change.apply(new String(xml, java.nio.charset.StandardCharsets.UTF_8)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static java.net.http.HttpResponse<String> postXml(String user, String unit, byte[] xml) throws Exception {
        return postXml(user, unit, xml, "vi");
    }

    /** The same for a reader of {@code language} (its Accept-Language). */
    static java.net.http.HttpResponse<String> postXml(String user, String unit, byte[] xml, String language) throws Exception {
        return PortalIT.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.baseUrl() + path(unit) + "/edxml"))
                .header("Authorization", PortalIT.basic(user)).header("Accept", "application/json").header("Content-Type", "application/xml")
                .header("Accept-Language", language).POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(xml)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anEdXmlPackageFromOutsideIsCheckedThenRegisteredAndABrokenOneIsReturnedWithItsReasons() throws Exception {
        String clerk = Fixtures.user(COMMUNE, false, "STAFF", "CLERK");
        long before = countAs(COMMUNE, "SELECT count(*) FROM document_inbound");
        java.net.http.HttpResponse<String> notXml = postXml(clerk, COMMUNE, "không phải XML".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(422, notXml.statusCode(), notXml.body());
        assertTrue(notXml.body().contains("edxml-invalid") && notXml.body().contains("XML"), notXml.body());
        assertTrue(notXml.body().contains("Gói edXML không hợp lệ") && notXml.body().contains("Không phải tệp XML hợp lệ"), notXml.body());
        // a reader in English hears the same refusal in English, every reason too (no "tiếng Việt / English" pairs in either)
        java.net.http.HttpResponse<String> notXmlEn = postXml(clerk, COMMUNE, "không phải XML".getBytes(java.nio.charset.StandardCharsets.UTF_8), "en");
        assertEquals(422, notXmlEn.statusCode(), notXmlEn.body());
        JsonObject refusedEn = jakarta.json.Json.createReader(new java.io.StringReader(notXmlEn.body())).readObject();
        assertEquals("Invalid edXML package", refusedEn.getString("title"), notXmlEn.body());
        assertTrue(refusedEn.getJsonArray("errors").getString(0).startsWith("Not well-formed XML"), notXmlEn.body());
        assertFalse(notXmlEn.body().contains("Không phải tệp XML") || notXml.body().contains("Not well-formed"), notXml.body() + notXmlEn.body());
        vn.egov.platform.signing.TestPki pki = vn.egov.platform.signing.TestPki.create(platformPki(),
                java.nio.file.Files.readString(platformPki().resolve(".password")).strip().toCharArray());

        String subject = "Về việc hướng dẫn đăng ký khai sinh " + UUID.randomUUID();
        byte[] good = edxml(pki, COMMUNE, subject, null);
        // a system on the way adds its trace: still the same signed package
        byte[] traced = vn.egov.documents.exchange.EdXml.withTrace(good, new vn.egov.documents.exchange.EdXml.Trace("000.00.00.H38", java.time.Instant.now()));
        assertEquals(403, postXml(Fixtures.staff(COMMUNE), COMMUNE, traced).statusCode(), "receiving is the clerk's");
        java.net.http.HttpResponse<String> received = postXml(clerk, COMMUNE, traced);
        assertEquals(201, received.statusCode(), received.body());
        JsonObject in = jakarta.json.Json.createReader(new java.io.StringReader(received.body())).readObject();
        assertEquals("12/BTP-HTQTCT", in.getString("numberSymbol"));
        assertEquals("HOA_TOC", in.getString("urgency"));
        assertEquals("Bộ Tư pháp", in.getString("from"));
        assertEquals(409, postXml(clerk, COMMUNE, traced).statusCode(), "the same package twice is one");

        // broken ones: changed after signing, signed by an unknown authority, not for this unit; each refused, nothing kept
        java.net.http.HttpResponse<String> changed = postXml(clerk, COMMUNE, edxml(pki, COMMUNE, "Nội dung gốc " + UUID.randomUUID(),
                x -> x.replace("Nội dung gốc", "Nội dung sửa")));
        assertEquals(422, changed.statusCode(), changed.body());
        assertTrue(changed.body().contains("bị thay đổi sau khi ký"), changed.body());
        java.net.http.HttpResponse<String> changedEn = postXml(clerk, COMMUNE, edxml(pki, COMMUNE, "Nội dung gốc " + UUID.randomUUID(),
                x -> x.replace("Nội dung gốc", "Nội dung sửa")), "en");
        assertEquals(422, changedEn.statusCode(), changedEn.body());
        assertTrue(changedEn.body().contains("the package was changed after signing") && !changedEn.body().contains("bị thay đổi"), changedEn.body());
        vn.egov.platform.signing.TestPki foreign = vn.egov.platform.signing.TestPki.create(java.nio.file.Files.createTempDirectory("ngoai"),
                java.nio.file.Files.readString(platformPki().resolve(".password")).strip().toCharArray());
        java.net.http.HttpResponse<String> unknown = postXml(clerk, COMMUNE, edxml(foreign, COMMUNE, "Gói lạ " + UUID.randomUUID(), null));
        assertEquals(422, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("tin cậy"), unknown.body());
        java.net.http.HttpResponse<String> elsewhere = postXml(clerk, COMMUNE, edxml(pki, SIBLING_COMMUNE, "Gửi xã khác " + UUID.randomUUID(), null));
        assertEquals(422, elsewhere.statusCode(), elsewhere.body());
        assertEquals(before + 1, countAs(COMMUNE, "SELECT count(*) FROM document_inbound"), "only the good one is kept");

        // another commune neither sees nor takes it
        long inboundId = in.getJsonNumber("id").longValue();
        Api sibling = clerk(SIBLING_COMMUNE);
        assertFalse(sibling.get(path(SIBLING_COMMUNE) + "/edxml").body().contains(subject));
        assertEquals(404, sibling.post(path(SIBLING_COMMUNE) + "/edxml/" + inboundId + "/accept", "").status());
        assertEquals(0, countAs(SIBLING_COMMUNE, "SELECT count(*) FROM document_inbound WHERE id = " + inboundId));

        // the clerk registers it: the arrival number, its file, the PDF's signature shown (unsigned here)
        Api communeClerk = Api.as(clerk, PASSWORD);
        assertTrue(communeClerk.get(path(COMMUNE) + "/edxml").body().contains(subject));
        Api.Response registered = communeClerk.post(path(COMMUNE) + "/edxml/" + inboundId + "/accept", "");
        assertEquals(201, registered.status(), registered.toString());
        JsonObject doc = communeClerk.get(path(COMMUNE) + "/" + registered.json().getJsonNumber("id").longValue()).json();
        assertEquals("registered", doc.getString("status"));
        assertEquals("Bộ Tư pháp", doc.getString("issuer"));
        assertEquals(subject, doc.getString("abstract"));
        assertEquals("NOT_SIGNED", file(doc, "main").getJsonObject("signature").getString("verdict"), doc.toString());
        assertEquals(409, communeClerk.post(path(COMMUNE) + "/edxml/" + inboundId + "/accept", "").status(), "registered once");
    }
}
