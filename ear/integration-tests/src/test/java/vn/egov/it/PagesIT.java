package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The pages made from templates (home, login, password, API tokens, the unknown unit, the desk, the public site of a
 * commune and of the province), in the browser: every text comes from a bundle (crawled in the pseudo-language,
 * nothing unmarked is left but data), a long text breaks no layout, the strict content security policy holds with no
 * violation or console error, the language asked for in the address is kept by a cookie, and the CSS is served at a
 * hashed address for a year.
 */
class PagesIT extends DeployedEar {
    static WebDriver browser;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start("1024,900");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** The visible text of the page once every marked text and the given data are taken out. */
    private static String unmarked(List<String> data) {
        return unmarked((String) ((JavascriptExecutor) browser).executeScript("return document.body.innerText;"), data);
    }

    /** {@code text} once every marked text and the given data are taken out. */
    private static String unmarked(String text, List<String> data) {
        text = text.replaceAll("⟦[^⟧]*⟧", " ");
        // the longest first: a unit's code is part of its name
        for (String d : data.stream().sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList()) {
            text = text.replace(d, " ");
        }
        // dotted identifiers (an audit action such as unit.provisioned, shown beside its name) are data
        text = text.replaceAll("\\b[a-z]+(\\.[a-z-]+)+\\b", " ");
        // dates, times, numbers, the punctuation between marked texts and the asterisk of a required field are no words
        return text.replaceAll("[0-9/:·.,()\\-–—…*]", " ").strip();
    }

    private void open(String path, List<String> data) throws Exception {
        browser.get(Api.baseUrl() + path);
        assertPseudo(path, data);
    }

