package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Citizens' own accounts (issue 22), in real headless Chromium with the platform's real mail (an SMTP server in the
 * tests): signing up with an e-mail address, unusable until the mailed link is opened; a forgotten password by a
 * one-time link that expires, works once and is asked for with the same answer whether or not the address has an
 * account; the limits on how often.
 */
class CitizenAccountsBrowserIT extends InChromium {

    @Test
    void aCitizenSignsUpConfirmsTheAddressAndLogsIn() throws Exception {
        String username = "cd-" + UUID.randomUUID().toString().substring(0, 8);
        String email = username + "@example.vn";
        browser.manage().deleteAllCookies();
        browser.get(Api.baseUrl() + "/login");
        Chromium.clickAndWait(browser, browser.findElement(By.linkText("Đăng ký tài khoản")));

        // a wrong address and two passwords that differ: the form again, each message beside its field, nothing written
        browser.findElement(By.id("name")).sendKeys("Giàng Seo Phử");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("email")).sendKeys("not-an-address");
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        browser.findElement(By.id("confirm")).sendKeys(Fixtures.PASSWORD + "x");
        Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("button[type=submit]")));
        assertTrue(browser.findElement(By.id("email-error")).getText().contains("địa chỉ thư điện tử hợp lệ"));
        assertTrue(browser.findElement(By.id("confirm-error")).getText().contains("không khớp"));
        assertEquals("Giàng Seo Phử", browser.findElement(By.id("name")).getAttribute("value"), "what was typed stays");
        assertEquals(0, accounts(username), "nothing written");
        Chromium.screenshot(browser, "signup-1-refused");

        browser.findElement(By.id("email")).clear();
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        browser.findElement(By.id("confirm")).sendKeys(Fixtures.PASSWORD);
        Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("button[type=submit]")));
        assertEquals("Hãy kiểm tra hộp thư", browser.findElement(By.tagName("h1")).getText());
        assertEquals(1, accounts(username));

        // before the address is confirmed the account does not open
        assertFalse(loginWorks(username, Fixtures.PASSWORD), "unconfirmed");

        String link = linkIn(email, "/signup/confirm?token=");
        browser.get(link);
        assertEquals("Xác nhận địa chỉ thư điện tử", browser.findElement(By.tagName("h1")).getText());
        Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("button[type=submit]")));
        assertEquals("Tài khoản đã được kích hoạt", browser.findElement(By.tagName("h1")).getText());
        // the link works once
        browser.get(link);
        assertEquals("Liên kết không còn dùng được", browser.findElement(By.tagName("h1")).getText());

        Chromium.consoleErrors(browser); // what the pages before left: the refused form's 400, the used link's 410
        browser.get(Api.baseUrl() + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("button[type=submit]")));
        wait(ExpectedConditions.urlContains("/me/dossiers"));
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the citizen's first page's console");

        // the same user name again: taken, said beside the field
        browser.manage().deleteAllCookies();
        browser.get(Api.baseUrl() + "/signup?lang=en");
        browser.findElement(By.id("name")).sendKeys("Someone Else");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("email")).sendKeys("other-" + email);
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        browser.findElement(By.id("confirm")).sendKeys(Fixtures.PASSWORD);
        Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("button[type=submit]")));
        assertEquals("This user name is taken. Choose another one.", browser.findElement(By.id("username-error")).getText());
    }

    @Test
    void aForgottenPasswordByAOneTimeLinkThatExpiresAndWorksOnce() throws Exception {
        String username = Fixtures.user(Fixtures.COMMUNE, false, "CITIZEN");
        String email = username + "@example.vn";
        setEmail(username, email);
        // an address with no account and one with: the same answer
        String unknown = ask("nobody-" + UUID.randomUUID() + "@example.vn");
        String known = ask(email);
        assertEquals(unknown.replaceAll("nobody-[^ ]+@example.vn", "X"), known.replace(email, "X"), "the same answer either way");

        String link = linkIn(email, "/password/reset?token=");
        browser.manage().deleteAllCookies();
        browser.get(link);
        assertEquals("Đặt mật khẩu mới", browser.findElement(By.tagName("h1")).getText());
        browser.findElement(By.id("password")).sendKeys("short");
        browser.findElement(By.id("confirm")).sendKeys("short");
        Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("button[type=submit]")));
        assertTrue(browser.findElement(By.id("password-error")).getText().contains("10 đến 200"));
        browser.findElement(By.id("password")).sendKeys("Mat-khau-moi-2026");
        browser.findElement(By.id("confirm")).sendKeys("Mat-khau-moi-2026");
        Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("button[type=submit]")));
        assertEquals("Đã đổi mật khẩu", browser.findElement(By.tagName("h1")).getText());
        assertTrue(loginWorks(username, "Mat-khau-moi-2026"));
        assertFalse(loginWorks(username, Fixtures.PASSWORD), "the old password is gone");

        // used once: gone
        browser.get(link);
        assertEquals("Liên kết không còn dùng được", browser.findElement(By.tagName("h1")).getText());

        // a new link that expired (its time moved back): gone too, and the password unchanged
        ask(email);
        String late = linkIn(email, "/password/reset?token=");
        try (Connection c = Fixtures.provinceScoped(); PreparedStatement ps = c.prepareStatement(
                "UPDATE account_link SET expires_at = now() - interval '1 minute' WHERE user_id = (SELECT id FROM app_user WHERE username = ?) AND used_at IS NULL")) {
            ps.setString(1, username);
            assertEquals(1, ps.executeUpdate());
            c.commit();
        }
        browser.get(late);
        assertEquals("Liên kết không còn dùng được", browser.findElement(By.tagName("h1")).getText());
        assertEquals(410, post("/password/reset", "token=" + late.replaceAll(".*token=", "") + "&password=Mat-khau-khac-2026&confirm=Mat-khau-khac-2026"));
        assertTrue(loginWorks(username, "Mat-khau-moi-2026"), "still the password chosen through the first link");
    }

    @Test
    void oneAddressGetsAtMostThreeLinksAnHour() throws Exception {
        String username = Fixtures.user(Fixtures.COMMUNE, false, "CITIZEN");
        String email = username + "@example.vn";
        setEmail(username, email);
        for (int i = 0; i < 5; i++) {
            ask(email);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ProcessingIT.mails(email).size() >= 3);
        Thread.sleep(3000); // what the outbox would still send, had more been written
        assertEquals(3, ProcessingIT.mails(email).size(), "three mails, whatever was asked");
        assertEquals(3, links(username), "three links written");
    }

    /** Asks for a reset link through the form; the page's main text. */
    private static String ask(String email) {
        browser.manage().deleteAllCookies();
        browser.get(Api.baseUrl() + "/password/forgot");
        browser.findElement(By.id("email")).sendKeys(email);
        Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("button[type=submit]")));
        assertEquals("Hãy kiểm tra hộp thư", browser.findElement(By.tagName("h1")).getText());
        return browser.findElement(By.cssSelector("main")).getText();
    }

    /** The newest link of that kind mailed to an address (waiting for the outbox to send it). */
    static String linkIn(String email, String kind) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<jakarta.mail.internet.MimeMessage> mails = ProcessingIT.mails(email);
            for (int i = mails.size() - 1; i >= 0; i--) {
                String text = mails.get(i).getContent().toString();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("https?://\\S+" + java.util.regex.Pattern.quote(kind) + "\\S+").matcher(text);
                if (m.find() && !USED.contains(m.group())) {
                    USED.add(m.group());
                    return m.group();
                }
            }
            return null;
        }, java.util.Objects::nonNull);
    }

    private static final java.util.Set<String> USED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Whether a password login works (a client of its own, so the browser's session stays as it is). */
    private static boolean loginWorks(String username, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        client.send(HttpRequest.newBuilder(URI.create(Api.baseUrl() + "/login")).build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(Api.baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", Api.baseUrl())
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + java.net.URLEncoder.encode(password, "UTF-8")))
                .build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 302;
    }

    /** A form post with the session's CSRF token (from the form's page); the status. */
    private static int post(String path, String form) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String page = client.send(HttpRequest.newBuilder(URI.create(Api.baseUrl() + "/password/forgot")).build(), HttpResponse.BodyHandlers.ofString()).body();
        String csrf = Jsoup.parse(page).selectFirst("input[name=csrf]").attr("value");
        return client.send(HttpRequest.newBuilder(URI.create(Api.baseUrl() + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", Api.baseUrl()).POST(HttpRequest.BodyPublishers.ofString(form + "&csrf=" + csrf)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static long accounts(String username) throws Exception {
        return count("SELECT count(*) FROM app_user WHERE username = ?", username);
    }

    private static long links(String username) throws Exception {
        return count("SELECT count(*) FROM account_link WHERE user_id = (SELECT id FROM app_user WHERE username = ?)", username);
    }

    private static void setEmail(String username, String email) throws Exception {
        try (Connection c = Fixtures.provinceScoped(); PreparedStatement ps = c.prepareStatement("UPDATE app_user SET email = ? WHERE username = ?")) {
            ps.setString(1, email);
            ps.setString(2, username);
            assertEquals(1, ps.executeUpdate());
            c.commit();
        }
    }

    /** A count over every unit (the administrative login: whichever province the account went to). */
    private static long count(String sql, String arg) throws Exception {
        try (Connection c = Fixtures.db().server().admin(ItEnvironment.platform().settings().database()); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void wait(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition);
    }
}
