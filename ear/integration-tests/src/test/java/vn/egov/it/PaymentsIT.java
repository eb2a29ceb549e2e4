package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fees paid online: a dossier of a procedure with a fee gets a VietQR payment request; the step the fee is due
 * before waits until it is paid; the gateway's callback must be signed and of the right amount; refunds never
 * exceed what was paid; a payment whose callback was lost is recovered by the day's reconciliation.
 */
class PaymentsIT extends DeployedEar {
    static String unit;
    static String procedure;
    static String citizen;
    static String staff;
    static Api commune;
    static Api province;

    @BeforeAll
    static void catalogue() {
        province = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"), Fixtures.PASSWORD);
        procedure = ProceduresIT.code();
        String definition = ProcessingIT.definition(procedure).replace("\"fees\":[{\"description\":\"Lệ phí\",\"amount\":0}]",
                "\"fees\":[{\"description\":\"Lệ phí đăng ký kết hôn\",\"amount\":50000,\"payBeforeStep\":\"tra\"}]");
        assertTrue(definition.contains("50000"));
        assertEquals(200, province.post("/api/t/" + Fixtures.PROVINCE + "/procedures/import", "[" + definition + "]").status());
        unit = PortalIT.commune("xa-le-phi");
        assertEquals(201, PortalIT.as(unit, "UNIT_ADMIN").put("/api/t/" + unit + "/procedures/adopted/" + procedure, "").status());
        citizen = Fixtures.user(Fixtures.COMMUNE, false, "CITIZEN");
        staff = Fixtures.oneStop(unit);
        commune = Api.as(staff, Fixtures.PASSWORD);
    }

    static String submit() throws Exception {
        HttpResponse<String> r = DossiersIT.submit(citizen, unit, procedure, "{\"fullName\":\"Giàng Thị Mỷ\"}", Map.of("to-khai", DossiersIT.PDF));
        assertEquals(201, r.statusCode(), r.body());
        return DossiersIT.json(r.body()).getString("code");
    }

    static JsonObject payment(String code) {
        return Api.as(citizen, Fixtures.PASSWORD).get("/api/me/dossiers/" + code).json().getJsonObject("payment");
    }

