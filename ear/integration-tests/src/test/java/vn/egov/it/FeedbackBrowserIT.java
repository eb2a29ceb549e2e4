package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Feedback and complaints (issue 22) in real headless Chromium, as the people who use it: a citizen opens "Phản ánh,
 * kiến nghị" from the commune's site, is asked to log in and comes back to the form, sends a report that is too short
 * (each message beside its field, what was typed kept), then one with markup in it; the commune's one-stop officer finds
 * it on the desk, answers (an empty answer said beside the field) and publishes it; the public page shows question and
 * answer as text (no element made of the markup) and nothing of the citizen; the citizen reads the answer under
 * {@code /me/feedback}.
 */
class FeedbackBrowserIT extends InChromium {
    static final String SUBJECT = "Đèn đường thôn Cốc Lầy hỏng";
    static final String CONTENT = "Đèn đường từ nhà văn hóa đến trường học hỏng đã hai tuần. <script>alert('x')</script> <b>Xin sửa gấp</b>.";
    static final String ANSWER = "UBND xã đã thay bóng đèn ngày 05/12. <b>Cảm ơn</b> ông/bà đã phản ánh.";

    @Test
    void aCitizensReportIsAnsweredPublishedAndShownAsTextWithoutTheirName() throws Exception {
        String unit = PortalIT.commune("xa-phan-anh");
        String citizen = Fixtures.user(unit, false, "CITIZEN");
        String officer = Fixtures.oneStop(unit);

        // from the commune's site: the menu leads to the feedback, writing one asks for the login and comes back
        browser.manage().deleteAllCookies();
        browser.get(Api.baseUrl() + "/t/" + unit + "/");
        Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("nav.menu a[href='/t/" + unit + "/feedback']")));
        assertEquals("Phản ánh, kiến nghị", browser.findElement(By.tagName("h1")).getText());
        assertEquals("Chưa có phản ánh, kiến nghị nào được công khai.", browser.findElement(By.id("none")).getText());
        Chromium.clickAndWait(browser, browser.findElement(By.id("write")));
        wait(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(citizen);
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("button[type=submit]")));
        wait(ExpectedConditions.urlContains("/feedback/new"));
        assertEquals("Gửi phản ánh, kiến nghị", browser.findElement(By.tagName("h1")).getText());

        // too short: each message beside its field, the values kept, nothing sent
        browser.findElement(By.id("subject")).sendKeys("Đèn");
        browser.findElement(By.id("content")).sendKeys("Hỏng rồi");
        Chromium.clickAndWait(browser, browser.findElement(By.id("send")));
        assertEquals("Tiêu đề dài từ 5 đến 200 ký tự.", browser.findElement(By.id("subject-error")).getText());
        assertEquals("Nội dung dài từ 20 đến 5000 ký tự (hiện có 8).", browser.findElement(By.id("content-error")).getText());
        assertEquals("true", browser.findElement(By.id("subject")).getAttribute("aria-invalid"));
        assertEquals("Hỏng rồi", browser.findElement(By.id("content")).getAttribute("value"));
        assertTrue(browser.findElement(By.id("form-error")).getText().startsWith("Phản ánh chưa được gửi"));
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the refused form's console");
        Chromium.screenshot(browser, "feedback-1-refused");

        // a report with markup in it, agreeing to publication
        browser.findElement(By.id("subject")).clear();
        browser.findElement(By.id("subject")).sendKeys(SUBJECT);
        browser.findElement(By.id("content")).clear();
        browser.findElement(By.id("content")).sendKeys(CONTENT);
        new Select(browser.findElement(By.id("category"))).selectByVisibleText("Hạ tầng, giao thông, xây dựng");
        browser.findElement(By.id("consent")).click();
        Chromium.clickAndWait(browser, browser.findElement(By.id("send")));
        wait(ExpectedConditions.urlContains("/me/feedback"));
        Matcher m = Pattern.compile("mã (PA[0-9]{2}-[0-9]{6})").matcher(browser.findElement(By.id("written")).getText());
        assertTrue(m.find(), browser.findElement(By.id("written")).getText());
        String code = m.group(1);
        assertTrue(browser.findElement(By.id("report-" + code)).getText().contains("<script>alert('x')</script>"), "the markup is shown as typed");
        assertTrue(browser.findElement(By.id("report-" + code)).getText().contains("Đơn vị chưa trả lời."));
        assertEquals(1, browser.findElements(By.cssSelector("nav.menu a[href='/t/" + unit + "/feedback']")).size(), "framed by the citizen's unit's site");

        // the one-stop officer: the desk's menu, the list, the report; an empty answer, then the answer, then publication
        login(officer);
        browser.get(Api.baseUrl() + "/t/" + unit + "/admin/dossiers");
        Chromium.clickAndWait(browser, browser.findElement(By.linkText("Phản ánh, kiến nghị")));
        assertTrue(browser.findElement(By.id("reports")).getText().contains(code + " " + SUBJECT), browser.findElement(By.id("reports")).getText());
        assertTrue(browser.findElement(By.id("reports")).getText().contains("Mới"));
        Chromium.clickAndWait(browser, browser.findElement(By.linkText(code)));
        assertEquals(CONTENT, browser.findElement(By.id("question")).getText());
        assertTrue(browser.findElement(By.id("applicant")).getText().contains(citizen));
        Chromium.clickAndWait(browser, browser.findElement(By.id("send-answer")));
        assertEquals("Vui lòng nhập câu trả lời.", browser.findElement(By.id("answer-error")).getText());
        browser.findElement(By.id("answer")).sendKeys(ANSWER);
        Chromium.clickAndWait(browser, browser.findElement(By.id("send-answer")));
        assertEquals("Đã trả lời", browser.findElement(By.id("status")).getText());
        Chromium.clickAndWait(browser, browser.findElement(By.id("publish")));
        assertEquals("Đã công khai", browser.findElement(By.id("status")).getText());
        assertEquals(ANSWER, browser.findElement(By.id("answer-text")).getText());
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the desk's console");
        Chromium.screenshot(browser, "feedback-2-desk");

        // the public page: question and answer as text, no element made of their markup, nothing of the citizen
        browser.manage().deleteAllCookies();
        browser.get(Api.baseUrl() + "/t/" + unit + "/feedback");
        String list = browser.findElement(By.id("reports")).getText();
        assertTrue(list.contains(SUBJECT) && list.contains(CONTENT) && list.contains(ANSWER), list);
        assertEquals(0, browser.findElements(By.cssSelector("#reports script, #reports b, #reports i")).size(), "markup rendered");
        String body = browser.findElement(By.tagName("body")).getText();
        assertFalse(body.contains(citizen) || body.contains("Người dùng thử"), "the citizen's name on the public page");
        assertTrue(list.matches("(?s).*gửi ngày \\d{2}/\\d{2}/\\d{4}.*"), list);
        Chromium.screenshot(browser, "feedback-3-public");
        Chromium.clickAndWait(browser, browser.findElement(By.linkText(SUBJECT)));
        assertEquals(SUBJECT, browser.findElement(By.tagName("h1")).getText());
        assertEquals(CONTENT, browser.findElement(By.id("question")).getText());
        assertEquals(ANSWER, browser.findElement(By.id("answer")).getText());
        assertEquals(0, browser.findElements(By.cssSelector("#report script, #report b")).size());
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the public page's console");
        browser.get(Api.baseUrl() + "/t/" + unit + "/feedback?lang=en");
        assertEquals("Feedback and complaints", browser.findElement(By.tagName("h1")).getText());

        // the citizen reads the answer, and the link to where it is published
        login(citizen);
        browser.get(Api.baseUrl() + "/me/feedback");
        String mine = browser.findElement(By.id("report-" + code)).getText();
        assertTrue(mine.contains(ANSWER) && mine.contains("Đã công khai"), mine);
        assertEquals(1, browser.findElements(By.cssSelector("#report-" + code + " a[href='/t/" + unit + "/feedback/" + code + "']")).size());
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the citizen's page's console");
        Chromium.screenshot(browser, "feedback-4-mine");
    }

    private static void login(String username) {
        browser.manage().deleteAllCookies();
        browser.get(Api.baseUrl() + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("button[type=submit]")));
    }

    private static void wait(org.openqa.selenium.support.ui.ExpectedCondition<Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(condition);
    }
}
