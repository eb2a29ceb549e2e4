package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.egov.it.Fixtures.COMMUNE;
import static vn.egov.it.Fixtures.COUSIN_COMMUNE;
import static vn.egov.it.Fixtures.COUSIN_DISTRICT;
import static vn.egov.it.Fixtures.PASSWORD;
import static vn.egov.it.Fixtures.SIBLING_COMMUNE;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The document flow in real headless Chromium: a department's officer drafts (a file that is not a PDF first:
 * refused beside the field, nothing stored), submits; its leader approves and signs; its clerk numbers, issues and
 * sends it to three communes; one commune's clerk registers it (its signatures shown as valid), another returns it
 * with a reason; the commune's leader directs it, the handler writes a note and finishes; the department sees each
 * receiver's status. A clerk of another commune cannot open the registered copy. Every page of the documents leaves no
 * console error (none breaks the strict content security policy). Screenshots documents-*.png.
 */
class DocumentsBrowserIT extends DeployedEar {
    static WebDriver browser;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start("1280,1300");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void forgetTheConsole() {
        Chromium.consoleErrors(browser); // what an earlier test left
    }

    @Test
    void aDepartmentDraftsSignsAndSendsToThreeCommunesOneRegistersDirectsAndFinishesItAndTheSenderSeesTheStatuses() throws Exception {
        String department = DocumentsIT.DEPARTMENT;
        DocumentsIT.Office office = DocumentsIT.Office.of(department);
        String communeClerk = Fixtures.user(COMMUNE, false, "STAFF", "CLERK");
        String communeLeader = Fixtures.user(COMMUNE, false, "STAFF", "LEADER");
        String handler = Fixtures.staff(COMMUNE);
        String siblingClerk = Fixtures.user(SIBLING_COMMUNE, false, "STAFF", "CLERK");
        String cousinClerk = Fixtures.user(COUSIN_COMMUNE, false, "STAFF", "CLERK");
        String abstractText = "Về việc rà soát hộ nghèo, hộ cận nghèo năm " + DocumentsIT.YEAR + " (" + UUID.randomUUID().toString().substring(0, 8) + ")";
        Path pdf = Files.write(Files.createTempFile("cong-van", ".pdf"), DocumentsIT.pdf("Cong van ra soat ho ngheo"));
        Path notPdf = Files.writeString(Files.createTempFile("cong-van", ".pdf"), "<html>không phải PDF</html>");

        // the officer drafts: a file that is not a PDF is refused beside the field, what was typed is kept, nothing stored
        login(office.staffName());
        browser.get(Api.baseUrl() + "/t/" + department + "/admin/documents");
        Chromium.clickAndWait(browser, browser.findElement(By.linkText("Soạn văn bản đi")));
        browser.findElement(By.id("docType")).sendKeys("Công văn");
        browser.findElement(By.id("symbol")).sendKeys("STP-VP");
        browser.findElement(By.id("abstract")).sendKeys(abstractText);
        browser.findElement(By.id("signer")).sendKeys("Nguyễn Văn An");
        new Select(browser.findElement(By.id("urgency"))).selectByValue("KHAN");
        browser.findElement(By.id("mainFile")).sendKeys(notPdf.toString());
        Chromium.clickAndWait(browser, browser.findElement(By.id("save-draft")));
        assertTrue(browser.findElement(By.id("form-errors")).getText().contains("Chưa có gì được lưu"), browser.findElement(By.id("form-errors")).getText());
        String fileError = browser.findElement(By.id("mainFile-error")).getText();
        assertTrue(fileError.contains("PDF"), fileError);
        assertEquals(abstractText, browser.findElement(By.id("abstract")).getAttribute("value"));
        assertFalse(office.staff().get(DocumentsIT.path(department) + "/outgoing").body().contains(abstractText), "no draft was kept");
        Chromium.screenshot(browser, "documents-1-refused-file");
        noConsoleErrors("the overview and the refused draft");

        browser.findElement(By.id("mainFile")).sendKeys(pdf.toString());
        Chromium.clickAndWait(browser, browser.findElement(By.id("save-draft")));
        assertEquals("Dự thảo", browser.findElement(By.id("status")).getText());
        String documentUrl = browser.getCurrentUrl();
        assertTrue(documentUrl.matches(".*/t/" + department + "/admin/documents/[0-9]+"), documentUrl);
        Chromium.clickAndWait(browser, browser.findElement(By.id("submit")));
        assertEquals("Chờ lãnh đạo duyệt", browser.findElement(By.id("status")).getText());
        assertTrue(browser.findElements(By.id("approve")).size() == 1, "the form is shown; the server decides whose duty it is");
        // the officer is not the leader: signing is refused on the page, nothing changed
        Chromium.clickAndWait(browser, browser.findElement(By.id("approve")));
        assertTrue(browser.findElement(By.id("action-error")).getText().length() > 0);
        assertEquals("Chờ lãnh đạo duyệt", browser.findElement(By.id("status")).getText());

        // the leader approves: the PDF is signed in their name
        login(office.leaderName());
        browser.get(documentUrl);
        browser.findElement(By.id("approve-note")).sendKeys("Đồng ý ban hành");
        Chromium.clickAndWait(browser, browser.findElement(By.id("approve")));
        assertEquals("Đã ký, chờ cấp số", browser.findElement(By.id("status")).getText());
        assertTrue(browser.findElement(By.id("files")).getText().contains("Chữ ký số hợp lệ"), browser.findElement(By.id("files")).getText());
        Chromium.screenshot(browser, "documents-2-signed");
        noConsoleErrors("a document's page");

        // the clerk numbers and issues it, then sends it to three communes
        login(office.clerkName());
        browser.get(documentUrl);
        Chromium.clickAndWait(browser, browser.findElement(By.id("issue")));
        assertEquals("Đã ban hành", browser.findElement(By.id("status")).getText());
        String flash = browser.findElement(By.id("flash")).getText();
        String numberSymbol = flash.replaceAll(".*Đã cấp số ([0-9]+/STP-VP).*", "$1");
        assertTrue(numberSymbol.matches("[0-9]{2,}/STP-VP"), flash);
        // sent to no unit: refused, the message beside the unit picker, which says it
        Chromium.clickAndWait(browser, browser.findElement(By.id("send")));
        assertEquals("Hãy chọn ít nhất một đơn vị nhận.", browser.findElement(By.id("to-error")).getText());
        assertEquals("true", browser.findElement(By.id("to")).getAttribute("aria-invalid"));
        assertEquals("to-hint to-error", browser.findElement(By.id("to")).getAttribute("aria-describedby"));
        assertEquals("Đơn vị nhận", browser.findElement(By.cssSelector("label[for=to]")).getText());
        noConsoleErrors("the refused send (its own 400 aside)");
        Select to = new Select(browser.findElement(By.id("to")));
        to.selectByValue(COMMUNE);
        to.selectByValue(SIBLING_COMMUNE);
        // the search box: "ban phiet" (no diacritics) keeps Bản Phiệt and the units chosen already, hides the others
        browser.findElement(By.id("to-filter")).sendKeys("ban phiet");
        assertEquals("false", browser.findElement(By.cssSelector("#to option[value='" + COUSIN_COMMUNE + "']")).getDomProperty("hidden"));
        assertEquals("false", browser.findElement(By.cssSelector("#to option[value='" + SIBLING_COMMUNE + "']")).getDomProperty("hidden"), "chosen: kept");
        assertEquals("true", browser.findElement(By.cssSelector("#to option[value='" + COUSIN_DISTRICT + "']")).getDomProperty("hidden"));
        to.selectByValue(COUSIN_COMMUNE);
        Chromium.screenshot(browser, "documents-3-send");
        Chromium.clickAndWait(browser, browser.findElement(By.id("send")));
        assertTrue(browser.findElement(By.id("flash")).getText().contains("Đã gửi đến 3 đơn vị"), browser.findElement(By.id("flash")).getText());
        for (String commune : new String[] {COMMUNE, SIBLING_COMMUNE, COUSIN_COMMUNE}) {
            assertTrue(browser.findElement(By.id("to-" + commune)).getText().contains("Đã nhận, chờ vào sổ"), commune);
        }

        // the commune's clerk registers it from the queue: the next arrival number, the signatures checked and shown
        login(communeClerk);
        browser.get(Api.baseUrl() + "/t/" + COMMUNE + "/admin/documents");
        WebElement row = queueRow(abstractText);
        assertTrue(row.getText().contains(numberSymbol) && row.getText().contains("Sở Tư pháp"), row.getText());
        Chromium.screenshot(browser, "documents-4-queue");
        noConsoleErrors("the overview with its queue");
        Chromium.clickAndWait(browser, row.findElement(By.cssSelector("button[id^=accept-]")));
        assertEquals("Đã vào sổ, chờ phân công", browser.findElement(By.id("status")).getText());
        assertTrue(browser.findElement(By.id("flash")).getText().startsWith("Đã vào sổ đến số "), browser.findElement(By.id("flash")).getText());
        String files = browser.findElement(By.id("files")).getText();
        assertTrue(files.contains("Chữ ký số hợp lệ") && files.contains(office.leaderName()), "signed by the department's leader: " + files);
        String incomingUrl = browser.getCurrentUrl();
        String incomingId = incomingUrl.replaceAll(".*/documents/([0-9]+).*", "$1");
        // the same page in English: the signatures' verdict and the platform's line of the history in the reader's language
        browser.get(Api.baseUrl() + "/t/" + COMMUNE + "/admin/documents/" + incomingId + "?lang=en");
        String englishFiles = browser.findElement(By.id("files")).getText();
        assertTrue(englishFiles.contains("The digital signature is valid") && !englishFiles.contains("Chữ ký số hợp lệ"), englishFiles);
        String englishHistory = browser.findElement(By.id("history")).getText();
        assertTrue(englishHistory.contains("Received from the sending unit through the platform"), englishHistory);
        // and in Vietnamese as before
        browser.get(Api.baseUrl() + "/t/" + COMMUNE + "/admin/documents/" + incomingId + "?lang=vi");
        assertTrue(browser.findElement(By.id("files")).getText().contains("Chữ ký số hợp lệ"), browser.findElement(By.id("files")).getText());
        assertTrue(browser.findElement(By.id("history")).getText().contains("Nhận từ đơn vị gửi qua hệ thống"),
                browser.findElement(By.id("history")).getText());
        Chromium.screenshot(browser, "documents-5-registered");

        // another commune returns it with a reason
        login(siblingClerk);
        browser.get(Api.baseUrl() + "/t/" + SIBLING_COMMUNE + "/admin/documents");
        WebElement siblingRow = queueRow(abstractText);
        siblingRow.findElement(By.tagName("summary")).click();
        siblingRow.findElement(By.cssSelector("textarea[name=reason]")).sendKeys("Không thuộc thẩm quyền của xã, đề nghị gửi Phòng Lao động huyện");
        Chromium.clickAndWait(browser, siblingRow.findElement(By.cssSelector("button[id^=return-]")));
        assertTrue(browser.findElement(By.id("flash")).getText().contains("Đã trả lại"));

        // a clerk of a third commune cannot open the first commune's copy (by its address or under its own unit)
        login(cousinClerk);
        browser.get(Api.baseUrl() + "/t/" + COMMUNE + "/admin/documents/" + incomingId);
        assertFalse(browser.getPageSource().contains(abstractText), "another commune's registered copy is not shown");
        browser.get(Api.baseUrl() + "/t/" + COUSIN_COMMUNE + "/admin/documents/" + incomingId);
        assertFalse(browser.getPageSource().contains(abstractText), "nor under its own unit");
        Chromium.consoleErrors(browser); // the two refusals (404) are the answers expected

        // the commune's leader directs it to a handler, with a deadline
        login(communeLeader);
        browser.get(incomingUrl);
        browser.findElement(By.id("leadHandler")).sendKeys(handler);
        String handleBy = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(7));
        browser.findElement(By.id("handleBy")).sendKeys(handleBy);
        browser.findElement(By.id("direction")).sendKeys("Giao công chức Lao động - Thương binh và Xã hội chủ trì rà soát");
        Chromium.clickAndWait(browser, browser.findElement(By.id("direct")));
        assertEquals("Đang xử lý", browser.findElement(By.id("status")).getText());
        assertEquals(handler, browser.findElement(By.id("lead-handler")).getText());

