package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.egov.it.Fixtures.COMMUNE;
import static vn.egov.it.Fixtures.PASSWORD;
import static vn.egov.it.Fixtures.SIBLING_COMMUNE;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/** API tokens: a program acts for its user with {@code Authorization: Bearer}, without a password or a web session. */
class TokensIT extends DeployedEar {

    private static JsonObject make(Api owner, String name) {
        Api.Response made = owner.post("/api/me/tokens", "{\"name\":\"" + name + "\",\"days\":30}");
        assertEquals(201, made.status(), made.toString());
        assertNotNull(made.location(), "where the token can be read back");
        return made.json();
    }

    @Test
    void aProgramActsForItsUserWithATokenAndNoWebSession() throws Exception {
        String user = Fixtures.staff(COMMUNE);
        JsonObject made = make(Api.as(user, PASSWORD), "Đồng bộ phần mềm một cửa");
        String token = made.getString("token");
        assertTrue(token.startsWith("egov_") && token.length() == 48, token);
        assertEquals("active", made.getString("state"));
        assertEquals("Đồng bộ phần mềm một cửa", made.getString("name"));

        Api program = Api.bearer(token);
        Api.Response me = program.get("/api/me");
        assertEquals(200, me.status(), me.toString());
        assertEquals(user, me.json().getString("username"));
        // acts in its user's unit with its user's rights: writes there, and nowhere else
        Api.Response notice = program.post("/api/t/" + COMMUNE + "/notices", "{\"title\":\"Gửi bằng mã truy cập\",\"body\":\"Nội dung\"}");
        assertEquals(201, notice.status(), notice.toString());
        Api.Response elsewhere = program.post("/api/t/" + SIBLING_COMMUNE + "/notices", "{\"title\":\"Không được phép bằng mã\",\"body\":\"x\"}");
        assertEquals(403, elsewhere.status(), elsewhere.toString());
        assertEquals(0, Fixtures.countNotices("title = ?", "Không được phép bằng mã"));

        // no web session is made (nor any other cookie)
        HttpResponse<String> raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create(Api.baseUrl() + "/api/me"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, raw.statusCode());
        assertTrue(raw.headers().allValues("Set-Cookie").isEmpty(), raw.headers().allValues("Set-Cookie").toString());

        // the owner's list shows the token's use, never the secret
        Api.Response list = Api.as(user, PASSWORD).get("/api/me/tokens");
        assertEquals(200, list.status(), list.toString());
        assertEquals(1, list.array().size());
        JsonObject listed = list.array().getJsonObject(0);
        assertFalse(listed.containsKey("token") && !listed.isNull("token"), "the secret is shown once only: " + listed);
        assertFalse(listed.isNull("lastUsedAt"), "its use is noted: " + listed);
        assertEquals(token.substring(token.length() - 6), listed.getString("hint").substring(1));
        assertFalse(list.body().contains(token.substring(5, 30)));
    }

    @Test
    void aRevokedTokenIsRefusedFromTheNextRequestOn() {
        String user = Fixtures.staff(COMMUNE);
        Api owner = Api.as(user, PASSWORD);
        JsonObject made = make(owner, "Thu hồi");
        Api program = Api.bearer(made.getString("token"));
        assertEquals(200, program.get("/api/me").status());

        Api.Response revoked = owner.delete("/api/me/tokens/" + made.getInt("id"));
        assertEquals(200, revoked.status(), revoked.toString());
        assertEquals("revoked", revoked.json().getString("state"));
        assertEquals(user, revoked.json().getString("revokedBy"));

        Api.Response refused = program.get("/api/me");
        assertEquals(401, refused.status(), refused.toString());
        assertTrue(refused.isProblem());
        assertEquals("urn:egov:problem:token-revoked", refused.json().getString("type"));
        assertTrue(refused.json().getString("detail").contains("thu hồi"), refused.toString());
        Api.Response write = program.post("/api/t/" + COMMUNE + "/notices", "{\"title\":\"Sau khi thu hồi\",\"body\":\"x\"}");
        assertEquals(401, write.status());
        assertEquals(0, Fixtures.countNotices("title = ?", "Sau khi thu hồi"));
        // revoking again changes nothing
        assertEquals("revoked", owner.delete("/api/me/tokens/" + made.getInt("id")).json().getString("state"));
    }

