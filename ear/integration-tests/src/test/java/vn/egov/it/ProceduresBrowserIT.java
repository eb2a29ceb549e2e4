package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A citizen finds a procedure on a commune's site in real headless Chromium: the catalogue page, the filter typed
 * without diacritics, the procedure's page with its papers and its process drawn. Screenshots procedures-*.png.
 */
class ProceduresBrowserIT extends DeployedEar {
    static WebDriver browser;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start("1280,1000");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCitizenFindsAProcedureOnTheCommunesSiteAndReadsHowItIsHandled() throws Exception {
        Api province = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"), Fixtures.PASSWORD);
        String birth = ProceduresIT.code();
        String marriage = ProceduresIT.code();
        assertEquals(200, province.post("/api/t/" + Fixtures.PROVINCE + "/procedures/import", "["
                + ProceduresIT.procedure(birth, "Đăng ký khai sinh", "commune", 1, 1, "") + ","
                + ProceduresIT.procedure(marriage, "Đăng ký kết hôn", "commune", 5, 3, "") + "]").status());
        String unit = PortalIT.commune("xa-dvc");
        Api admin = PortalIT.as(unit, "UNIT_ADMIN");
        assertEquals(201, admin.put("/api/t/" + unit + "/procedures/adopted/" + birth, "").status());
        assertEquals(201, admin.put("/api/t/" + unit + "/procedures/adopted/" + marriage, "").status());

        browser.get(Api.baseUrl() + "/t/" + unit + "/procedures");
        assertEquals("Thủ tục hành chính", browser.findElement(By.tagName("h1")).getText());
        assertEquals("2 thủ tục", browser.findElement(By.id("procedure-count")).getText());
        browser.findElement(By.id("pq")).sendKeys("khai sinh");
        Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("form.filter button")));
        assertEquals("1 thủ tục", browser.findElement(By.id("procedure-count")).getText());
        Chromium.screenshot(browser, "procedures-1-catalogue");
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the catalogue's console");
        Chromium.clickAndWait(browser, browser.findElement(By.linkText("Đăng ký khai sinh")));
        assertEquals("Đăng ký khai sinh", browser.findElement(By.tagName("h1")).getText());
        WebElement diagram = browser.findElement(By.cssSelector("svg.process"));
        assertTrue(diagram.isDisplayed());
        assertTrue(diagram.getText().contains("Chờ bổ sung"), diagram.getText());
        assertTrue(browser.findElement(By.cssSelector("table.facts")).getText().contains("toàn trình"));
        Chromium.screenshot(browser, "procedures-2-procedure");
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the procedure's console");
        assertEquals("auto", diagram.findElement(By.xpath("..")).getCssValue("overflow-x"), "the page's stylesheet applies");
        assertEquals(1, browser.findElements(By.cssSelector("head link[rel=stylesheet][href*='procedures/catalogue.']")).size(),
                "linked in the head (the site layout's head slot)");
        assertTrue(browser.findElements(By.cssSelector("body link")).isEmpty(), "no stylesheet inside the body");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", diagram);
        Chromium.screenshot(browser, "procedures-3-process");
    }
}
