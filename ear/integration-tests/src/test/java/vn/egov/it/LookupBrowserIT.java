package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * "Look up a dossier" on every unit's site, in real headless Chromium (issue 22): the site's menu leads to it and to
 * the online services; a code in, the status, dates and steps out, and nothing of the applicant, their papers or the
 * staff; a malformed or unknown code said beside the field with what was typed kept; in English too.
 */
class LookupBrowserIT extends InChromium {
    @Test
    void aCodeFromTheSlipShowsTheStepsAndNothingPersonal() throws Exception {
        ProceduresIT.Offered offered = ProceduresIT.offeredByANewCommune("xa-tra-cuu");
        String unit = offered.unit();
        String procedure = offered.procedure();
        String citizen = Fixtures.user(Fixtures.COMMUNE, false, "CITIZEN");
        HttpResponse<String> r = DossiersIT.submit(citizen, unit, procedure, "{\"fullName\":\"Giàng Thị Súa\"}", Map.of("to-khai", DossiersIT.PDF));
        assertEquals(201, r.statusCode(), r.body());
        String code = DossiersIT.json(r.body()).getString("code");
        String staff = Fixtures.oneStop(unit);
        ProcessingIT.move(Api.as(staff, Fixtures.PASSWORD), unit, code, "{\"to\":\"tham-dinh\",\"note\":\"Chị Súa gọi số 0988 111 222\"}");

        // from the commune's home page: its menu leads to the services and to the lookup
        browser.manage().deleteAllCookies();
        browser.get(Api.baseUrl() + "/t/" + unit + "/");
        assertEquals(1, browser.findElements(By.cssSelector("nav.menu a[href='/t/" + unit + "/procedures']")).size(), "the online services in the menu");
        Chromium.clickAndWait(browser, browser.findElement(By.linkText("Tra cứu hồ sơ")));
        assertEquals("Tra cứu tình trạng hồ sơ", browser.findElement(By.tagName("h1")).getText());

        // the code as a person types it, in capitals with spaces around
        browser.findElement(By.id("code")).sendKeys("  " + code.toUpperCase() + " ");
        Chromium.clickAndWait(browser, browser.findElement(By.id("look-up")));
        assertEquals("Đang giải quyết", browser.findElement(By.id("status")).getText());
        assertEquals("Xã Cổng " + unit, browser.findElement(By.id("unit")).getText());
        List<WebElement> steps = browser.findElements(By.cssSelector("#steps tbody tr"));
        assertEquals(2, steps.size(), browser.findElement(By.id("steps")).getText());
        assertTrue(steps.get(0).getText().endsWith("Đã tiếp nhận") && steps.get(1).getText().endsWith("Đang giải quyết"),
                browser.findElement(By.id("steps")).getText());
        assertTrue(steps.get(0).getText().matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2} .*"), steps.get(0).getText());
        String page = browser.findElement(By.tagName("body")).getText();
        for (String personal : List.of("Giàng Thị Súa", "0988", citizen, staff, "to-khai")) {
            assertFalse(page.contains(personal), "the lookup shows " + personal);
        }
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the lookup's console");
        Chromium.screenshot(browser, "lookup-found");

        // unknown, then malformed: said beside the field, what was typed kept, nothing found shown
        String unknown = code.replaceAll("-[0-9]+$", "-9999");
        browser.findElement(By.id("code")).clear();
        browser.findElement(By.id("code")).sendKeys(unknown);
        Chromium.clickAndWait(browser, browser.findElement(By.id("look-up")));
        assertEquals("Không có hồ sơ mã " + unknown + ". Hãy kiểm tra lại mã trên giấy tiếp nhận.", browser.findElement(By.id("code-error")).getText());
        assertTrue(browser.findElements(By.id("found")).isEmpty());
        String bad = "<script>alert('x')</script> hồ sơ";
        browser.findElement(By.id("code")).clear();
        browser.findElement(By.id("code")).sendKeys(bad);
        Chromium.clickAndWait(browser, browser.findElement(By.id("look-up")));
        assertTrue(browser.findElement(By.id("code-error")).getText().startsWith("Mã hồ sơ gồm mã đơn vị"), browser.findElement(By.id("code-error")).getText());
        assertEquals(bad, browser.findElement(By.id("code")).getAttribute("value"));
        assertEquals("true", browser.findElement(By.id("code")).getAttribute("aria-invalid"));
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the refused lookup's console");
        Chromium.screenshot(browser, "lookup-refused");
        assertEquals(400, Api.anonymous().get("/t/" + unit + "/lookup?code=x", "text/html").status());
        assertEquals(404, Api.anonymous().get("/t/" + unit + "/lookup?code=" + unknown, "text/html").status());

        // in English, from the province's site (a dossier is found whichever site is asked)
        browser.get(Api.baseUrl() + "/t/" + Fixtures.PROVINCE + "/lookup?lang=en");
        assertEquals("Look up a dossier's status", browser.findElement(By.tagName("h1")).getText());
        browser.findElement(By.id("code")).sendKeys(code);
        Chromium.clickAndWait(browser, browser.findElement(By.id("look-up")));
        assertEquals("In progress", browser.findElement(By.id("status")).getText());
        assertTrue(browser.getCurrentUrl().contains("lang=en"), browser.getCurrentUrl());
        assertEquals("Look up a dossier", browser.findElement(By.cssSelector("nav.menu a[href^='/t/" + Fixtures.PROVINCE + "/lookup']")).getText());
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the English lookup's console");
    }
}
