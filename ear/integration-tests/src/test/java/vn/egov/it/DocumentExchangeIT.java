package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.egov.it.DocumentsIT.Office;
import static vn.egov.it.DocumentsIT.countAs;
import static vn.egov.it.DocumentsIT.path;
import static vn.egov.it.Fixtures.COMMUNE;
import static vn.egov.it.Fixtures.COUSIN_COMMUNE;
import static vn.egov.it.Fixtures.PASSWORD;
import static vn.egov.it.Fixtures.SIBLING_COMMUNE;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.egov.documents.exchange.EdXml;

/**
 * Documents sent outside the platform through the national document axis (its simulator in the EAR), and urgent
 * documents told by e-mail, on the deployed EAR: a department sends an issued document to an organ id; it is queued,
 * then sent with the axis's id, and the package the axis got is valid edXML signed by the department; while the axis is
 * down it stays queued and is tried again, then sent when the axis is back; a refusal shows its reason; another unit
 * sees and changes nothing (API and database); bad input is answered with a problem and writes nothing; an urgent
 * document that reaches a commune (from a unit of the platform, or by edXML) is mailed to its clerk, a normal one is not.
 */
class DocumentExchangeIT extends DeployedEar {
    static final String DEPARTMENT = DocumentsIT.DEPARTMENT;
    static final String ORGAN = "000.00.00.G22";
    /** The department's own organ id on the axis (the same every run: set again, it changes nothing). */
    static final String DEPARTMENT_ORGAN = "000.00.16.H38";

    Api province;

    @BeforeEach
    void provinceAdmin() {
        province = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"), PASSWORD);
        Api.Response identity = PortalIT.as(DEPARTMENT, "UNIT_ADMIN").put(path(DEPARTMENT) + "/exchange-identity", "{\"organId\":\"" + DEPARTMENT_ORGAN + "\"}");
        assertEquals(200, identity.status(), identity.toString());
    }

    @AfterEach
    void axisBackInService() {
        assertEquals(200, province.put("/api/sim/document-axis/state", "{\"down\":false}").status());
    }

    static String draft(String abstractText, String urgency) {
        return "{\"docType\":\"Công văn\",\"symbol\":\"STP-VP\",\"abstract\":\"" + abstractText + "\",\"signer\":\"Nguyễn Văn An\",\"place\":\"Lào Cai\","
                + "\"urgency\":\"" + urgency + "\",\"recipientsText\":\"Bộ Nội vụ; Lưu: VT.\",\"pageCount\":1}";
    }

    /** Drafted with its main PDF, approved and signed by the leader, numbered and sealed by the clerk. */
    static JsonObject issuedWithPdf(Office o, String abstractText, String urgency) throws Exception {
        Api.Response d = o.staff().post(path(o.unit()) + "/outgoing", draft(abstractText, urgency));
        assertEquals(201, d.status(), d.toString());
        long id = d.json().getJsonNumber("id").longValue();
        assertEquals(201, DocumentsIT.raw(o.staffName(), "POST", path(o.unit()) + "/" + id + "/files?kind=main&name=cong-van.pdf",
                DocumentsIT.pdf("Cong van " + abstractText.hashCode())).statusCode());
        assertEquals(200, o.staff().post(path(o.unit()) + "/" + id + "/submit", "").status());
        assertEquals(200, o.leader().post(path(o.unit()) + "/" + id + "/review", "{\"approve\":true}").status());
        Api.Response issued = o.clerk().post(path(o.unit()) + "/" + id + "/issue", "");
        assertEquals(200, issued.status(), issued.toString());
        return issued.json();
    }

    /** The document's recipients outside the platform, as its unit sees them. */
    static List<JsonObject> outbound(Api api, String unit, long id) {
        Api.Response r = api.get(path(unit) + "/" + id);
        assertEquals(200, r.status(), r.toString());
        return r.json().getJsonArray("outbound").stream().map(JsonValue::asJsonObject).toList();
    }

    static JsonObject only(Api api, String unit, long id) {
        List<JsonObject> list = outbound(api, unit, id);
        assertEquals(1, list.size(), list.toString());
        return list.get(0);
    }