        // the handler finds it in their work, writes a note and finishes it
        login(handler);
        browser.get(Api.baseUrl() + "/t/" + COMMUNE + "/admin/documents");
        WebElement work = browser.findElement(By.id("work"));
        assertTrue(work.getText().contains(abstractText.substring(0, 30)) && work.getText().contains(handleBy), work.getText());
        Chromium.clickAndWait(browser, work.findElement(By.linkText(numberSymbol)));
        browser.findElement(By.id("note-text")).sendKeys("Đã rà soát 12 thôn, bản");
        Chromium.clickAndWait(browser, browser.findElement(By.id("note-form")).findElement(By.tagName("button")));
        browser.findElement(By.id("result")).sendKeys("Đã báo cáo kết quả rà soát về Sở Tư pháp");
        Chromium.clickAndWait(browser, browser.findElement(By.id("done")));
        assertEquals("Đã xử lý xong", browser.findElement(By.id("status")).getText());
        String history = browser.findElement(By.id("history")).getText();
        assertTrue(history.contains("Đã rà soát 12 thôn, bản") && history.contains("Lãnh đạo phân công") && history.contains("Hoàn thành xử lý"), history);
        Chromium.screenshot(browser, "documents-6-done");

        // the department sees each receiver's status
        login(office.clerkName());
        browser.get(documentUrl);
        assertTrue(browser.findElement(By.id("to-" + COMMUNE)).getText().contains("Đã vào sổ đến"), browser.findElement(By.id("to-" + COMMUNE)).getText());
        String returned = browser.findElement(By.id("to-" + SIBLING_COMMUNE)).getText();
        assertTrue(returned.contains("Bị trả lại") && returned.contains("Không thuộc thẩm quyền"), returned);
        assertTrue(browser.findElement(By.id("to-" + COUSIN_COMMUNE)).getText().contains("Đã nhận, chờ vào sổ"));

