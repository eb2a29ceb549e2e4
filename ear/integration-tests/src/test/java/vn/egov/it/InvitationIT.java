package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A new unit's first administrator invited by a link: they choose their password, once, before it expires. */
class InvitationIT extends DeployedEar {

    private static JsonObject invitedUnit(Api province, String code) {
        Api.Response r = province.post("/api/t/" + Fixtures.COUSIN_DISTRICT + "/units", """
                {"code":"%s","name":"Xã Được Mời %s","kind":"commune","firstAdmin":{"username":"qt.%s","displayName":"Chị Mời","invite":true}}
                """.formatted(code, code, code));
        assertEquals(201, r.status(), r.toString());
        return r.json().getJsonObject("firstAdmin");
    }

    private static String form(String password, String confirm) {
        return "password=" + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8)
                + "&confirm=" + java.net.URLEncoder.encode(confirm, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theInviteeChoosesAPasswordOnceAndCanLogIn() {
        Api province = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"), Fixtures.PASSWORD);
        String code = "xa-moi-" + UUID.randomUUID().toString().substring(0, 8);
        JsonObject admin = invitedUnit(province, code);
        assertFalse(admin.containsKey("oneTimePassword"), "no password is printed for an invited administrator");
        String url = admin.getJsonObject("invitation").getString("url");
        assertTrue(admin.getJsonObject("invitation").getString("expiresAt").matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}"));
        String path = URI.create(url).getPath();
        assertTrue(path.matches("/invitation/[A-Za-z0-9_-]{43}"), path);
        String username = admin.getString("username");

        // until accepted, the account has no password at all
        assertEquals(401, Api.as(username, "!invited").get("/api/me").status());

        Api.Response page = Api.anonymous().get(path, "text/html");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Chọn mật khẩu") && page.body().contains(username), page.body());

        Api.Response mismatch = Api.anonymous().send("POST", path, form(Fixtures.PASSWORD, Fixtures.PASSWORD + "x"),
                "application/x-www-form-urlencoded", "text/html");
        assertEquals(400, mismatch.status());
        assertTrue(mismatch.body().contains("không khớp"), "re-shown with the reason in Vietnamese");
        assertEquals(401, Api.as(username, Fixtures.PASSWORD).get("/api/me").status(), "nothing changed");

        Api.Response done = Api.anonymous().send("POST", path, form(Fixtures.PASSWORD, Fixtures.PASSWORD),
                "application/x-www-form-urlencoded", "text/html");
        assertEquals(200, done.status(), done.toString());
        assertTrue(done.body().contains("Đã đặt mật khẩu"));
        Api.Response me = Api.as(username, Fixtures.PASSWORD).get("/api/me");
        assertEquals(200, me.status(), me.toString());
        assertEquals(code, me.json().getString("unit"));
        assertEquals(200, Api.as(username, Fixtures.PASSWORD).get("/api/t/" + code + "/settings").status(),
                "a password chosen by the invitee is not a one-time password");

        Api.Response again = Api.anonymous().send("POST", path, form("Một-mật-khẩu-khác-99", "Một-mật-khẩu-khác-99"),
                "application/x-www-form-urlencoded", "text/html");
        assertEquals(410, again.status(), "an invitation works once");
        assertEquals(200, Api.as(username, Fixtures.PASSWORD).get("/api/me").status(), "and the password stays");
    }

    @Test
    void forgedExpiredAndShortAreRefused() {
        Api province = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"), Fixtures.PASSWORD);
        String code = "xa-moi-" + UUID.randomUUID().toString().substring(0, 8);
        String path = URI.create(invitedUnit(province, code).getJsonObject("invitation").getString("url")).getPath();
        String token = path.substring(path.lastIndexOf('/') + 1);
        String forged = (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1);
        assertEquals(410, Api.anonymous().get("/invitation/" + forged, "text/html").status());
        assertEquals(410, Api.anonymous().get("/invitation/not-a-token", "text/html").status());
        Api.Response shortOne = Api.anonymous().post("/api/invitations/" + token, "{\"password\":\"ngan\"}");
        assertEquals(400, shortOne.status());
        assertTrue(shortOne.isProblem());
        assertEquals(410, Api.anonymous().post("/api/invitations/" + forged, "{\"password\":\"" + Fixtures.PASSWORD + "\"}").status());

        // expired: the same link a week and a day later
        try (var c = Fixtures.db().owner(); var ps = c.prepareStatement(
                "UPDATE user_invitation SET expires_at = now() - interval '1 second' WHERE token_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')")) {
            ps.setString(1, token);
            c.setAutoCommit(false);
            try (var scope = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                scope.setString(1, Long.toString(Fixtures.tenantId(code)));
                scope.executeQuery().close();
            }
            assertEquals(1, ps.executeUpdate());
            c.commit();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertEquals(410, Api.anonymous().post("/api/invitations/" + token, "{\"password\":\"" + Fixtures.PASSWORD + "\"}").status());
        assertEquals(401, Api.as("qt." + code, Fixtures.PASSWORD).get("/api/me").status());
    }
}