    @Test
    void anIssuedDocumentGoesToAnOrganThroughTheAxisQueuedThenSentAndTheAxisGotAPackageSignedByTheUnit() throws Exception {
        Office office = Office.of(DEPARTMENT);
        String abstractText = "Về việc báo cáo công tác văn thư lưu trữ " + UUID.randomUUID();
        JsonObject doc = issuedWithPdf(office, abstractText, "KHAN");
        long id = doc.getJsonNumber("id").longValue();

        assertEquals(403, office.staff().post(path(DEPARTMENT) + "/" + id + "/send-external", "{\"to\":[\"" + ORGAN + "\"]}").status(),
                "sending is the clerk's");
        Api.Response sent = office.clerk().post(path(DEPARTMENT) + "/" + id + "/send-external",
                "{\"to\":[{\"id\":\"" + ORGAN + "\",\"name\":\"Bộ Nội vụ\"}]}");
        assertEquals(200, sent.status(), sent.toString());
        assertEquals(1, sent.json().getInt("queuedCount"));
        // the package and the status were written in the send's transaction
        assertEquals(1, countAs(DEPARTMENT, "SELECT count(*) FROM document_outbox o JOIN document_outbound b ON b.id = o.outbound_id "
                + "WHERE b.document_id = " + id));

        PortalIT.await("the axis takes the package", () -> only(office.clerk(), DEPARTMENT, id).getString("status").equals("sent"), 60);
        JsonObject status = only(office.clerk(), DEPARTMENT, id);
        assertEquals(ORGAN, status.getString("organId"));
        assertEquals("Bộ Nội vụ", status.getString("organName"));
        String axisId = status.getString("axisId");
        assertTrue(axisId.startsWith("AXIS-"), status.toString());
        assertTrue(status.containsKey("sentAt"), status.toString());

        // what the axis got: edXML that reads, signed by the department's organisation certificate under the platform's root
        Api.Response pkg = province.get("/api/sim/document-axis/packages/" + axisId, "application/xml");
        assertEquals(200, pkg.status(), pkg.toString());
        EdXml.Read read = EdXml.read(pkg.body().getBytes(StandardCharsets.UTF_8), List.of(DocumentsIT.platformRoot()));
        assertTrue(read.valid(), read.problems().toString());
        assertEquals(DEPARTMENT_ORGAN, read.pkg().from().id(), "From is the department's organ id on the axis");
        assertEquals(List.of(ORGAN), read.pkg().to().stream().map(EdXml.Organ::id).toList());
        assertEquals(doc.getString("numberSymbol"), read.pkg().numberSymbol());
        assertEquals(abstractText, read.pkg().subject());
        assertEquals(1, read.pkg().priority(), "KHAN");
        assertEquals(1, read.pkg().attachments().size());
        String signer = read.signer().getSubjectX500Principal().getName();
        assertTrue(signer.contains("O=" + read.pkg().from().name()), signer);
        // changed on the way: the signature no longer holds
        EdXml.Read changed = EdXml.read(pkg.body().replace(abstractText, abstractText + " (sửa)").getBytes(StandardCharsets.UTF_8),
                List.of(DocumentsIT.platformRoot()));
        assertFalse(changed.valid());

        // the far side answers through the axis: received, then returned with its reason
        assertEquals(401, Api.anonymous().post("/api/documents/axis/status", "{\"axisId\":\"" + axisId + "\",\"status\":\"received\"}").status(),
                "only the axis, with its token, reports");
        Api.Response got = province.post("/api/sim/document-axis/packages/" + axisId + "/answer", "{\"status\":\"received\"}");
        assertEquals(200, got.status(), got.toString());
        assertTrue(got.json().getBoolean("recorded"), got.toString());
        assertEquals("received", only(office.clerk(), DEPARTMENT, id).getString("status"));
        Api.Response back = province.post("/api/sim/document-axis/packages/" + axisId + "/answer",
                "{\"status\":\"returned\",\"reason\":\"Không thuộc thẩm quyền của Bộ\"}");
        assertEquals(200, back.status(), back.toString());
        JsonObject returned = only(office.clerk(), DEPARTMENT, id);
        assertEquals("returned", returned.getString("status"));
        assertEquals("Không thuộc thẩm quyền của Bộ", returned.getString("reason"));
        assertTrue(returned.containsKey("answeredAt"));
        Api.Response late = province.post("/api/sim/document-axis/packages/" + axisId + "/answer", "{\"status\":\"received\"}");
        assertEquals(200, late.status(), late.toString());
        assertFalse(late.json().getBoolean("recorded"), "a returned document is not received afterwards");

        // sending again to the same organ queues nothing
        Api.Response again = office.clerk().post(path(DEPARTMENT) + "/" + id + "/send-external", "{\"to\":[\"" + ORGAN + "\"]}");
        assertEquals(200, again.status(), again.toString());
        assertEquals(0, again.json().getInt("queuedCount"));
        assertEquals(ORGAN, again.json().getJsonArray("already").getString(0));
        assertEquals(1, outbound(office.clerk(), DEPARTMENT, id).size());
    }

