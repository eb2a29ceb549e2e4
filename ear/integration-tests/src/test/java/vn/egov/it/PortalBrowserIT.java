package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A unit's portal in a real headless Chromium: an editor writes an article and submits it; the unit's administrator
 * previews and applies a new theme, adds a menu item, reviews and publishes the article; the public site shows it
 * with the new theme and menu, the district's portal shows it rolled up, and the keyboard reaches the main content.
 * Screenshots in target/screenshots/portal-*.png.
 */
class PortalBrowserIT extends DeployedEar {
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
    void anEditorAndTheAdminPublishAnArticleThroughReviewUnderANewThemeAndMenu() throws Exception {
        String unit = PortalIT.commune("xa-web");
        String editor = Fixtures.user(unit, false, "EDITOR");
        String admin = Fixtures.user(unit, false, "UNIT_ADMIN");
        String mark = "Lễ hội xuống đồng " + UUID.randomUUID().toString().substring(0, 6);

        // the editor writes and submits
        login(editor);
        Chromium.consoleErrors(browser); // what the login page left
        browser.get(Api.baseUrl() + "/t/" + unit + "/admin/portal/articles/new");
        browser.findElement(By.id("title")).sendKeys(mark);
        browser.findElement(By.id("summary")).sendKeys("Bà con các dân tộc trong xã cùng xuống đồng đầu năm.");
        // the body in the rich text editor (TinyMCE over the textarea), bold from its Vietnamese toolbar
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return !!(window.tinymce && tinymce.get('body') && tinymce.get('body').initialized)")));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertEquals("6.8.5", js.executeScript("return tinymce.majorVersion + '.' + tinymce.minorVersion"), "the TinyMCE served");
        assertEquals("public, max-age=31536000, immutable", js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch('/vendor/tinymce/6.8.5/tinymce.min.js').then(function (r) { done(r.headers.get('Cache-Control')); })"),
                "TinyMCE's files, under a path with its version, are kept a year");
        // the page's policy: nothing inline but the one attribute value TinyMCE writes as markup, allowed by its hash
        String policy = (String) js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch(location.href).then(function (r) { done(r.headers.get('Content-Security-Policy')); })");
        assertTrue(policy.contains("script-src 'self';") && policy.contains("style-src 'self';"), policy);
        assertFalse(policy.contains("unsafe-inline") || policy.contains("blob:"), policy);
        assertTrue(policy.contains("style-src-attr 'unsafe-hashes' 'sha256-BSTKIYoPCaklkJ9YS/ZVYuKW8e+DG8jZJCXznBzHjgg=';"), policy);
        assertResizeHandle();
        WebElement bold = browser.findElement(By.cssSelector("button[aria-label='In đậm']"));
        browser.switchTo().frame("body_ifr");
        browser.findElement(By.id("tinymce")).click(); // into the editor, as a user would
        browser.switchTo().defaultContent();
        typeInEditor("Sáng nay, ");
        bold.click();
        typeInEditor("hàng trăm người");
        bold.click();
        typeInEditor(" đã tham dự. <script>alert(1)</script>");
        // a second paragraph, centred from the toolbar: a class, not an inline style
        typeInEditor(Keys.ENTER + "Lễ khai mạc ở sân văn hoá.");
        browser.findElement(By.cssSelector("button[aria-label='Căn giữa']")).click();
        browser.switchTo().frame("body_ifr");
        WebElement centred = browser.findElement(By.cssSelector("#tinymce p:last-child"));
        assertEquals("align-center", centred.getAttribute("class"));
        assertEquals(null, centred.getDomAttribute("style"), "no style attribute");
        assertEquals("center", centred.getCssValue("text-align"), "the editing frame shows it centred (content.css)");
        browser.switchTo().defaultContent();
        assertBlockMenuInVietnamese();
        pasteStyledHtml();
        indentFirstParagraph();
        js.executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("title")));
        screenshot("portal-1a-rich-text");
        // a cover and an attachment uploaded with the article
        java.nio.file.Path cover = java.nio.file.Files.createTempFile("anh-bia", ".png");
        java.nio.file.Files.write(cover, ItEnvironment.png(640, 360));
        java.nio.file.Path pdf = java.nio.file.Files.createTempFile("ke-hoach", ".pdf");
        java.nio.file.Files.write(pdf, PortalEditingIT.PDF);
        browser.findElement(By.id("newCover")).sendKeys(cover.toString());
        browser.findElement(By.id("newAttachments")).sendKeys(pdf.toString());
        browser.findElement(By.id("author")).sendKeys("Ban biên tập xã");
        browser.findElement(By.id("shareUpward-on")).click();
        browser.findElement(By.id("featured-on")).click();
        screenshot("portal-1-editor-writes");
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the article form with its rich text editor: console errors or policy violations");
        clickAndWait(browser.findElement(By.id("save-submit")));
        assertEquals("Chờ duyệt", browser.findElement(By.id("status")).getText());
        assertTrue(browser.findElement(By.id("flash")).getText().contains("gửi duyệt"));
        screenshot("portal-2-submitted");
        logout();

        // the administrator: theme with preview, then apply
        login(admin);
        browser.get(Api.baseUrl() + "/t/" + unit + "/admin/portal/theme");
        setColour("primary", "#ffee58");
        clickAndWait(browser.findElement(By.id("theme-preview")));
        assertTrue(browser.findElement(By.id("primary-error")).getText().contains("4,5:1"), "a pale header colour is refused");
        screenshot("portal-3-theme-contrast-refused");
        setColour("primary", "#14532d");
        new Select(browser.findElement(By.id("layout"))).selectByValue("magazine");
        browser.findElement(By.id("footerText")).clear();
        browser.findElement(By.id("footerText")).sendKeys("Trang thông tin điện tử của xã – vì dân phục vụ");
        clickAndWait(browser.findElement(By.id("theme-preview")));
        WebElement frame = browser.findElement(By.id("preview"));
        assertTrue(PortalIT.themeOf(frame.getAttribute("srcdoc")).contains("--primary:#14532d"), "the preview shows the proposed colour");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", frame);
        screenshot("portal-4-theme-preview");
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the theme page and its preview: console errors or policy violations");
        assertTrue(!PortalIT.themeOf(Api.anonymous().get("/t/" + unit + "/", "text/html").body()).contains("#14532d"), "nothing applied by a preview");
        clickAndWait(browser.findElement(By.id("theme-save")));
        assertTrue(browser.findElement(By.id("flash")).getText().contains("giao diện mới"));

        // a menu item
        browser.get(Api.baseUrl() + "/t/" + unit + "/admin/portal/menu");
        browser.findElement(By.id("label")).sendKeys("Dịch vụ công");
        new Select(browser.findElement(By.id("kind"))).selectByValue("url");
        browser.findElement(By.id("target")).sendKeys("https://dichvucong.gov.vn");
        clickAndWait(browser.findElement(By.id("menu-add")));
        assertTrue(browser.findElement(By.id("menu-items")).getText().contains("Dịch vụ công"));
        // a second item, chosen from the unit's categories, then moved before the first
        browser.findElement(By.id("label")).sendKeys("Thông báo của xã");
        new Select(browser.findElement(By.id("kind"))).selectByValue("category");
        new Select(browser.findElement(By.id("targetCategory"))).selectByVisibleText("Thông báo");
        clickAndWait(browser.findElement(By.id("menu-add")));
        clickAndWait(browser.findElement(By.cssSelector("button[aria-label='Chuyển lên: Thông báo của xã']")));
        String order = browser.findElement(By.id("menu-items")).getText();
        assertTrue(order.indexOf("Thông báo của xã") < order.indexOf("Dịch vụ công"), order);
        screenshot("portal-4b-menu");
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the menu editor: console errors or policy violations");

        // review and publish
        browser.get(Api.baseUrl() + "/t/" + unit + "/admin/portal");
        clickAndWait(browser.findElement(By.linkText(mark)));
        screenshot("portal-5-review");
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the dashboard and the review: console errors or policy violations");
        clickAndWait(browser.findElement(By.id("do-approve")));
        assertEquals("Đã xuất bản", browser.findElement(By.id("status")).getText());
        logout();

        // the public site, as a visitor
        Chromium.consoleErrors(browser); // what the editor's pages left
        browser.get(Api.baseUrl() + "/t/" + unit + "/");
        assertEquals("vi", browser.findElement(By.tagName("html")).getAttribute("lang"));
        String menu = browser.findElement(By.cssSelector("nav.menu")).getText();
        assertTrue(menu.contains("Dịch vụ công") && menu.indexOf("Thông báo của xã") < menu.indexOf("Dịch vụ công"), menu);
        // the unit's own menu has no home entry: the site's still starts with one (issue 22), and ends with the services
        assertEquals("Trang chủ", browser.findElement(By.cssSelector("nav.menu > ul > li:first-child > a")).getText(), menu);
        assertEquals("Phản ánh, kiến nghị", browser.findElement(By.cssSelector("nav.menu > ul > li:last-child > a")).getText(), menu);
        assertTrue(browser.findElement(By.cssSelector("header.site")).getCssValue("background-color").startsWith("rgba(20, 83, 45"), "the new theme colour");
        assertTrue(browser.findElement(By.tagName("footer")).getText().contains("vì dân phục vụ"));
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement skip = browser.switchTo().activeElement();
        assertEquals("Bỏ qua, đến nội dung chính", skip.getText(), "the first Tab reaches the skip link");
        skip.sendKeys(Keys.ENTER);
        assertEquals("main", browser.switchTo().activeElement().getAttribute("id"), "Enter moves the focus to the main content");
        screenshot("portal-6-public-home");
        clickAndWait(browser.findElement(By.linkText(mark)));
        assertEquals(mark, browser.findElement(By.tagName("h1")).getText());
        assertEquals("hàng trăm người", browser.findElement(By.cssSelector(".body strong")).getText(), "bold from the editor");
        assertTrue(browser.findElement(By.cssSelector(".body")).getText().startsWith("Sáng nay, hàng trăm người đã tham dự."),
                browser.findElement(By.cssSelector(".body")).getText());
        assertTrue(browser.findElements(By.cssSelector(".body script")).isEmpty(), "sanitised");
        WebElement centredOnSite = browser.findElement(By.cssSelector(".body p.align-center"));
        assertEquals("Lễ khai mạc ở sân văn hoá.", centredOnSite.getText(), "the paragraph centred in the editor");
        assertEquals("center", centredOnSite.getCssValue("text-align"), "and shown centred on the site");
        assertTrue(List.of("start", "left").contains(browser.findElement(By.cssSelector(".body p")).getCssValue("text-align")),
                "the first paragraph is not");
        assertEquals("40px", browser.findElement(By.cssSelector(".body p.indent-1")).getCssValue("margin-left"),
                "the paragraph indented in the editor, shown indented");
        WebElement pastedOnSite = browser.findElement(By.cssSelector(".body p.align-right"));
        assertEquals("Ủy ban nhân dân xã thông báo lịch tiếp công dân.", pastedOnSite.getText());
        assertEquals("right", pastedOnSite.getCssValue("text-align"), "the pasted alignment, a class on the site too");
        assertEquals("80px", browser.findElement(By.cssSelector(".body p.indent-2")).getCssValue("margin-left"), "the pasted margin");
        assertEquals("lịch tiếp công dân", pastedOnSite.findElement(By.cssSelector("strong")).getText(), "the pasted bold, kept by the server");
        assertEquals("thứ Năm", browser.findElement(By.cssSelector(".body p.indent-2 strong > em")).getText(), "the pasted bold italic");
        assertEquals("Đường dây nóng", browser.findElement(By.cssSelector(".body u")).getText(), "the pasted underline");
        assertTrue(browser.findElement(By.cssSelector("main figure img")).getAttribute("src").contains("/files/"), "the uploaded cover");
        WebElement attachment = browser.findElement(By.cssSelector("section[aria-labelledby=att-h] a"));
        assertTrue(attachment.getText().endsWith(".pdf"), attachment.getText());
        assertEquals(200, PortalIT.bytes(new java.net.URI(attachment.getAttribute("href")).getRawPath(), null).statusCode(),
                "the attachment is public with its article");
        screenshot("portal-7-article");

        // the district's portal rolls it up
        browser.get(Api.baseUrl() + "/t/" + Fixtures.DISTRICT + "/");
        WebElement rolled = browser.findElement(By.cssSelector("section.rolled-up"));
        assertTrue(rolled.getText().contains(mark) && rolled.getText().contains("Xã Cổng " + unit), rolled.getText());
        screenshot("portal-8-district-rolled-up");
        browser.get(Api.baseUrl() + "/t/" + unit + "/?lang=en");
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(browser.getPageSource().contains("Latest news"));
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.get(Api.baseUrl() + "/t/" + unit + "/");
        screenshot("portal-9-phone");
        assertEquals(java.util.List.of(), Chromium.consoleErrors(browser), "the site's pages break no rule of their strict policy");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
    }

    /**
     * The article editor in English ({@code ?lang=en}): TinyMCE's toolbar, menus and resize handle speak English (the
     * portal's editor_en words, no language pack), the page breaks no rule of its policy; back in Vietnamese
     * ({@code ?lang=vi}), they speak Vietnamese again.
     */
    @Test
    void theArticleEditorSpeaksTheLanguageOfThePage() throws Exception {
        String unit = PortalIT.commune("xa-soan-thao");
        login(Fixtures.user(unit, false, "EDITOR"));
        Chromium.consoleErrors(browser); // what the login page left
        browser.get(Api.baseUrl() + "/t/" + unit + "/admin/portal/articles/new?lang=en");
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
        waitForEditor();
        WebElement bold = browser.findElement(By.cssSelector("button[aria-label='Bold']"));
        assertTrue(bold.isDisplayed(), "the toolbar's bold button, named in English");
        assertEquals(1, browser.findElements(By.cssSelector("button[aria-label='Align center']")).size());
        assertEquals("Press the Up and Down arrow keys to resize the editor.",
                browser.findElement(By.cssSelector(".tox-statusbar__resize-handle")).getAttribute("aria-label"));
        WebElement blocks = browser.findElement(By.cssSelector("button[aria-label^='Block ']"));
        blocks.click();
        List<String> items = browser.findElements(By.cssSelector(".tox-collection__item-label")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("Paragraph", "Heading 2", "Heading 3", "Heading 4"), items, "the block formats, in English");
        blocks.click();
        assertTrue(browser.findElements(By.cssSelector("button[aria-label='In đậm']")).isEmpty(), "no Vietnamese in the toolbar");
        screenshot("portal-editor-en");
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the editor in English: console errors or policy violations");

        browser.get(Api.baseUrl() + "/t/" + unit + "/admin/portal/articles/new?lang=vi");
        assertEquals("vi", browser.findElement(By.tagName("html")).getAttribute("lang"));
        waitForEditor();
        assertEquals(1, browser.findElements(By.cssSelector("button[aria-label='In đậm']")).size(), "the toolbar in Vietnamese again");
        assertEquals(1, browser.findElements(By.cssSelector("button[aria-label='Căn giữa']")).size());
        assertTrue(browser.findElements(By.cssSelector("button[aria-label='Bold']")).isEmpty(), "no English in the toolbar");
        assertBlockMenuInVietnamese();
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the editor in Vietnamese: console errors or policy violations");
        logout();
    }

    /** Waits until TinyMCE has made the article's body its editor. */
    private static void waitForEditor() {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return !!(window.tinymce && tinymce.get('body') && tinymce.get('body').initialized)")));
    }

    /**
     * TinyMCE's resize handle is a window splitter (ARIA's focusable separator): role, orientation, the editor's height
     * as its value within its bounds, the editor as what it controls, a Vietnamese name; the Down key makes it taller.
     */
    private static void assertResizeHandle() {
        WebElement handle = browser.findElement(By.cssSelector(".tox-statusbar__resize-handle"));
        WebElement container = browser.findElement(By.cssSelector(".tox-tinymce"));
        assertEquals("separator", handle.getAttribute("role"), "the resize handle says what it is");
        assertEquals("horizontal", handle.getAttribute("aria-orientation"));
        assertEquals("100", handle.getAttribute("aria-valuemin"));
        assertEquals("2000", handle.getAttribute("aria-valuemax"));
        assertEquals(String.valueOf(container.getSize().getHeight()), handle.getAttribute("aria-valuenow"));
        assertEquals(container.getAttribute("id"), handle.getAttribute("aria-controls"));
        assertEquals("Nhấn phím mũi tên lên hoặc xuống để đổi chiều cao vùng soạn thảo.", handle.getAttribute("aria-label"));
        int before = Integer.parseInt(handle.getAttribute("aria-valuenow"));
        handle.sendKeys(Keys.ARROW_DOWN);
        assertEquals(String.valueOf(before + 20), handle.getAttribute("aria-valuenow"), "the Down key: 20 px taller");
        assertEquals(before + 20, container.getSize().getHeight());
    }

    /** The block format menu (paragraph, headings) speaks Vietnamese, as the rest of the toolbar. */
    private static void assertBlockMenuInVietnamese() {
        WebElement blocks = browser.findElement(By.cssSelector("button[aria-label^='Kiểu đoạn']"));
        blocks.click();
        List<String> items = browser.findElements(By.cssSelector(".tox-collection__item-label")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("Đoạn văn", "Tiêu đề 2", "Tiêu đề 3", "Tiêu đề 4"), items, "the block formats, in Vietnamese");
        blocks.click(); // closes the menu
    }

    /**
     * Styled HTML pasted at the end of the body, as from a word processor (style attributes in double, single and no
     * quotes), through TinyMCE's own paste handler (a paste event with the HTML on its clipboard data: headless
     * Chromium has no clipboard to paste from): no style attribute reaches the page, whose policy refuses them (the
     * console is checked below), and the alignment and left margin become the editor's classes.
     */
    private static void pasteStyledHtml() {
        ((JavascriptExecutor) browser).executeScript("var ed = tinymce.get('body'); ed.focus();"
                + "ed.selection.select(ed.getBody().lastChild, true); ed.selection.collapse(false);"
                + "var data = new DataTransfer();"
                + "data.setData('text/html', arguments[0]); data.setData('text/plain', 'Ủy ban nhân dân xã');"
                + "ed.getBody().dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));",
                "<meta charset=\"utf-8\"><p class=\"MsoNormal\" style='text-align: right; color: #c00000'>Ủy ban nhân dân xã thông báo "
                + "<span style=\"font-weight: bold; font-size: 14pt\">lịch tiếp công dân</span>.</p>"
                + "<p style=margin-left:80px>Thứ Hai và <span style='font-weight:700;font-style:italic'>thứ Năm</span> hằng tuần.</p>"
                + "<b style=\"font-weight:normal;\" id=\"docs-internal-guid-1\"><p><span style=\"text-decoration:underline\">Đường dây nóng</span>"
                + "<span style=\"font-weight:400\">: 0214 3840 888.</span></p></b>");
        browser.switchTo().frame("body_ifr");
        assertEquals(List.of(), browser.findElements(By.cssSelector("#tinymce [style]")), "no style attribute pasted");
        WebElement right = browser.findElement(By.cssSelector("#tinymce p.align-right"));
        assertEquals("Ủy ban nhân dân xã thông báo lịch tiếp công dân.", right.getText());
        assertEquals("right", right.getCssValue("text-align"), "the pasted alignment, as a class");
        WebElement indented = browser.findElement(By.cssSelector("#tinymce p.indent-2"));
        assertEquals("Thứ Hai và thứ Năm hằng tuần.", indented.getText());
        assertEquals("80px", indented.getCssValue("margin-left"), "the pasted left margin, as an indentation class");
        // bold, italic and underline written as styles: the elements the server keeps, inside the element that had the style
        assertEquals("lịch tiếp công dân", right.findElement(By.cssSelector("strong")).getText(), "pasted bold (font-weight: bold)");
        assertEquals("thứ Năm", indented.findElement(By.cssSelector("strong > em")).getText(), "pasted bold (700) and italic");
        assertEquals("Đường dây nóng", browser.findElement(By.cssSelector("#tinymce u")).getText(), "pasted underline");
        assertEquals(List.of(), browser.findElements(By.xpath("//*[@id='tinymce']//*[self::b or self::strong][contains(., '0214')]")),
                "a bold wrapper whose style says normal (as another site's) makes nothing bold");
        browser.switchTo().defaultContent();
    }

    /** The first paragraph indented twice and outdented once from the toolbar: one level, a class (no inline style). */
    private static void indentFirstParagraph() {
        browser.switchTo().frame("body_ifr");
        browser.findElement(By.cssSelector("#tinymce p:first-child")).click();
        browser.switchTo().defaultContent();
        WebElement outdent = browser.findElement(By.cssSelector("button[aria-label='Giảm thụt lề']"));
        assertEquals("true", outdent.getAttribute("aria-disabled"), "nothing to outdent yet");
        browser.findElement(By.cssSelector("button[aria-label='Tăng thụt lề']")).click();
        browser.findElement(By.cssSelector("button[aria-label='Tăng thụt lề']")).click();
        assertEquals("false", outdent.getAttribute("aria-disabled"), "an indented paragraph can be outdented");
        outdent.click();
        browser.switchTo().frame("body_ifr");
        WebElement first = browser.findElement(By.cssSelector("#tinymce p:first-child"));
        assertEquals("indent-1", first.getAttribute("class"));
        assertEquals(null, first.getDomAttribute("style"), "no style attribute");
        assertEquals("40px", first.getCssValue("margin-left"), "the editing frame shows it indented (content.css)");
        browser.switchTo().defaultContent();
    }

    /** Types at the end of the rich text editor's document (TinyMCE edits inside its own iframe). */
    private static void typeInEditor(CharSequence text) {
        browser.switchTo().frame("body_ifr");
        WebElement body = browser.findElement(By.id("tinymce"));
        body.sendKeys(text);
        browser.switchTo().defaultContent();
    }

    private static void setColour(String id, String value) {
        // a colour input has no keyboard text entry in headless Chromium: set its value as a user's picker would
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id(id)), value);
    }

    private static void login(String username) {
        browser.manage().deleteAllCookies();
        browser.get(Api.baseUrl() + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        clickAndWait(browser.findElement(By.cssSelector("button[type=submit]")));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/t/"));
    }

    private static void logout() {
        browser.get(Api.baseUrl() + "/logout");
        browser.manage().deleteAllCookies();
    }

    private static void clickAndWait(WebElement e) {
        Chromium.clickAndWait(browser, e);
    }

    private static void screenshot(String name) throws Exception {
        Chromium.screenshot(browser, name);
    }
}