        // and sends it to a ministry outside the platform: an edXML package through the national axis (its simulator), via the outbox,
        // From the department's organ id, which its administrator sets on the page (a wrong form first; the same value every run)
        noConsoleErrors("directing, handling and the receivers' statuses");
        login(Fixtures.user(department, false, "UNIT_ADMIN"));
        browser.get(Api.baseUrl() + "/t/" + department + "/admin/documents");
        browser.findElement(By.id("organId")).clear();
        browser.findElement(By.id("organId")).sendKeys("UBND-STP");
        Chromium.clickAndWait(browser, browser.findElement(By.id("save-organ-id")));
        assertTrue(browser.findElement(By.id("action-error")).getText().contains("000.00.16.H38"), browser.findElement(By.id("action-error")).getText());
        noConsoleErrors("the refused organ id"); // its own 400 is the answer expected, no error of the page
        browser.findElement(By.id("organId")).clear();
        browser.findElement(By.id("organId")).sendKeys(DocumentExchangeIT.DEPARTMENT_ORGAN);
        Chromium.clickAndWait(browser, browser.findElement(By.id("save-organ-id")));
        assertEquals(DocumentExchangeIT.DEPARTMENT_ORGAN, browser.findElement(By.id("organ-id")).getText());
        login(office.clerkName());
        browser.get(Api.baseUrl() + "/t/" + department + "/admin/documents");
        assertEquals(DocumentExchangeIT.DEPARTMENT_ORGAN, browser.findElement(By.id("organ-id")).getText());
        assertTrue(browser.findElements(By.id("save-organ-id")).isEmpty(), "the clerk reads it, and only administrators change it");
        browser.get(documentUrl);
        browser.findElement(By.xpath("//summary[contains(., 'ngoài hệ thống')]")).click();
        browser.findElement(By.id("organs")).sendKeys("000.00.00.G22");
        Chromium.clickAndWait(browser, browser.findElement(By.id("send-external")));
        assertTrue(browser.findElement(By.id("flash")).getText().contains("Đã xếp 1 gói tin edXML"), browser.findElement(By.id("flash")).getText());
        PortalIT.await("the package taken by the axis", () -> {
            browser.navigate().refresh();
            return browser.findElement(By.id("outbound")).getText().contains("Đã gửi lên trục liên thông");
        }, 30);
        assertTrue(browser.findElement(By.id("outbound")).getText().contains("000.00.00.G22"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("files")));
        Chromium.screenshot(browser, "documents-7-statuses");
        noConsoleErrors("the organ id and sending through the axis");
    }

    /**
     * A commune's clerk registers a paper document with its scan: a wrong date is shown beside its field; the same number
     * from the same issuer again is shown as a possible duplicate (nothing stored) and registered once confirmed.
     */
    @Test
    void aClerkRegistersAPaperDocumentAndIsWarnedOfADuplicate() throws Exception {
        String clerk = Fixtures.user(COUSIN_COMMUNE, false, "STAFF", "CLERK");
        String numberSymbol = DocumentsIT.uniqueNumber() + "/UBND-VP";
        String tag = "hn" + DocumentsIT.uniqueNumber();
        Path scan = Files.write(Files.createTempFile("ban-quet", ".pdf"), DocumentsIT.pdf("Giay moi hop"));
        login(clerk);
        browser.get(Api.baseUrl() + "/t/" + COUSIN_COMMUNE + "/admin/documents");
        Chromium.clickAndWait(browser, browser.findElement(By.linkText("Vào sổ văn bản giấy")));
        fillPaper(numberSymbol, "31/02/2026", scan, tag);
        Chromium.clickAndWait(browser, browser.findElement(By.id("register-paper")));
        assertTrue(browser.findElement(By.id("issuedOn-error")).getText().length() > 0, "the wrong date is named beside its field");
        assertEquals("Giấy mời dự hội nghị tổng kết công tác dân số " + tag, browser.findElement(By.id("abstract")).getAttribute("value"));
        browser.findElement(By.id("issuedOn")).clear();
        browser.findElement(By.id("issuedOn")).sendKeys("02/01/" + DocumentsIT.YEAR);
        browser.findElement(By.id("scan")).sendKeys(scan.toString());
        Chromium.clickAndWait(browser, browser.findElement(By.id("register-paper")));
        assertEquals("Đã vào sổ, chờ phân công", browser.findElement(By.id("status")).getText());
        assertTrue(browser.findElement(By.id("files")).getText().contains("Bản quét"), browser.findElement(By.id("files")).getText());

        // the same document again: a warning, nothing stored, then registered once the clerk confirms
        browser.get(Api.baseUrl() + "/t/" + COUSIN_COMMUNE + "/admin/documents/incoming/new");
        fillPaper(numberSymbol, "02/01/" + DocumentsIT.YEAR, scan, tag);
        Chromium.clickAndWait(browser, browser.findElement(By.id("register-paper")));
        String warning = browser.findElement(By.id("form-errors")).getText();
        assertTrue(warning.contains("có thể đã vào sổ") && warning.contains(numberSymbol), warning);
        Chromium.screenshot(browser, "documents-8-possible-duplicate");
        noConsoleErrors("the paper form, refused");
        browser.findElement(By.id("confirmDuplicate")).click();
        browser.findElement(By.id("scan")).sendKeys(scan.toString());
        Chromium.clickAndWait(browser, browser.findElement(By.id("register-paper")));
        assertEquals("Đã vào sổ, chờ phân công", browser.findElement(By.id("status")).getText());
        browser.get(Api.baseUrl() + "/t/" + COUSIN_COMMUNE + "/admin/documents");
        assertEquals(2, browser.findElement(By.id("incoming")).findElements(By.linkText(numberSymbol)).size(), "registered twice, knowingly");

        // found by its words without their marks once the search outbox has carried it to Solr; not by another commune's clerk
        String words = "tong ket cong tac dan so " + tag;
        PortalIT.await("the paper document searchable", () -> {
            browser.get(Api.baseUrl() + "/t/" + COUSIN_COMMUNE + "/admin/documents/search?q=" + java.net.URLEncoder.encode(words, java.nio.charset.StandardCharsets.UTF_8));
            return browser.findElements(By.cssSelector("#results li")).size() == 2;
        }, 30);
        assertTrue(browser.findElement(By.id("results")).getText().contains("tổng kết công tác dân số"), browser.findElement(By.id("results")).getText());
        Chromium.screenshot(browser, "documents-9-search");
        noConsoleErrors("the search");
        Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("#results li a")));
        assertTrue(browser.findElement(By.id("abstract")).getText().contains(tag));
        login(Fixtures.user(COMMUNE, false, "STAFF", "CLERK"));
        browser.get(Api.baseUrl() + "/t/" + COMMUNE + "/admin/documents/search?q=" + tag);
        assertEquals("Tìm thấy 0 văn bản.", browser.findElement(By.id("found")).getText(), "another commune finds nothing");
    }

    private static void fillPaper(String numberSymbol, String issuedOn, Path scan, String tag) {
        browser.findElement(By.id("numberSymbol")).sendKeys(numberSymbol);
        browser.findElement(By.id("issuer")).sendKeys("UBND huyện Bảo Thắng");
        browser.findElement(By.id("docType")).sendKeys("Giấy mời");
        browser.findElement(By.id("abstract")).sendKeys("Giấy mời dự hội nghị tổng kết công tác dân số " + tag);
        browser.findElement(By.id("issuedOn")).sendKeys(issuedOn);
        browser.findElement(By.id("scan")).sendKeys(scan.toString());
    }

    /** What came from outside by edXML waits on the clerk's overview, most urgent first, and is registered from there. */
    @Test
    void aClerkRegistersAnEdXmlDocumentFromTheOverview() throws Exception {
        String clerk = Fixtures.user(SIBLING_COMMUNE, false, "STAFF", "CLERK");
        vn.egov.platform.signing.TestPki pki = vn.egov.platform.signing.TestPki.create(DocumentsIT.platformPki(),
                Files.readString(DocumentsIT.platformPki().resolve(".password")).strip().toCharArray());
        String subject = "Về việc hướng dẫn đăng ký khai sinh " + UUID.randomUUID().toString().substring(0, 8);
        java.net.http.HttpResponse<String> posted = DocumentsIT.postXml(clerk, SIBLING_COMMUNE, DocumentsIT.edxml(pki, SIBLING_COMMUNE, subject, null));
        assertEquals(201, posted.statusCode(), posted.body());
        login(clerk);
        browser.get(Api.baseUrl() + "/t/" + SIBLING_COMMUNE + "/admin/documents");
        WebElement row = browser.findElements(By.cssSelector("#edxml-waiting tbody tr")).stream().filter(r -> r.getText().contains(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("not waiting: " + subject));
        assertTrue(row.getText().contains("Bộ Tư pháp") && row.getText().contains("000.00.00.G12") && row.getText().contains("Hỏa tốc"), row.getText());
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("edxml")));
        Chromium.screenshot(browser, "documents-10-edxml-waiting");
        noConsoleErrors("the overview with edXML waiting");
        Chromium.clickAndWait(browser, row.findElement(By.cssSelector("button[id^=accept-edxml-]")));
        assertEquals("Đã vào sổ, chờ phân công", browser.findElement(By.id("status")).getText());
        // the package is signed; the PDF inside it is not, and the handler is told so
        assertTrue(browser.findElement(By.id("files")).getText().contains("cong-van.pdf Văn bản chính Tệp không có chữ ký số"),
                browser.findElement(By.id("files")).getText());
        assertEquals(subject, browser.findElement(By.id("abstract")).getText());
    }

    /**
     * A change the search index does not have yet is said on the document's page ("being indexed"), and no longer once
     * the outbox has sent it: a pending change is put in the outbox by hand (due never) to hold the state still.
     */
    @Test
    void aDocumentNotYetInTheSearchIndexSaysSo() throws Exception {
        DocumentsIT.Office office = DocumentsIT.Office.of(COMMUNE);
        long id = DocumentsIT.issued(office, DocumentsIT.draftJson("Chỉ mục " + DocumentsIT.uniqueNumber())).getJsonNumber("id").longValue();
        String page = "/t/" + COMMUNE + "/admin/documents/" + id;
        login(office.clerkName());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
            browser.get(Api.baseUrl() + page);
            return browser.findElements(By.id("indexing")).isEmpty();
        });
        try (java.sql.Connection c = Fixtures.provinceScoped(); java.sql.PreparedStatement ps = c.prepareStatement(
                "INSERT INTO search_outbox (tenant_id, doc_id, op, document, next_attempt_at) SELECT id, ?, 'delete', NULL, 'infinity' FROM tenant WHERE code = ?")) {
            ps.setString(1, "document:" + id);
            ps.setString(2, COMMUNE);
            assertEquals(1, ps.executeUpdate());
            c.commit();
        }
        try {
            browser.get(Api.baseUrl() + page);
            assertTrue(browser.findElement(By.id("indexing")).getText().startsWith("Đang lập chỉ mục tìm kiếm"));
            Chromium.screenshot(browser, "documents-indexing");
        } finally {
            try (java.sql.Connection c = Fixtures.provinceScoped();
                 java.sql.PreparedStatement ps = c.prepareStatement("DELETE FROM search_outbox WHERE doc_id = ? AND next_attempt_at = 'infinity'")) {
                ps.setString(1, "document:" + id);
                ps.executeUpdate();
                c.commit();
            }
        }
    }

    private static void noConsoleErrors(String what) {
        assertEquals(List.of(), Chromium.consoleErrors(browser), what + ": console errors or policy violations");
    }

    private static WebElement queueRow(String abstractText) {
        return browser.findElements(By.cssSelector("#queue tbody tr")).stream().filter(r -> r.getText().contains(abstractText)).findFirst()
                .orElseThrow(() -> new AssertionError("not in the queue: " + abstractText));
    }

    private static void login(String username) {
        browser.manage().deleteAllCookies();
        browser.get(Api.baseUrl() + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("button[type=submit]")));
    }
}