    @Test
    void anExpiredTokenAnUnknownOneAndADisabledUsersAreRefusedSayingWhy() throws Exception {
        String user = Fixtures.staff(COMMUNE);
        Api owner = Api.as(user, PASSWORD);
        JsonObject expiring = make(owner, "Hết hạn");
        ownerUpdate("UPDATE api_token SET created_at = now() - interval '2 days', expires_at = now() - interval '1 second' WHERE id = ?",
                expiring.getInt("id"));
        Api.Response expired = Api.bearer(expiring.getString("token")).get("/api/me");
        assertEquals(401, expired.status(), expired.toString());
        assertEquals("urn:egov:problem:token-expired", expired.json().getString("type"));
        assertEquals("expired", owner.get("/api/me/tokens/" + expiring.getInt("id")).json().getString("state"));

        Api.Response unknown = Api.bearer("egov_" + "A".repeat(43)).get("/api/me");
        assertEquals(401, unknown.status());
        assertEquals("urn:egov:problem:bad-token", unknown.json().getString("type"));
        assertEquals(401, Api.bearer("khong-phai-ma").get("/api/me").status());

        JsonObject live = make(owner, "Người dùng bị tạm dừng");
        Api program = Api.bearer(live.getString("token"));
        assertEquals(200, program.get("/api/me").status());
        ownerUpdate("UPDATE app_user SET status = 'disabled' WHERE username = ?", user);
        Api.Response disabled = program.get("/api/me");
        assertEquals(401, disabled.status(), disabled.toString());
        assertEquals("urn:egov:problem:account-disabled", disabled.json().getString("type"));
    }

    /**
     * Decided: a password lockout does not stop the user's tokens. The lockout defends the password against guessing;
     * a token is not guessed, and stopping tokens would let anyone who types a name five times cut off that user's
     * programs. A suspension (of the account or its unit) stops them from the next request on.
     */
    @Test
    void aPasswordLockoutLeavesTheUsersTokensWorkingAndSuspendingTheUnitStopsThem() throws Exception {
        String unit = "xa-ban-vuoc";
        String user = Fixtures.staff(unit);
        Api program = Api.bearer(make(Api.as(user, PASSWORD), "Chương trình đồng bộ").getString("token"));
        Api guesser = Api.as(user, "đoán-mò-mật-khẩu");
        for (int i = 1; i <= 5; i++) {
            assertEquals(401, guesser.get("/api/me").status());
        }
        assertEquals(401, Api.as(user, PASSWORD).get("/api/me").status(), "the password is locked");
        Api.Response during = program.get("/api/me");
        assertEquals(200, during.status(), "the token is not: " + during);
        assertEquals(user, during.json().getString("username"));

        try {
            ownerUpdate("UPDATE tenant SET status = 'suspended' WHERE code = ?", unit);
            Api.Response suspended = program.get("/api/me");
            assertEquals(401, suspended.status(), suspended.toString());
            assertEquals("urn:egov:problem:account-disabled", suspended.json().getString("type"));
            assertEquals(401, program.get("/api/t/" + unit + "/notices").status());
        } finally {
            ownerUpdate("UPDATE tenant SET status = 'active' WHERE code = ?", unit);
        }
        assertEquals(200, program.get("/api/me").status(), "reactivated, the token works again (it was not revoked)");
    }

    @Test
    void aTokenActsWithItsUsersRightsAsTheyAreNow() throws Exception {
        String user = Fixtures.staff(COMMUNE);
        Api program = Api.bearer(make(Api.as(user, PASSWORD), "Quyền hiện tại").getString("token"));
        assertEquals(201, program.post("/api/t/" + COMMUNE + "/notices", "{\"title\":\"Còn quyền\",\"body\":\"x\"}").status());
        ownerUpdate("UPDATE app_user SET roles = ARRAY['CITIZEN'] WHERE username = ?", user);
        Api.Response after = program.post("/api/t/" + COMMUNE + "/notices", "{\"title\":\"Hết quyền\",\"body\":\"x\"}");
        assertEquals(403, after.status(), after.toString());
        assertEquals(0, Fixtures.countNotices("title = ?", "Hết quyền"));
    }

    @Test
    void aTokenCannotMakeAnotherToken() {
        String user = Fixtures.staff(COMMUNE);
        Api program = Api.bearer(make(Api.as(user, PASSWORD), "Không tự nhân bản").getString("token"));
        Api.Response refused = program.post("/api/me/tokens", "{\"name\":\"Mã con\"}");
        assertEquals(403, refused.status(), refused.toString());
        assertEquals("urn:egov:problem:token-cannot-make-tokens", refused.json().getString("type"));
        assertEquals(1, Api.as(user, PASSWORD).get("/api/me/tokens").array().size(), "nothing was made");
    }

