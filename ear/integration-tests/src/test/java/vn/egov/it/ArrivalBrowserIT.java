package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Where people arrive, in real headless Chromium (issue 22): after login each lands on their work (an administrator on
 * the unit's overview, one-stop staff on their desk, other staff on their documents, a citizen on their dossiers),
 * and one who was going somewhere gets there, even through a first password change.
 */
class ArrivalBrowserIT extends InChromium {
    @Test
    void eachLandsOnTheirWorkAndNoneOnARefusal() throws Exception {
        String unit = Fixtures.COMMUNE;
        record Who(String username, String lands, String heading) {
        }
        for (Who w : List.of(
                new Who(Fixtures.user(unit, false, "UNIT_ADMIN"), "/t/" + unit + "/admin/", "h1"),
                new Who(Fixtures.oneStop(unit), "/t/" + unit + "/admin/dossiers", "h1"),
                new Who(Fixtures.staff(unit), "/t/" + unit + "/admin/documents", "h1"),
                new Who(Fixtures.user(unit, false, "CITIZEN"), "/me/dossiers", "h1"))) {
            login(w.username(), Fixtures.PASSWORD);
            wait(ExpectedConditions.not(ExpectedConditions.urlContains("/me/start")));
            String path = browser.getCurrentUrl().replaceFirst("^https?://[^/]+", "").replaceAll("[?#].*", "");
            assertEquals(w.lands(), path, w.username() + " lands on their work");
            String h1 = browser.findElement(By.tagName(w.heading())).getText();
            assertTrue(!h1.isBlank() && !h1.contains("Không được phép") && !h1.contains("Không tìm thấy"), w.username() + ": " + h1);
            assertEquals(List.of(), Chromium.consoleErrors(browser), w.username() + "'s landing page's console");
        }
        Chromium.screenshot(browser, "arrival-citizen");
    }

    /**
     * The desk's menu is built from what the person may do: for every role, every link of its menu opens (200, never a
     * 403 or a 404), and the links stand in their groups (the site, services, documents, people, the unit).
     */
    @Test
    void everyMenuLinkOfEveryRoleOpens() throws Exception {
        String unit = Fixtures.COMMUNE;
        Map<String, List<String>> groupsOf = new LinkedHashMap<>();
        for (String[] roles : List.of(new String[] {"PROVINCE_ADMIN"}, new String[] {"UNIT_ADMIN"}, new String[] {"STAFF"},
                new String[] {"STAFF", "RECEIVER", "HANDLER", "LEADER"}, new String[] {"STAFF", "CLERK"}, new String[] {"EDITOR"},
                new String[] {"APPROVER"})) {
            boolean province = roles[0].equals("PROVINCE_ADMIN");
            String username = Fixtures.user(province ? Fixtures.PROVINCE : unit, province, roles);
            login(username, Fixtures.PASSWORD);
            wait(ExpectedConditions.not(ExpectedConditions.urlContains("/me/start")));
            List<WebElement> links = browser.findElements(By.cssSelector("nav.admin a"));
            assertFalse(links.isEmpty(), String.join(",", roles) + " has a menu at " + browser.getCurrentUrl());
            List<String> hrefs = links.stream().map(a -> a.getAttribute("href")).toList();
            groupsOf.put(String.join(",", roles), browser.findElements(By.cssSelector("nav.admin .group")).stream().map(g -> g.getAttribute("textContent").strip()).toList());
            String session = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                    .collect(java.util.stream.Collectors.joining("; "));
            for (String href : hrefs) {
                HttpResponse<String> r = DossiersIT.HTTP.send(HttpRequest.newBuilder(URI.create(href)).header("Cookie", session)
                        .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), String.join(",", roles) + ": " + href);
            }
        }
        assertEquals(List.of("Trang thông tin", "Dịch vụ công", "Văn bản", "Người dùng", "Đơn vị"), groupsOf.get("UNIT_ADMIN"), groupsOf.toString());
        assertEquals(List.of("Trang thông tin", "Dịch vụ công", "Văn bản"), groupsOf.get("STAFF"), "no people or unit for plain staff");
        Chromium.screenshot(browser, "arrival-menu-approver");
    }

    @Test
    void aNewCitizenGoingToApplyChoosesTheirPasswordAndComesBackToTheForm() throws Exception {
        ProceduresIT.Offered offered = ProceduresIT.offeredByANewCommune("xa-den-dau");
        String unit = offered.unit();
        String procedure = offered.procedure();
        Api admin = PortalIT.as(unit, "UNIT_ADMIN");
        String username = "cd" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = admin.post("/api/t/" + unit + "/users",
                "{\"username\":\"" + username + "\",\"displayName\":\"Sùng Thị Mỷ\",\"roles\":[\"CITIZEN\"],\"subtreeRights\":false}");
        assertEquals(201, created.status(), created.toString());
        String oneTime = created.json().getString("oneTimePassword");

        // straight to the form, logged out: the login first, then the page where they choose their own password
        browser.manage().deleteAllCookies();
        browser.get(Api.baseUrl() + "/t/" + unit + "/procedures/" + procedure + "/apply");
        wait(ExpectedConditions.urlContains("/login"));
        submitLogin(username, oneTime);
        wait(ExpectedConditions.urlContains("/me/password"));
        browser.findElement(By.id("current")).sendKeys(oneTime);
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        browser.findElement(By.id("confirm")).sendKeys(Fixtures.PASSWORD);
        Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("button[type=submit]")));
        assertEquals("Đã đổi mật khẩu", browser.findElement(By.tagName("h1")).getText());

        // the login again with the new password: back on the form they were going to, not on their (empty) list
        Chromium.clickAndWait(browser, browser.findElement(By.linkText("Đăng nhập")));
        submitLogin(username, Fixtures.PASSWORD);
        wait(ExpectedConditions.urlContains("/apply"));
        assertEquals("/t/" + unit + "/procedures/" + procedure + "/apply",
                browser.getCurrentUrl().replaceFirst("^https?://[^/]+", "").replaceAll("[?#].*", ""));
        assertEquals("Nộp hồ sơ trực tuyến", browser.findElement(By.tagName("h1")).getText());
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the apply page's console");
        Chromium.screenshot(browser, "arrival-back-on-the-form");

        // once there, the next login goes to their work again: the way back is used once
        login(username, Fixtures.PASSWORD);
        wait(ExpectedConditions.urlContains("/me/dossiers"));
    }

    private static void login(String username, String password) {
        browser.manage().deleteAllCookies();
        browser.get(Api.baseUrl() + "/login");
        submitLogin(username, password);
    }

    private static void submitLogin(String username, String password) {
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("button[type=submit]")));
    }

    private static void wait(org.openqa.selenium.support.ui.ExpectedCondition<Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(condition);
    }
}
