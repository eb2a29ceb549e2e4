package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Feedback and complaints (phản ánh, kiến nghị; issue 22) through the API and the desk's pages: a citizen writes a
 * report about commune A; A's staff answer it and its leader publishes it; commune B, a sibling, sees nothing of it
 * (not in its staff's list, not by its code through B's own address, not through A's address, not on B's public page),
 * and can neither answer nor publish it. Bad input is said field by field and stores nothing; markup is kept as text;
 * a citizen's hourly limit.
 */
class FeedbackIT extends DeployedEar {
    static final String CODE = "PA[0-9]{2}-[0-9]{6}";

    static String report(String subject, String content, String category, boolean consent) {
        return Json.object(Map.of("subject", subject, "content", content, "category", category, "consent", consent));
    }

    /** A citizen's report about {@code unit}, written through the API; its code. */
    static String submit(Api citizen, String unit, String subject, String content, boolean consent) {
        Api.Response r = citizen.post("/api/t/" + unit + "/feedback", report(subject, content, "infrastructure", consent));
        assertEquals(201, r.status(), r.toString());
        assertTrue(r.json().getString("code").matches(CODE), r.toString());
        assertEquals("new", r.json().getString("status"));
        return r.json().getString("code");
    }

    @Test
    void aSiblingCommunesStaffSeesAnswersAndPublishesNothingOfAnothersReports() throws Exception {
        String a = PortalIT.commune("xa-pa-a");
        String b = PortalIT.commune("xa-pa-b");
        String citizenName = Fixtures.user(a, false, "CITIZEN");
        Api citizen = Api.as(citizenName, Fixtures.PASSWORD);
        String subject = "Cống thoát nước thôn Tả Suối bị tắc";
        String code = submit(citizen, a, subject, "Cống thoát nước đầu thôn bị tắc từ đầu tháng, nước tràn ra đường khi mưa.", true);

        Api staffA = Api.as(Fixtures.oneStop(a), Fixtures.PASSWORD);
        String staffBName = Fixtures.oneStop(b);
        Api staffB = Api.as(staffBName, Fixtures.PASSWORD);
        Api adminB = Api.as(Fixtures.user(b, false, "UNIT_ADMIN"), Fixtures.PASSWORD);

        // A's staff see it, with the citizen's name (the desk needs it); the citizen sees it under /api/me
        JsonObject listed = staffA.get("/api/t/" + a + "/feedback").json();
        assertEquals(code, listed.getJsonArray("reports").getJsonObject(0).getString("code"), listed.toString());
        assertTrue(listed.getJsonArray("reports").getJsonObject(0).getString("applicantName").contains(citizenName));
        assertTrue(citizen.get("/api/me/feedback").array().stream().map(JsonValue::asJsonObject).anyMatch(r -> r.getString("code").equals(code)));

        // ---- B, as staff and as administrator, through B's own address: nothing
        for (Api other : List.of(staffB, adminB)) {
            Api.Response list = other.get("/api/t/" + b + "/feedback");
            assertEquals(200, list.status(), list.toString());
            assertFalse(list.body().contains(code), list.toString());
            assertNotFound(other.get("/api/t/" + b + "/feedback/" + code));
            assertNotFound(other.post("/api/t/" + b + "/feedback/" + code + "/answer", "{\"answer\":\"Trả lời giả mạo\"}"));
            assertNotFound(other.post("/api/t/" + b + "/feedback/" + code + "/publish", ""));
            // through A's address: refused, and nothing of A's in the answer
            for (Api.Response r : List.of(other.get("/api/t/" + a + "/feedback"), other.get("/api/t/" + a + "/feedback/" + code),
                    other.post("/api/t/" + a + "/feedback/" + code + "/answer", "{\"answer\":\"Trả lời giả mạo\"}"),
                    other.post("/api/t/" + a + "/feedback/" + code + "/publish", ""))) {
                assertEquals(403, r.status(), r.toString());
                assertTrue(r.isProblem(), r.toString());
                // the problem names the address asked (its instance), and nothing of the report
                assertFalse(r.body().contains(subject) || r.body().contains("content") || r.body().contains(citizenName), r.toString());
                assertEquals(java.util.Set.of("type", "title", "status", "detail", "instance"), r.json().keySet(), r.toString());
            }
        }
        // ---- B's desk pages: the list does not hold it, the report is "not found", a post changes nothing
        FormSession deskB = new FormSession(staffBName);
        FormSession.Page deskList = deskB.get("/t/" + b + "/admin/feedback");
        assertEquals(200, deskList.status(), deskList.body());
        assertFalse(deskList.body().contains(code));
        FormSession.Page deskOne = deskB.get("/t/" + b + "/admin/feedback/" + code);
        assertEquals(404, deskOne.status());
        assertFalse(deskOne.body().contains(subject));
        FormSession.Page foreignList = deskB.get("/t/" + a + "/admin/feedback");
        assertEquals(403, foreignList.status());
        assertFalse(foreignList.body().contains(code) || foreignList.body().contains(subject));
        assertEquals(403, deskB.get("/t/" + a + "/admin/feedback/" + code).status());
        // B's officer, on a report of B's own (whose form carries the token), posts an answer to A's report's code
        String own = submit(Api.as(Fixtures.user(b, false, "CITIZEN"), Fixtures.PASSWORD), b, "Đường liên thôn xuống cấp",
                "Đoạn đường liên thôn qua suối bị xuống cấp, xe máy đi lại khó khăn.", true);
        FormSession.Page forged = deskB.post("/t/" + b + "/admin/feedback/" + own, "/t/" + b + "/admin/feedback/" + code,
                List.of(Map.entry("action", "answer"), Map.entry("answer", "Trả lời giả mạo")));
        assertEquals(404, forged.status());
        JsonObject untouched = staffA.get("/api/t/" + a + "/feedback/" + code).json();
        assertEquals("new", untouched.getString("status"), "B changed nothing");
        assertFalse(untouched.containsKey("answer") && !untouched.isNull("answer"), untouched.toString());

        // ---- A answers and publishes; B's public page still shows nothing of it, A's does, without the citizen
        JsonObject answered = staffA.post("/api/t/" + a + "/feedback/" + code + "/answer", "{\"answer\":\"UBND xã đã cho thông cống ngày 05/12.\"}").json();
        assertEquals("answered", answered.getString("status"));
        assertEquals("published", staffA.post("/api/t/" + a + "/feedback/" + code + "/publish", "").json().getString("status"));
        Api.Response publicB = Api.anonymous().get("/t/" + b + "/feedback", "text/html");
        assertEquals(200, publicB.status());
        assertFalse(publicB.body().contains(code) || publicB.body().contains(subject), "B's site shows A's report");
        assertEquals(404, Api.anonymous().get("/t/" + b + "/feedback/" + code, "text/html").status());
        Api.Response publicA = Api.anonymous().get("/t/" + a + "/feedback/" + code, "text/html");
        assertEquals(200, publicA.status(), publicA.toString());
        assertTrue(publicA.body().contains(subject) && publicA.body().contains("UBND xã đã cho thông cống ngày 05/12."));
        assertFalse(publicA.body().contains(citizenName), "the citizen's account is not on the public page");
        for (Api other : List.of(staffB, adminB)) {
            assertFalse(other.get("/api/t/" + b + "/feedback?status=published").body().contains(code));
        }
        // the answer and the publication are in A's audit trail, not in B's
        Api adminA = Api.as(Fixtures.user(a, false, "UNIT_ADMIN"), Fixtures.PASSWORD);
        for (String action : List.of("feedback.answered", "feedback.published")) {
            Api.Response audit = adminA.get("/api/t/" + a + "/audit?action=" + action);
            assertTrue(audit.body().contains(code), action + ": " + audit);
            assertFalse(adminB.get("/api/t/" + b + "/audit?action=" + action).body().contains(code));
        }
        // a published report is not answered again
        Api.Response again = staffA.post("/api/t/" + a + "/feedback/" + code + "/answer", "{\"answer\":\"Sửa lại\"}");
        assertEquals(409, again.status(), again.toString());
    }

