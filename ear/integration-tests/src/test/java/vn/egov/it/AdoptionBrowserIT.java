package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The adoption screen in real headless Chromium (issue 22): a commune's administrator finds procedures of the
 * province's catalogue by words typed without diacritics, ticks two and adopts them in one go; a citizen then finds
 * them on the commune's site and not on a sibling's; nothing ticked is refused on the page; a dropped one leaves the
 * site. Screenshots adoption-*.png.
 */
class AdoptionBrowserIT extends InChromium {

    @Test
    void aCommuneAdminAdoptsAProcedureAndACitizenSeesItOnTheCommunesSite() throws Exception {
        String token = "kt" + UUID.randomUUID().toString().substring(0, 6);
        String first = ProceduresIT.code();
        String second = ProceduresIT.code();
        String district = ProceduresIT.code();
        Api province = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"), Fixtures.PASSWORD);
        assertEquals(200, province.post("/api/t/" + Fixtures.PROVINCE + "/procedures/import", "["
                + ProceduresIT.procedure(first, "Cấp giấy xác nhận Thử Nghiệm " + token, "commune", 3, 1, "") + ","
                + ProceduresIT.procedure(second, "Cấp giấy chứng nhận Thử Nghiệm " + token, "commune", 3, 1, "") + ","
                + ProceduresIT.procedure(district, "Cấp giấy phép Thử Nghiệm " + token, "district", 3, 1, "") + "]").status());
        String unit = PortalIT.commune("xa-nhan");
        String sibling = PortalIT.commune("xa-ben");

        login(Fixtures.user(unit, false, "UNIT_ADMIN"));
        browser.get(Api.baseUrl() + "/t/" + unit + "/admin/");
        Chromium.clickAndWait(browser, browser.findElement(By.linkText("Danh mục thủ tục")));
        assertEquals("Nhận thủ tục hành chính từ danh mục của tỉnh", browser.findElement(By.tagName("h1")).getText());
        browser.findElement(By.id("q")).sendKeys("cap giay thu nghiem " + token);
        Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("#filter button")));
        // the unit's own level by default: the district's procedure is left out
        assertEquals(2, rows(), "the two commune procedures");
        browser.findElement(By.id(id(first))).click();
        browser.findElement(By.id(id(second))).click();
        Chromium.screenshot(browser, "adoption-1-ticked");
        Chromium.clickAndWait(browser, browser.findElement(By.id("adopt")));
        assertTrue(browser.getPageSource().contains("Đã nhận thêm 2 thủ tục."), "the one-shot message");
        assertEquals(2, browser.findElements(By.cssSelector("#adoption td.ok")).size(), "both shown as adopted");
        Chromium.screenshot(browser, "adoption-2-adopted");
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the adoption page's console");

        // nothing ticked: the page again, with the reason, and nothing changed
        Chromium.clickAndWait(browser, browser.findElement(By.id("adopt")));
        assertTrue(browser.findElement(By.id("form-error")).getText().contains("Chưa chọn thủ tục nào"));
        assertEquals(2, browser.findElements(By.cssSelector("#adoption td.ok")).size());

        // a citizen sees them on the commune's site, and not on the sibling's
        browser.manage().deleteAllCookies();
        browser.get(Api.baseUrl() + "/t/" + unit + "/procedures?q=" + token);
        assertEquals("2 thủ tục", browser.findElement(By.id("procedure-count")).getText());
        Chromium.clickAndWait(browser, browser.findElement(By.linkText("Cấp giấy xác nhận Thử Nghiệm " + token)));
        assertEquals("Cấp giấy xác nhận Thử Nghiệm " + token, browser.findElement(By.tagName("h1")).getText());
        Chromium.screenshot(browser, "adoption-3-on-the-site");
        browser.get(Api.baseUrl() + "/t/" + sibling + "/procedures?q=" + token);
        assertEquals("0 thủ tục", browser.findElement(By.id("procedure-count")).getText());
        assertFalse(browser.getPageSource().contains(first), "the sibling's site does not offer it");
        assertEquals(404, Api.anonymous().get("/t/" + sibling + "/procedures/" + first, "text/html").status());

        // dropped again: it leaves the commune's site
        login(Fixtures.user(unit, false, "UNIT_ADMIN"));
        browser.get(Api.baseUrl() + "/t/" + unit + "/admin/procedures?state=adopted&q=" + token);
        assertEquals(2, rows());
        browser.findElement(By.id(id(first))).click();
        Chromium.clickAndWait(browser, browser.findElement(By.id("drop")));
        assertTrue(browser.getPageSource().contains("Đã bỏ 1 thủ tục."));
        assertEquals(1, rows(), "only the one still adopted, as filtered");
        assertEquals(404, Api.anonymous().get("/t/" + unit + "/procedures/" + first, "text/html").status());
        assertEquals(200, Api.anonymous().get("/t/" + unit + "/procedures/" + second, "text/html").status());
    }

    /** The province's home finds a procedure across the province, typed without diacritics, and leads to a commune offering it. */
    @Test
    void theProvincesHomeFindsAProcedureAtTheUnitsOfferingIt() throws Exception {
        ProceduresIT.Offered offered = ProceduresIT.offeredByANewCommune("xa-tim-kiem");
        browser.manage().deleteAllCookies();
        browser.get(Api.baseUrl() + "/t/" + Fixtures.PROVINCE + "/");
        browser.findElement(By.id("finder-0")).sendKeys(offered.procedure());
        Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("form.finder button")));
        assertEquals("Tìm thủ tục hành chính trong toàn tỉnh", browser.findElement(By.tagName("h1")).getText());
        assertEquals("Tìm thấy 1 thủ tục.", browser.findElement(By.id("finder-count")).getText());
        Chromium.screenshot(browser, "adoption-4-finder");
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the finder's console");
        Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("ul.offers a[href$='/t/" + offered.unit() + "/procedures/"
                + offered.procedure() + "']")));
        assertTrue(browser.getCurrentUrl().endsWith("/t/" + offered.unit() + "/procedures/" + offered.procedure()), browser.getCurrentUrl());
        assertTrue(browser.findElement(By.id("apply")).isDisplayed(), "its online application is there");
    }

    static String id(String code) {
        return "c-" + code.replace('.', '-');
    }

    private static int rows() {
        return browser.findElements(By.cssSelector("#adoption tbody tr")).size();
    }

    private static void login(String username) {
        browser.manage().deleteAllCookies();
        browser.get(Api.baseUrl() + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("button[type=submit]")));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/me/start")));
    }
}