    @Test
    void whileTheAxisIsDownTheDocumentWaitsAndIsTriedAgainThenSentAndARefusalShowsTheAxissReason() throws Exception {
        Office office = Office.of(DEPARTMENT);
        JsonObject doc = issuedWithPdf(office, "Về việc kiểm tra khi trục gián đoạn " + UUID.randomUUID(), "THUONG");
        long id = doc.getJsonNumber("id").longValue();

        assertEquals(200, province.put("/api/sim/document-axis/state", "{\"down\":true}").status());
        assertEquals(200, office.clerk().post(path(DEPARTMENT) + "/" + id + "/send-external", "{\"to\":[\"000.00.00.G09\"]}").status());
        PortalIT.await("two tries while the axis is down", () -> only(office.clerk(), DEPARTMENT, id).getInt("attempts") >= 2, 60);
        JsonObject waiting = only(office.clerk(), DEPARTMENT, id);
        assertEquals("queued", waiting.getString("status"), waiting.toString());
        assertTrue(waiting.getString("lastError").contains("503"), waiting.toString());
        assertFalse(waiting.containsKey("axisId"));

        // after the last try the recipient shows failed with the reason; its package is kept, and not tried again by itself
        long outboundId = waiting.getJsonNumber("id").longValue();
        giveUp(outboundId);
        JsonObject failed = only(office.clerk(), DEPARTMENT, id);
        assertEquals("failed", failed.getString("status"), failed.toString());
        assertTrue(failed.getString("reason").contains("503"), failed.toString());
        assertEquals(1, countAs(DEPARTMENT, "SELECT count(*) FROM document_outbox WHERE sent_at IS NULL AND outbound_id = " + outboundId), "kept");
        assertEquals(200, province.put("/api/sim/document-axis/state", "{\"down\":false}").status());
        // nothing is to happen now: the axis is up, yet for 2.5 s the failed recipient keeps its tries and its status
        Wait.during("the failed recipient not tried again by itself", Duration.ofMillis(2500), () -> only(office.clerk(), DEPARTMENT, id),
                now -> now.getInt("attempts") == failed.getInt("attempts") && now.getString("status").equals("failed"));
        assertEquals(failed.getInt("attempts"), only(office.clerk(), DEPARTMENT, id).getInt("attempts"), "not tried again by itself");
        assertEquals("failed", only(office.clerk(), DEPARTMENT, id).getString("status"));
        // the clerk sends it again: queued anew, then sent
        Api.Response resent = office.clerk().post(path(DEPARTMENT) + "/" + id + "/send-external", "{\"to\":[\"000.00.00.G09\"]}");
        assertEquals(200, resent.status(), resent.toString());
        assertEquals(1, resent.json().getInt("queuedCount"));
        PortalIT.await("sent once the axis is back", () -> only(office.clerk(), DEPARTMENT, id).getString("status").equals("sent"), 60);
        JsonObject sent = only(office.clerk(), DEPARTMENT, id);
        assertTrue(sent.getString("axisId").startsWith("AXIS-"), sent.toString());
        assertFalse(sent.containsKey("lastError"), sent.toString());

        // the axis refuses: final, with its reason
        String reason = "Cơ quan nhận chưa kết nối trục liên thông " + UUID.randomUUID();
        assertEquals(200, province.put("/api/sim/document-axis/state", "{\"down\":false,\"refuse\":\"" + reason + "\"}").status());
        try {
            JsonObject other = issuedWithPdf(office, "Về việc gửi cơ quan chưa kết nối " + UUID.randomUUID(), "THUONG");
            long otherId = other.getJsonNumber("id").longValue();
            assertEquals(200, office.clerk().post(path(DEPARTMENT) + "/" + otherId + "/send-external", "{\"to\":[\"000.00.00.G10\"]}").status());
            PortalIT.await("the refusal", () -> only(office.clerk(), DEPARTMENT, otherId).getString("status").equals("refused"), 60);
            JsonObject refused = only(office.clerk(), DEPARTMENT, otherId);
            assertEquals(reason, refused.getString("reason"));
            assertFalse(refused.containsKey("axisId"));
        } finally {
            assertEquals(200, province.put("/api/sim/document-axis/state", "{\"down\":false}").status());
        }
    }

