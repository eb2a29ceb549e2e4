package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The logo screen of the portal's admin pages in real headless Chromium (issue 22): a commune's administrator uploads
 * the unit's logo; an SVG is refused beside the field and nothing changes; the PNG shows in the site's header, not in a
 * sibling's; a sibling's administrator and the commune's editor cannot reach the page. Screenshots logo-*.png.
 */
class LogoBrowserIT extends InChromium {

    @Test
    void aCommuneAdminUploadsTheLogoAndTheSiteShowsIt() throws Exception {
        String unit = PortalIT.commune("xa-bieu-trung");
        String sibling = PortalIT.commune("xa-khong-bieu-trung");
        Path dir = Files.createTempDirectory("logo");
        Path svg = Files.writeString(dir.resolve("logo.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
                StandardCharsets.UTF_8);
        byte[] png = ItEnvironment.png(96, 48);
        Path pngFile = Files.write(dir.resolve("logo.png"), png);

        login(Fixtures.user(unit, false, "UNIT_ADMIN"));
        browser.get(Api.baseUrl() + "/t/" + unit + "/admin/portal");
        Chromium.clickAndWait(browser, browser.findElement(By.linkText("Biểu trưng")));
        assertEquals("Biểu trưng của đơn vị", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElement(By.id("no-logo")).isDisplayed());

        // an SVG: the page again, the reason beside the field, still no logo
        browser.findElement(By.id("logo")).sendKeys(svg.toString());
        Chromium.clickAndWait(browser, browser.findElement(By.id("upload-logo")));
        WebElement error = browser.findElement(By.id("logo-error"));
        assertTrue(error.getText().contains("PNG hoặc JPEG"), error.getText());
        assertEquals("true", browser.findElement(By.id("logo")).getAttribute("aria-invalid"));
        assertTrue(browser.findElements(By.id("current-logo")).isEmpty());
        Chromium.screenshot(browser, "logo-1-refused");

        browser.findElement(By.id("logo")).sendKeys(pngFile.toString());
        Chromium.clickAndWait(browser, browser.findElement(By.id("upload-logo")));
        assertTrue(browser.getPageSource().contains("Đã đổi biểu trưng."));
        assertTrue(browser.findElement(By.id("current-logo")).isDisplayed());
        Chromium.screenshot(browser, "logo-2-uploaded");
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the logo page's console");

        // the site's header shows it (the very bytes), a sibling's does not
        browser.manage().deleteAllCookies();
        browser.get(Api.baseUrl() + "/t/" + unit + "/");
        WebElement logo = browser.findElement(By.cssSelector("header img.logo"));
        assertTrue(logo.getAttribute("src").contains("/t/" + unit + "/logo?v="), logo.getAttribute("src"));
        assertTrue(((Number) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return arguments[0].naturalWidth", logo)).intValue() == 96,
                "the image loads");
        Chromium.screenshot(browser, "logo-3-site");
        browser.get(Api.baseUrl() + "/t/" + sibling + "/");
        assertTrue(browser.findElements(By.cssSelector("header img.logo")).isEmpty(), "the sibling's header has none");
        assertArrayEquals(png, java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(Api.baseUrl() + "/t/" + unit + "/logo")).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body());

        // out of reach of a sibling's administrator and of the commune's editor
        FormSession other = new FormSession(Fixtures.user(sibling, false, "UNIT_ADMIN"));
        assertEquals(403, other.get("/t/" + unit + "/admin/portal/logo").status());
        assertEquals(403, other.post("/t/" + sibling + "/admin/portal/logo", "/t/" + unit + "/admin/portal/logo/remove", List.of()).status());
        FormSession editor = new FormSession(Fixtures.user(unit, false, "EDITOR"));
        assertEquals(403, editor.get("/t/" + unit + "/admin/portal/logo").status());
        assertTrue(!editor.get("/t/" + unit + "/admin/portal").body().contains("/admin/portal/logo"), "no link to it in an editor's menu");
        assertEquals(200, Api.anonymous().get("/t/" + unit + "/logo", "image/png").status(), "still there");

        // removed by the administrator: gone from the header
        login(Fixtures.user(unit, false, "UNIT_ADMIN"));
        browser.get(Api.baseUrl() + "/t/" + unit + "/admin/portal/logo");
        Chromium.clickAndWait(browser, browser.findElement(By.id("remove-logo")));
        assertTrue(browser.findElement(By.id("no-logo")).isDisplayed());
        browser.manage().deleteAllCookies();
        browser.get(Api.baseUrl() + "/t/" + unit + "/");
        assertTrue(browser.findElements(By.cssSelector("header img.logo")).isEmpty());
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