    private static void assertPseudo(String what, List<String> data) throws Exception {
        assertEquals("", unmarked(data), what + ": text that does not come from a bundle");
        assertTrue(browser.getTitle().startsWith("⟦"), what + ": the title too: " + browser.getTitle());
        Number overflow = (Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(overflow.intValue() <= 0, what + ": long texts make the page " + overflow + " px wider than the window");
        assertEquals(List.of(), Chromium.consoleErrors(browser), what + ": console errors or policy violations");
    }

    /**
     * A problem met on a page is a page (the platform's layout, the page's language, the same status), not the API's
     * problem+json shown raw; the API, and callers that ask for JSON, keep problem+json.
     */
    @Test
    void aProblemOnAPageIsAPageAndOnTheApiProblemJson() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        java.util.function.BiFunction<String, String, java.net.http.HttpResponse<String>> get = (path, accept) -> {
            try {
                return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.baseUrl() + path)).header("Accept", accept).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        java.net.http.HttpResponse<String> page = get.apply("/t/" + Fixtures.COMMUNE + "/no-such-page", browser);
        assertEquals(404, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page.headers().toString());
        org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(page.body());
        assertEquals("Không tìm thấy", html.selectFirst("h1").text());
        assertTrue(html.selectFirst("#error-detail").text().length() > 0);
        assertTrue(html.select("a[href=/]").size() > 0, "a way home");
        java.net.http.HttpResponse<String> english = get.apply("/t/" + Fixtures.COMMUNE + "/no-such-page?lang=en", browser);
        assertEquals("Not found", org.jsoup.Jsoup.parse(english.body()).selectFirst("h1").text());
        java.net.http.HttpResponse<String> json = get.apply("/t/" + Fixtures.COMMUNE + "/no-such-page", "application/json");
        assertEquals(404, json.statusCode());
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        java.net.http.HttpResponse<String> api = get.apply("/api/no-such-thing", browser);
        assertEquals(404, api.statusCode());
        assertTrue(api.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), "the API stays problem+json");
    }

    @Test
    void everyTextOfThePlatformsPagesComesFromABundle() throws Exception {
        browser.manage().deleteAllCookies();
        String user = Fixtures.staff(Fixtures.COMMUNE);
        List<String> data = new ArrayList<>(List.of(user, "Người dùng thử " + user));
        // the names of the tree's roots (every root the tests made too) are data
        try (java.sql.Connection c = Fixtures.db().owner();
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT name FROM tenant WHERE parent_id IS NULL ORDER BY length(name) DESC")) {
            while (rs.next()) {
                data.add(rs.getString(1));
            }
        }
        open("/?lang=qps", data);
        open("/signup", data); // the cookie keeps the language
        open("/password/forgot", data);
        open("/login", data);
        Chromium.screenshot(browser, "pseudo-login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("sai-mật-khẩu");
        Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("button[type=submit]")));
        assertTrue(browser.findElement(By.cssSelector("[role=alert]")).getText().startsWith("⟦"));
        assertPseudo("a refused login", data);

        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("button[type=submit]")));
        open("/me/password", data);
        open("/me/tokens", data);
        browser.findElement(By.id("name")).sendKeys("Đồng bộ");
        browser.findElement(By.id("days")).clear();
        browser.findElement(By.id("days")).sendKeys("400");
        Chromium.clickAndWait(browser, browser.findElement(By.id("make")));
        assertTrue(browser.findElement(By.id("days-error")).getText().startsWith("⟦"));
        data.add("Đồng bộ");
        assertPseudo("a refused token", data);
        browser.findElement(By.id("days")).clear();
        browser.findElement(By.id("days")).sendKeys("30");
        Chromium.clickAndWait(browser, browser.findElement(By.id("make")));
        String token = browser.findElement(By.id("token")).getText();
        data.add(token);
        for (var made : Api.as(user, Fixtures.PASSWORD).get("/api/me/tokens").array()) {
            data.add(made.asJsonObject().getString("hint"));
        }
        assertPseudo("a token made", data);
        Chromium.screenshot(browser, "pseudo-tokens");
        open("/t/khong-co-don-vi-nay/", List.of("khong-co-don-vi-nay"));
        browser.get(Api.baseUrl() + "/?lang=vi");
        assertEquals("Cổng dịch vụ công của tỉnh", browser.findElement(By.tagName("h1")).getText(), "?lang=vi takes it back");
        Chromium.consoleErrors(browser);
    }

    /**
     * The desk in the pseudo-language: a unit administrator's pages of every module show no text that is not marked
     * (the units' and the user's names, codes and numbers are data).
     */
    @Test
    void everyTextOfTheDeskComesFromABundle() throws Exception {
        browser.manage().deleteAllCookies();
        String unit = PortalIT.commune("xa-gia-ngon-ngu");
        String admin = Fixtures.user(unit, false, "UNIT_ADMIN");
        // data: the user, the units' names and codes, the unit's first categories and page, the first administrator's name; and
        // names that are not translated: the language switch's languages, RSS and Sitemap
        List<String> data = new ArrayList<>(List.of(admin, "Người dùng thử " + admin, unit, "Tin tức", "Thông báo", "News", "Announcements",
                "Giới thiệu", "Tiếng Việt", "English", "RSS", "Sitemap", "qt." + unit, "QT"));
        try (java.sql.Connection c = Fixtures.db().owner();
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT a.name, a.code FROM tenant t JOIN tenant a ON t.path <@ a.path OR a.parent_id = t.id "
                     + "WHERE t.code = ? ORDER BY length(a.name) DESC")) {
            ps.setString(1, unit);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    data.add(rs.getString(1));
                    data.add(rs.getString(2));
                }
            }
        }
        browser.get(Api.baseUrl() + "/login?lang=qps");
        browser.findElement(By.id("username")).sendKeys(admin);
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("button[type=submit]")));
        Chromium.consoleErrors(browser);
        for (String page : List.of("", "users", "settings", "audit", "portal", "portal/theme", "portal/logo", "portal/menu", "documents",
                "payment-account", "procedures", "feedback")) {
            browser.get(Api.baseUrl() + "/t/" + unit + "/admin/" + page);
            // the audit trail's entries are data (who, when, the states before and after), but for the action's name; so are the
            // catalogue's procedures (code, name, sector) and sectors on the adoption screen
            for (var cell : browser.findElements(By.cssSelector("#audit tbody td:not([data-action]), #adoption tbody td:nth-child(-n+4), #sector option"))) {
                if (!cell.getText().isBlank()) {
                    data.add(cell.getText());
                }
            }
            assertPseudo(page, data);
        }
        Chromium.screenshot(browser, "pseudo-desk");
        browser.get(Api.baseUrl() + "/?lang=vi");
        Chromium.consoleErrors(browser);
    }

    /** What users wrote that the page shows in the elements of {@code selector}: each one's text but for its marked parts. */
    @SuppressWarnings("unchecked")
    private static List<String> shown(String selector) {
        List<String> texts = (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll(arguments[0])].map(e => e.innerText);", selector);
        List<String> data = new ArrayList<>();
        for (String text : texts) {
            for (String part : text.split("⟦[^⟧]*⟧|\n")) {
                if (!part.isBlank()) {
                    data.add(part.strip());
                }
            }
        }
        return data;
    }

    /** Every string of a JSON document (a procedure's definition: its names, papers, fields, steps are data). */
    private static void strings(jakarta.json.JsonValue v, List<String> into) {
        switch (v.getValueType()) {
            case STRING -> into.add(((jakarta.json.JsonString) v).getString());
            case OBJECT -> v.asJsonObject().values().forEach(x -> strings(x, into));
            case ARRAY -> v.asJsonArray().forEach(x -> strings(x, into));
            default -> {
            }
        }
    }

    /**
     * Users' texts on the public site's frame and lists (the site's name, the menu's entries but the home page, news
     * titles and summaries, units, the footer's contact and text, search results and their snippets), beside the page's own.
     */
    static final String SITE_DATA = ".site-name, footer.site h2, .parent a, nav.menu a:not([href$='/?lang=qps']), .cards h2, .cards h3, "
            + ".cards li > p:not(.meta), .rolled-up li > a, aside .list li > a, .units a, footer.site address, "
            + "footer.site div > p:not(.visits):not(:has(a)), .results h2, .results li > p";

    /** A page of the public site in the pseudo-language: as {@link #assertPseudo}, with the users' texts it shows as data. */
    private void site(String path, List<String> data, String pageData) throws Exception {
        browser.get(Api.baseUrl() + path);
        List<String> all = new ArrayList<>(data);
        all.addAll(shown(SITE_DATA + (pageData == null ? "" : ", " + pageData)));
        assertEquals("", unmarked(all), path + ": text that does not come from a bundle");
        // a page's title is its own (an article's, the unit's name) and the site's name: data, or marked
        assertEquals("", unmarked(browser.getTitle(), all), path + ": the title: " + browser.getTitle());
        Number overflow = (Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(overflow.intValue() <= 0, path + ": long texts make the page " + overflow + " px wider than the window");
        assertEquals(List.of(), Chromium.consoleErrors(browser), path + ": console errors or policy violations");
    }

    /**
     * The public site in the pseudo-language, from the cache as rendered, for a commune (home, article, category,
     * static page, procedures and a procedure, search, not found; logged in: the home with the user's line, the online
     * application, the dossier's status page and the citizen's dossiers) and for the province: no unmarked text but
     * users' (titles, names, the procedure's definition, dates and numbers), no overflow, no console error.
     */
    @Test
    void everyTextOfThePublicSiteComesFromABundle() throws Exception {
        browser.manage().deleteAllCookies();
        Api province = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"), Fixtures.PASSWORD);
        String procedure = ProceduresIT.code();
        String definition = ProcessingIT.definition(procedure);
        assertEquals(200, province.post("/api/t/" + Fixtures.PROVINCE + "/procedures/import", "[" + definition + "]").status());
        String unit = PortalIT.commune("xa-cong-gia-ngon-ngu");
        assertEquals(201, PortalIT.as(unit, "UNIT_ADMIN").put("/api/t/" + unit + "/procedures/adopted/" + procedure, "").status());
        Api editor = PortalIT.as(unit, "EDITOR");
        Api.Response cat = editor.post("/api/t/" + unit + "/portal/categories", "{\"name\":\"Tin hoạt động\",\"nameEn\":\"Activities\"}");
        assertEquals(201, cat.status(), cat.toString());
        long category = PortalIT.id(cat.json());
        long article = PortalIT.id(PortalIT.article(editor, unit, """
                {"title":"Khai trương điểm một cửa","summary":"Xã mở điểm tiếp nhận hồ sơ.","categoryId":%d,
                 "body":"<p>Người dân <b>đến nộp</b> hồ sơ.</p>","tags":["Một cửa"],"featured":true,"author":"Phòng Văn hoá"}
                """.formatted(category)));
        editor.post("/api/t/" + unit + "/portal/articles/" + article + "/submit", "");
        assertEquals(200, PortalIT.as(unit, "APPROVER").post("/api/t/" + unit + "/portal/articles/" + article + "/approve", "{}").status());
        Api.Response made = editor.post("/api/t/" + unit + "/portal/pages", "{\"title\":\"Lịch tiếp dân\",\"body\":\"<p>Thứ Hai hằng tuần.</p>\"}");
        assertEquals(201, made.status(), made.toString());
        long page = PortalIT.id(made.json());
        String citizen = Fixtures.user(Fixtures.COMMUNE, false, "CITIZEN");
        java.net.http.HttpResponse<String> submitted = DossiersIT.submit(citizen, unit, procedure, "{\"fullName\":\"Vàng Thị Dín\"}",
                java.util.Map.of("to-khai", DossiersIT.PDF));
        assertEquals(201, submitted.statusCode(), submitted.body());
        String dossier = DossiersIT.json(submitted.body()).getString("code");
        String report = FeedbackIT.submit(Api.as(citizen, Fixtures.PASSWORD), unit, "Đèn đường hỏng", "Đèn đường trước nhà văn hóa hỏng đã hai tuần.", true);

        // data: the units' names and codes, the procedure's definition, the citizen, the dossier, what the editor wrote; and
        // names that are not translated: the language switch's languages, RSS and Sitemap
        List<String> data = new ArrayList<>(List.of(citizen, "Người dùng thử " + citizen, dossier, "Vàng Thị Dín", "Tiếng Việt", "English",
                "RSS", "Sitemap", "Phòng Văn hoá", "Đèn đường hỏng", "Đèn đường trước nhà văn hóa hỏng đã hai tuần.", "Tin tức", "Thông báo", "News", "Announcements", "Tin hoạt động", "Activities"));
        try (java.sql.Connection c = Fixtures.db().owner();
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT name, code FROM tenant")) {
            while (rs.next()) {
                data.add(rs.getString(1));
                data.add(rs.getString(2));
            }
        }
        // the units' own menu entries (a home entry among them is named by its editors, not by the bundle)
        for (String u : List.of(unit, Fixtures.PROVINCE)) {
            for (var item : province.get("/api/t/" + u + "/portal/menu").array()) {
                strings(item.asJsonObject().get("label"), data);
                if (item.asJsonObject().containsKey("labelEn")) {
                    strings(item.asJsonObject().get("labelEn"), data);
                }
            }
        }
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(definition))) {
            strings(reader.readObject(), data);
        }
        data.add("to-khai.pdf");
        data.add(report);
        // (the reception's line in the dossier's history is the platform's words, said in the reader's language: not data)

        String home = "/t/" + unit + "/";
        site(home + "?lang=qps", data, null);
        site(home, data, null); // the cookie keeps it: the cached page in the pseudo-language
        Chromium.screenshot(browser, "pseudo-site");
        site(home + "articles/" + article, data, "article h1, article .summary, article .body, article .tags a, .crumbs li + li");
        site(home + "categories/" + category, data, "main h1");
        site(home + "pages/" + page, data, "article h1, article .body");
        site(home + "procedures", data, "main table td:nth-child(-n+2), main h2, main h3, #ps option");
        site(home + "procedures/" + procedure, data, null);
        Chromium.screenshot(browser, "pseudo-procedure");
        site(home + "search?q=" + java.net.URLEncoder.encode("một cửa", java.nio.charset.StandardCharsets.UTF_8), data, null);
        site(home + "articles/999999999", data, null);
        site(home + "feedback", data, null);
        site(home + "lookup", data, null);
        site("/api/dossiers/" + dossier, data, null);
        String top = "/t/" + Fixtures.PROVINCE + "/";
        site(top, data, null);
        site(top + "procedures", data, "main table td:nth-child(-n+2), main h2, main h3, #ps option");
        site(top + "procedures/find?q=" + procedure, data, ".found h2, .found .meta");
        site(top + "search?q=" + java.net.URLEncoder.encode("một cửa", java.nio.charset.StandardCharsets.UTF_8), data, null);
        site(top + "pages/999999999", data, null);

        browser.get(Api.baseUrl() + "/login");
        browser.findElement(By.id("username")).sendKeys(citizen);
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("button[type=submit]")));
        Chromium.consoleErrors(browser);
        site(home, data, null); // the user's line
        site(home + "procedures/" + procedure + "/apply", data, null);
        Chromium.screenshot(browser, "pseudo-apply");
        site("/me/dossiers", data, "table.list td:nth-child(-n+2)");
        site("/me/dossiers/" + dossier, data, null);
        site(home + "feedback/new", data, null);
        site("/me/feedback", data, null);
        browser.get(Api.baseUrl() + home + "?lang=vi");
        assertEquals("Tin mới", browser.findElement(By.id("latest-h")).getText(), "?lang=vi takes it back");
        Chromium.consoleErrors(browser);
    }

    @Test
    void theLanguageComesFromTheAddressThenTheCookieThenTheBrowserAndAnUnknownOneIsIgnored() {
        Api fresh = Api.browser();
        assertTrue(fresh.get("/login", "text/html").body().contains("<h1>Đăng nhập</h1>"), "Vietnamese by default");
        assertTrue(fresh.get("/login?lang=xx-evil%3Cscript%3E", "text/html").body().contains("<h1>Đăng nhập</h1>"), "unknown: ignored");
        assertTrue(fresh.get("/login?lang=en", "text/html").body().contains("<h1>Log in</h1>"));
        assertTrue(fresh.get("/login", "text/html").body().contains("<h1>Log in</h1>"), "kept by the cookie");
        Api.Response byHeader = Api.browser().send("GET", "/login", null, null, "text/html", null, "en-US,en;q=0.8");
        assertTrue(byHeader.body().contains("<h1>Log in</h1>"), "Accept-Language: en");
        Api.Response vietnamese = Api.browser().send("GET", "/login", null, null, "text/html", null, "vi-VN,vi;q=0.9,en;q=0.5");
        assertTrue(vietnamese.body().contains("<h1>Đăng nhập</h1>"));
        Api.Response french = Api.browser().send("GET", "/login", null, null, "text/html", null, "fr-FR");
        assertTrue(french.body().contains("<h1>Đăng nhập</h1>"), "a language we do not have: Vietnamese");
    }

    @Test
    void aPageHasAStrictPolicyAndItsCssAHashedAddressKeptAYear() throws Exception {
        java.net.http.HttpResponse<String> login = raw("/login");
        String policy = login.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("default-src 'self'") && policy.contains("script-src 'self'") && policy.contains("style-src 'self'"),
                policy);
        assertFalse(policy.contains("unsafe-inline"), policy);
        assertFalse(login.body().contains("<style") || login.body().contains("<script") || login.body().contains(" style="),
                "nothing inline: " + login.body());
        java.util.regex.Matcher css = java.util.regex.Pattern.compile("href=\"(/assets/platform/bare\\.[0-9a-f]{10}\\.css)\"").matcher(login.body());
        assertTrue(css.find(), login.body());
        java.net.http.HttpResponse<String> sheet = raw(css.group(1));
        assertEquals(200, sheet.statusCode());
        assertTrue(sheet.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
        assertEquals("public, max-age=31536000, immutable", sheet.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(404, raw("/assets/platform/bare.0000000000.css").statusCode(), "an old or made-up hash is not served");
        assertEquals(404, raw("/assets/platform/../../WEB-INF/web.xml").statusCode());
        java.net.http.HttpResponse<String> icon = raw("/favicon.ico");
        assertEquals(200, icon.statusCode());

        // the desk's pages made from templates (the audit trail first) carry the same policy, and nothing inline
        String admin = Fixtures.user(Fixtures.DISTRICT, false, "UNIT_ADMIN");
        java.net.http.HttpClient session = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).cookieHandler(new java.net.CookieManager()).build();
        java.net.http.HttpResponse<String> loggedIn = session.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=" + admin + "&password="
                        + java.net.URLEncoder.encode(Fixtures.PASSWORD, java.nio.charset.StandardCharsets.UTF_8))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(302, loggedIn.statusCode(), loggedIn.body());
        java.net.http.HttpResponse<String> audit = session.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(Api.baseUrl() + "/t/" + Fixtures.DISTRICT + "/admin/audit")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, audit.statusCode(), audit.body());
        assertEquals(policy, audit.headers().firstValue("Content-Security-Policy").orElse(""));
        assertFalse(audit.body().contains("<style") || audit.body().contains("<script") || audit.body().contains(" style="), audit.body());
        assertTrue(audit.body().contains("/assets/platform/desk."), "the desk's CSS as a hashed file");
    }

    private static java.net.http.HttpResponse<String> raw(String path) throws Exception {
        return java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.baseUrl() + path)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }
}
