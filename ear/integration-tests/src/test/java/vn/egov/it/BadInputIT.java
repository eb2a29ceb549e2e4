package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.egov.it.Fixtures.COMMUNE;
import static vn.egov.it.Fixtures.PASSWORD;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear 4xx problem with a message a person can act on, and nothing is written. */
class BadInputIT extends DeployedEar {

    @Test
    void anUnknownUnitCodeIs404Everywhere() {
        Api.Response api = Api.anonymous().get("/api/tenants/khong-co-don-vi-nay");
        assertEquals(404, api.status());
        assertTrue(api.isProblem());
        assertTrue(api.json().getString("detail").contains("khong-co-don-vi-nay"));
        Api.Response scoped = Api.as(Fixtures.staff(COMMUNE), PASSWORD).get("/api/t/khong-co-don-vi-nay/notices");
        assertEquals(404, scoped.status());
        assertEquals("urn:egov:problem:unknown-unit", scoped.json().getString("type"));
        Api.Response page = Api.anonymous().get("/t/khong-co-don-vi-nay/", "text/html");
        assertEquals(404, page.status());
        assertTrue(page.body().contains("Không có đơn vị này"));
        String huge = "x".repeat(5000);
        Api.Response longCode = Api.anonymous().get("/api/t/" + huge + "/notices");
        assertEquals(404, longCode.status());
        assertFalse(longCode.body().contains(huge), "the answer does not echo 5000 characters back");
    }