    @Test
    void anotherUnitSeesAndChangesNothingOfTheRecipientsAndBadInputWritesNothing() throws Exception {
        Office office = Office.of(DEPARTMENT);
        JsonObject doc = issuedWithPdf(office, "Về việc chỉ sở gửi ra ngoài " + UUID.randomUUID(), "THUONG");
        long id = doc.getJsonNumber("id").longValue();
        assertEquals(200, office.clerk().post(path(DEPARTMENT) + "/" + id + "/send-external", "{\"to\":[\"000.00.00.G11\"]}").status());
        long outboundId = only(office.clerk(), DEPARTMENT, id).getJsonNumber("id").longValue();

        Api sibling = DocumentsIT.clerk(SIBLING_COMMUNE);
        assertEquals(404, sibling.get(path(SIBLING_COMMUNE) + "/" + id).status());
        assertEquals(404, sibling.post(path(SIBLING_COMMUNE) + "/" + id + "/send-external", "{\"to\":[\"000.00.00.G12\"]}").status());
        assertEquals(403, sibling.get(path(DEPARTMENT) + "/" + id).status());
        assertEquals(403, sibling.post(path(DEPARTMENT) + "/" + id + "/send-external", "{\"to\":[\"000.00.00.G12\"]}").status());
        assertEquals(1, outbound(office.clerk(), DEPARTMENT, id).size(), "nothing the other unit tried was queued");
        // in the database, as the application's role under the other unit's scope: none of it
        assertEquals(0, countAs(SIBLING_COMMUNE, "SELECT count(*) FROM document_outbound WHERE id = " + outboundId));
        assertEquals(0, countAs(SIBLING_COMMUNE, "SELECT count(*) FROM document_outbox WHERE outbound_id = " + outboundId));
        assertEquals(1, countAs(DEPARTMENT, "SELECT count(*) FROM document_outbound WHERE id = " + outboundId), "control: the sender's scope has it");
        assertEquals(1, countAs(DEPARTMENT, "SELECT count(*) FROM document_outbox WHERE outbound_id = " + outboundId));
        // nor changes it, nor writes a package or a status in the sender's name (the app role may delete neither)
        assertEquals(0, DocumentsIT.changeAs(SIBLING_COMMUNE, "UPDATE document_outbound SET status = 'returned', reason = 'giả mạo' WHERE id = " + outboundId));
        assertEquals(0, DocumentsIT.changeAs(SIBLING_COMMUNE, "UPDATE document_outbox SET attempts = 99 WHERE outbound_id = " + outboundId));
        long departmentId = Fixtures.tenantId(DEPARTMENT);
        assertEquals(-1, DocumentsIT.changeAs(SIBLING_COMMUNE, "INSERT INTO document_outbox (tenant_id, target, payload) VALUES (" + departmentId
                + ", 'email', '\\x7b7d')"));
        assertEquals(-1, DocumentsIT.changeAs(SIBLING_COMMUNE, "INSERT INTO document_outbound (tenant_id, document_id, organ_id, organ_name, edxml_document_id, "
                + "queued_by) VALUES (" + departmentId + ", " + id + ", '000.00.00.G99', 'x', 'x', 'x')"));

        // bad input: a problem naming what is wrong, and nothing written
        long before = countAs(DEPARTMENT, "SELECT count(*) FROM document_outbox");
        Api.Response badId = office.clerk().post(path(DEPARTMENT) + "/" + id + "/send-external", "{\"to\":[\"000.00.00.G12\",\"bo-noi-vu\"]}");
        assertEquals(400, badId.status(), badId.toString());
        assertTrue(badId.isProblem(), badId.toString());
        assertTrue(badId.json().getJsonObject("fields").getJsonArray("to").toString().contains("không đúng dạng 000.00.00.G22"), badId.toString());
        Api.Response none = office.clerk().post(path(DEPARTMENT) + "/" + id + "/send-external", "{\"to\":[]}");
        assertEquals(400, none.status(), none.toString());
        assertTrue(none.isProblem() && none.contentType().startsWith("application/problem+json"), none.toString());

        Api.Response draft = office.staff().post(path(DEPARTMENT) + "/outgoing", draft("Bản nháp chưa ban hành " + UUID.randomUUID(), "THUONG"));
        long draftId = draft.json().getJsonNumber("id").longValue();
        Api.Response notIssued = office.clerk().post(path(DEPARTMENT) + "/" + draftId + "/send-external", "{\"to\":[\"" + ORGAN + "\"]}");
        assertEquals(409, notIssued.status(), notIssued.toString());
        assertTrue(notIssued.isProblem() && notIssued.body().contains("chưa được cấp số"), notIssued.toString());

        Api.Response secret = office.staff().post(path(DEPARTMENT) + "/outgoing", "{\"docType\":\"Công văn\",\"symbol\":\"STP-VP\",\"abstract\":\"Văn bản mật "
                + UUID.randomUUID() + "\",\"secrecy\":\"MAT\",\"readers\":[\"" + office.clerkName() + "\"]}");
        assertEquals(201, secret.status(), secret.toString());
        long secretId = secret.json().getJsonNumber("id").longValue();
        Api.Response refusedSecret = office.clerk().post(path(DEPARTMENT) + "/" + secretId + "/send-external", "{\"to\":[\"" + ORGAN + "\"]}");
        assertEquals(409, refusedSecret.status(), refusedSecret.toString());
        assertTrue(refusedSecret.isProblem() && refusedSecret.body().contains("Văn bản mật không được gửi qua mạng"), refusedSecret.toString());

        assertEquals(before, countAs(DEPARTMENT, "SELECT count(*) FROM document_outbox"), "nothing written");
        assertEquals(0, countAs(DEPARTMENT, "SELECT count(*) FROM document_outbound WHERE document_id IN (" + draftId + ", " + secretId + ")"));
        assertEquals(1, outbound(office.clerk(), DEPARTMENT, id).size());
    }