    @Test
    void theResultWaitsForTheFeeWhichIsPaidOnceSignedAndRightAndRefundedAtMostWhatWasPaid() throws Exception {
        String code = submit();
        JsonObject due = payment(code);
        assertEquals("pending", due.getString("status"));
        assertEquals(50000, due.getJsonNumber("amount").longValue());
        String reference = due.getString("reference");
        assertTrue(due.getString("qr").startsWith("000201010212") && due.getString("qr").contains(reference) && due.getString("qr").contains("540550000"),
                due.getString("qr"));

        ProcessingIT.move(commune, unit, code, "{\"to\":\"tham-dinh\"}");
        HttpResponse<String> early = ProcessingIT.multipart(staff, ProcessingIT.path(unit, code) + "/result", Map.of(), Map.of("result", DossiersIT.PDF));
        assertEquals(409, early.statusCode(), early.body());
        assertTrue(early.body().contains("thanh toán phí, lệ phí"), early.body());

        // a callback not signed by the gateway, and a payment of the wrong amount: nothing recorded
        String forged = "{\"reference\":\"" + reference + "\",\"amount\":50000,\"transactionId\":\"FT-GIA\",\"paidAt\":\"2026-11-27T02:00:00Z\"}";
        HttpResponse<String> unsigned = DossiersIT.HTTP.send(HttpRequest.newBuilder(URI.create(Api.baseUrl() + "/api/payments/callback"))
                .header("Content-Type", "application/json").header("X-Signature", "00".repeat(32)).POST(HttpRequest.BodyPublishers.ofString(forged)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, unsigned.statusCode(), unsigned.body());
        Api.Response wrong = Api.anonymous().post("/api/sim/payments/pay", "{\"reference\":\"" + reference + "\",\"amount\":40000}");
        assertEquals(200, wrong.status(), wrong.toString());
        assertEquals(422, wrong.json().getInt("callback"));
        assertEquals("pending", payment(code).getString("status"));

        // paid by the applicant's bank: the gateway's signed callback records it once
        Api.Response paid = Api.anonymous().post("/api/sim/payments/pay", "{\"reference\":\"" + reference + "\",\"amount\":50000}");
        assertEquals(200, paid.json().getInt("callback"), paid.toString());
        JsonObject recorded = payment(code);
        assertEquals("paid", recorded.getString("status"));
        assertEquals("callback", recorded.getString("paidVia"));
        assertEquals(paid.json().getString("transactionId"), recorded.getString("transactionId"));
        HttpResponse<String> done = ProcessingIT.multipart(staff, ProcessingIT.path(unit, code) + "/result", Map.of(), Map.of("result", DossiersIT.PDF));
        assertEquals(200, done.statusCode(), done.body());

        // refunds: never more than what is left
        String refunds = ProcessingIT.path(unit, code) + "/refunds";
        // a refund goes through the desk that took the fees, or the leader: not a handler
        Api.Response handler = Api.as(Fixtures.user(unit, false, "STAFF", "HANDLER"), Fixtures.PASSWORD).post(refunds,
                "{\"amount\":20000,\"reason\":\"Được miễn một phần lệ phí\"}");
        assertEquals(403, handler.status(), handler.toString());
        assertTrue(handler.body().contains("duty-required"), handler.body());
        assertEquals(0, payment(code).getJsonNumber("refunded").longValue(), "nothing refunded");
        assertEquals(400, commune.post(refunds, "{\"amount\":60000,\"reason\":\"Thu thừa\"}").status());
        assertEquals(400, commune.post(refunds, "{\"amount\":20000}").status(), "a reason is needed");
        Api.Response part = commune.post(refunds, "{\"amount\":20000,\"reason\":\"Được miễn một phần lệ phí\"}");
        assertEquals(200, part.status(), part.toString());
        assertEquals(20000, part.json().getJsonNumber("refunded").longValue());
        assertEquals(200, commune.post(refunds, "{\"amount\":30000,\"reason\":\"Hoàn phần còn lại\"}").status());
        assertEquals(400, commune.post(refunds, "{\"amount\":1,\"reason\":\"Thêm\"}").status());
        assertEquals(50000, payment(code).getJsonNumber("refunded").longValue());
        assertEquals(403, PortalIT.as(Fixtures.SIBLING_COMMUNE, "STAFF").post("/api/t/" + unit + "/dossiers/" + code + "/refunds",
                "{\"amount\":1,\"reason\":\"x\"}").status());
    }

    /**
     * Each unit collects into its own account, set by its administrator: refused input changes nothing; a payment
     * request names the account of its unit at the time it was made (an earlier one keeps the deployment's); another
     * unit neither sees nor changes it.
     */
    @Test
    void eachUnitCollectsItsFeesIntoItsOwnAccount() throws Exception {
        String here = PortalIT.commune("xa-tai-khoan-rieng");
        assertEquals(201, PortalIT.as(here, "UNIT_ADMIN").put("/api/t/" + here + "/procedures/adopted/" + procedure, "").status());
        String adminName = Fixtures.user(here, false, "UNIT_ADMIN");
        Api admin = Api.as(adminName, Fixtures.PASSWORD);
        Api desk = Api.as(Fixtures.oneStop(here), Fixtures.PASSWORD);
        String path = "/api/t/" + here + "/payment-account";
        JsonObject common = desk.get(path).json();
        assertFalse(common.getBoolean("own"), common.toString());
        HttpResponse<String> r = DossiersIT.submit(citizen, here, procedure, "{\"fullName\":\"Giàng Thị Mỷ\"}", Map.of("to-khai", DossiersIT.PDF));
        assertEquals(201, r.statusCode(), r.body());
        String before = DossiersIT.json(r.body()).getString("code");
        assertEquals(common.getString("account"), payment(before).getJsonObject("account").getString("number"), "the deployment's account");

        // refused: a BIN that is not 6 digits, an account with letters, no name; staff may not set it
        Api.Response bad = admin.put(path, "{\"bin\":\"9704\",\"account\":\"12AB34\",\"name\":\" \"}");
        assertEquals(400, bad.status(), bad.toString());
        assertTrue(bad.isProblem());
        for (String field : List.of("bin", "account", "name")) {
            assertTrue(bad.json().getJsonObject("fields").containsKey(field), bad.body());
        }
        Api.Response tooLong = admin.put(path, "{\"bin\":\"970415\",\"account\":\"113000000123\",\"name\":\"" + "A".repeat(101) + "\"}");
        assertEquals(400, tooLong.status(), tooLong.toString());
        assertTrue(tooLong.json().getJsonObject("fields").containsKey("name"), "the length is the name's own message: " + tooLong.body());
        assertEquals(403, desk.put(path, "{\"bin\":\"970415\",\"account\":\"113000000123\",\"name\":\"UBND XA\"}").status());
        assertFalse(desk.get(path).json().getBoolean("own"), "nothing saved");

        Api.Response saved = admin.put(path, "{\"bin\":\"970415\",\"account\":\"1130 0000 0123\",\"name\":\"UBND XÃ TÀI KHOẢN RIÊNG\"}");
        assertEquals(200, saved.status(), saved.toString());
        assertEquals("113000000123", saved.json().getString("account"));
        assertTrue(desk.get(path).json().getBoolean("own"));

        // a new dossier names the unit's account in its VietQR code; the earlier one keeps the account it named
        HttpResponse<String> after = DossiersIT.submit(citizen, here, procedure, "{\"fullName\":\"Giàng Thị Mỷ\"}", Map.of("to-khai", DossiersIT.PDF));
        assertEquals(201, after.statusCode(), after.body());
        JsonObject owed = payment(DossiersIT.json(after.body()).getString("code"));
        assertEquals("113000000123", owed.getJsonObject("account").getString("number"));
        assertTrue(owed.getString("qr").contains("0006970415" + "0112113000000123"), "the beneficiary (BIN, account) in the code: " + owed.getString("qr"));
        assertEquals(common.getString("account"), payment(before).getJsonObject("account").getString("number"), "unchanged");

        // another unit: its own reading shows nothing of this one's, and it cannot change this one's
        Api sibling = PortalIT.as(Fixtures.SIBLING_COMMUNE, "UNIT_ADMIN");
        assertFalse(sibling.get("/api/t/" + Fixtures.SIBLING_COMMUNE + "/payment-account").json().getBoolean("own"));
        assertEquals(403, sibling.put(path, "{\"bin\":\"970405\",\"account\":\"999999999\",\"name\":\"KE GIAN\"}").status());
        assertEquals(403, sibling.get(path).status());
        assertEquals("113000000123", desk.get(path).json().getString("account"), "unchanged");

        // the change is in the one audit trail: who, the account before (none of its own) and after; not the sibling's to read
        List<JsonObject> audited = AuditTrail.of(admin, here, "dossiers.payment-account.changed");
        assertEquals(1, audited.size(), audited.toString());
        assertEquals(adminName, audited.get(0).getString("actor"));
        assertTrue((!audited.get(0).containsKey("before") || audited.get(0).isNull("before")) && audited.get(0).getString("after").contains("113000000123"), audited.toString());
        assertTrue(AuditTrail.of(admin, here, "procedure.adopted").stream().anyMatch(e -> procedure.equals(e.getString("target"))),
                "adopting the province's procedure is audited too");
        assertEquals(403, sibling.get("/api/t/" + here + "/audit").status(), "another unit's trail");
        assertTrue(AuditTrail.of(sibling, Fixtures.SIBLING_COMMUNE, "dossiers.payment-account.changed").stream()
                .noneMatch(e -> e.getString("after", "").contains("113000000123")), "nothing of this unit's in the sibling's trail");
    }

    @Test
    void aPaymentWhoseCallbackWasLostIsRecoveredByTheDaysReconciliation() throws Exception {
        String code = submit();
        String reference = payment(code).getString("reference");
        Api.Response silent = Api.anonymous().post("/api/sim/payments/pay", "{\"reference\":\"" + reference + "\",\"amount\":50000,\"silent\":true}");
        assertEquals(0, silent.json().getInt("callback"), "the callback was lost");
        assertEquals("pending", payment(code).getString("status"));

        String today = ProcessingIT.today();
        assertEquals(403, commune.post("/api/t/" + Fixtures.PROVINCE + "/payments/reconciliation", "{\"date\":\"" + today + "\"}").status());
        assertEquals(400, province.post("/api/t/" + Fixtures.PROVINCE + "/payments/reconciliation", "{\"date\":\"2026-11-27\"}").status());
        Api.Response run = province.post("/api/t/" + Fixtures.PROVINCE + "/payments/reconciliation", "{\"date\":\"" + today + "\"}");
        assertEquals(200, run.status(), run.toString());
        assertTrue(run.json().getJsonArray("details").stream().map(v -> v.asJsonObject()).anyMatch(d -> d.getString("reference").equals(reference)
                && d.getString("result").equals("recovered")), run.toString());
        JsonObject recovered = payment(code);
        assertEquals("paid", recovered.getString("status"));
        assertEquals("reconciliation", recovered.getString("paidVia"));
        assertEquals(silent.json().getString("transactionId"), recovered.getString("transactionId"));
        // run again: it now matches, nothing more to recover for it
        Api.Response again = province.post("/api/t/" + Fixtures.PROVINCE + "/payments/reconciliation", "{\"date\":\"" + today + "\"}");
        assertEquals(200, again.status());
        assertTrue(again.json().getJsonArray("details").stream().noneMatch(d -> d.asJsonObject().getString("reference").equals(reference)), again.toString());
        assertTrue(again.json().getInt("matched") >= 1, again.toString());
    }
}
