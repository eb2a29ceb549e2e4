package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.egov.it.Fixtures.COMMUNE;
import static vn.egov.it.Fixtures.PASSWORD;
import static vn.egov.it.Fixtures.SIBLING_COMMUNE;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Login through Shiro: HTTP Basic for the API, the form for people, lockout, and scope checks. */
class AuthIT extends DeployedEar {

    @Test
    void aWrongPasswordIsA401ProblemThatSaysSo() {
        String user = Fixtures.staff(COMMUNE);
        Api.Response r = Api.as(user, "sai-mật-khẩu-rồi").get("/api/me");
        assertEquals(401, r.status(), r.toString());
        assertTrue(r.isProblem());
        assertEquals("urn:egov:problem:bad-credentials", r.json().getString("type"));
        assertTrue(r.json().getString("detail").contains("mật khẩu"), "Vietnamese by default");
        Api.Response unknown = Api.as("khong-co-nguoi-nay", "whatever-password").get("/api/me");
        assertEquals(401, unknown.status());
        assertEquals("urn:egov:problem:bad-credentials", unknown.json().getString("type"), "no hint that the user does not exist");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightOneAndTheAnswerTellsNoNameFromAnUnknownOne() throws Exception {
        String user = Fixtures.staff(COMMUNE);
        Api wrong = Api.as(user, "sai-mật-khẩu-rồi");
        for (int i = 1; i <= 5; i++) {
            assertEquals("urn:egov:problem:bad-credentials", wrong.get("/api/me").json().getString("type"), "attempt " + i);
        }
        assertTrue(lockedUntil(user) != null, "five failures in a row lock the account");
        Api.Response right = Api.as(user, PASSWORD).get("/api/me");
        assertEquals(401, right.status(), "locked: even the right password is refused");
        // the same answer, word for word, as for a name that does not exist after as many tries
        Api nobody = Api.as("khong-co-ai-ten-nay", "sai-mật-khẩu-rồi");
        Api.Response unknown = null;
        for (int i = 1; i <= 6; i++) {
            unknown = nobody.get("/api/me");
        }
        for (String field : new String[] {"type", "title", "detail"}) {
            assertEquals(unknown.json().getString(field), right.json().getString(field), field);
        }
        assertTrue(right.json().getString("detail").contains("bị khoá"), "the answer says an account may be locked: "
                + right.json().getString("detail"));
        Api.Response english = Api.as(user, PASSWORD).send("GET", "/api/me", null, null, "application/json", null, "en");
        assertEquals("urn:egov:problem:bad-credentials", english.json().getString("type"));
        assertTrue(english.json().getString("detail").contains("locked"), english.json().getString("detail"));

        // the login form answers a locked account as a wrong password too
        Api browser = Api.browser();
        Api.Response form = browser.send("POST", "/login", "username=" + user + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8), "application/x-www-form-urlencoded", "text/html");
        Api.Response formUnknown = Api.browser().send("POST", "/login", "username=khong-co-ai-ten-nay&password=x",
                "application/x-www-form-urlencoded", "text/html");
        assertEquals(401, form.status(), form.toString());
        assertEquals(formUnknown.body().replace("khong-co-ai-ten-nay", user), form.body());
    }

    @Test
    void aDisabledAccountIsNamedOnlyToWhoeverGivesItsPassword() throws Exception {
        String user = Fixtures.staff(COMMUNE);
        ownerUpdate("UPDATE app_user SET status = 'disabled' WHERE username = ?", user);
        Api.Response guess = Api.as(user, "sai-mật-khẩu-rồi").get("/api/me");
        assertEquals("urn:egov:problem:bad-credentials", guess.json().getString("type"), "a guess learns nothing");
        Api.Response holder = Api.as(user, PASSWORD).get("/api/me");
        assertEquals(401, holder.status());
        assertEquals("urn:egov:problem:account-disabled", holder.json().getString("type"), "the holder learns why");
    }

