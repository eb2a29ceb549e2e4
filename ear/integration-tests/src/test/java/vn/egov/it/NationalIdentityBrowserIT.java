package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Citizens sign in with the national identity (issue 22), against a real OpenID Connect provider (Keycloak, started by
 * the test environment): the authorisation code flow with PKCE, the identity number and name taken from the ID token
 * and linked to one account, the citizen back where they were going, logging out ending both sessions; and what must
 * fail: a state that is not the browser's, a code used twice.
 */
class NationalIdentityBrowserIT extends InChromium {

    @Test
    void aCitizenSignsInWithTheNationalIdentityAppliesAndSignsOutOfBoth() throws Exception {
        ProceduresIT.Offered offered = ProceduresIT.offeredByANewCommune("xa-dinh-danh");
        String number = NationalProvider.newIdentityNumber();
        NationalProvider.citizen(number, "Hoàng Thị", "Sinh", number + "@example.vn", "Mat-khau-VNeID-1");

        // logged out, straight to the form: the login page offers the national identity; the provider's form; back on the form
        browser.manage().deleteAllCookies();
        String apply = "/t/" + offered.unit() + "/procedures/" + offered.procedure() + "/apply";
        browser.get(Api.baseUrl() + apply);
        wait(ExpectedConditions.urlContains("/login"));
        Chromium.screenshot(browser, "national-1-login");
        Chromium.clickAndWait(browser, browser.findElement(By.id("national-login")));
        wait(ExpectedConditions.presenceOfElementLocated(By.id("kc-login")));
        assertTrue(browser.getCurrentUrl().startsWith(NationalProvider.base() + "/realms/"), browser.getCurrentUrl());
        assertTrue(browser.getCurrentUrl().contains("code_challenge_method=S256"), "PKCE: " + browser.getCurrentUrl());
        browser.findElement(By.id("username")).sendKeys(number);
        browser.findElement(By.id("password")).sendKeys("Mat-khau-VNeID-1");
        Chromium.clickAndWait(browser, browser.findElement(By.id("kc-login")));
        wait(ExpectedConditions.urlContains("/apply"));
        assertEquals(apply, browser.getCurrentUrl().replaceFirst("^https?://[^/]+", "").replaceAll("[?#].*", ""));
        assertEquals("Nộp hồ sơ trực tuyến", browser.findElement(By.tagName("h1")).getText());

        // one account, linked to the number, named as the token says
        long account = account(number, "Hoàng Thị Sinh");
        assertEquals(offered.unit(), unitOf(account), "a new account belongs to the unit whose page the citizen was going to");

        // applies
        Path pdf = Files.write(Files.createTempFile("to-khai", ".pdf"), DossiersIT.PDF);
        browser.findElement(By.id("f-fullName")).sendKeys("Hoàng Thị Sinh");
        browser.findElement(By.id("p-to-khai")).sendKeys(pdf.toString());
        Chromium.clickAndWait(browser, browser.findElement(By.id("submit-dossier")));
        wait(ExpectedConditions.urlContains("/me/dossiers/"));
        assertEquals("Đã tiếp nhận", browser.findElement(By.id("status")).getText());
        Chromium.screenshot(browser, "national-2-applied");
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the applicant's dossier page's console");

        // signs out: of the platform and of the provider (the next national login asks for the password again)
        browser.get(Api.baseUrl() + "/logout");
        wait(ExpectedConditions.not(ExpectedConditions.urlContains("/logout")));
        browser.get(Api.baseUrl() + "/me/dossiers");
        wait(ExpectedConditions.urlContains("/login"));
        Chromium.clickAndWait(browser, browser.findElement(By.id("national-login")));
        wait(ExpectedConditions.presenceOfElementLocated(By.id("kc-login")));

        // the second sign-in finds the same account, not a new one
        browser.findElement(By.id("username")).sendKeys(number);
        browser.findElement(By.id("password")).sendKeys("Mat-khau-VNeID-1");
        Chromium.clickAndWait(browser, browser.findElement(By.id("kc-login")));
        wait(ExpectedConditions.urlContains("/me/dossiers"));
        assertEquals(account, account(number, "Hoàng Thị Sinh"), "the same account");
    }