    @Test
    void badInputIsRefusedBesideItsFieldAndMakesNothing() {
        String user = Fixtures.staff(COMMUNE);
        Api owner = Api.as(user, PASSWORD);
        Api.Response noName = owner.post("/api/me/tokens", "{\"days\":30}");
        assertEquals(400, noName.status(), noName.toString());
        assertTrue(noName.isProblem());
        assertTrue(noName.json().getJsonObject("fields").containsKey("name"), noName.toString());
        Api.Response tooLong = owner.post("/api/me/tokens", "{\"name\":\"" + "x".repeat(101) + "\"}");
        assertTrue(tooLong.json().getJsonObject("fields").containsKey("name"), tooLong.toString());
        for (String days : new String[] {"0", "366", "-5"}) {
            Api.Response bad = owner.post("/api/me/tokens", "{\"name\":\"Thời hạn sai\",\"days\":" + days + "}");
            assertEquals(400, bad.status(), days + ": " + bad);
            assertTrue(bad.json().getJsonObject("fields").keySet().stream().anyMatch(k -> k.contains("days")), bad.toString());
        }
        assertEquals(0, owner.get("/api/me/tokens").array().size(), "nothing was made");
        // a fresh account gets 90 days unless it asks
        JsonObject made = make(owner, "Mặc định");
        java.time.Duration life = java.time.Duration.between(java.time.Instant.parse(made.getString("createdAt")),
                java.time.Instant.parse(made.getString("expiresAt")));
        assertEquals(30, life.toDays());
        JsonObject byDefault = owner.post("/api/me/tokens", "{\"name\":\"Chín mươi ngày\"}").json();
        assertEquals(90, java.time.Duration.between(java.time.Instant.parse(byDefault.getString("createdAt")),
                java.time.Instant.parse(byDefault.getString("expiresAt"))).toDays());
    }

    @Test
    void aUserHasAtMostTenUsableTokens() {
        String user = Fixtures.staff(COMMUNE);
        Api owner = Api.as(user, PASSWORD);
        JsonObject first = null;
        for (int i = 1; i <= 10; i++) {
            JsonObject made = make(owner, "Mã số " + i);
            first = first == null ? made : first;
        }
        Api.Response eleventh = owner.post("/api/me/tokens", "{\"name\":\"Mã số 11\"}");
        assertEquals(409, eleventh.status(), eleventh.toString());
        assertEquals("urn:egov:problem:too-many-tokens", eleventh.json().getString("type"));
        assertEquals(10, owner.get("/api/me/tokens").array().size());
        owner.delete("/api/me/tokens/" + first.getInt("id"));
        make(owner, "Mã số 11");
    }

    @Test
    void nobodyElseSeesOrRevokesAUsersToken() throws Exception {
        String user = Fixtures.staff(COMMUNE);
        JsonObject made = make(Api.as(user, PASSWORD), "Của riêng tôi");
        int id = made.getInt("id");
        String sameUnit = Fixtures.user(COMMUNE, false, "UNIT_ADMIN");
        String otherUnit = Fixtures.staff(SIBLING_COMMUNE);
        for (String other : new String[] {sameUnit, otherUnit}) {
            Api them = Api.as(other, PASSWORD);
            assertEquals(404, them.get("/api/me/tokens/" + id).status(), other);
            assertEquals(404, them.delete("/api/me/tokens/" + id).status(), other);
            assertEquals(0, them.get("/api/me/tokens").array().size(), other);
        }
        assertEquals(200, Api.bearer(made.getString("token")).get("/api/me").status(), "still works");
        assertEquals(1L, revokedCount(id, false));
    }