    /**
     * The worker's last try, as the worker's own function records it (with the limit of tries at one, so the test need
     * not wait through them all): taken when no claim holds the row, locked meanwhile so no claim takes it.
     */
    /**
     * A unit's organ id: set by its administrators only, of the axis's form, one unit's alone; a unit without one sends
     * nothing outside (409, nothing queued); a package may name the unit by it.
     */
    @Test
    void aUnitsOrganIdIsItsAdministratorsToSetAndItsAlone() throws Exception {
        String unit = PortalIT.commune("xa-dinh-danh");
        Office office = Office.of(unit);
        JsonObject doc = issuedWithPdf(office, "Về việc chưa có mã định danh " + UUID.randomUUID(), "THUONG");
        long id = doc.getJsonNumber("id").longValue();
        Api.Response missing = office.clerk().post(path(unit) + "/" + id + "/send-external", "{\"to\":[\"" + ORGAN + "\"]}");
        assertEquals(409, missing.status(), missing.toString());
        assertTrue(missing.isProblem() && missing.body().contains("exchange-identity-missing"), missing.body());
        assertEquals(0, countAs(unit, "SELECT count(*) FROM document_outbound WHERE document_id = " + id), "nothing queued");

        Api admin = PortalIT.as(unit, "UNIT_ADMIN");
        assertEquals(403, office.clerk().put(path(unit) + "/exchange-identity", "{\"organId\":\"000.20.99.H38\"}").status(), "the administrators' to set");
        Api.Response bad = admin.put(path(unit) + "/exchange-identity", "{\"organId\":\"UBND-XA\"}");
        assertEquals(400, bad.status());
        assertTrue(bad.isProblem() && bad.body().contains("organId"), bad.body());
        Api.Response taken = admin.put(path(unit) + "/exchange-identity", "{\"organId\":\"" + DEPARTMENT_ORGAN + "\"}");
        assertEquals(409, taken.status(), taken.toString());
        assertTrue(taken.body().contains("organ-id-taken"), taken.body());
        String own = String.format("000.%02d.%02d.H38", (int) (Math.random() * 100), (int) (Math.random() * 100));
        Api.Response set = admin.put(path(unit) + "/exchange-identity", "{\"organId\":\"" + own + "\"}");
        if (set.status() == 409) {
            own = String.format("000.%02d.%02d.H38", (int) (Math.random() * 100), (int) (Math.random() * 100));
            set = admin.put(path(unit) + "/exchange-identity", "{\"organId\":\"" + own + "\"}");
        }
        assertEquals(200, set.status(), set.toString());
        assertEquals(own, office.clerk().get(path(unit) + "/exchange-identity").json().getString("organId"));
        String organ = own;
        assertTrue(AuditTrail.of(admin, unit, "documents.organ-id.changed").stream()
                .anyMatch(e -> e.getString("after").contains(organ)), "the organ id's change is audited");
        assertEquals(0, countAs(SIBLING_COMMUNE, "SELECT count(*) FROM document_exchange_identity WHERE organ_id = '" + own + "'"), "another unit sees none");
        assertEquals(0, DocumentsIT.changeAs(SIBLING_COMMUNE, "UPDATE document_exchange_identity SET organ_id = '000.99.99.Z99' WHERE organ_id = '" + own + "'"));
        Api.Response queued = office.clerk().post(path(unit) + "/" + id + "/send-external", "{\"to\":[\"" + ORGAN + "\"]}");
        assertEquals(200, queued.status(), queued.toString());

        // a package naming the unit by its organ id is for it
        vn.egov.platform.signing.TestPki pki = vn.egov.platform.signing.TestPki.create(DocumentsIT.platformPki(),
                java.nio.file.Files.readString(DocumentsIT.platformPki().resolve(".password")).strip().toCharArray());
        java.net.http.HttpResponse<String> byOrganId = DocumentsIT.postXml(office.clerkName(), unit,
                DocumentsIT.edxml(pki, own, "Về việc gửi theo mã định danh " + UUID.randomUUID(), null));
        assertEquals(201, byOrganId.statusCode(), byOrganId.body());
        java.net.http.HttpResponse<String> elsewhere = DocumentsIT.postXml(office.clerkName(), unit,
                DocumentsIT.edxml(pki, DEPARTMENT_ORGAN, "Về việc gửi cho Sở " + UUID.randomUUID(), null));
        assertEquals(422, elsewhere.statusCode(), "addressed to another unit's organ id: " + elsewhere.body());
        assertTrue(elsewhere.body().contains("không gửi cho đơn vị này"), elsewhere.body());
    }

