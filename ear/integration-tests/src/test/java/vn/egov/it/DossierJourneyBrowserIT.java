package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole journey in real headless Chromium: a citizen finds a procedure on a commune's site, logs in, submits a
 * dossier with a file (a wrong file first: refused, the message beside it), gets the code and the slip; the
 * commune's staff receive it at their one-stop desk and transfer it to the district; the district's staff return
 * the result with its file; the citizen sees the result and rates the service. Screenshots journey-*.png.
 */
class DossierJourneyBrowserIT extends DeployedEar {
    static WebDriver browser;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start("1280,1100");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCitizenSubmitsTheCommuneTransfersTheDistrictReturnsTheResultAndTheCitizenRatesIt() throws Exception {
        Api province = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"), Fixtures.PASSWORD);
        String procedure = ProceduresIT.code();
        // the cross-agency procedure, where the district may also return the result itself
        String definition = ProcessingIT.definition(procedure).replace("{\"from\":\"huyen\",\"to\":\"so\"}",
                "{\"from\":\"huyen\",\"to\":\"so\"},{\"from\":\"huyen\",\"to\":\"tra\"}");
        assertEquals(200, province.post("/api/t/" + Fixtures.PROVINCE + "/procedures/import", "[" + definition + "]").status());
        String unit = PortalIT.commune("xa-hanh-trinh");
        assertEquals(201, PortalIT.as(unit, "UNIT_ADMIN").put("/api/t/" + unit + "/procedures/adopted/" + procedure, "").status());
        String citizen = Fixtures.user(Fixtures.COMMUNE, false, "CITIZEN");
        String staff = Fixtures.oneStop(unit);
        String districtStaff = Fixtures.oneStop(Fixtures.DISTRICT);
        String neighbour = Fixtures.user(unit, false, "CITIZEN"); // a citizen account of the same unit: never an assignee
        Path pdf = Files.write(Files.createTempFile("to-khai", ".pdf"), DossiersIT.PDF);
        Path notPdf = Files.writeString(Files.createTempFile("to-khai", ".pdf"), "<html><script>alert(1)</script></html>");
        Path result = Files.write(Files.createTempFile("ket-qua", ".pdf"), DossiersIT.PDF);

        // the citizen finds the procedure on the commune's site and goes to submit it: the login comes first
        browser.manage().deleteAllCookies();
        browser.get(Api.baseUrl() + "/t/" + unit + "/procedures");
        Chromium.clickAndWait(browser, browser.findElement(By.linkText("Đăng ký kết hôn có yếu tố nước ngoài")));
        Chromium.clickAndWait(browser, browser.findElement(By.id("apply")));
        wait(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(citizen);
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("button[type=submit]")));
        wait(ExpectedConditions.urlContains("/apply"));
        assertEquals("Nộp hồ sơ trực tuyến", browser.findElement(By.tagName("h1")).getText());
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the apply page's console");
        // ?lang=en: the form in English (the procedure's own texts are data), then back to Vietnamese
        String apply = browser.getCurrentUrl().replaceAll("[?#].*", "");
        browser.get(apply + "?lang=en");
        assertEquals("Apply online", browser.findElement(By.tagName("h1")).getText());
        assertEquals("Submit", browser.findElement(By.id("submit-dossier")).getText());
        browser.get(apply + "?lang=vi");
        assertEquals("Nộp hồ sơ trực tuyến", browser.findElement(By.tagName("h1")).getText());