    @Test
    void aUnitAdministratorSeesAndRevokesTheirStaffsTokensAndNoOtherUnitsAdministratorDoes() throws Exception {
        String user = Fixtures.staff(COMMUNE);
        JsonObject made = make(Api.as(user, PASSWORD), "Phần mềm bị lộ mã");
        String token = made.getString("token");
        int id = made.getInt("id");
        String adminName = Fixtures.user(COMMUNE, false, "UNIT_ADMIN");
        Api admin = Api.as(adminName, PASSWORD);
        String tokens = "/api/t/" + COMMUNE + "/users/" + user + "/tokens";

        Api.Response list = admin.get(tokens);
        assertEquals(200, list.status(), list.toString());
        assertEquals(1, list.array().size(), list.toString());
        assertEquals("Phần mềm bị lộ mã", list.array().getJsonObject(0).getString("name"));
        assertEquals("active", list.array().getJsonObject(0).getString("state"));
        assertFalse(list.body().contains(token.substring(5, 30)), "never the secret: " + list);

        // not a unit administrator, or another unit's: nothing seen, nothing revoked
        assertEquals(403, Api.as(Fixtures.staff(COMMUNE), PASSWORD).get(tokens).status());
        Api sibling = Api.as(Fixtures.user(SIBLING_COMMUNE, false, "UNIT_ADMIN"), PASSWORD);
        assertEquals(403, sibling.get(tokens).status());
        assertEquals(403, sibling.delete(tokens + "/" + id).status());
        Api.Response elsewhere = sibling.get("/api/t/" + SIBLING_COMMUNE + "/users/" + user + "/tokens");
        assertEquals(404, elsewhere.status(), "the user is not in the sibling's unit: " + elsewhere);
        assertEquals(404, sibling.delete("/api/t/" + SIBLING_COMMUNE + "/users/" + user + "/tokens/" + id).status());
        assertEquals(200, Api.bearer(token).get("/api/me").status(), "still works");
        assertEquals(1L, revokedCount(id, false));

        // the unit's administrator revokes it: refused from the next request on, and recorded
        assertEquals(404, admin.delete(tokens + "/" + (id + 100_000)).status(), "no such token");
        Api.Response revoked = admin.delete(tokens + "/" + id);
        assertEquals(200, revoked.status(), revoked.toString());
        assertEquals("revoked", revoked.json().getString("state"));
        assertEquals(adminName, revoked.json().getString("revokedBy"));
        Api.Response refused = Api.bearer(token).get("/api/me");
        assertEquals(401, refused.status(), refused.toString());
        assertEquals("urn:egov:problem:token-revoked", refused.json().getString("type"));
        Api.Response audited = admin.get("/api/t/" + COMMUNE + "/audit?action=token.revoked&actor=" + adminName);
        assertEquals(1, audited.array().size(), audited.toString());
        assertEquals(user, audited.array().getJsonObject(0).getString("target"));
        assertTrue(audited.array().getJsonObject(0).getString("before").contains("Phần mềm bị lộ mã"), audited.toString());
        // revoking again changes nothing and records nothing more
        assertEquals("revoked", admin.delete(tokens + "/" + id).json().getString("state"));
        assertEquals(1, admin.get("/api/t/" + COMMUNE + "/audit?action=token.revoked&actor=" + adminName).array().size());
    }

    @Test
    void aProvinceAdministratorsTokensAreTheProvincesToRevoke() throws Exception {
        String provinceAdmin = Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN");
        JsonObject made = make(Api.as(provinceAdmin, PASSWORD), "Tích hợp cấp tỉnh");
        String path = "/api/t/" + Fixtures.PROVINCE + "/users/" + provinceAdmin + "/tokens/" + made.getInt("id");
        Api.Response refused = Api.as(Fixtures.user(Fixtures.PROVINCE, false, "UNIT_ADMIN"), PASSWORD).delete(path);
        assertEquals(403, refused.status(), refused.toString());
        assertEquals("urn:egov:problem:province-only", refused.json().getString("type"));
        assertEquals(200, Api.bearer(made.getString("token")).get("/api/me").status(), "still works");
        Api.Response revoked = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"), PASSWORD).delete(path);
        assertEquals("revoked", revoked.json().getString("state"), revoked.toString());
    }

    private static long revokedCount(int id, boolean revoked) throws Exception {
        try (Connection c = provinceScoped();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM api_token WHERE id = ? AND (revoked_at IS NOT NULL) = ?")) {
            ps.setInt(1, id);
            ps.setBoolean(2, revoked);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long n = rs.getLong(1);
                c.commit();
                return n;
            }
        }
    }

    /** The owner's connection in a transaction scoped to the whole province (the tables force their policies on the owner too). */
    private static Connection provinceScoped() throws Exception {
        Connection c = Fixtures.db().owner();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config('app.tenant_id', (SELECT id FROM tenant WHERE code = 'lao-cai')::text, true), "
                + "set_config('app.subtree', 'on', true)")) {
            ps.executeQuery().close();
        }
        return c;
    }

    private static void ownerUpdate(String sql, Object param) throws Exception {
        try (Connection c = provinceScoped(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            assertEquals(1, ps.executeUpdate(), sql);
            c.commit();
        }
    }
}
