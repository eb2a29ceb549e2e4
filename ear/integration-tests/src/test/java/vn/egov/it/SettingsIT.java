package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A unit's settings: read through the cached registry, changed with optimistic locking, audited, isolated. */
class SettingsIT extends DeployedEar {

    private static String body(String displayName, int version) {
        return """
                {"displayName":"%s","shortName":"UBND","address":"Số 1 đường Trần Hưng Đạo","phone":"0214 3820 000",
                 "email":"ubnd@example.vn","mailSenderName":"%s","defaultLanguage":"vi","version":%d}
                """.formatted(displayName, displayName, version);
    }

    @Test
    void aUnitAdminChangesTheSettingsAndThePageShowsThemAtOnce() {
        String unit = "xa-a-lu";
        Api admin = Api.as(Fixtures.user(unit, false, "UNIT_ADMIN"), Fixtures.PASSWORD);
        JsonObject current = admin.get("/api/t/" + unit + "/settings").json();
        int version = current.getInt("version");
        Api.anonymous().get("/t/" + unit + "/", "text/html"); // the page has put the settings in the cache

        String name = "UBND xã A Lù " + UUID.randomUUID().toString().substring(0, 6);
        Api.Response changed = admin.put("/api/t/" + unit + "/settings", body(name, version));
        assertEquals(200, changed.status(), changed.toString());
        assertEquals(version + 1, changed.json().getInt("version"));

        String page = Api.anonymous().get("/t/" + unit + "/", "text/html").body();
        assertTrue(page.contains("<h1>" + name + "</h1>"), "the cached entry was invalidated: " + page);
        assertTrue(page.contains("Điện thoại: 0214 3820 000"));
        assertEquals(name, admin.get("/api/t/" + unit + "/settings").json().getString("displayName"));

        Api.Response stale = admin.put("/api/t/" + unit + "/settings", body("Bản cũ ghi đè", version));
        assertEquals(409, stale.status(), stale.toString());
        assertEquals("urn:egov:problem:changed-meanwhile", stale.json().getString("type"));
        assertEquals(name, admin.get("/api/t/" + unit + "/settings").json().getString("displayName"), "nothing changed");

        JsonObject audited = admin.get("/api/t/" + unit + "/audit?action=unit.settings.changed").array().getJsonObject(0);
        assertTrue(audited.getString("after").contains(name));
    }

    @Test
    void anotherUnitsAdminNeitherReadsNorChangesThem() {
        String unit = "xa-a-mu-sung";
        Api sibling = Api.as(Fixtures.user("xa-ban-xeo", false, "UNIT_ADMIN"), Fixtures.PASSWORD);
        assertEquals(403, sibling.get("/api/t/" + unit + "/settings").status());
        assertEquals(403, sibling.put("/api/t/" + unit + "/settings", body("Chiếm quyền", 1)).status());
        Api staff = Api.as(Fixtures.staff(unit), Fixtures.PASSWORD);
        assertEquals(403, staff.put("/api/t/" + unit + "/settings", body("Cán bộ sửa", 1)).status(), "staff do not administer");
        assertTrue(!Api.anonymous().get("/t/" + unit + "/", "text/html").body().contains("Chiếm quyền"));
    }

    @Test
    void badSettingsAreRefusedWithTheFieldsNamed() {
        String unit = "xa-coc-my";
        Api admin = Api.as(Fixtures.user(unit, false, "UNIT_ADMIN"), Fixtures.PASSWORD);
        int version = admin.get("/api/t/" + unit + "/settings").json().getInt("version");
        Api.Response r = admin.put("/api/t/" + unit + "/settings",
                "{\"displayName\":\"\",\"email\":\"khong-phai-thu\",\"defaultLanguage\":\"fr\",\"version\":" + version + "}");
        assertEquals(400, r.status(), r.toString());
        JsonObject fields = r.json().getJsonObject("fields");
        assertTrue(fields.containsKey("displayName") && fields.containsKey("email") && fields.containsKey("defaultLanguage"), fields.toString());
        // the messages come from the module's validation bundle, in the caller's language only
        assertEquals("Tên hiển thị không được để trống", fields.getJsonArray("displayName").getString(0), fields.toString());
        assertEquals("Ngôn ngữ mặc định là vi hoặc en", fields.getJsonArray("defaultLanguage").getString(0), fields.toString());
        Api.Response en = admin.send("PUT", "/api/t/" + unit + "/settings",
                "{\"displayName\":\"\",\"defaultLanguage\":\"vi\",\"version\":" + version + "}", "application/json", null, null, "en");
        assertEquals(400, en.status(), en.toString());
        assertEquals("Display name is required", en.json().getJsonObject("fields").getJsonArray("displayName").getString(0), en.toString());
        // a constraint the module gave no message of its own (the e-mail's length) still answers in the caller's language
        Api.Response longMail = admin.send("PUT", "/api/t/" + unit + "/settings", "{\"displayName\":\"Xã\",\"defaultLanguage\":\"vi\",\"email\":\""
                + "a".repeat(250) + "@xa.vn\",\"version\":" + version + "}", "application/json", null, null, "en");
        assertEquals(400, longMail.status(), longMail.toString());
        assertTrue(longMail.json().getJsonObject("fields").getJsonArray("email").getValuesAs(jakarta.json.JsonString::getString).stream()
                .anyMatch(m -> m.startsWith("Invalid value: ")), longMail.toString());
        assertEquals(version, admin.get("/api/t/" + unit + "/settings").json().getInt("version"));
    }
}