        // a file that is not a PDF under a .pdf name: refused, the message beside the field, the typed name kept
        browser.findElement(By.id("f-fullName")).sendKeys("Vàng Thị Dín");
        browser.findElement(By.id("p-to-khai")).sendKeys(notPdf.toString());
        Chromium.clickAndWait(browser, browser.findElement(By.id("submit-dossier")));
        assertTrue(browser.findElement(By.id("form-errors")).getText().contains("Chưa có gì được lưu"));
        assertTrue(browser.findElement(By.id("p-to-khai-error")).getText().contains("chỉ nhận PDF hoặc ảnh")
                || browser.findElement(By.id("p-to-khai-error")).getText().length() > 0, browser.findElement(By.id("p-to-khai-error")).getText());
        assertEquals("Vàng Thị Dín", browser.findElement(By.id("f-fullName")).getAttribute("value"));
        Chromium.screenshot(browser, "journey-1-refused-file");
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the refused form's console (its own 400 aside)");
        browser.findElement(By.id("p-to-khai")).sendKeys(pdf.toString());
        Chromium.clickAndWait(browser, browser.findElement(By.id("submit-dossier")));
        wait(ExpectedConditions.urlContains("/me/dossiers/"));
        String code = browser.getCurrentUrl().replaceAll(".*/me/dossiers/([^?]+).*", "$1");
        assertTrue(code.startsWith(unit + "-"), code);
        assertTrue(browser.findElement(By.id("flash")).getText().contains(code));
        assertEquals("Đã tiếp nhận", browser.findElement(By.id("status")).getText());
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the applicant's dossier page's console");
        String slip = browser.findElement(By.id("slip")).getAttribute("href");
        assertEquals(200, DossiersIT.pdf(citizen, slip.substring(slip.indexOf("/api/"))).statusCode());
        Chromium.screenshot(browser, "journey-2-submitted");

        // the commune's staff: the dossier at their desk; received, then transferred to the district
        login(staff);
        browser.get(Api.baseUrl() + "/t/" + unit + "/admin/dossiers");
        assertTrue(browser.findElement(By.id("inbox")).getText().contains(code));
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the desk's console");
        Chromium.clickAndWait(browser, browser.findElement(By.linkText(code)));
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the desk's dossier page's console");
        browser.findElement(By.id("to-tham-dinh")).click();
        // the assignee is picked from the unit's staff, with their roles; no citizen account is among them
        Select assignee = new Select(browser.findElement(By.id("assignee")));
        List<String> people = assignee.getOptions().stream().map(o -> o.getAttribute("value")).toList();
        assertTrue(people.contains(staff), people.toString());
        assertTrue(assignee.getOptions().stream().anyMatch(o -> o.getAttribute("value").equals(staff) && o.getText().contains("Chuyên viên xử lý hồ sơ")),
                "the roles are said");
        assertTrue(!people.contains(neighbour), "no citizen account of the unit");
        assignee.selectByValue(staff);
        Chromium.clickAndWait(browser, browser.findElement(By.id("move")));
        assertEquals("Đang giải quyết", browser.findElement(By.id("status")).getText());
        // a transfer without its agency: refused, the message beside the unit picker, which says it
        browser.findElement(By.id("to-huyen")).click();
        Chromium.clickAndWait(browser, browser.findElement(By.id("move")));
        assertTrue(browser.findElement(By.id("toUnit-error")).getText().startsWith("Hãy chọn đơn vị nhận hồ sơ liên thông"),
                browser.findElement(By.id("toUnit-error")).getText());
        assertEquals("true", browser.findElement(By.id("toUnit")).getAttribute("aria-invalid"));
        assertEquals("toUnit-hint toUnit-error", browser.findElement(By.id("toUnit")).getAttribute("aria-describedby"));
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the refused transfer's console (its own 400 aside)");
        // the picker: units by district, found by a name typed without diacritics
        assertEquals("Huyện Bát Xát", browser.findElement(By.cssSelector("#toUnit option[value='" + Fixtures.DISTRICT + "']"))
                .findElement(By.xpath("..")).getAttribute("label"), "the district heads its own group");
        browser.findElement(By.id("toUnit-filter")).sendKeys("bat xat");
        assertTrue(browser.findElement(By.cssSelector("#toUnit option[value='" + Fixtures.DISTRICT + "']")).getDomProperty("hidden").equals("false"));
        assertEquals("true", browser.findElement(By.cssSelector("#toUnit option[value='" + Fixtures.COUSIN_DISTRICT + "']")).getDomProperty("hidden"),
                "Bảo Thắng is not Bát Xát");
        assertTrue(browser.findElement(By.id("toUnit-shown")).getText().matches("\\d+ đơn vị phù hợp"), browser.findElement(By.id("toUnit-shown")).getText());
        Chromium.screenshot(browser, "journey-3-unit-picker");
        browser.findElement(By.id("to-huyen")).click();
        new Select(browser.findElement(By.id("toUnit"))).selectByValue(Fixtures.DISTRICT);
        browser.findElement(By.id("note")).sendKeys("Đề nghị Phòng Tư pháp huyện xem xét");
        Chromium.screenshot(browser, "journey-3-transfer");
        Chromium.clickAndWait(browser, browser.findElement(By.id("move")));
        assertEquals("Đang xử lý liên thông", browser.findElement(By.id("status")).getText());
        assertTrue(browser.findElement(By.id("holder")).getText().contains("Bát Xát"), browser.findElement(By.id("holder")).getText());
        assertTrue(browser.findElements(By.id("move-form")).isEmpty(), "the commune no longer acts on it");