    /**
     * The sender of an edXML package hears back through the axis (QCVN 102:2016 status packages, signed by the commune,
     * through the outbox): 01 arrived, then 03 when the clerk registers it, or 02 with the reason when the clerk returns it.
     */
    @Test
    void theSenderOfAnEdXmlPackageHearsThatItArrivedThenThatItWasRegisteredOrReturned() throws Exception {
        String clerk = Fixtures.user(COMMUNE, false, "STAFF", "CLERK");
        vn.egov.platform.signing.TestPki pki = vn.egov.platform.signing.TestPki.create(DocumentsIT.platformPki(),
                java.nio.file.Files.readString(DocumentsIT.platformPki().resolve(".password")).strip().toCharArray());
        String tag = UUID.randomUUID().toString().substring(0, 8);
        byte[] kept = DocumentsIT.edxml(pki, COMMUNE, "Về việc tổng kết phong trào thi đua " + tag, null);
        byte[] returned = DocumentsIT.edxml(pki, COMMUNE, "Về việc gửi nhầm " + tag, null);
        for (byte[] pkg : List.of(kept, returned)) {
            java.net.http.HttpResponse<String> r = DocumentsIT.postXml(clerk, COMMUNE, pkg);
            assertEquals(201, r.statusCode(), r.body());
        }
        String keptId = documentId(kept);
        String returnedId = documentId(returned);
        PortalIT.await("both senders told the packages arrived", () -> statuses(keptId).contains("\"statusCode\":\"01\"")
                && statuses(returnedId).contains("\"statusCode\":\"01\""), 60);
        Api clerkApi = Api.as(clerk, PASSWORD);
        List<JsonObject> waiting = clerkApi.get(path(COMMUNE) + "/edxml").array().stream().map(v -> v.asJsonObject()).toList();
        long keptInbound = waiting.stream().filter(o -> o.getString("documentId").equals(keptId)).findFirst().orElseThrow().getJsonNumber("id").longValue();
        long returnedInbound = waiting.stream().filter(o -> o.getString("documentId").equals(returnedId)).findFirst().orElseThrow().getJsonNumber("id").longValue();
        Api.Response accepted = clerkApi.post(path(COMMUNE) + "/edxml/" + keptInbound + "/accept", "");
        assertEquals(201, accepted.status(), accepted.toString());
        assertEquals(200, clerkApi.post(path(COMMUNE) + "/edxml/" + returnedInbound + "/return", "{\"reason\":\"Không thuộc thẩm quyền của xã\"}").status());
        PortalIT.await("the senders told what the clerk did", () -> statuses(keptId).contains("\"statusCode\":\"03\"")
                && statuses(returnedId).contains("\"statusCode\":\"02\""), 60);
        jakarta.json.JsonArray keptStatuses = jakarta.json.Json.createReader(new java.io.StringReader(statuses(keptId))).readArray();
        assertEquals(List.of("01", "03"), keptStatuses.stream().map(v -> v.asJsonObject().getString("statusCode")).toList(), "in order, once each");
        JsonObject registered = keptStatuses.getJsonObject(1);
        assertEquals(COMMUNE, registered.getString("from"));
        assertEquals("000.00.00.G12", registered.getString("responseTo"));
        assertEquals("Đã vào sổ văn bản đến số " + accepted.json().getInt("number") + "/" + accepted.json().getInt("year"), registered.getString("description"));
        String refusal = statuses(returnedId);
        assertTrue(refusal.contains("Không thuộc thẩm quyền của xã"), refusal);
        assertFalse(refusal.contains("\"statusCode\":\"03\""), refusal);
        // the status packages wait in the commune's own outbox: another unit sees none of them
        assertEquals(0, countAs(SIBLING_COMMUNE, "SELECT count(*) FROM document_outbox WHERE target = 'edxml-status' AND tenant_id = "
                + Fixtures.tenantId(COMMUNE)));
        assertTrue(countAs(COMMUNE, "SELECT count(*) FROM document_outbox WHERE target = 'edxml-status' AND sent_at IS NOT NULL") >= 4);
    }