    /**
     * Every JSON body passes one reader: what is not a JSON object in UTF-8, or holds a NUL character, is a 400 problem
     * (never a 500, never the container's error page) and nothing is written, on every endpoint that takes one.
     */
    @Test
    void bodiesThatAreNoJsonObjectAre400AndWriteNothing() {
        String unit = PortalIT.commune("xa-than-sai");
        Api editor = PortalIT.as(unit, "UNIT_ADMIN");
        Api staff = DocumentsIT.Office.of(unit).staff();
        Map<String, Api> endpoints = Map.of("/api/t/" + unit + "/portal/articles", editor, "/api/t/" + unit + "/documents/outgoing", staff,
                "/api/t/" + unit + "/notices", Api.as(Fixtures.staff(unit), PASSWORD));
        String counts = "SELECT (SELECT count(*) FROM portal_article) + (SELECT count(*) FROM document) + (SELECT count(*) FROM notice)";
        long before = DocumentsIT.countAs(unit, counts);
        for (Map.Entry<String, Api> e : endpoints.entrySet()) {
            for (String body : List.of("[1, 2]", "[]", "null", "42", "\"Tin mới\"", "true", "{\"title\":", "{\"title\":\"a\"} {\"b\":1}", "", "   ")) {
                Api.Response r = e.getValue().post(e.getKey(), body);
                assertEquals(400, r.status(), e.getKey() + " <- " + body + ": " + r);
                assertTrue(r.isProblem(), r.toString());
                assertFalse(r.body().contains("Exception") || r.body().contains("java."), r.body());
            }
            // bytes that are no UTF-8 (a lone continuation byte, a truncated sequence)
            for (byte[] bytes : List.of(new byte[] {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, '(', '"', '}'},
                    new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0x80, '"', '}'})) {
                Api.Response r = e.getValue().sendBytes("POST", e.getKey(), bytes, "application/json");
                assertEquals(400, r.status(), e.getKey() + ": " + r);
                assertTrue(r.isProblem() && r.body().contains("UTF-8"), r.toString());
            }
            // a NUL character in a text, escaped or not: the field is named
            for (String nul : List.of("\\u0000", "\u0000")) {
                String body = "{\"title\":\"Tin" + nul + " mới\",\"summary\":\"Tóm tắt\",\"body\":\"<p>Nội dung</p>\","
                        + "\"docType\":\"Công văn\",\"symbol\":\"UBND\",\"abstract\":\"Về việc\",\"author\":\"A" + nul + "\"}";
                Api.Response r = e.getValue().post(e.getKey(), body);
                assertEquals(400, r.status(), e.getKey() + ": " + r);
                // escaped, it is a valid JSON string whose text cannot be stored; raw, it is no valid JSON at all
                assertTrue(nul.length() == 1 || r.json().getJsonObject("fields").containsKey("title"), r.toString());
            }
        }
        // the answer speaks the request's language
        Api.Response english = editor.send("POST", "/api/t/" + unit + "/portal/articles", "[1]", "application/json", "application/json",
                null, "en");
        assertEquals(400, english.status());
        assertTrue(english.body().contains("must be a JSON object"), english.body());
        assertEquals(before, DocumentsIT.countAs(unit, counts), "nothing was written");
    }

    @Test
    void malformedJsonIs400AndWritesNothing() {
        String staff = Fixtures.staff(COMMUNE);
        long before = Fixtures.countNotices("created_by = ?", staff);
        Api.Response r = Api.as(staff, PASSWORD).post("/api/t/" + COMMUNE + "/notices", "{\"title\": \"Thiếu ngoặc\", ");
        assertEquals(400, r.status(), r.toString());
        assertTrue(r.isProblem());
        assertFalse(r.body().contains("Exception"), "no stack trace or exception names: " + r.body());
        Api.Response wrongType = Api.as(staff, PASSWORD).post("/api/t/" + COMMUNE + "/notices", "[1, 2, 3]");
        assertEquals(400, wrongType.status(), wrongType.toString());
        assertEquals(before, Fixtures.countNotices("created_by = ?", staff));
    }

    @Test
    void overlongAndMissingFieldsAre400WithTheFieldsNamed() {
        String staff = Fixtures.staff(COMMUNE);
        Api api = Api.as(staff, PASSWORD);
        Api.Response tooLong = api.post("/api/t/" + COMMUNE + "/notices",
                "{\"title\":\"" + "Đ".repeat(201) + "\",\"body\":\"nội dung\"}");
        assertEquals(400, tooLong.status(), tooLong.toString());
        assertEquals("urn:egov:problem:invalid-input", tooLong.json().getString("type"));
        assertTrue(tooLong.json().getJsonObject("fields").containsKey("title"), tooLong.toString());
        Api.Response missing = api.post("/api/t/" + COMMUNE + "/notices", "{\"title\":\"Chỉ có tiêu đề\"}");
        assertEquals(400, missing.status(), missing.toString());
        assertTrue(missing.json().getJsonObject("fields").containsKey("body"), missing.toString());
        Api.Response empty = api.post("/api/t/" + COMMUNE + "/notices", "");
        assertEquals(400, empty.status(), empty.toString());
        assertEquals(0, Fixtures.countNotices("created_by = ?", staff), "nothing was written");
    }

    @Test
    void anUpdateThatFailsValidationLeavesTheNoticeAsItWas() {
        String staff = Fixtures.staff(COMMUNE);
        jakarta.json.JsonObject created = NoticeIsolationIT.createJson(staff, COMMUNE, "Bản gốc");
        long id = created.getJsonNumber("id").longValue();
        Api.Response r = Api.as(staff, PASSWORD).put("/api/t/" + COMMUNE + "/notices/" + id,
                "{\"title\":\"\",\"body\":\"" + "y".repeat(20001) + "\"}");
        assertEquals(400, r.status(), r.toString());
        assertEquals(1, Fixtures.countNotices("id = ? AND title = 'Bản gốc' AND version = ?", id, created.getInt("version")));
    }

    @Test
    void wrongMediaTypeAndMethodAreClear() {
        String staff = Fixtures.staff(COMMUNE);
        Api.Response xml = Api.as(staff, PASSWORD).send("POST", "/api/t/" + COMMUNE + "/notices", "<notice/>",
                "application/xml", null);
        assertEquals(415, xml.status(), xml.toString());
        assertTrue(xml.isProblem());
        Api.Response patch = Api.as(staff, PASSWORD).send("PATCH", "/api/tenants", "{}", "application/json", null);
        assertEquals(405, patch.status(), patch.toString());
        assertTrue(patch.isProblem());
        Api.Response english = Api.anonymous().send("GET", "/api/tenants/nope", null, null, null);
        assertTrue(english.json().getString("title").contains("Không"), "Vietnamese without Accept-Language");
    }
}