        // a district colleague without a one-stop duty reads it, and is told whose the step is: no actions for them
        login(Fixtures.staff(Fixtures.DISTRICT));
        browser.get(Api.baseUrl() + "/t/" + Fixtures.DISTRICT + "/admin/dossiers/" + code);
        assertTrue(browser.getTitle().startsWith("Hồ sơ " + code + " · "), "the tab names the dossier: " + browser.getTitle());
        String whose = browser.findElement(By.id("not-your-duty")).getText();
        assertTrue(whose.contains("Chuyên viên xử lý hồ sơ") && whose.contains("Lãnh đạo phê duyệt"), whose);
        assertTrue(browser.findElements(By.id("result-form")).isEmpty() && browser.findElements(By.id("move-form")).isEmpty());
        Chromium.screenshot(browser, "journey-3b-not-your-duty");

        // the district's staff return the result with its file
        login(districtStaff);
        browser.get(Api.baseUrl() + "/t/" + Fixtures.DISTRICT + "/admin/dossiers");
        String inbox = browser.findElement(By.id("inbox")).getText();
        assertTrue(inbox.contains(code) && inbox.contains("liên thông từ Xã Cổng " + unit), inbox);
        Chromium.clickAndWait(browser, browser.findElement(By.linkText(code)));
        // an apology without its new date: refused beside its form (kept open), nothing changed
        browser.findElement(By.cssSelector("details:has(#apology-reason) summary")).click();
        browser.findElement(By.id("apology-reason")).sendKeys("Chờ xác minh");
        Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("details:has(#apology-reason) button[type=submit]")));
        assertTrue(browser.findElement(By.id("action-error")).getText().contains("dd/MM/yyyy"), browser.findElement(By.id("action-error")).getText());
        assertTrue(browser.findElement(By.id("apology-reason")).isDisplayed(), "the refused action's form is open");
        assertEquals("Đang xử lý liên thông", browser.findElement(By.id("status")).getText());
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the refused action's console (its own 400 aside)");
        browser.findElement(By.id("result")).sendKeys(result.toString());
        browser.findElement(By.id("result-note")).sendKeys("Đã ký giấy chứng nhận kết hôn");
        Chromium.clickAndWait(browser, browser.findElement(By.id("return-result")));
        assertEquals("Đã có kết quả", browser.findElement(By.id("status")).getText());
        String handovers = browser.findElement(By.id("handovers")).getText();
        assertTrue(handovers.contains("Phòng Tư pháp huyện xem xét"), handovers);
        // the agency a step went to by its name, not its code (issue 22)
        assertTrue(handovers.contains("Huyện Bát Xát") && !handovers.contains(Fixtures.DISTRICT), handovers);
        Chromium.screenshot(browser, "journey-4-result");

        // the citizen sees the result and rates the service
        login(citizen);
        browser.get(Api.baseUrl() + "/me/dossiers/" + code);
        assertEquals("Đã có kết quả", browser.findElement(By.id("status")).getText());
        assertTrue(browser.findElement(By.cssSelector("#files li.result a")).getText().endsWith(".pdf"));
        browser.findElement(By.id("score-5")).click();
        browser.findElement(By.id("rating-note")).sendKeys("Nhanh, cán bộ tận tình");
        Chromium.clickAndWait(browser, browser.findElement(By.id("send-rating")));
        assertEquals("Cảm ơn bạn đã đánh giá.", browser.findElement(By.id("flash")).getText());
        assertEquals("Bạn đã đánh giá: 5/5.", browser.findElement(By.id("rated")).getText());
        Chromium.screenshot(browser, "journey-5-rated");
        // ?lang=en: the applicant's pages in English, the dossier's data as it is; then back to Vietnamese
        browser.get(Api.baseUrl() + "/me/dossiers/" + code + "?lang=en");
        assertEquals("Dossier " + code, browser.findElement(By.tagName("h1")).getText());
        assertEquals("Result ready", browser.findElement(By.id("status")).getText());
        assertEquals("Your rating: 5/5.", browser.findElement(By.id("rated")).getText());
        browser.get(Api.baseUrl() + "/me/dossiers");
        assertEquals("My dossiers", browser.findElement(By.tagName("h1")).getText(), "the language kept");
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the applicant's list's console");
        browser.get(Api.baseUrl() + "/me/dossiers?lang=vi");
        assertEquals("Hồ sơ của tôi", browser.findElement(By.tagName("h1")).getText());

        // at the counter: the commune's staff receive a paper dossier for an applicant without an account (a missing name first)
        login(staff);
        browser.get(Api.baseUrl() + "/t/" + unit + "/admin/dossiers/new");
        Chromium.clickAndWait(browser, browser.findElement(By.partialLinkText(procedure)));
        browser.findElement(By.id("f-fullName")).sendKeys("Thào A Chư");
        browser.findElement(By.id("p-to-khai")).sendKeys(pdf.toString());
        Chromium.clickAndWait(browser, browser.findElement(By.id("receive")));
        assertTrue(browser.findElement(By.id("applicantName-error")).getText().contains("họ tên"), browser.getPageSource().length() + "");
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the counter's console");
        browser.findElement(By.id("applicantName")).sendKeys("Thào A Chư");
        browser.findElement(By.id("p-to-khai")).sendKeys(pdf.toString());
        Chromium.clickAndWait(browser, browser.findElement(By.id("receive")));
        assertTrue(browser.findElement(By.id("flash")).getText().startsWith("Đã tiếp nhận hồ sơ " + unit + "-"), browser.findElement(By.id("flash")).getText());
        assertEquals("Đã tiếp nhận", browser.findElement(By.id("status")).getText());
        Chromium.screenshot(browser, "journey-6-counter");

        // the district's leader reads the figures of the district's units: the commune's result among them, drawn
        String leader = Fixtures.user(Fixtures.DISTRICT, true, "UNIT_ADMIN");
        login(leader);
        browser.get(Api.baseUrl() + "/t/" + Fixtures.DISTRICT + "/admin/dossier-stats?subtree=on");
        String row = browser.findElements(By.cssSelector("#figures tbody tr")).stream().map(org.openqa.selenium.WebElement::getText)
                .filter(t -> t.startsWith("Xã Cổng " + unit)).findFirst().orElseThrow();
        assertTrue(row.startsWith("Xã Cổng " + unit + " 2 1 1 0 0 0 0 1 0 100,0%"), row);
        assertTrue(browser.findElement(By.id("chart")).isDisplayed());
        assertTrue(browser.findElement(By.id("csv")).getAttribute("href").contains("format=csv"));
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the figures' console");
        Chromium.screenshot(browser, "journey-7-figures");
    }

    /**
     * A citizen asks from the procedure's page for the postal service to pick their paper dossier up: the login first,
     * a missing address refused in Vietnamese with nothing stored, then the request listed on their page and booked
     * with the post (its tracking number shown).
     */
    @Test
    void aCitizenAsksThePostToPickUpTheirPaperDossierFromTheProceduresPage() throws Exception {
        Api province = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"), Fixtures.PASSWORD);
        String procedure = ProceduresIT.code();
        String definition = ProcessingIT.definition(procedure).replace("\"channels\":[\"online\",\"counter\"]", "\"channels\":[\"online\",\"counter\",\"post\"]");
        assertTrue(definition.contains("\"post\""));
        assertEquals(200, province.post("/api/t/" + Fixtures.PROVINCE + "/procedures/import", "[" + definition + "]").status());
        String unit = PortalIT.commune("xa-gui-buu-dien");
        assertEquals(201, PortalIT.as(unit, "UNIT_ADMIN").put("/api/t/" + unit + "/procedures/adopted/" + procedure, "").status());
        String citizen = Fixtures.user(Fixtures.COMMUNE, false, "CITIZEN");

        browser.manage().deleteAllCookies();
        browser.get(Api.baseUrl() + "/t/" + unit + "/procedures/" + procedure);
        Chromium.clickAndWait(browser, browser.findElement(By.id("pickup")));
        wait(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(citizen);
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("button[type=submit]")));
        wait(ExpectedConditions.urlContains("/pickup"));
        assertEquals("Gửi hồ sơ giấy qua bưu chính", browser.findElement(By.tagName("h1")).getText());
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the pickup page's console");

        // no address: refused beside the field, the e-mail kept, nothing stored
        browser.findElement(By.id("email")).sendKeys("buu-chinh@example.vn");
        Chromium.clickAndWait(browser, browser.findElement(By.id("ask-pickup")));
        assertTrue(browser.findElement(By.id("form-errors")).getText().contains("Chưa có gì được lưu"), browser.findElement(By.id("form-errors")).getText());
        assertTrue(browser.findElement(By.id("address-error")).getText().contains("Hãy ghi địa chỉ"), browser.findElement(By.id("address-error")).getText());
        assertEquals("buu-chinh@example.vn", browser.findElement(By.id("email")).getAttribute("value"));
        assertFalse(Api.as(citizen, Fixtures.PASSWORD).get("/api/me/pickups").body().contains("\"procedureCode\":\"" + procedure + "\""),
                "no pickup of this procedure stored");
        Chromium.screenshot(browser, "pickup-1-refused");
        assertEquals(1, browser.findElements(By.cssSelector("head link[rel=stylesheet][href*='dossiers/dossiers.']")).size(),
                "the module's stylesheet in the site's head");
        assertTrue(browser.findElements(By.cssSelector("body link")).isEmpty(), "no stylesheet inside the body");
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the refused form's console (its own 400 aside)");

        browser.findElement(By.id("address")).sendKeys("Thôn Lùng Vai, xã Quang Kim, huyện Bát Xát");
        Chromium.clickAndWait(browser, browser.findElement(By.id("ask-pickup")));
        wait(ExpectedConditions.urlContains("/me/dossiers?pickup="));
        assertTrue(browser.findElement(By.id("pickup-asked")).getText().contains("Đã gửi yêu cầu"));
        String row = browser.findElement(By.id("pickups")).getText();
        assertTrue(row.contains(procedure) && row.contains("Thôn Lùng Vai"), row);

        // booked with the postal service (its simulator) through the outbox: the page shows the tracking number
        PortalIT.await("the pickup booked", () -> Api.as(citizen, Fixtures.PASSWORD).get("/api/me/pickups").body().contains("\"tracking\""), 30);
        browser.navigate().refresh();
        String booked = browser.findElement(By.id("pickups")).getText();
        assertTrue(booked.matches("(?s).*Bưu điện đã nhận yêu cầu \\(số hiệu bưu gửi EB[0-9]{9}VN\\).*"), booked);
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the applicant's list's console");
        Chromium.screenshot(browser, "pickup-2-booked");
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