    @Test
    void badInputIsSaidFieldByFieldAndMarkupIsKeptAsText() throws Exception {
        String a = PortalIT.commune("xa-pa-c");
        Api citizen = Api.as(Fixtures.user(a, false, "CITIZEN"), Fixtures.PASSWORD);
        Api staff = Api.as(Fixtures.user(a, false, "STAFF"), Fixtures.PASSWORD);
        long before = staff.get("/api/t/" + a + "/feedback").json().getJsonArray("reports").size();

        Api.Response bad = citizen.send("POST", "/api/t/" + a + "/feedback", report("ab", "ngắn", "ufo", true), "application/json", null, null, "vi");
        assertEquals(400, bad.status(), bad.toString());
        assertTrue(bad.isProblem(), bad.toString());
        JsonObject fields = bad.json().getJsonObject("fields");
        assertEquals(java.util.Set.of("subject", "content", "category"), fields.keySet(), bad.toString());
        assertEquals("Tiêu đề dài từ 5 đến 200 ký tự.", fields.getJsonArray("subject").getString(0));
        Api.Response badEn = citizen.send("POST", "/api/t/" + a + "/feedback", report("", "x".repeat(5001), "", false), "application/json", null, null, "en");
        assertEquals(400, badEn.status());
        assertEquals("Please enter a subject.", badEn.json().getJsonObject("fields").getJsonArray("subject").getString(0));
        assertTrue(badEn.json().getJsonObject("fields").getJsonArray("content").getString(0).startsWith("The report is 20 to 5000 characters long"));
        assertEquals(400, citizen.send("POST", "/api/t/" + a + "/feedback", "{\"subject\":", "application/json", null).status(), "broken JSON");
        assertEquals(before, staff.get("/api/t/" + a + "/feedback").json().getJsonArray("reports").size(), "nothing was stored");

        // markup is text: kept as typed, never turned into elements on the public page
        String html = "Đường vào <b>bản</b> sạt lở <script>alert('x')</script> cần khắc phục gấp.";
        String code = submit(citizen, a, "Sạt lở <i>đường</i> vào bản", html, true);
        assertEquals(html, staff.get("/api/t/" + a + "/feedback/" + code).json().getString("content"));
        // plain staff answer; only the leader or an administrator publishes
        assertEquals(200, staff.post("/api/t/" + a + "/feedback/" + code + "/answer", "{\"answer\":\"Đã báo <b>huyện</b>.\"}").status());
        assertEquals(400, staff.post("/api/t/" + a + "/feedback/" + code + "/answer", "{\"answer\":\"  \"}").status());
        assertEquals(403, staff.post("/api/t/" + a + "/feedback/" + code + "/publish", "").status());
        Api leader = Api.as(Fixtures.user(a, false, "STAFF", "LEADER"), Fixtures.PASSWORD);
        assertEquals(200, leader.post("/api/t/" + a + "/feedback/" + code + "/publish", "").status());
        String page = Api.anonymous().get("/t/" + a + "/feedback", "text/html").body();
        assertTrue(page.contains("Đường vào &lt;b&gt;bản&lt;/b&gt; sạt lở &lt;script&gt;"), "escaped: " + page);
        assertFalse(page.contains("<script>alert"), page);
        assertTrue(page.contains("Đã báo &lt;b&gt;huyện&lt;/b&gt;."));

        // without consent: answered, never published
        String privately = submit(citizen, a, "Xin thông tin hỗ trợ hộ nghèo", "Gia đình tôi muốn hỏi về điều kiện được hỗ trợ năm nay.", false);
        staff.post("/api/t/" + a + "/feedback/" + privately + "/answer", "{\"answer\":\"Mời ông đến UBND xã ngày thứ Hai.\"}");
        Api.Response refused = leader.post("/api/t/" + a + "/feedback/" + privately + "/publish", "");
        assertEquals(409, refused.status(), refused.toString());
        assertEquals(404, Api.anonymous().get("/t/" + a + "/feedback/" + privately, "text/html").status());

        // who may write: a citizen's account, logged in, a few an hour
        assertEquals(401, Api.anonymous().post("/api/t/" + a + "/feedback", report("Tiêu đề thử", "Nội dung đủ dài để được nhận vào hệ thống.", "", true)).status());
        assertEquals(403, staff.post("/api/t/" + a + "/feedback", report("Tiêu đề thử", "Nội dung đủ dài để được nhận vào hệ thống.", "", true)).status());
        Api busy = Api.as(Fixtures.user(a, false, "CITIZEN"), Fixtures.PASSWORD);
        for (int i = 0; i < 5; i++) {
            submit(busy, a, "Phản ánh số " + (i + 1), "Nội dung phản ánh đủ dài số " + (i + 1) + " để được nhận.", false);
        }
        Api.Response tooMany = busy.post("/api/t/" + a + "/feedback", report("Phản ánh số 6", "Nội dung phản ánh đủ dài số 6 để được nhận.", "", false));
        assertEquals(429, tooMany.status(), tooMany.toString());
        assertTrue(tooMany.isProblem());
        assertEquals(5, busy.get("/api/me/feedback").array().size());
        // the citizen reads their own only
        assertFalse(busy.get("/api/me/feedback").body().contains(code));
        assertEquals(404, busy.get("/api/me/feedback/" + code).status());
    }

    private static void assertNotFound(Api.Response r) {
        assertEquals(404, r.status(), r.toString());
        assertTrue(r.isProblem(), r.toString());
    }

    /** JSON of a flat map (strings and booleans). */
    static final class Json {
        static String object(Map<String, Object> members) {
            jakarta.json.JsonObjectBuilder b = jakarta.json.Json.createObjectBuilder();
            members.forEach((k, v) -> {
                if (v instanceof Boolean x) {
                    b.add(k, x);
                } else {
                    b.add(k, v.toString());
                }
            });
            return b.build().toString();
        }
    }
}