    private static java.sql.Timestamp lockedUntil(String user) throws Exception {
        try (java.sql.Connection c = Fixtures.provinceScoped();
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT locked_until FROM app_user WHERE username = ?")) {
            ps.setString(1, user);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), user);
                java.sql.Timestamp until = rs.getTimestamp(1);
                c.commit();
                return until;
            }
        }
    }

    private static void ownerUpdate(String sql, String param) throws Exception {
        try (java.sql.Connection c = Fixtures.provinceScoped(); java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            assertEquals(1, ps.executeUpdate(), sql);
            c.commit();
        }
    }

    @Test
    void theRightPasswordGivesTheUserAndTheirScope() {
        String user = Fixtures.staff(COMMUNE);
        Api.Response me = Api.as(user, PASSWORD).get("/api/me");
        assertEquals(200, me.status(), me.toString());
        assertEquals(user, me.json().getString("username"));
        assertEquals(COMMUNE, me.json().getString("unit"));
        assertEquals("[\"STAFF\"]", me.json().getJsonArray("roles").toString());
        assertEquals(false, me.json().getJsonObject("scope").getBoolean("subtree"));
    }

    @Test
    void staffOfOneUnitCannotCallAnotherUnitsApi() {
        String user = Fixtures.staff(COMMUNE);
        Api.Response r = Api.as(user, PASSWORD).post("/api/t/" + SIBLING_COMMUNE + "/notices",
                "{\"title\":\"Không được phép\",\"body\":\"x\"}");
        assertEquals(403, r.status(), r.toString());
        assertTrue(r.isProblem());
        assertEquals(0, Fixtures.countNotices("title = ?", "Không được phép"));
    }

    @Test
    void citizensAndAnonymousCallersGetNoUnitData() {
        String citizen = Fixtures.user(COMMUNE, false, "CITIZEN");
        assertEquals(403, Api.as(citizen, PASSWORD).get("/api/t/" + COMMUNE + "/notices").status());
        Api.Response anonymous = Api.anonymous().get("/api/t/" + COMMUNE + "/notices");
        assertEquals(401, anonymous.status());
        assertEquals("urn:egov:problem:unauthenticated", anonymous.json().getString("type"));
        assertEquals(401, Api.anonymous().get("/api/me").status());
    }

    @Test
    void changingThePasswordChecksTheCurrentOneAndTheNewOne() {
        String user = Fixtures.user(COMMUNE, false, "CITIZEN");
        Api api = Api.as(user, PASSWORD);
        Api.Response wrong = api.post("/api/me/password", "{\"currentPassword\":\"khong-dung-roi\",\"newPassword\":\"mat-khau-moi-du-dai\"}");
        assertEquals(400, wrong.status(), wrong.toString());
        assertTrue(wrong.json().getJsonObject("fields").containsKey("currentPassword"));
        Api.Response tooShort = api.post("/api/me/password", "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"ngan\"}");
        assertEquals(400, tooShort.status(), tooShort.toString());
        assertTrue(tooShort.json().getJsonObject("fields").containsKey("newPassword"));
        assertEquals(200, api.get("/api/me").status(), "still the old password after refused changes");

        String fresh = "Mật-khẩu-mới-5678";
        Api.Response ok = api.post("/api/me/password", "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"" + fresh + "\"}");
        assertEquals(200, ok.status(), ok.toString());
        assertEquals(401, Api.as(user, PASSWORD).get("/api/me").status());
        assertEquals(200, Api.as(user, fresh).get("/api/me").status(), "a citizen, too, looks after their own password");
    }

    @Test
    void staffOfASuspendedUnitCannotLogIn() throws Exception {
        String unit = "xa-ban-vuoc";
        String user = Fixtures.staff(unit);
        assertEquals(200, Api.as(user, PASSWORD).get("/api/me").status());
        setStatus(unit, "suspended");
        try {
            Api.Response r = Api.as(user, PASSWORD).get("/api/me");
            assertEquals(401, r.status(), r.toString());
            assertEquals("urn:egov:problem:account-disabled", r.json().getString("type"));
        } finally {
            setStatus(unit, "active");
        }
        assertEquals(200, Api.as(user, PASSWORD).get("/api/me").status(), "reactivated, the data and account are intact");
    }

    private static void setStatus(String unit, String status) throws Exception {
        try (java.sql.Connection c = Fixtures.db().owner();
             java.sql.PreparedStatement ps = c.prepareStatement("UPDATE tenant SET status = ? WHERE code = ?")) {
            ps.setString(1, status);
            ps.setString(2, unit);
            assertEquals(1, ps.executeUpdate());
        }
    }

    @Test
    void formLoginKeepsASessionAndLogoutEndsIt() {
        String user = Fixtures.staff(COMMUNE);
        Api browser = Api.browser();
        Api.Response form = browser.get("/login", "text/html");
        assertEquals(200, form.status());
        assertTrue(form.body().contains("Đăng nhập"));

        Api.Response failed = browser.send("POST", "/login", "username=" + user + "&password=sai-mat-khau-roi",
                "application/x-www-form-urlencoded", "text/html");
        assertEquals(401, failed.status());
        assertTrue(failed.body().contains("Tên đăng nhập hoặc mật khẩu không đúng"), failed.toString());
        assertTrue(failed.body().contains("value=\"" + user + "\""), "the form is re-shown with the username kept");

        Api.Response ok = browser.send("POST", "/login", "username=" + user + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8), "application/x-www-form-urlencoded", "text/html");
        assertEquals(302, ok.status(), ok.toString());
        assertNotNull(ok.location());
        assertTrue(ok.location().endsWith("/me/start"), "on to their work: " + ok.location());
        Api.Response start = browser.get("/me/start", "text/html");
        assertEquals(303, start.status(), start.toString());
        assertTrue(start.location().endsWith("/t/" + COMMUNE + "/admin/documents"), "a staff member's documents in their own unit: " + start.location());
        Api.Response me = browser.get("/api/me");
        assertEquals(200, me.status(), me.toString());
        assertEquals(user, me.json().getString("username"));

        browser.get("/logout", "text/html");
        assertEquals(401, browser.get("/api/me").status());
    }

    @Test
    void theSessionCookieIsNotSentWithCrossSitePosts() throws Exception {
        String user = Fixtures.staff(Fixtures.COMMUNE);
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(java.net.http.HttpRequest
                        .newBuilder(java.net.URI.create(Api.baseUrl() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
                                + java.net.URLEncoder.encode(Fixtures.PASSWORD, java.nio.charset.StandardCharsets.UTF_8))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        java.util.List<String> cookies = r.headers().allValues("Set-Cookie");
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith("JSESSIONID=")), cookies.toString());
        assertTrue(cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).allMatch(c -> c.contains("SameSite=Lax") && c.contains("HttpOnly")),
                cookies.toString());
    }

    @Test
    void aLoginPostedFromAnotherSiteIsRefused() throws Exception {
        String user = Fixtures.staff(Fixtures.COMMUNE);
        String form = "username=" + user + "&password=" + java.net.URLEncoder.encode(PASSWORD, java.nio.charset.StandardCharsets.UTF_8);
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        java.util.function.BiFunction<String, String, Integer> post = (header, value) -> {
            try {
                return client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.baseUrl() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded").header(header, value)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        assertEquals(403, post.apply("Origin", "https://trang-la.example"));
        assertEquals(403, post.apply("Origin", "null"));
        assertEquals(403, post.apply("Sec-Fetch-Site", "cross-site"));
        assertEquals(302, post.apply("Origin", Api.baseUrl()), "the platform's own login form");
        assertEquals(302, post.apply("Sec-Fetch-Site", "same-origin"));
    }

    /**
     * The API with the browser's session: a change sent from another site (its Origin, or the fetch metadata, says so)
     * is refused with a problem before the API runs; the same request from the portal itself, or from a program that
     * sends no such header, reaches the API (here: a dossier that is not the citizen's, so 404).
     */
    @Test
    void anApiChangeAnotherSiteMadeTheBrowserSendIsRefused() throws Exception {
        String user = Fixtures.user(Fixtures.COMMUNE, false, "CITIZEN");
        java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).cookieHandler(new java.net.CookieManager()).build();
        java.net.http.HttpResponse<String> login = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.baseUrl() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded").POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=" + user
                                + "&password=" + java.net.URLEncoder.encode(PASSWORD, java.nio.charset.StandardCharsets.UTF_8))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(302, login.statusCode(), login.body());
        java.util.function.BiFunction<String, String, java.net.http.HttpResponse<String>> withdraw = (header, value) -> {
            try {
                java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.baseUrl()
                        + "/api/me/dossiers/KHONG-CO-260101-000001/withdrawal")).header("Content-Type", "application/json")
                        .header("Accept", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"reason\":\"Rút hồ sơ\"}"));
                if (header != null) {
                    b.header(header, value);
                }
                return browser.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        java.net.http.HttpResponse<String> forged = withdraw.apply("Origin", "https://trang-la.example");
        assertEquals(403, forged.statusCode(), forged.body());
        assertTrue(forged.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(forged.body().contains("cross-origin-request") && forged.body().contains("trang web khác"), forged.body());
        assertEquals(403, withdraw.apply("Sec-Fetch-Site", "cross-site").statusCode());
        assertEquals(403, withdraw.apply("Origin", "null").statusCode());
        // the same request from the portal's own pages, or from a program: the API answers it
        assertEquals(404, withdraw.apply("Origin", Api.baseUrl()).statusCode());
        assertEquals(404, withdraw.apply("Sec-Fetch-Site", "same-origin").statusCode());
        assertEquals(404, withdraw.apply(null, null).statusCode());
        // reading is not guarded (a GET changes nothing)
        java.net.http.HttpResponse<String> read = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.baseUrl() + "/api/me/dossiers"))
                .header("Accept", "application/json").header("Origin", "https://trang-la.example").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, read.statusCode(), read.body());
    }
}