    private static String documentId(byte[] pkg) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<edXML:DocumentId>([^<]+)</edXML:DocumentId>")
                .matcher(new String(pkg, java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(m.find(), "a DocumentId in the package");
        return m.group(1);
    }

    private String statuses(String documentId) {
        Api.Response r = province.get("/api/sim/document-axis/status/" + documentId);
        assertEquals(200, r.status(), r.toString());
        return r.body();
    }

    static void giveUp(long outboundId) {
        // the worker may hold the row for a moment: tried again every 100 ms until it is free, for at most 30 s
        Wait.until("the outbox row of outbound " + outboundId + " unclaimed, to give it up", Duration.ofSeconds(30), Duration.ofMillis(100),
                () -> tryGiveUp(outboundId), Boolean.TRUE::equals);
    }

    /** Takes the outbound's unsent outbox row, if no worker holds it, and marks it failed for good; false while it is claimed. */
    private static boolean tryGiveUp(long outboundId) throws Exception {
        try (Connection c = Fixtures.db().app()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true), set_config('app.subtree', 'off', true)")) {
                ps.setString(1, Long.toString(Fixtures.tenantId(DEPARTMENT)));
                ps.executeQuery().close();
            }
            Long row = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM document_outbox WHERE outbound_id = ? AND sent_at IS NULL "
                    + "AND (claimed_until IS NULL OR claimed_until < now()) FOR UPDATE SKIP LOCKED");) {
                ps.setLong(1, outboundId);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        row = rs.getLong(1);
                    }
                }
            }
            if (row != null) {
                try (PreparedStatement ps = c.prepareStatement("SELECT outbox_failed('document_outbox', ARRAY[?]::bigint[], (SELECT last_error FROM document_outbox WHERE id = ?), 30, 1)")) {
                    ps.setLong(1, row);
                    ps.setLong(2, row);
                    ps.executeQuery().close();
                }
                c.commit();
                return true;
            }
            c.rollback();
            return false;
        }
    }

    /** Gives an account an e-mail address (as the owner, in its unit's scope: row-level security binds the owner too). */
    static void email(String unit, String username, String address) throws Exception {
        try (Connection c = Fixtures.db().owner()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true), set_config('app.subtree', 'off', true)")) {
                ps.setString(1, Long.toString(Fixtures.tenantId(unit)));
                ps.executeQuery().close();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE app_user SET email = ? WHERE username = ?")) {
                ps.setString(1, address);
                ps.setString(2, username);
                assertEquals(1, ps.executeUpdate());
            }
            c.commit();
        }
    }

    static List<MimeMessage> mailsAbout(String address, String text) {
        return ProcessingIT.mails(address).stream().filter(m -> {
            try {
                return m.getSubject().contains(text) || ((String) m.getContent()).contains(text);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void anUrgentDocumentThatReachesACommuneIsMailedToItsClerksAndLeadersAndANormalOneIsNot() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String clerk = Fixtures.user(COMMUNE, false, "STAFF", "CLERK");
        String leader = Fixtures.user(COMMUNE, false, "STAFF", "LEADER");
        String staff = Fixtures.staff(COMMUNE);
        String clerkMail = "van-thu-" + tag + "@xaquangkim.example.vn";
        String leaderMail = "lanh-dao-" + tag + "@xaquangkim.example.vn";
        String staffMail = "can-bo-" + tag + "@xaquangkim.example.vn";
        email(COMMUNE, clerk, clerkMail);
        email(COMMUNE, leader, leaderMail);
        email(COMMUNE, staff, staffMail);

        Office office = Office.of(DEPARTMENT);
        String normalText = "Về việc thông thường " + tag;
        JsonObject normal = issuedWithPdf(office, normalText, "KHAN");
        String urgentText = "Về việc ứng phó lũ quét khẩn cấp " + tag;
        JsonObject urgent = issuedWithPdf(office, urgentText, "HOA_TOC");
        // the normal one first: the outbox goes in order, so once the urgent one's mail is there, the normal one's would be too
        for (JsonObject d : List.of(normal, urgent)) {
            Api.Response sent = office.clerk().post(path(DEPARTMENT) + "/" + d.getJsonNumber("id").longValue() + "/send", "{\"to\":[\"" + COMMUNE + "\"]}");
            assertEquals(200, sent.status(), sent.toString());
        }
        PortalIT.await("the urgent document's e-mail to the commune's clerk and leader",
                () -> !mailsAbout(clerkMail, urgentText).isEmpty() && !mailsAbout(leaderMail, urgentText).isEmpty(), 60);
        MimeMessage m = mailsAbout(clerkMail, urgentText).get(0);
        assertEquals("[HỎA TỐC] Văn bản đến " + urgent.getString("numberSymbol") + " của " + urgent.getString("issuer"), m.getSubject());
        String text = (String) m.getContent();
        assertTrue(m.getContentType().toLowerCase().contains("utf-8"), m.getContentType());
        assertTrue(text.contains("Số, ký hiệu: " + urgent.getString("numberSymbol")), text);
        assertTrue(text.contains("Cơ quan ban hành: " + urgent.getString("issuer")), text);
        assertTrue(text.contains("Trích yếu: " + urgentText), text);
        assertTrue(text.contains("/t/" + COMMUNE + "/admin/documents"), text);
        assertEquals(1, mailsAbout(clerkMail, urgentText).size(), "once");
        assertTrue(mailsAbout(clerkMail, normalText).isEmpty(), "a normal (khẩn) document is not mailed");
        assertTrue(mailsAbout(staffMail, urgentText).isEmpty(), "only clerks and leaders are told");
        // the addresses are answered in the unit's own scope only: another commune, as the app role, reads none of them
        String recipients = "SELECT count(*) FROM document_mail_recipients(" + Fixtures.tenantId(COMMUNE) + ")";
        assertTrue(DocumentsIT.countAs(COMMUNE, recipients) >= 2, "the commune's own clerk and leader");
        assertEquals(0, DocumentsIT.countAs(COUSIN_COMMUNE, recipients), "another commune gets no address of this one");

        // one that arrives by edXML (hỏa tốc, from the Ministry of Justice) is told the same way
        vn.egov.platform.signing.TestPki pki = vn.egov.platform.signing.TestPki.create(DocumentsIT.platformPki(),
                java.nio.file.Files.readString(DocumentsIT.platformPki().resolve(".password")).strip().toCharArray());
        String subject = "Về việc đăng ký khai sinh lưu động " + tag;
        java.net.http.HttpResponse<String> received = DocumentsIT.postXml(clerk, COMMUNE, DocumentsIT.edxml(pki, COMMUNE, subject, null));
        assertEquals(201, received.statusCode(), received.body());
        PortalIT.await("the edXML document's e-mail", () -> !mailsAbout(clerkMail, subject).isEmpty(), 60);
        MimeMessage byEdXml = mailsAbout(clerkMail, subject).get(0);
        assertEquals("[HỎA TỐC] Văn bản đến 12/BTP-HTQTCT của Bộ Tư pháp", byEdXml.getSubject());
        assertTrue(((String) byEdXml.getContent()).contains("/t/" + COMMUNE + "/admin/documents#edxml"));
        assertNotNull(byEdXml.getFrom());
    }
}
