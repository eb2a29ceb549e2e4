package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.egov.it.Fixtures.COMMUNE;
import static vn.egov.it.Fixtures.COUSIN_DISTRICT;
import static vn.egov.it.Fixtures.DISTRICT;
import static vn.egov.it.Fixtures.PASSWORD;
import static vn.egov.it.Fixtures.PROVINCE;
import static vn.egov.it.Fixtures.SIBLING_COMMUNE;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The tenant-admin pages in a real headless Chromium: a province administrator creates a sub-unit through the
 * form (after a bad input is re-shown), imports units from a CSV with a progress bar, suspends and reactivates
 * a unit, filters the audit trail, manages users and settings; a unit administrator cannot open a sibling's
 * pages; a form without its CSRF token is refused. Screenshots go to target/screenshots. Names are unique per
 * run (the test database keeps earlier runs' data).
 */
class AdminUiIT extends DeployedEar {
    static WebDriver browser;
    static String provinceAdmin;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start("1280,1000");
        provinceAdmin = Fixtures.user(PROVINCE, true, "PROVINCE_ADMIN");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    // ---------------------------------------------------------------- creating a unit through the form

    @Test
    void aProvinceAdminCreatesASubUnitThroughTheFormAndBadInputIsReShownInVietnamese() throws Exception {
        logIn(provinceAdmin);
        Chromium.consoleErrors(browser); // what the pages before left
        open("/t/" + DISTRICT + "/admin/");
        assertEquals("vi", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("Huyện Bát Xát", text("h1"));
        assertTrue(text("#sub-units").contains("Xã Quang Kim"), "the sub-units are listed");
        assertTrue(browser.findElement(By.cssSelector("nav.admin")).getText().contains("Nhật ký"));
        screenshot("admin-overview");

        clickAndWait(browser.findElement(By.cssSelector("nav.admin")).findElement(By.linkText("Tạo đơn vị trực thuộc")));
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String name = "Xã Giao Diện Thử " + tag;
        String admin = "qt-ui-" + tag;
        new Select(browser.findElement(By.id("kind"))).selectByValue("commune");
        type("name", name);
        type("code", "xã-có-dấu");
        type("email", "khong-phai-thu");
        type("adminUsername", "A");
        type("adminDisplayName", "Quản trị Giao Diện");
        submit();

        assertTrue(text("#form-error").contains("Không có gì được lưu"), text("#form-error"));
        assertTrue(text("#code-error").startsWith("Mã đơn vị chỉ gồm chữ thường không dấu"), text("#code-error"));
        assertEquals("Thư điện tử không hợp lệ", text("#email-error"));
        assertTrue(text("#adminUsername-error").startsWith("Tên đăng nhập:"), text("#adminUsername-error"));
        assertEquals(name, value("name"), "the user's values are kept");
        assertEquals("xã-có-dấu", value("code"));
        assertEquals("khong-phai-thu", value("email"));
        assertEquals("commune", new Select(browser.findElement(By.id("kind"))).getFirstSelectedOption().getAttribute("value"));
        assertEquals("true", browser.findElement(By.id("code")).getAttribute("aria-invalid"));
        assertFalse(browser.findElements(By.id("name-error")).iterator().hasNext(), "a right field has no message");
        // pages of the desk made from templates: under the strict content security policy, not one violation or error
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the overview's and the new unit form's console");
        screenshot("admin-new-unit-invalid");
        String code = "xa-giao-dien-thu-" + tag;
        assertEquals(404, Api.anonymous().get("/api/tenants/" + code).status(), "nothing was created");

        // the code left empty is derived from the name
        type("code", "");
        type("email", "ubnd." + tag + "@example.vn");
        type("adminUsername", admin);
        type("phone", "0214 3880 000");
        submit();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/t/" + DISTRICT + "/admin/"));
        assertTrue(text("#flash").contains("Đã tạo đơn vị " + name), text("#flash"));
        assertEquals(admin, text("#first-admin"));
        String oneTime = text("#one-time-password");
        assertEquals(16, oneTime.length(), oneTime);
        assertTrue(text("#sub-units").contains(name));
        screenshot("admin-new-unit-created");

        JsonObject unit = Api.anonymous().get("/api/tenants/" + code).json();
        assertEquals(DISTRICT, unit.getString("parent"));
        assertEquals("commune", unit.getString("kind"));
        assertEquals(code, Api.as(admin, oneTime).get("/api/me").json().getString("unit"), "the one-time password shown works");
        browser.navigate().refresh();
        assertTrue(browser.findElements(By.id("one-time-password")).isEmpty(), "the password is shown once only");
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the overview's console");

        // in English on request
        open("/t/" + DISTRICT + "/admin/units/new?lang=en");
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("New unit under Huyện Bát Xát", text("h1"));
        type("name", "Xã English " + tag);
        type("code", "Bad Code");
        submit();
        assertTrue(browser.getCurrentUrl().endsWith("?lang=en"), browser.getCurrentUrl());
        assertTrue(text("#code-error").startsWith("Code: lower-case letters"), text("#code-error"));
        assertEquals("Xã English " + tag, value("name"));
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the English form's console");

        // the language asked for is kept (the platform's resolver remembers it) until the switch says otherwise
        open("/t/" + DISTRICT + "/admin/units/new");
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"), "English kept without ?lang");
        Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("a[lang=vi]")));
        assertEquals("vi", browser.findElement(By.tagName("html")).getAttribute("lang"), "the switch back to Vietnamese");

        // a code that is taken: the form again, with the reason at the field
        open("/t/" + DISTRICT + "/admin/units/new");
        assertEquals("vi", browser.findElement(By.tagName("html")).getAttribute("lang"), "Vietnamese kept");
        type("name", "Xã Trùng " + tag);
        type("code", code);
        type("adminUsername", admin + "-2");
        type("adminDisplayName", "Quản trị Trùng");
        submit();
        assertTrue(text("#code-error").contains("Đã có mã đơn vị này"), text("#code-error"));
        assertEquals(code, value("code"));
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the refused form's console");
    }

    // ---------------------------------------------------------------- importing a CSV

    @Test
    void aCsvImportListsEveryBadLineThenCreatesTheUnitsWithAProgressBarAndSkipsThemOnTheSecondRun() throws Exception {
        logIn(provinceAdmin);
        int base = Fixtures.freeGsoCodes(70000, 2900, 10);
        String tag = Integer.toString(base);
        Path bad = csv("gso_code,name,unit_type,level,parent_gso_code\n"
                + base + ",Xã Có Cha Lạ " + tag + ",Xã,commune,99999\n"
                + (base + 1) + ",,Xã,commune,\n"
                + (base + 2) + ",Xã Đúng " + tag + ",Xã,commune,\n");
        Chromium.consoleErrors(browser); // what the pages before left
        open("/t/" + DISTRICT + "/admin/import");
        browser.findElement(By.id("file")).sendKeys(bad.toString());
        submit();
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the import form's console");
        List<WebElement> lines = browser.findElements(By.cssSelector("#bad-lines tbody tr"));
        assertEquals(2, lines.size(), text("#bad-lines"));
        assertTrue(lines.get(0).getText().startsWith("2 "), lines.get(0).getText());
        assertTrue(lines.get(0).getText().contains("Không có đơn vị cấp trên mã GSO 99999"), lines.get(0).getText());
        assertTrue(lines.get(1).getText().startsWith("3 Thiếu tên đơn vị"), lines.get(1).getText());
        assertTrue(text("#import-invalid").contains("không có đơn vị nào được tạo"), text("#import-invalid"));
        screenshot("admin-import-invalid");
        assertEquals(404, Api.anonymous().get("/api/tenants/xa-dung-" + tag).status(), "nothing was created");

        // a good file: a commune under a new town, listed child first, plus a ward
        Path good = csv("\uFEFF# thử nhập từ trang quản trị\ngso_code,name,unit_type,level,parent_gso_code\n"
                + (base + 1) + ",Xã Nhập Trang " + tag + ",Xã,commune," + base + "\n"
                + base + ",Thị xã Nhập Trang " + tag + ",Thị xã,district,\n"
                + (base + 2) + ",Phường Nhập Trang " + tag + ",Phường,commune," + base + "\n");
        open("/t/" + DISTRICT + "/admin/import");
        browser.findElement(By.id("file")).sendKeys(good.toString());
        submit();
        assertEquals("3", text("#to-create"));
        WebElement bar = browser.findElement(By.id("progress"));
        assertEquals("3", bar.getAttribute("max"));
        assertEquals("0", bar.getAttribute("value"));
        browser.findElement(By.id("start")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> "3".equals(d.findElement(By.id("progress")).getAttribute("value"))
                || d.findElement(By.id("import-error")).isDisplayed());
        assertFalse(browser.findElement(By.id("import-error")).isDisplayed(), text("#import-error"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("import-done")));
        assertEquals("3", text("#done"));
        assertEquals("3", text("#created"));
        assertEquals("Hoàn tất: 3 đơn vị được tạo, 0 đơn vị đã có.", text("#import-done"));
        List<WebElement> passwords = browser.findElements(By.cssSelector("#passwords tbody tr"));
        assertEquals(3, passwords.size());
        // the page's script is a file of its own, under the strict content security policy
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the import plan's console");
        screenshot("admin-import-done");

        String town = "thi-xa-nhap-trang-" + tag;
        JsonObject created = Api.anonymous().get("/api/tenants/" + town).json();
        assertEquals(DISTRICT, created.getString("parent"));
        assertEquals(2, created.getJsonArray("children").size(), "the commune and the ward went under the town");
        assertEquals(town, passwords.get(0).findElements(By.tagName("td")).get(0).getText(), "parents first");
        List<WebElement> first = passwords.get(0).findElements(By.tagName("td"));
        assertEquals("qt." + town, first.get(1).getText());
        assertEquals(200, Api.as(first.get(1).getText(), first.get(2).getText()).get("/api/me").status(), "the listed password works");

        // the same file again: everything is there, nothing to create
        open("/t/" + DISTRICT + "/admin/import");
        browser.findElement(By.id("file")).sendKeys(good.toString());
        submit();
        assertEquals("0", text("#to-create"));
        assertEquals("3", text("#existing"));
        assertTrue(browser.findElements(By.id("start")).isEmpty());
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the empty plan's console");
        Files.deleteIfExists(bad);
        Files.deleteIfExists(good);
    }

    /** The import page can give each first administrator an invitation link instead of a one-time password (the CLI's --invite). */
    @Test
    void aCsvImportCanInviteTheFirstAdministratorsInsteadOfGivingPasswords() throws Exception {
        logIn(provinceAdmin);
        int base = Fixtures.freeGsoCodes(73000, 2900, 10);
        String tag = Integer.toString(base);
        Path file = csv("gso_code,name,unit_type,level,parent_gso_code\n" + base + ",Xã Mời Quản Trị " + tag + ",Xã,commune,\n");
        open("/t/" + DISTRICT + "/admin/import");
        browser.findElement(By.id("file")).sendKeys(file.toString());
        submit();
        browser.findElement(By.id("with-invitations")).click();
        browser.findElement(By.id("start")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.visibilityOfElementLocated(By.id("import-done")));
        assertEquals("Liên kết mời", text("#secret-column"));
        List<WebElement> cells = browser.findElements(By.cssSelector("#passwords tbody tr")).get(0).findElements(By.tagName("td"));
        String admin = cells.get(1).getText();
        String link = cells.get(2).getText();
        assertTrue(link.matches("https?://[^/]+/invitation/[A-Za-z0-9_-]{43}"), link);
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the import plan's console");
        screenshot("admin-import-invitations");

        // the invitee opens the link, chooses a password, and logs in with it
        browser.manage().deleteAllCookies();
        browser.get(link);
        browser.findElement(By.id("password")).sendKeys("Mat-khau-cua-toi-1");
        browser.findElement(By.id("confirm")).sendKeys("Mat-khau-cua-toi-1");
        clickAndWait(browser.findElement(By.cssSelector("button[type=submit]")));
        assertEquals(200, Api.as(admin, "Mat-khau-cua-toi-1").get("/api/me").status(), "the invitation's password works");
        logIn(provinceAdmin);
        Files.deleteIfExists(file);
    }

    // ---------------------------------------------------------------- suspend, reactivate, audit

    @Test
    void suspendingAndReactivatingFromTheOverviewIsAuditedAndTheAuditFilters() throws Exception {
        String code = createUnit(Api.as(provinceAdmin, PASSWORD), DISTRICT);
        logIn(provinceAdmin);
        Chromium.consoleErrors(browser); // what the pages before left
        open("/t/" + DISTRICT + "/admin/");
        clickAndWait(row(code).findElement(By.cssSelector("button[value=suspend]")));
        // one click suspends nothing: the question first, saying what suspending does; "no" goes back, nothing changed
        assertEquals("Tạm dừng hoạt động của Xã Thử Giao Diện " + code + "?", text("h1"));
        assertTrue(text("#consequences").contains("không đăng nhập được"), text("#consequences"));
        assertEquals("active", Api.anonymous().get("/api/tenants/" + code).json().getString("status"));
        screenshot("admin-suspend-question");
        clickAndWait(browser.findElement(By.id("cancel-suspend")));
        assertEquals("active", Api.anonymous().get("/api/tenants/" + code).json().getString("status"));
        clickAndWait(row(code).findElement(By.cssSelector("button[value=suspend]")));
        clickAndWait(browser.findElement(By.id("confirm-suspend")));
        assertTrue(text("#flash").startsWith("Đã tạm dừng hoạt động: Xã Thử Giao Diện " + code), text("#flash"));
        assertEquals("Tạm dừng", row(code).findElement(By.className("status-suspended")).getText());
        assertEquals("suspended", Api.anonymous().get("/api/tenants/" + code).json().getString("status"));
        screenshot("admin-suspended");
        clickAndWait(row(code).findElement(By.cssSelector("button[value=reactivate]")));
        assertTrue(text("#flash").startsWith("Đã cho hoạt động trở lại"), text("#flash"));
        assertEquals("active", Api.anonymous().get("/api/tenants/" + code).json().getString("status"));

        // the overview is made from templates: under the strict content security policy, not one violation or error
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the overview's console");
        open("/t/" + DISTRICT + "/admin/audit");
        new Select(browser.findElement(By.id("action"))).selectByValue("unit.suspended");
        type("actor", provinceAdmin);
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        type("from", today);
        submit();
        List<WebElement> rows = browser.findElements(By.cssSelector("#audit tbody tr"));
        assertFalse(rows.isEmpty());
        for (WebElement r : rows) {
            assertEquals("unit.suspended", r.findElement(By.cssSelector("td[data-action]")).getAttribute("data-action"));
            assertTrue(r.getText().startsWith(provinceAdmin + " " + today + " "), r.getText());
        }
        assertTrue(rows.stream().anyMatch(r -> r.getText().contains(code) && r.getText().contains("{\"status\":\"suspended\"}")),
                text("#audit"));
        assertTrue(browser.getCurrentUrl().contains("action=unit.suspended"), "a GET form: the filter is in the address");
        screenshot("admin-audit-filtered");

        type("from", "2026-11-01");
        submit();
        assertEquals("Ngày phải theo dạng dd/MM/yyyy, ví dụ 26/11/2026.", text("#from-error"));
        assertEquals("2026-11-01", value("from"), "the bad date is shown again");
        assertEquals(provinceAdmin, value("actor"));
        assertTrue(browser.findElements(By.id("audit")).isEmpty());
        screenshot("admin-audit-bad-date");

        open("/t/" + DISTRICT + "/admin/audit?lang=en");
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("Audit trail", text("h1"));
        // a page of the desk made from templates: under the strict content security policy, not one violation or error
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the audit pages' console");
    }

    // ---------------------------------------------------------------- who sees what

    @Test
    void aUnitAdminOpensTheirOwnUnitsPagesButNotASiblings() throws Exception {
        String communeAdmin = Fixtures.user(COMMUNE, false, "UNIT_ADMIN");
        logIn(communeAdmin);
        open("/t/" + COMMUNE + "/admin/");
        assertEquals("Xã Quang Kim", text("h1"));
        assertTrue(browser.findElements(By.cssSelector("button[value=suspend]")).isEmpty(), "a unit does not suspend itself");
        open("/t/" + SIBLING_COMMUNE + "/admin/");
        assertEquals("Không có quyền", text("h1"));
        assertTrue(text("[role=alert]").contains("không có quyền"), text("[role=alert]"));
        assertFalse(browser.getPageSource().contains("sub-units"));
        screenshot("admin-sibling-forbidden");

        Api session = session(communeAdmin);
        assertEquals(200, session.get("/t/" + COMMUNE + "/admin/users", "text/html").status());
        Api.Response noSlash = session.get("/t/" + COMMUNE + "/admin", "text/html");
        assertEquals(200, noSlash.status(), noSlash.toString());
        assertTrue(noSlash.body().contains("<h1>Xã Quang Kim</h1>"), noSlash.body());
        for (String page : List.of("", "users", "settings", "audit", "units/new", "import")) {
            Api.Response r = session.get("/t/" + SIBLING_COMMUNE + "/admin/" + page, "text/html");
            assertEquals(403, r.status(), page + ": " + r);
            assertTrue(r.contentType().startsWith("text/html"), r.contentType());
        }
        assertEquals(403, session.get("/t/" + DISTRICT + "/admin/", "text/html").status(), "nor the level above");
        assertEquals(404, session.get("/t/khong-co-don-vi-nay/admin/", "text/html").status());

        // subtree rights reach the district's communes, not the next district's
        Api district = session(Fixtures.user(DISTRICT, true, "UNIT_ADMIN"));
        assertEquals(200, district.get("/t/" + COMMUNE + "/admin/audit", "text/html").status());
        assertEquals(403, district.get("/t/" + COUSIN_DISTRICT + "/admin/", "text/html").status());
        assertEquals(302, Api.browser().get("/t/" + COMMUNE + "/admin/", "text/html").status(), "anonymous: to the login form");
    }

    // ---------------------------------------------------------------- the fee account

    @Test
    void aUnitAdminSetsTheUnitsFeeAccountAndBadInputIsReShownInVietnamese() throws Exception {
        String here = PortalIT.commune("xa-tai-khoan-trang");
        logIn(Fixtures.user(here, false, "UNIT_ADMIN"));
        open("/t/" + here + "/admin/payment-account");
        assertEquals("Tài khoản thu phí, lệ phí", text("h1"));
        assertTrue(text("#current").contains("chưa có tài khoản riêng"), text("#current"));
        type("bin", "97A");
        type("account", "123");
        type("name", " ");
        Chromium.clickAndWait(browser, browser.findElement(By.id("save-account")));
        assertTrue(text("#form-error").contains("Không có gì được lưu"), text("#form-error"));
        assertTrue(text("#bin-error").contains("6 chữ số"), text("#bin-error"));
        assertTrue(text("#account-error").contains("6 đến 19 chữ số"), text("#account-error"));
        assertTrue(text("#name-error").contains("tên chủ tài khoản"), text("#name-error"));
        assertEquals("97A", value("bin"), "what was typed is kept");
        assertTrue(text("#current").contains("chưa có tài khoản riêng"), "nothing saved");
        screenshot("admin-fee-account-invalid");

        type("bin", "970415");
        type("account", "113000000456");
        type("name", "UBND XÃ TÀI KHOẢN TRANG");
        Chromium.clickAndWait(browser, browser.findElement(By.id("save-account")));
        assertTrue(text("#flash").contains("Đã lưu tài khoản"), text("#flash"));
        assertTrue(text("#current").contains("113000000456") && text("#current").contains("UBND XÃ TÀI KHOẢN TRANG"), text("#current"));
        screenshot("admin-fee-account-saved");
    }

    // ---------------------------------------------------------------- CSRF

    @Test
    void aPostWithoutTheRightFormTokenIsRefusedAndChangesNothing() throws Exception {
        String code = createUnit(Api.as(provinceAdmin, PASSWORD), DISTRICT);
        Api session = session(provinceAdmin);
        for (String body : List.of("back=parent", "back=parent&csrf=", "back=parent&csrf=sai-ma-bao-ve")) {
            Api.Response r = session.send("POST", "/t/" + code + "/admin/suspend", body, "application/x-www-form-urlencoded", "text/html");
            assertEquals(403, r.status(), body + ": " + r);
            assertTrue(r.body().contains("Yêu cầu bị từ chối") && r.body().contains("Không có gì được thay đổi"), r.body());
        }
        assertEquals("active", Api.anonymous().get("/api/tenants/" + code).json().getString("status"));
        Api.Response noToken = session.send("POST", "/t/" + DISTRICT + "/admin/users", "username=khong-csrf&displayName=X&roles=STAFF",
                "application/x-www-form-urlencoded", "text/html");
        assertEquals(403, noToken.status());

        // in the browser: the page's own form with its token removed
        logIn(provinceAdmin);
        open("/t/" + DISTRICT + "/admin/");
        WebElement form = row(code).findElement(By.tagName("form"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].querySelector('input[name=csrf]').remove()", form);
        clickAndWait(form.findElement(By.tagName("button")));
        assertEquals("Yêu cầu bị từ chối", text("h1"));
        assertTrue(text("[role=alert]").contains("thiếu mã chống giả mạo"), text("[role=alert]"));
        screenshot("admin-csrf-refused");
        assertEquals("active", Api.anonymous().get("/api/tenants/" + code).json().getString("status"), "nothing changed");
        // a token from another session is no better
        String otherToken = session.get("/t/" + DISTRICT + "/admin/settings", "text/html").body()
                .replaceAll("(?s).*name=\"csrf\" value=\"([^\"]+)\".*", "$1");
        open("/t/" + DISTRICT + "/admin/");
        ((JavascriptExecutor) browser).executeScript("arguments[0].querySelector('input[name=csrf]').value = arguments[1]",
                row(code).findElement(By.tagName("form")), otherToken);
        clickAndWait(row(code).findElement(By.tagName("button")));
        assertEquals("Yêu cầu bị từ chối", text("h1"));
        assertEquals("active", Api.anonymous().get("/api/tenants/" + code).json().getString("status"));
    }

    // ---------------------------------------------------------------- users and settings

    @Test
    void usersAreAddedAndChangedAndAConcurrentSettingsChangeIsExplained() throws Exception {
        Api province = Api.as(provinceAdmin, PASSWORD);
        String code = createUnit(province, DISTRICT);
        logIn(provinceAdmin);
        Chromium.consoleErrors(browser); // what the pages before left
        open("/t/" + code + "/admin/users");
        type("username", "Sai Tên");
        type("displayName", "Cán bộ Một");
        submit();
        assertTrue(text("#username-error").startsWith("Tên đăng nhập:"), text("#username-error"));
        assertEquals("Cán bộ Một", value("displayName"));
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the refused users form's console");
        String username = "cb-" + UUID.randomUUID().toString().substring(0, 6);
        type("username", username);
        submit();
        assertTrue(text("#flash").contains("Đã tạo người dùng " + username), text("#flash"));
        assertEquals(16, text("#one-time-password").length());
        assertTrue(row(username, "data-username").getText().contains("Cán bộ"));
        clickAndWait(row(username, "data-username").findElement(By.linkText("Sửa")));
        browser.findElement(By.id("roles-UNIT_ADMIN")).click();
        submit();
        assertTrue(text("#flash").contains("Đã lưu thay đổi của người dùng " + username), text("#flash"));
        assertTrue(row(username, "data-username").findElement(By.className("roles")).getText().contains("Quản trị đơn vị"));
        screenshot("admin-users");

        open("/t/" + code + "/admin/settings");
        int version = Integer.parseInt(browser.findElement(By.id("version")).getAttribute("value"));
        type("displayName", "UBND Xã Thử " + code);
        type("shortName", "UBND xã");
        submit();
        assertEquals("Đã lưu cấu hình của đơn vị.", text("#flash"));
        assertEquals("UBND Xã Thử " + code, value("displayName"));
        int read = Integer.parseInt(browser.findElement(By.id("version")).getAttribute("value"));
        assertTrue(read > version);

        // someone else saves between this read and the submit
        Api.Response other = province.put("/api/t/" + code + "/settings", "{\"displayName\":\"Tên của người khác\",\"defaultLanguage\":\"vi\",\"version\":"
                + read + "}");
        assertEquals(200, other.status(), other.toString());
        type("displayName", "Tên của tôi");
        submit();
        assertTrue(text("#form-error").contains("đã được người khác thay đổi sau khi bạn mở nó"), text("#form-error"));
        assertEquals("Tên của tôi", value("displayName"), "what the user typed is kept");
        screenshot("admin-settings-conflict");
        assertEquals("Tên của người khác", province.get("/api/t/" + code + "/settings").json().getString("displayName"),
                "the other change stands");
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the users and settings pages' console");
    }

    @Test
    void aUnitAdministratorRevokesAStaffMembersApiTokenOnTheUsersPage() throws Exception {
        String staff = Fixtures.staff(COMMUNE);
        JsonObject made = Api.as(staff, PASSWORD).post("/api/me/tokens", "{\"name\":\"Phần mềm kế toán\",\"days\":30}").json();
        String token = made.getString("token");
        String mine = "#tokens tr[data-id='" + made.getInt("id") + "'] ";
        String admin = Fixtures.user(COMMUNE, false, "UNIT_ADMIN");
        logIn(admin);
        Chromium.consoleErrors(browser); // what the pages before left
        open("/t/" + COMMUNE + "/admin/users/" + staff);
        assertEquals("Mã truy cập API", text("main h2"));
        assertEquals("Phần mềm kế toán", text(mine + "td"));
        assertEquals("đang dùng", text(mine + "td.state"));
        assertFalse(browser.getPageSource().contains(token.substring(5, 40)), "never the secret");

        // a doctored form naming another user's token: the page again with the message, their token untouched
        JsonObject theirs = Api.as(Fixtures.staff(COMMUNE), PASSWORD).post("/api/me/tokens", "{\"name\":\"Của người khác\"}").json();
        ((JavascriptExecutor) browser).executeScript("arguments[0].form.action = arguments[0].form.action.replace(/tokens\\/[0-9]+/, 'tokens/"
                + theirs.getInt("id") + "')", browser.findElement(By.cssSelector(mine + "button.revoke")));
        clickAndWait(browser.findElement(By.cssSelector(mine + "button.revoke")));
        assertTrue(text("#form-error").contains("Không tìm thấy"), text("#form-error"));
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the user's refused page's console");
        assertEquals(200, Api.bearer(theirs.getString("token")).get("/api/me").status(), "their token still works");
        assertEquals(200, Api.bearer(token).get("/api/me").status(), "and this one too, so far");

        clickAndWait(browser.findElement(By.cssSelector(mine + "button.revoke")));
        assertTrue(text("#flash").contains("Đã thu hồi mã truy cập «Phần mềm kế toán» của người dùng " + staff), text("#flash"));
        assertEquals("đã thu hồi bởi " + admin, text(mine + "td.state"));
        assertTrue(browser.findElements(By.cssSelector(mine + "button.revoke")).isEmpty());
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", browser.findElement(By.id("tokens")));
        screenshot("admin-user-token-revoked");
        Api.Response refused = Api.bearer(token).get("/api/me");
        assertEquals(401, refused.status(), refused.toString());
        assertEquals("urn:egov:problem:token-revoked", refused.json().getString("type"));
        open("/t/" + COMMUNE + "/admin/users/" + staff + "?lang=en");
        assertEquals("API tokens", text("main h2"));
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the user's page's console");
    }

    // ---------------------------------------------------------------- the working days and an invitation

    @Test
    void theWorkingDaysAndTheInvitationPagesHoldTheStrictPolicy() throws Exception {
        logIn(provinceAdmin);
        Chromium.consoleErrors(browser); // what the pages before left
        open("/t/" + PROVINCE + "/admin/calendar?year=2093");
        assertEquals("Lịch làm việc năm 2093", text("main h1"));
        assertFalse(browser.findElements(By.id("days")).isEmpty(), "the province's administrators get the form");
        open("/t/" + PROVINCE + "/admin/calendar?year=2093&lang=en");
        assertEquals("Working days 2093", text("main h1"));
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the working days' console");

        // an invited first administrator chooses a password on the invitation page (the bare layout)
        String code = "xa-moi-ui-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response made = Api.as(provinceAdmin, PASSWORD).post("/api/t/" + COUSIN_DISTRICT + "/units", """
                {"code":"%s","name":"Xã Mời %s","kind":"commune","firstAdmin":{"username":"qt.%s","displayName":"Chị Mời","invite":true}}
                """.formatted(code, code, code));
        assertEquals(201, made.status(), made.toString());
        String link = java.net.URI.create(made.json().getJsonObject("firstAdmin").getJsonObject("invitation").getString("url")).getPath();
        browser.manage().deleteAllCookies();
        open(link);
        assertEquals("Chọn mật khẩu", text("h1"));
        assertTrue(text("main").contains("qt." + code), text("main"));
        type("password", PASSWORD);
        type("confirm", PASSWORD + "x");
        submit();
        assertEquals("Hai lần nhập mật khẩu không khớp nhau.", text("#error"));
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the invitation page's console");
        type("password", PASSWORD);
        type("confirm", PASSWORD);
        submit();
        assertEquals("Đã đặt mật khẩu", text("h1"));
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the password set page's console");
    }

    // ---------------------------------------------------------------- helpers

    private static String createUnit(Api as, String parent) {
        String code = "xa-ui-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response r = as.post("/api/t/" + parent + "/units", """
                {"code":"%s","name":"Xã Thử Giao Diện %s","kind":"commune","firstAdmin":{"username":"qt-%s","displayName":"Quản trị"}}
                """.formatted(code, code, code));
        assertEquals(201, r.status(), r.toString());
        return code;
    }

    /** A cookie session of the HTTP client, logged in through the form. */
    private static Api session(String username) {
        Api api = Api.browser();
        Api.Response login = api.send("POST", "/login", "username=" + username + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8), "application/x-www-form-urlencoded", "text/html");
        assertEquals(302, login.status(), login.toString());
        return api;
    }

    @Test
    void aReorganisationPlanIsDryRunThenAppliedFromItsPage() throws Exception {
        String admin = Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN");
        Api api = Api.as(admin, PASSWORD);
        String s = java.util.UUID.randomUUID().toString().substring(0, 6);
        for (String code : List.of("xa-gop-" + s, "xa-nhan-" + s)) {
            assertEquals(201, api.post("/api/t/" + Fixtures.COUSIN_DISTRICT + "/units", """
                    {"code":"%s","name":"Xã %s","kind":"commune","firstAdmin":{"username":"qt.%s","displayName":"QT"}}
                    """.formatted(code, code, code)).status());
        }
        logIn(admin);
        Chromium.consoleErrors(browser); // what the pages before left
        open("/t/" + Fixtures.COUSIN_DISTRICT + "/admin/reorganise");
        assertEquals("Sắp xếp đơn vị", text("h1"));

        // a bad plan: every bad line with its number, nothing changed
        type("title", "Thử sai");
        type("plan", "operation,units,target,parent,code,name,kind\nmerge,xa-khong-co-" + s + ",xa-nhan-" + s + ",,,,\n");
        submit();
        assertTrue(text("#plan-errors").contains("Dòng 2"), text("#plan-errors"));
        assertTrue(text("#plan-errors").contains("Không có đơn vị mã \"xa-khong-co-" + s + "\""), text("#plan-errors"));
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the reorganisation page's console");
        screenshot("admin-reorganise-invalid");
        // the same in English: the bad line in the page's language
        open("/t/" + Fixtures.COUSIN_DISTRICT + "/admin/reorganise?lang=en");
        type("title", "Thử sai");
        type("plan", "operation,units,target,parent,code,name,kind\nmerge,xa-khong-co-" + s + ",xa-nhan-" + s + ",,,,\n");
        submit();
        assertTrue(text("#plan-errors").contains("No unit has the code \"xa-khong-co-" + s + "\""), text("#plan-errors"));
        assertFalse(text("#plan-errors").contains("Không có"), text("#plan-errors"));
        open("/t/" + Fixtures.COUSIN_DISTRICT + "/admin/reorganise?lang=vi");

        // an effective date that is no day: the message beside the field, what was typed shown again, nothing changed
        type("title", "Sáp nhập xã thử " + s);
        type("effective", "31/02/2026");
        type("plan", "operation,units,target,parent,code,name,kind\nmerge,xa-gop-" + s + ",xa-nhan-" + s + ",,,,\n");
        submit();
        assertEquals("Ngày hiệu lực \"31/02/2026\" không đúng dạng dd/MM/yyyy", text("#effective-error"));
        assertEquals("31/02/2026", browser.findElement(By.id("effective")).getAttribute("value"));
        assertTrue(browser.findElement(By.id("plan")).getAttribute("value").contains("xa-gop-" + s));
        assertEquals(200, Api.anonymous().get("/api/tenants/xa-gop-" + s).status());
        screenshot("admin-reorganise-bad-effective");

        String today = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
        type("effective", today);
        submit();
        assertTrue(text("#dry-run").contains("xa-gop-" + s), text("#dry-run"));
        assertTrue(text("#dry-run-effective").endsWith(today), text("#dry-run-effective"));
        assertTrue(text("#dry-run-totals").startsWith("Kết thúc 1 đơn vị"), text("#dry-run-totals"));
        assertEquals(200, Api.anonymous().get("/api/tenants/xa-gop-" + s).status(), "a dry-run changes nothing");
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the dry-run's console");
        screenshot("admin-reorganise-dry-run");

        clickAndWait(browser.findElement(By.id("apply")));
        assertTrue(text("#applied").startsWith("Đã áp dụng kế hoạch số"), text("#applied"));
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the applied plan's console");
        screenshot("admin-reorganise-applied");
        Api.Response gone = Api.anonymous().get("/api/tenants/xa-gop-" + s);
        assertEquals(301, gone.status(), "the merged commune's address now leads to its successor");
        assertTrue(gone.location().endsWith("/api/tenants/xa-nhan-" + s), gone.location());
    }

    private static void logIn(String username) {
        browser.manage().deleteAllCookies();
        open("/login");
        type("username", username);
        type("password", PASSWORD);
        submit();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private static void open(String path) {
        browser.get(Api.baseUrl() + path);
    }

    private static void type(String id, String text) {
        WebElement e = browser.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    private static void submit() {
        clickAndWait(browser.findElement(By.cssSelector("main form[method=post] button[type=submit], main form button[type=submit]")));
    }

    /** Clicks something that loads a new page, and waits until the new page has loaded. */
    private static void clickAndWait(WebElement e) {
        ((JavascriptExecutor) browser).executeScript("window.egovOldPage = true");
        Chromium.clickNavigating(e);
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                        .executeScript("return window.egovOldPage === undefined && document.readyState === 'complete'")));
    }

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private static String value(String id) {
        return browser.findElement(By.id(id)).getAttribute("value");
    }

    private static WebElement row(String code) {
        return row(code, "data-code");
    }

    private static WebElement row(String key, String attribute) {
        return browser.findElement(By.cssSelector("tr[" + attribute + "='" + key + "']"));
    }

    private static Path csv(String text) throws Exception {
        Path file = Files.createTempFile("don-vi", ".csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static void screenshot(String name) throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("egov.screenshots", "target/screenshots")));
        Path shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    // ---------------------------------------------------------------- the search index page

    @Test
    void aDistrictAdminReindexesItsSubtreeFromTheSearchIndexPageAndTheCheckSaysConsistent() throws Exception {
        String districtAdmin = Fixtures.user(DISTRICT, true, "UNIT_ADMIN");
        logIn(districtAdmin);
        Chromium.consoleErrors(browser); // what the pages before left
        open("/t/" + DISTRICT + "/admin/search");
        assertEquals("Chỉ mục tìm kiếm", text("main h1"));
        assertTrue(browser.findElement(By.id("pending")).getText().matches("[0-9]+"), text("#backlog"));
        assertTrue(browser.findElement(By.id("subtree-true")).isSelected(), "subtree rights: the subtree is offered, and chosen");
        assertTrue(browser.findElements(By.id("worker")).isEmpty(), "the worker's state is for province admins");
        clickAndWait(browser.findElement(By.id("reindex")));
        assertTrue(text("#flash").startsWith("Đã bắt đầu lập lại chỉ mục"), text("#flash"));
        WebElement job = browser.findElement(By.cssSelector("#jobs tbody tr"));
        assertTrue(job.getText().contains(DISTRICT) && job.getText().contains("(cả cây)") && job.getText().contains(districtAdmin), job.getText());
        // the job's end and then a consistent check, within two minutes in all; the page reloaded every 1 s, then 1.5 s
        Instant deadline = Instant.now().plusSeconds(120);
        Wait.until("the reindex job shown as done", Duration.ofSeconds(120), Duration.ofSeconds(1), () -> {
            open("/t/" + DISTRICT + "/admin/search");
            return text("#jobs tbody tr");
        }, row -> row.endsWith("Xong"));
        assertTrue(text("#jobs tbody tr").endsWith("Xong"), text("#jobs tbody tr"));
        screenshot("admin-search-index");
        record CheckResult(String consistent, String text) {
        }
        String consistent = Wait.until("the check shown as consistent", Duration.between(Instant.now(), deadline), Duration.ofMillis(1500), () -> {
            open("/t/" + DISTRICT + "/admin/search?check=1");
            return new CheckResult(browser.findElement(By.id("check-result")).getAttribute("data-consistent"), text("#check-result"));
        }, c -> "true".equals(c.consistent())).consistent();
        assertEquals("true", consistent, text("#check-result"));
        assertTrue(text("#check-result").startsWith("Khớp: "), text("#check-result"));
        screenshot("admin-search-check");
        open("/t/" + DISTRICT + "/admin/search?lang=en");
        assertEquals("Search index", text("main h1"));
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the search index pages' console");
        // a commune admin without subtree rights gets no subtree choice, and the sibling's page is refused
        logIn(Fixtures.user(COMMUNE, false, "UNIT_ADMIN"));
        open("/t/" + COMMUNE + "/admin/search");
        assertTrue(browser.findElements(By.id("subtree-true")).isEmpty());
        open("/t/" + SIBLING_COMMUNE + "/admin/search");
        assertTrue(browser.findElements(By.id("reindex")).isEmpty(), "no form on a refused page");
    }
}
