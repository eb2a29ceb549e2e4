package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real headless Chromium: the unit page with its skip link reached by keyboard, the login
 * form with a wrong and then a right password. Screenshots go to target/screenshots. Skipped (and reported
 * as skipped) where Chromium and its driver are not installed; CI installs them.
 */
class BrowserIT extends DeployedEar {
    static WebDriver browser;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start("1280,900");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theUnitPageIsInVietnameseAndItsSkipLinkWorksFromTheKeyboard() throws Exception {
        browser.get(Api.baseUrl() + "/t/" + Fixtures.DISTRICT + "/");
        assertEquals("Huyện Bát Xát", browser.getTitle());
        assertEquals("vi", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("Huyện Bát Xát", browser.findElement(By.tagName("h1")).getText());
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        var focused = browser.switchTo().activeElement();
        assertEquals("Bỏ qua, đến nội dung chính", focused.getText(), "the first Tab reaches the skip link");
        focused.sendKeys(Keys.ENTER);
        assertTrue(browser.getCurrentUrl().endsWith("#main"));
        screenshot("unit-page");
        browser.findElement(By.linkText("Xã Quang Kim")).click();
        assertEquals("Xã Quang Kim", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.getPageSource().contains("Đơn vị cấp trên"));
    }

    @Test
    void aWrongPasswordReShowsTheFormInVietnameseAndTheRightOneLeadsHome() throws Exception {
        String user = Fixtures.staff(Fixtures.COMMUNE);
        submitLogin("/login", user, "sai-mat-khau-roi");
        String error = browser.findElement(By.cssSelector("[role=alert]")).getText();
        assertEquals("Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang bị khoá tạm thời (sau 5 lần sai liên tiếp, 15 phút).", error);
        assertEquals(user, browser.findElement(By.id("username")).getAttribute("value"), "the username is kept");
        screenshot("login-wrong-password");

        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        clickAndWait(browser.findElement(By.cssSelector("button[type=submit]")));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/t/" + Fixtures.COMMUNE + "/"));
        assertTrue(browser.getPageSource().contains("Đang đăng nhập: Người dùng thử " + user), browser.getPageSource());
        screenshot("logged-in-unit-page");
        clickAndWait(browser.findElement(By.linkText("Đăng xuất")));
        assertTrue(browser.getPageSource().contains("Đăng nhập"));
    }

    @Test
    void aOneTimePasswordLeadsToThePageWhereTheUserChoosesTheirOwn() throws Exception {
        Api province = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"), Fixtures.PASSWORD);
        String code = "xa-mk-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = province.post("/api/t/" + Fixtures.DISTRICT + "/units", """
                {"code":"%s","name":"Xã Mật Khẩu %s","kind":"commune","firstAdmin":{"username":"qt.%s","displayName":"Anh Quản Trị"}}
                """.formatted(code, code, code));
        assertEquals(201, created.status(), created.toString());
        String oneTime = created.json().getJsonObject("firstAdmin").getString("oneTimePassword");

        browser.manage().deleteAllCookies();
        browser.get(Api.baseUrl() + "/login");
        browser.findElement(By.id("username")).sendKeys("qt." + code);
        browser.findElement(By.id("password")).sendKeys(oneTime);
        clickAndWait(browser.findElement(By.cssSelector("button[type=submit]")));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/me/password"));
        assertEquals("Đặt mật khẩu mới", browser.findElement(By.tagName("h1")).getText());

        browser.findElement(By.id("current")).sendKeys(oneTime);
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        browser.findElement(By.id("confirm")).sendKeys(Fixtures.PASSWORD + "khac");
        clickAndWait(browser.findElement(By.cssSelector("button[type=submit]")));
        assertEquals("Hai lần nhập mật khẩu mới không khớp nhau.", browser.findElement(By.id("error")).getText());
        screenshot("password-mismatch");

        browser.findElement(By.id("current")).sendKeys(oneTime);
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        browser.findElement(By.id("confirm")).sendKeys(Fixtures.PASSWORD);
        clickAndWait(browser.findElement(By.cssSelector("button[type=submit]")));
        assertEquals("Đã đổi mật khẩu", browser.findElement(By.tagName("h1")).getText());
        screenshot("password-changed");

        clickAndWait(browser.findElement(By.linkText("Đăng nhập")));
        browser.findElement(By.id("username")).sendKeys("qt." + code);
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        clickAndWait(browser.findElement(By.cssSelector("button[type=submit]")));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/t/" + code + "/"));
        browser.get(Api.baseUrl() + "/t/" + code + "/admin/");
        assertEquals(200, Api.as("qt." + code, Fixtures.PASSWORD).get("/api/t/" + code + "/settings").status(),
                "the chosen password is a working one");
        assertTrue(browser.getPageSource().contains("Xã Mật Khẩu " + code), "the admin pages open now");
    }

    @Test
    void aUserMakesAnApiTokenSeesItOnceAndRevokesIt() throws Exception {
        String user = Fixtures.staff(Fixtures.COMMUNE);
        submitLogin("/login?from=/me/tokens", user, Fixtures.PASSWORD);
        browser.get(Api.baseUrl() + "/me/tokens");
        assertEquals("Mã truy cập API", browser.findElement(By.tagName("h1")).getText());
        assertEquals("Bạn chưa có mã truy cập nào.", browser.findElement(By.id("none")).getText());

        // refused beside its field, values kept, nothing made
        browser.findElement(By.id("name")).sendKeys("Kết nối phần mềm kế toán");
        browser.findElement(By.id("days")).clear();
        browser.findElement(By.id("days")).sendKeys("400");
        clickAndWait(browser.findElement(By.id("make")));
        assertEquals("Thời hạn từ 1 đến 365 ngày.", browser.findElement(By.id("days-error")).getText());
        assertEquals("Kết nối phần mềm kế toán", browser.findElement(By.id("name")).getAttribute("value"));
        assertEquals("400", browser.findElement(By.id("days")).getAttribute("value"));
        assertEquals(0, Api.as(user, Fixtures.PASSWORD).get("/api/me/tokens").array().size());
        screenshot("tokens-1-refused");

        browser.findElement(By.id("days")).clear();
        browser.findElement(By.id("days")).sendKeys("30");
        clickAndWait(browser.findElement(By.id("make")));
        String token = browser.findElement(By.id("token")).getText();
        assertTrue(token.startsWith("egov_") && token.length() == 48, token);
        assertTrue(browser.findElement(By.id("made")).getText().contains("mã chỉ hiện một lần"));
        assertEquals("đang dùng", browser.findElement(By.cssSelector("#tokens td.state")).getText());
        screenshot("tokens-2-made");
        assertEquals(200, Api.bearer(token).get("/api/me").status(), "the token shown works");

        browser.get(Api.baseUrl() + "/me/tokens");
        assertTrue(browser.findElements(By.id("token")).isEmpty(), "shown once only");
        assertTrue(!browser.getPageSource().contains(token.substring(5, 40)), "the secret is not on the page any more");
        // someone else's token, by a doctored form: the page again with the message, their token untouched
        String other = Fixtures.staff(Fixtures.COMMUNE);
        jakarta.json.JsonObject theirs = Api.as(other, Fixtures.PASSWORD).post("/api/me/tokens", "{\"name\":\"Của người khác\"}").json();
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].form.action = '/me/tokens/" + theirs.getInt("id")
                + "/revoke'", browser.findElement(By.cssSelector("#tokens button.revoke")));
        clickAndWait(browser.findElement(By.cssSelector("#tokens button.revoke")));
        assertEquals("Mã truy cập API", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElement(By.id("error")).isDisplayed());
        assertEquals(200, Api.bearer(theirs.getString("token")).get("/api/me").status(), "their token still works");
        assertEquals("đang dùng", browser.findElement(By.cssSelector("#tokens td.state")).getText(), "and ours too, so far");

        clickAndWait(browser.findElement(By.cssSelector("#tokens button.revoke")));
        assertEquals("Đã thu hồi mã truy cập.", browser.findElement(By.id("revoked")).getText());
        assertEquals("đã thu hồi bởi " + user, browser.findElement(By.cssSelector("#tokens td.state")).getText());
        screenshot("tokens-3-revoked");
        Api.Response refused = Api.bearer(token).get("/api/me");
        assertEquals(401, refused.status());
        assertEquals("urn:egov:problem:token-revoked", refused.json().getString("type"));
    }

    /** Clicks something that loads a new page and waits until the old page is gone (no reading the old one). */
    /** A fresh browser (no cookies) sends the login form at {@code path} with these credentials. */
    private static void submitLogin(String path, String user, String password) {
        browser.manage().deleteAllCookies();
        browser.get(Api.baseUrl() + path);
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        clickAndWait(browser.findElement(By.cssSelector("button[type=submit]")));
    }

    private static void clickAndWait(org.openqa.selenium.WebElement e) {
        Chromium.clickAndWait(browser, e);
    }

    private static void screenshot(String name) throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("egov.screenshots", "target/screenshots")));
        Path shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