    @Test
    void aStateThatIsNotTheBrowsersAndACodeUsedTwiceSignNobodyIn() throws Exception {
        String number = NationalProvider.newIdentityNumber();
        NationalProvider.citizen(number, "Lò Văn", "Páo", number + "@example.vn", "Mat-khau-VNeID-2");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        // a made-up state and code: refused, nobody signed in
        HttpResponse<String> forged = get(client, Api.baseUrl() + "/login/national/back?state=made-up&code=made-up");
        assertEquals(400, forged.statusCode());
        assertTrue(forged.body().contains("không khớp với trình duyệt"), forged.body());
        assertEquals(302, get(client, Api.baseUrl() + "/me/dossiers").statusCode(), "still not signed in");

        // the whole dance by hand: the provider's form, the password, the way back with a code
        String back = signInAtProvider(client, number, "Mat-khau-VNeID-2");
        HttpResponse<String> first = get(client, back);
        assertEquals(303, first.statusCode(), first.body());
        assertEquals(200, get(client, Api.baseUrl() + "/me/dossiers").statusCode(), "signed in");

        // the same way back again: the attempt is spent, so is the code
        HttpResponse<String> again = get(client, back);
        assertEquals(400, again.statusCode());
        // a new attempt given the old code: the provider refuses a code used once
        HttpResponse<String> start = get(client, Api.baseUrl() + "/login/national");
        String state = query(start.headers().firstValue("Location").orElseThrow(), "state");
        HttpResponse<String> replay = get(client, Api.baseUrl() + "/login/national/back?state=" + state + "&code=" + query(back, "code"));
        assertEquals(400, replay.statusCode());
        assertTrue(replay.body().contains("không chấp nhận mã đăng nhập"), replay.body());
    }

    /** Goes through the provider's login form; the address it sends the browser back to (with code and state). */
    static String signInAtProvider(HttpClient client, String username, String password) throws Exception {
        HttpResponse<String> start = get(client, Api.baseUrl() + "/login/national");
        assertEquals(303, start.statusCode());
        HttpResponse<String> form = get(client, start.headers().firstValue("Location").orElseThrow());
        assertEquals(200, form.statusCode());
        Document page = Jsoup.parse(form.body());
        String action = page.selectFirst("form#kc-form-login").attr("action").replace("&amp;", "&");
        String body = "username=" + username + "&password=" + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
        // the provider's cookies are 'Secure' (a browser trusts plain http on 127.0.0.1; Java's cookie store does not): sent by hand
        String cookies = String.join("; ", form.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0]).toList());
        HttpResponse<String> posted = client.send(HttpRequest.newBuilder(URI.create(action)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookies).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, posted.statusCode(), posted.body());
        String back = posted.headers().firstValue("Location").orElseThrow();
        assertTrue(back.contains("/login/national/back?") && back.contains("code="), back);
        return back;
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String query(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new AssertionError(name + " not in " + url);
    }

    /** The one account linked to an identity number: a citizen, named as given; its id. */
    private static long account(String number, String name) throws Exception {
        try (Connection c = Fixtures.provinceScoped();
             PreparedStatement ps = c.prepareStatement("SELECT id, display_name, roles::text FROM app_user WHERE identity_number = ?")) {
            ps.setString(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "an account for " + number);
                assertEquals(name, rs.getString(2));
                assertEquals("{CITIZEN}", rs.getString(3));
                long id = rs.getLong(1);
                assertTrue(!rs.next(), "one account");
                return id;
            }
        }
    }

    private static String unitOf(long account) throws Exception {
        try (Connection c = Fixtures.provinceScoped();
             PreparedStatement ps = c.prepareStatement("SELECT t.code FROM app_user u JOIN tenant t ON t.id = u.tenant_id WHERE u.id = ?")) {
            ps.setLong(1, account);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static void wait(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(condition);
    }
}
