package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Portal sites through the deployed EAR: the article workflow (draft, review, return, publish now or later,
 * unpublish, versions), sanitised HTML, the public pages (home with news rolled up to the parents, article,
 * category with paging, static page, RSS, sitemap, search box), files checked by content, theme contrast, the menu,
 * the visit counter and the page cache following every change. Each test writes in its own new communes; the
 * cross-tenant test writes as one commune and reads, edits and deletes as another.
 */
class PortalIT extends DeployedEar {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static Api province;

    @BeforeAll
    static synchronized void admin() {
        if (province == null) {
            province = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"), Fixtures.PASSWORD);
        }
    }

    /** A new commune under the district; returns its code. */
    static String commune(String prefix) {
        admin();
        String code = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response r = province.post("/api/t/" + Fixtures.DISTRICT + "/units", """
                {"code":"%s","name":"Xã Cổng %s","kind":"commune","firstAdmin":{"username":"qt.%s","displayName":"QT"}}
                """.formatted(code, code, code));
        assertEquals(201, r.status(), r.toString());
        return code;
    }

    static Api as(String unit, String role) {
        return Api.as(Fixtures.user(unit, false, role), Fixtures.PASSWORD);
    }

    static JsonObject article(Api api, String unit, String json) {
        Api.Response r = api.post("/api/t/" + unit + "/portal/articles", json);
        assertEquals(201, r.status(), r.toString());
        return r.json();
    }

    static long id(JsonObject o) {
        return o.getJsonNumber("id").longValue();
    }

    static String page(String path) {
        return Api.anonymous().get(path, "text/html").body();
    }

    /** The theme stylesheet a site page links to (its colours are there, not in the page: nothing inline). */
    static String themeOf(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("href=\"(/t/[^\"]+/theme\\.css\\?[^\"]+)\"").matcher(html);
        assertTrue(m.find(), "the page links its theme's stylesheet");
        Api.Response css = Api.anonymous().get(m.group(1).replace("&amp;", "&"), "text/css");
        assertEquals(200, css.status(), css.toString());
        return css.body();
    }

    /** Waits until the condition holds, for at most {@code seconds}: the many callers' shorthand for {@link Wait#until}. */
    static void await(String what, BooleanSupplier condition, int seconds) {
        Wait.until(what, Duration.ofSeconds(seconds), condition::getAsBoolean);
    }

    @Test
    void anArticleGoesThroughReviewAndShowsOnItsSiteAndRolledUpOnItsParents() throws Exception {
        String unit = commune("xa-cong");
        Api editor = as(unit, "EDITOR");
        Api approver = as(unit, "APPROVER");
        String mark = "tin" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Api.Response cat = editor.post("/api/t/" + unit + "/portal/categories", "{\"name\":\"Tin hoạt động\",\"nameEn\":\"Activities\"}");
        assertEquals(201, cat.status(), cat.toString());
        long categoryId = id(cat.json());
        String home = page("/t/" + unit + "/"); // cached from here on
        assertFalse(home.contains(mark));

        JsonObject draft = article(editor, unit, """
                {"title":"Khai trương điểm một cửa %1$s","summary":"Xã mở điểm tiếp nhận hồ sơ.","categoryId":%2$d,
                 "body":"<p onclick=\\"steal()\\">Người dân <b>đến nộp</b> hồ sơ.</p><script>alert(1)</script><a href=\\"javascript:alert(2)\\">xấu</a><img src=x onerror=alert(3)><a href=\\"https://dichvucong.gov.vn\\">Cổng</a>",
                 "tags":["Một cửa","hành chính"],"shareUpward":true,"featured":true,"author":"Phòng Văn hoá"}
                """.formatted(mark, categoryId));
        long id = id(draft);
        assertEquals("draft", draft.getString("status"));
        String body = draft.getString("body");
        assertFalse(body.contains("<script") || body.contains("onclick") || body.contains("onerror") || body.contains("javascript:"), body);
        assertTrue(body.contains("<b>đến nộp</b>") && body.contains("href=\"https://dichvucong.gov.vn\""), body);
        assertEquals(404, Api.anonymous().get("/t/" + unit + "/articles/" + id, "text/html").status(), "a draft is not public");

        assertEquals(403, editor.post("/api/t/" + unit + "/portal/articles/" + id + "/approve", "{}").status(), "editors do not approve");
        assertEquals(409, approver.post("/api/t/" + unit + "/portal/articles/" + id + "/approve", "{}").status(), "not submitted yet");
        assertEquals("submitted", editor.post("/api/t/" + unit + "/portal/articles/" + id + "/submit", "").json().getString("status"));
        assertEquals(409, editor.put("/api/t/" + unit + "/portal/articles/" + id, "{\"title\":\"Sửa lúc chờ duyệt\"}").status());
        Api.Response approved = approver.post("/api/t/" + unit + "/portal/articles/" + id + "/approve", "{}");
        assertEquals(200, approved.status(), approved.toString());
        assertEquals("published", approved.json().getString("status"));

        Api.Response shown = Api.anonymous().get("/t/" + unit + "/articles/" + id, "text/html");
        assertEquals(200, shown.status(), shown.toString());
        assertTrue(shown.body().contains("<h1>Khai trương điểm một cửa " + mark + "</h1>"), shown.body());
        assertFalse(shown.body().contains("<script>alert") || shown.body().contains("onerror"), "sanitised on the page too");
        assertTrue(shown.body().contains("Tác giả: Phòng Văn hoá") && shown.body().contains("Tin hoạt động"));
        String fresh = page("/t/" + unit + "/");
        assertTrue(fresh.contains(mark), "the unit's cached home page was invalidated");
        // featured, so not again under the latest news (issue 22: an article appears once); nothing comes from below a commune
        assertEquals(1, fresh.split("/t/" + unit + "/articles/" + id + "\"", -1).length - 1, fresh);
        assertFalse(fresh.contains("class=\"rolled-up\""), "no news from below a commune");
        assertTrue(page("/t/" + unit + "/?lang=en").contains("Latest news"), "English interface");
        assertTrue(page("/t/" + Fixtures.DISTRICT + "/").contains(mark), "rolled up to the district");
        assertTrue(page("/t/" + Fixtures.PROVINCE + "/").contains(mark), "and to the province");
        assertFalse(page("/t/" + Fixtures.COUSIN_DISTRICT + "/").contains(mark), "not to another district");
        String category = page("/t/" + unit + "/categories/" + categoryId);
        assertTrue(category.contains(mark) && category.contains("<h1>Tin hoạt động</h1>"), category);
        String rss = Api.anonymous().get("/t/" + unit + "/rss.xml", "application/rss+xml").body();
        assertTrue(rss.startsWith("<?xml") && rss.contains("<title>Khai trương điểm một cửa " + mark + "</title>"), rss);
        assertTrue(Api.anonymous().get("/t/" + unit + "/categories/" + categoryId + "/rss.xml", "application/rss+xml").body().contains(mark));
        String sitemap = Api.anonymous().get("/t/" + unit + "/sitemap.xml", "application/xml").body();
        assertTrue(sitemap.contains("/t/" + unit + "/articles/" + id + "</loc>") && sitemap.contains("/categories/" + categoryId + "-"), sitemap);
        // the search box of the district finds it (public content of its subtree), about a second after publishing
        await("the article in the district's search", () -> page("/t/" + Fixtures.DISTRICT + "/search?q=" + mark).contains("/t/" + unit
                + "/articles/" + id), 30);
        assertTrue(page("/t/" + Fixtures.DISTRICT + "/search?q=" + mark).contains("<mark>"), "highlighted");

        // unpublished: gone from the site, the parents and search
        assertEquals(403, editor.post("/api/t/" + unit + "/portal/articles/" + id + "/unpublish", "").status());
        assertEquals("unpublished", approver.post("/api/t/" + unit + "/portal/articles/" + id + "/unpublish", "").json().getString("status"));
        assertEquals(404, Api.anonymous().get("/t/" + unit + "/articles/" + id, "text/html").status());
        assertFalse(page("/t/" + Fixtures.DISTRICT + "/").contains(mark));
        await("the article out of search", () -> !page("/t/" + Fixtures.DISTRICT + "/search?q=" + mark).contains("/articles/" + id), 30);
    }

    @Test
    void aReturnedArticleKeepsTheCommentAndEveryVersionCanBeRestored() {
        String unit = commune("xa-ban");
        Api editor = as(unit, "EDITOR");
        Api approver = as(unit, "APPROVER");
        long id = id(article(editor, unit, "{\"title\":\"Bản đầu\",\"body\":\"<p>một</p>\"}"));
        editor.post("/api/t/" + unit + "/portal/articles/" + id + "/submit", "");
        assertEquals(400, approver.post("/api/t/" + unit + "/portal/articles/" + id + "/return", "{}").status(), "a return needs a reason");
        JsonObject returned = approver.post("/api/t/" + unit + "/portal/articles/" + id + "/return",
                "{\"comment\":\"Thiếu ảnh minh hoạ và nguồn tin.\"}").json();
        assertEquals("returned", returned.getString("status"));
        assertEquals("Thiếu ảnh minh hoạ và nguồn tin.", returned.getString("reviewComment"));
        Api.Response edited = editor.put("/api/t/" + unit + "/portal/articles/" + id, "{\"title\":\"Bản hai\",\"body\":\"<p>hai</p>\"}");
        assertEquals(200, edited.status(), edited.toString());
        var versions = editor.get("/api/t/" + unit + "/portal/articles/" + id + "/versions").array();
        assertEquals(4, versions.size(), versions.toString()); // created, submitted, returned, edited
        assertEquals("Bản hai", versions.getJsonObject(0).getString("title"));
        JsonObject restored = editor.post("/api/t/" + unit + "/portal/articles/" + id + "/versions/1/restore", "").json();
        assertEquals("Bản đầu", restored.getString("title"));
        assertEquals("<p>một</p>", restored.getString("body"));
        var all = editor.get("/api/t/" + unit + "/portal/articles/" + id + "/versions").array();
        assertEquals(5, all.size(), "a restore is a new version");
        // the notes the platform wrote (no person gave one): the Vietnamese as before, and the key said in the reader's language
        assertEquals(List.of("Khôi phục phiên bản 1", "Sửa bài", "Trả lại: Thiếu ảnh minh hoạ và nguồn tin.", "Gửi duyệt", "Tạo bài"),
                all.stream().map(v -> v.asJsonObject().getString("note")).toList());
        assertEquals("version.returned", all.getJsonObject(2).getJsonObject("said").getString("key"));
        assertEquals("Thiếu ảnh minh hoạ và nguồn tin.", all.getJsonObject(2).getJsonObject("said").getJsonArray("args").getString(0));
        var english = editor.send("GET", "/api/t/" + unit + "/portal/articles/" + id + "/versions", null, null, "application/json", null, "en")
                .array();
        assertEquals(List.of("Restored version 1", "Edited", "Returned: Thiếu ảnh minh hoạ và nguồn tin.", "Submitted for review", "Created"),
                english.stream().map(v -> v.asJsonObject().getJsonObject("said").getString("text")).toList());

        // four eyes: whoever submitted does not approve, unless they administer the unit
        long own = id(article(approver, unit, "{\"title\":\"Bài của người duyệt\"}"));
        approver.post("/api/t/" + unit + "/portal/articles/" + own + "/submit", "");
        Api.Response self = approver.post("/api/t/" + unit + "/portal/articles/" + own + "/approve", "{}");
        assertEquals(409, self.status(), self.toString());
        assertTrue(self.body().contains("không tự duyệt"), self.body());
        Api admin = as(unit, "UNIT_ADMIN");
        long adminsOwn = id(article(admin, unit, "{\"title\":\"Bài của quản trị\"}"));
        admin.post("/api/t/" + unit + "/portal/articles/" + adminsOwn + "/submit", "");
        assertEquals(200, admin.post("/api/t/" + unit + "/portal/articles/" + adminsOwn + "/approve", "{}").status(), "a unit's admin may");
    }

    @Test
    void aScheduledArticleAppearsWhenItsTimeComes() throws Exception {
        String unit = commune("xa-hen");
        Api editor = as(unit, "EDITOR");
        Api approver = as(unit, "APPROVER");
        long id = id(article(editor, unit, "{\"title\":\"Tin hẹn giờ\",\"body\":\"<p>sau</p>\"}"));
        editor.post("/api/t/" + unit + "/portal/articles/" + id + "/submit", "");
        Instant at = Instant.now().plusSeconds(4);
        JsonObject approved = approver.post("/api/t/" + unit + "/portal/articles/" + id + "/approve",
                "{\"publishAt\":\"" + at + "\"}").json();
        assertEquals("published", approved.getString("status"));
        assertEquals(404, Api.anonymous().get("/t/" + unit + "/articles/" + id, "text/html").status(), "not before its time");
        assertFalse(page("/t/" + unit + "/").contains("Tin hẹn giờ"));
        // the scheduler (every 15 s) brings it live and drops the cached pages that did not show it
        await("the scheduled article on its home page", () -> page("/t/" + unit + "/").contains("Tin hẹn giờ"), 45);
        assertEquals(200, Api.anonymous().get("/t/" + unit + "/articles/" + id, "text/html").status());
    }

    @Test
    void anotherCommunesEditorCannotReadEditPreviewOrDeleteDraftsOrFiles() throws Exception {
        String a = commune("xa-a");
        String b = commune("xa-b");
        String userA = Fixtures.user(a, false, "EDITOR");
        Api editorA = Api.as(userA, Fixtures.PASSWORD);
        String userB = Fixtures.user(b, false, "APPROVER");
        Api editorB = Api.as(userB, Fixtures.PASSWORD);
        Api sessionB = session(userB);
        String mark = "nhap" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        long id = id(article(editorA, a, "{\"title\":\"Bản nháp riêng " + mark + "\",\"body\":\"<p>" + mark + "</p>\"}"));
        long file = upload(editorA, a, "bieu-do.png", ItEnvironment.png(40, 30), false).getJsonNumber("id").longValue();

        // through A's address: no right there at all
        for (String path : new String[] {"/articles", "/articles/" + id, "/articles/" + id + "/versions", "/files", "/categories"}) {
            assertEquals(403, editorB.get("/api/t/" + a + "/portal" + path).status(), path);
        }
        assertEquals(403, editorB.put("/api/t/" + a + "/portal/articles/" + id, "{\"title\":\"Chiếm\"}").status());
        assertEquals(403, editorB.delete("/api/t/" + a + "/portal/articles/" + id).status());
        // through B's own address with A's ids: not found (RLS and the unit predicate agree)
        assertEquals(404, editorB.get("/api/t/" + b + "/portal/articles/" + id).status());
        assertEquals(404, editorB.put("/api/t/" + b + "/portal/articles/" + id, "{\"title\":\"Chiếm\"}").status());
        assertEquals(404, editorB.post("/api/t/" + b + "/portal/articles/" + id + "/submit", "").status());
        assertEquals(404, editorB.post("/api/t/" + b + "/portal/articles/" + id + "/approve", "{}").status());
        assertEquals(404, editorB.delete("/api/t/" + b + "/portal/articles/" + id).status());
        assertEquals(404, editorB.get("/api/t/" + b + "/portal/articles/" + id + "/versions").status());
        assertEquals(404, editorB.delete("/api/t/" + b + "/portal/files/" + file).status());
        assertFalse(editorB.get("/api/t/" + b + "/portal/articles").body().contains(mark), "not even listed");
        // A's file cannot be used in B's article either
        Api.Response stolen = editorB.post("/api/t/" + b + "/portal/articles", "{\"title\":\"x\",\"coverFileId\":" + file + "}");
        assertEquals(400, stolen.status(), stolen.toString());
        assertTrue(stolen.isProblem() && stolen.body().contains("coverFileId"), stolen.toString());
        // the editor pages: preview and edit of A's draft from B's admin pages
        assertEquals(404, status("/t/" + b + "/admin/portal/articles/" + id + "/preview", sessionB));
        assertEquals(404, status("/t/" + b + "/admin/portal/articles/" + id, sessionB));
        assertEquals(403, status("/t/" + a + "/admin/portal/articles/" + id + "/preview", sessionB));
        assertEquals(403, status("/t/" + a + "/admin/portal", sessionB));
        assertEquals(200, status("/t/" + b + "/admin/portal", sessionB), "B's own pages work");
        // the private file: not for visitors, not for B (through either address), but for A's editor
        assertEquals(404, bytes("/t/" + a + "/files/" + file, null).statusCode());
        assertEquals(404, sessionBytes("/t/" + a + "/files/" + file, userB).statusCode(), "B's session, A's address");
        assertEquals(404, sessionBytes("/t/" + b + "/files/" + file, userB).statusCode(), "B's session, B's address");
        // the public site takes no Basic auth: editors preview private files in their logged-in browser session
        HttpResponse<byte[]> own = sessionBytes("/t/" + a + "/files/" + file, userA);
        assertEquals(200, own.statusCode());
        assertTrue(own.headers().firstValue("Cache-Control").orElse("").contains("no-store"), "a private file is not cached");
        // the draft is in no public page and no search
        assertEquals(404, Api.anonymous().get("/t/" + a + "/articles/" + id, "text/html").status());
        assertFalse(page("/t/" + a + "/search?q=" + mark).contains(mark + "</"), "not searchable");
        // and the data is intact
        assertEquals("Bản nháp riêng " + mark, editorA.get("/api/t/" + a + "/portal/articles/" + id).json().getString("title"));
        assertEquals(1, editorA.get("/api/t/" + a + "/portal/articles/" + id + "/versions").array().size());
    }

    @Test
    void filesAreCheckedByContentGetThumbnailsAndBecomePublicWithTheirArticle() throws Exception {
        String unit = commune("xa-tep");
        Api editor = as(unit, "EDITOR");
        Api approver = as(unit, "APPROVER");
        JsonObject image = upload(editor, unit, "../../etc/anh bìa.png", ItEnvironment.png(800, 400), false);
        assertEquals("image/png", image.getString("contentType"));
        assertEquals("anh bìa.png", image.getString("name"), "no path survives in the name");
        assertEquals(800, image.getInt("width"));
        assertTrue(image.containsKey("thumbnailUrl"));
        long imageId = image.getJsonNumber("id").longValue();

        HttpResponse<String> html = raw(editor, unit, "anh.png", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, html.statusCode(), html.body());
        assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(html.body().contains("theo nội dung tệp"), html.body());
        byte[] fake = new byte[6 * 1024 * 1024];
        System.arraycopy(ItEnvironment.png(2, 2), 0, fake, 0, 8);
        assertEquals(413, raw(editor, unit, "lon.png", fake).statusCode(), "too large for an image");
        HttpResponse<String> svg = raw(editor, unit, "logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>".getBytes());
        assertEquals(400, svg.statusCode());
        assertEquals(1, editor.get("/api/t/" + unit + "/portal/files").array().size(), "nothing refused was stored");

        assertEquals(404, bytes("/t/" + unit + "/files/" + imageId, null).statusCode(), "private until its article is published");
        long id = id(article(editor, unit, "{\"title\":\"Có ảnh\",\"coverFileId\":" + imageId + "}"));
        editor.post("/api/t/" + unit + "/portal/articles/" + id + "/submit", "");
        approver.post("/api/t/" + unit + "/portal/articles/" + id + "/approve", "{}");
        HttpResponse<byte[]> pub = bytes("/t/" + unit + "/files/" + imageId + "?v=" + image.getString("sha256").substring(0, 12), null);
        assertEquals(200, pub.statusCode());
        assertArrayEquals(ItEnvironment.png(800, 400), pub.body());
        assertTrue(pub.headers().firstValue("Cache-Control").orElse("").contains("max-age=31536000"), pub.headers().toString());
        assertEquals("nosniff", pub.headers().firstValue("X-Content-Type-Options").orElse(""));
        String etag = pub.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = HTTP.send(HttpRequest.newBuilder(URI.create(Api.baseUrl() + "/t/" + unit + "/files/" + imageId))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(304, again.statusCode());
        HttpResponse<byte[]> thumb = bytes("/t/" + unit + "/files/" + imageId + "/thumbnail", null);
        assertEquals(200, thumb.statusCode());
        assertTrue(thumb.headers().firstValue("Content-Type").orElse("").startsWith("image/jpeg"));
        java.awt.image.BufferedImage t = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(thumb.body()));
        assertEquals(320, t.getWidth());
        assertEquals(160, t.getHeight());
        assertEquals(404, bytes("/t/" + Fixtures.SIBLING_COMMUNE + "/files/" + imageId, null).statusCode(), "files are per unit");
        assertEquals(409, editor.delete("/api/t/" + unit + "/portal/files/" + imageId).status(), "in use by an article");
    }

    @Test
    void themeColoursAreCheckedForContrastAndTheMenuNests() throws Exception {
        String unit = commune("xa-mau");
        Api admin = as(unit, "UNIT_ADMIN");
        String editorName = Fixtures.user(unit, false, "EDITOR");
        Api editor = Api.as(editorName, Fixtures.PASSWORD);
        Api.Response pale = admin.put("/api/t/" + unit + "/portal/theme", "{\"primary\":\"#ffee00\",\"accent\":\"#0b4f8a\",\"layout\":\"classic\"}");
        assertEquals(400, pale.status(), pale.toString());
        assertTrue(pale.body().contains("4,5:1") || pale.body().contains("4.5:1"), pale.body());
        assertEquals(403, editor.put("/api/t/" + unit + "/portal/theme", "{\"primary\":\"#14532d\",\"accent\":\"#0b4f8a\",\"layout\":\"magazine\"}")
                .status(), "the theme is the administrators'");
        page("/t/" + unit + "/");
        Api.Response ok = admin.put("/api/t/" + unit + "/portal/theme",
                "{\"primary\":\"#14532d\",\"accent\":\"#0b4f8a\",\"layout\":\"magazine\",\"footerText\":\"Bản quyền thuộc UBND xã\"}");
        assertEquals(200, ok.status(), ok.toString());
        String home = page("/t/" + unit + "/");
        assertEquals(404, Api.anonymous().get("/t/" + unit + "/theme.css?p=%3Cscript%3E&a=0b4f8a", "text/css").status(),
                "a theme stylesheet of anything but colours is refused");
        assertTrue(AuditTrail.of(admin, unit, "portal.theme.changed").stream()
                .anyMatch(e -> e.getString("after").contains("#14532d") && e.getString("before").contains("primary")), "the theme's change is audited");
        assertTrue(themeOf(home).contains("--primary:#14532d") && home.contains("layout-magazine") && home.contains("Bản quyền thuộc UBND xã"), "cache followed");

        long pageId = editor.post("/api/t/" + unit + "/portal/pages", "{\"title\":\"Giới thiệu chung\",\"body\":\"<h2>Lịch sử</h2><p>Xã được thành lập...</p>\"}")
                .json().getJsonNumber("id").longValue();
        long top = editor.post("/api/t/" + unit + "/portal/menu", "{\"label\":\"Giới thiệu\",\"labelEn\":\"About\",\"kind\":\"url\",\"target\":\"/t/" + unit + "/\"}")
                .json().getJsonNumber("id").longValue();
        Api.Response child = editor.post("/api/t/" + unit + "/portal/menu", "{\"label\":\"Lịch sử xã\",\"kind\":\"page\",\"target\":\"" + pageId
                + "\",\"parentId\":" + top + "}");
        assertEquals(201, child.status(), child.toString());
        assertEquals(400, editor.post("/api/t/" + unit + "/portal/menu", "{\"label\":\"Xấu\",\"kind\":\"url\",\"target\":\"javascript:alert(1)\"}").status());
        home = page("/t/" + unit + "/");
        assertTrue(home.contains(">Giới thiệu</a><ul><li><a href=\"/t/" + unit + "/pages/" + pageId + "-gioi-thieu-chung\">Lịch sử xã</a>"), home);
        assertTrue(page("/t/" + unit + "/?lang=en").contains(">About</a>"));
        long childId = child.json().getJsonNumber("id").longValue();
        Api.Response cycle = editor.put("/api/t/" + unit + "/portal/menu/" + top,
                "{\"label\":\"Giới thiệu\",\"kind\":\"home\",\"parentId\":" + childId + "}");
        assertEquals(400, cycle.status(), "an item does not go under its own sub-item: " + cycle);
        Api.Response renamed = editor.put("/api/t/" + unit + "/portal/menu/" + childId, "{\"label\":\"Lịch sử hình thành\",\"kind\":\"page\",\"target\":\""
                + child.json().getString("target") + "\",\"parentId\":" + top + ",\"position\":3}");
        assertEquals(200, renamed.status(), renamed.toString());
        assertTrue(page("/t/" + unit + "/").contains(">Lịch sử hình thành</a>"), "the cached home page followed the menu");
        assertEquals(404, as(Fixtures.SIBLING_COMMUNE, "EDITOR").put("/api/t/" + Fixtures.SIBLING_COMMUNE + "/portal/menu/" + childId,
                "{\"label\":\"Chiếm\",\"kind\":\"home\"}").status(), "another unit's menu item is not found");
        String staticPage = page("/t/" + unit + "/pages/" + pageId + "-gioi-thieu-chung");
        assertTrue(staticPage.contains("<h1>Giới thiệu chung</h1>") && staticPage.contains("<h2>Lịch sử</h2>"), staticPage);
        // the editors' page form: an empty title is refused in Vietnamese and nothing changes; a good one is saved
        Api browser = session(editorName);
        String form = browser.get("/t/" + unit + "/admin/portal/pages/" + pageId, "text/html").body();
        String csrf = form.replaceAll("(?s).*name=\"csrf\" value=\"([^\"]+)\".*", "$1");
        Api.Response refused = browser.send("POST", "/t/" + unit + "/admin/portal/pages/" + pageId, "csrf=" + csrf + "&title=+&body=x&published=on",
                "application/x-www-form-urlencoded", "text/html");
        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("Tiêu đề trang bắt buộc"), refused.body());
        assertTrue(page("/t/" + unit + "/pages/" + pageId + "-gioi-thieu-chung").contains("<h1>Giới thiệu chung</h1>"), "unchanged");
        Api.Response saved = browser.send("POST", "/t/" + unit + "/admin/portal/pages/" + pageId, "csrf=" + csrf
                + "&title=Gi%E1%BB%9Bi+thi%E1%BB%87u+chung&body=%3Ch2%3EL%E1%BB%8Bch+s%E1%BB%AD%3C%2Fh2%3E%3Cp%3EX%C3%A3+%C4%91%C6%B0%E1%BB%A3c+th%C3%A0nh+l%E1%BA%ADp+n%C4%83m+1950.%3C%2Fp%3E&published=on",
                "application/x-www-form-urlencoded", "text/html");
        assertEquals(303, saved.status(), saved.toString());
        assertTrue(page("/t/" + unit + "/pages/" + pageId + "-gioi-thieu-chung").contains("năm 1950"), "the cached page followed");
        // a category renamed and then deleted through the same pages
        long cat = editor.post("/api/t/" + unit + "/portal/categories", "{\"name\":\"Tin cũ\"}").json().getJsonNumber("id").longValue();
        assertTrue(page("/t/" + unit + "/categories/" + cat).contains("<h1>Tin cũ</h1>"));
        Api.Response blank = browser.send("POST", "/t/" + unit + "/admin/portal/categories/" + cat, "csrf=" + csrf + "&name=+&action=save",
                "application/x-www-form-urlencoded", "text/html");
        assertEquals(400, blank.status());
        assertTrue(blank.body().contains("Tên chuyên mục bắt buộc") && blank.body().contains("Không có gì thay đổi"), blank.body());
        assertEquals(303, browser.send("POST", "/t/" + unit + "/admin/portal/categories/" + cat,
                "csrf=" + csrf + "&name=Tin+m%E1%BB%9Bi&nameEn=News&position=1&action=save", "application/x-www-form-urlencoded", "text/html").status());
        assertTrue(page("/t/" + unit + "/categories/" + cat).contains("<h1>Tin mới</h1>"), "renamed, the cached page followed");
        assertEquals(303, browser.send("POST", "/t/" + unit + "/admin/portal/categories/" + cat, "csrf=" + csrf + "&action=delete",
                "application/x-www-form-urlencoded", "text/html").status());
        assertEquals(404, Api.anonymous().get("/t/" + unit + "/categories/" + cat, "text/html").status());
        // static pages are in the site's search too
        await("the page in the unit's search", () -> page("/t/" + unit + "/search?q=thành+lập").contains("/t/" + unit + "/pages/" + pageId), 30);
    }

    @Test
    void aWarmPageGoesCompressedToBrowsersThatTakeGzipAndPlainToOthers() throws Exception {
        String unit = commune("xa-nen");
        Api editor = as(unit, "EDITOR");
        long id = id(article(editor, unit, "{\"title\":\"Tin dài\",\"body\":\"" + "<p>Ủy ban nhân dân xã thông báo lịch tiếp công dân.</p>".repeat(60) + "\"}"));
        editor.post("/api/t/" + unit + "/portal/articles/" + id + "/submit", "");
        as(unit, "APPROVER").post("/api/t/" + unit + "/portal/articles/" + id + "/approve", "{}");
        String plain = page("/t/" + unit + "/articles/" + id); // renders and fills the cache
        HttpResponse<byte[]> gz = HTTP.send(HttpRequest.newBuilder(URI.create(Api.baseUrl() + "/t/" + unit + "/articles/" + id))
                .header("Accept-Encoding", "gzip, deflate, br").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, gz.statusCode());
        assertEquals("gzip", gz.headers().firstValue("Content-Encoding").orElse(""), gz.headers().toString());
        assertEquals("Accept-Encoding, Accept-Language, Cookie", gz.headers().firstValue("Vary").orElse(""));
        byte[] unzipped;
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz.body()))) {
            unzipped = in.readAllBytes();
        }
        assertEquals(plain, new String(unzipped, StandardCharsets.UTF_8), "the same page");
        assertTrue(gz.body().length * 3 < unzipped.length, gz.body().length + " of " + unzipped.length);
        HttpResponse<byte[]> identity = HTTP.send(HttpRequest.newBuilder(URI.create(Api.baseUrl() + "/t/" + unit + "/articles/" + id))
                .header("Accept-Encoding", "gzip;q=0, identity").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertTrue(identity.headers().firstValue("Content-Encoding").isEmpty(), "refused gzip: plain");
        assertEquals(plain, new String(identity.body(), StandardCharsets.UTF_8));
    }

    /** A GET of a site page with the given request headers (name, value, ...), as it comes: no cookies kept, no redirects. */
    static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Api.baseUrl() + path));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * The site takes its language from the platform's one resolver (the address, then the cookie, then the browser's
     * Accept-Language; an unknown one is ignored) on the cached path as on a miss; the cache keeps each unit's page in
     * each language apart (two communes warmed in the same languages never get each other's page), and every answer
     * says what it varies by and carries the strict policy, whether the page came from the cache's filter or JAX-RS.
     */
    @Test
    void theSitesLanguageComesFromTheResolverAndEachUnitsPageIsCachedPerLanguage() throws Exception {
        String a = commune("xa-ngon-ngu-a");
        String b = commune("xa-ngon-ngu-b");
        for (int round = 0; round < 2; round++) { // a miss (rendered through JAX-RS), then a hit (the filter)
            for (String unit : List.of(a, b)) {
                String other = unit.equals(a) ? b : a;
                HttpResponse<String> vi = get("/t/" + unit + "/");
                assertTrue(vi.body().contains("<html lang=\"vi\">") && vi.body().contains("Tin mới"), "Vietnamese by default");
                HttpResponse<String> byHeader = get("/t/" + unit + "/", "Accept-Language", "en-GB,en;q=0.9");
                assertTrue(byHeader.body().contains("<html lang=\"en\">") && byHeader.body().contains("Latest news"), "Accept-Language: en");
                HttpResponse<String> byCookie = get("/t/" + unit + "/", "Cookie", "egov_lang=en");
                assertTrue(byCookie.body().contains("Latest news"), "the language's cookie");
                HttpResponse<String> addressFirst = get("/t/" + unit + "/?lang=vi", "Cookie", "egov_lang=en", "Accept-Language", "en");
                assertTrue(addressFirst.body().contains("Tin mới"), "the address before the cookie and the browser");
                HttpResponse<String> pseudo = get("/t/" + unit + "/?lang=qps");
                assertTrue(pseudo.body().contains("⟦") && !pseudo.body().contains("Tin mới"), "the pseudo-language");
                HttpResponse<String> unknown = get("/t/" + unit + "/?lang=xx-evil%3Cb%3E", "Accept-Language", "fr");
                assertEquals(200, unknown.statusCode());
                assertTrue(unknown.body().contains("Tin mới") && !unknown.body().contains("evil"), "an unknown language is ignored");
                for (HttpResponse<String> r : List.of(vi, byHeader, byCookie, addressFirst, pseudo, unknown)) {
                    assertTrue(r.body().contains("Xã Cổng " + unit) && !r.body().contains(other), "each unit its own page: " + r.uri());
                    String vary = r.headers().firstValue("Vary").orElse("");
                    assertTrue(vary.contains("Accept-Language") && vary.contains("Cookie") && vary.contains("Accept-Encoding"), r.uri() + ": " + vary);
                    assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"),
                            r.uri() + ": the strict policy, " + r.headers().map());
                    assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
                }
                assertTrue(get("/t/" + unit + "/?lang=en").headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("egov_lang=en")),
                        "?lang= is kept by a cookie on a cached page too");
            }
        }
        // the not-found page and a page of another module in the site's frame follow the same resolver
        HttpResponse<String> missing = get("/t/" + a + "/articles/999999999", "Accept-Language", "en");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("<html lang=\"en\">") && missing.headers().firstValue("Vary").orElse("").contains("Accept-Language"));
        HttpResponse<String> catalogue = get("/t/" + a + "/procedures", "Cookie", "egov_lang=en");
        assertTrue(catalogue.body().contains("<html lang=\"en\">") && catalogue.headers().firstValue("Vary").orElse("").contains("Cookie"),
                catalogue.headers().map().toString());
        HttpResponse<String> search = get("/t/" + a + "/search?q=x", "Accept-Language", "en");
        assertTrue(search.body().contains("<html lang=\"en\">") && search.body().contains("name=\"lang\" value=\"en\""), "the search keeps it");
    }

    @Test
    void visitsAreCountedInTheGridAndReachTheDatabase() throws Exception {
        String unit = commune("xa-dem");
        Api editor = as(unit, "EDITOR");
        Api approver = as(unit, "APPROVER");
        long id = id(article(editor, unit, "{\"title\":\"Tin được xem\"}"));
        editor.post("/api/t/" + unit + "/portal/articles/" + id + "/submit", "");
        approver.post("/api/t/" + unit + "/portal/articles/" + id + "/approve", "{}");
        for (int i = 0; i < 25; i++) {
            assertEquals(200, Api.anonymous().get("/t/" + unit + "/articles/" + id, "text/html").status());
        }
        for (int i = 0; i < 5; i++) {
            page("/t/" + unit + "/");
        }
        await("25 article views in the database", () -> editor.get("/api/t/" + unit + "/portal/articles/" + id).json()
                .getJsonNumber("views").longValue() == 25, 30);
        await("30 site visits in the database", () -> siteVisits(unit) == 30, 30);
    }

    @Test
    void badArticlesAreRefusedWithTheFieldNamedAndNothingSaved() {
        String unit = commune("xa-loi");
        Api editor = as(unit, "EDITOR");
        Api.Response r = editor.post("/api/t/" + unit + "/portal/articles", "{\"title\":\"  \",\"categoryId\":999999999}");
        assertEquals(400, r.status(), r.toString());
        assertTrue(r.isProblem());
        assertTrue(r.body().contains("\"title\"") && r.body().contains("Tiêu đề bắt buộc"), r.body());
        assertTrue(r.body().contains("\"categoryId\"") && r.body().contains("Chuyên mục không có trong đơn vị này"), r.body());
        Api.Response tags = editor.post("/api/t/" + unit + "/portal/articles", "{\"title\":\"Tin\",\"tags\":[1]}");
        assertEquals(400, tags.status(), tags.toString());
        assertTrue(tags.body().contains("\"tags\""), tags.body());
        assertEquals(0, editor.get("/api/t/" + unit + "/portal/articles").array().size());
        assertEquals(400, editor.get("/api/t/" + unit + "/portal/articles?status=bogus").status());
        assertEquals(404, Api.anonymous().get("/t/" + unit + "/articles/abc", "text/html").status());
        assertEquals(404, Api.anonymous().get("/t/" + unit + "/categories/999999999", "text/html").status());
        assertEquals(401, Api.anonymous().post("/api/t/" + unit + "/portal/articles", "{\"title\":\"x\"}").status());
        assertEquals(403, as(unit, "STAFF").post("/api/t/" + unit + "/portal/articles", "{\"title\":\"x\"}").status(), "staff are not editors");
    }

    @Test
    void aTreeChangeMadeDirectlyInTheDatabaseReachesTheKeptLookupsAndCachedPages() throws Exception {
        String unit = commune("xa-cay");
        assertFalse(page("/t/" + unit + "/").contains("Đơn vị đang tạm dừng hoạt động."), "seen (and its lookup kept) while active");
        // as the operator's tools do: straight in the database, not through the application
        try (Connection c = Fixtures.db().owner(); PreparedStatement ps = c.prepareStatement("UPDATE tenant SET status = ? WHERE code = ?")) {
            ps.setString(1, "suspended");
            ps.setString(2, unit);
            assertEquals(1, ps.executeUpdate());
            await("the database's notice of the change", () -> page("/t/" + unit + "/").contains("Đơn vị đang tạm dừng hoạt động."), 10);
            ps.setString(1, "active");
            ps.executeUpdate();
            await("and of the change back", () -> !page("/t/" + unit + "/").contains("Đơn vị đang tạm dừng hoạt động."), 10);
        }
    }

    // ---- helpers

    static long siteVisits(String unit) {
        // as the owner, under the unit's scope (row-level security is forced on the owner too)
        try (Connection c = Fixtures.db().owner()) {
            c.setAutoCommit(false);
            try (PreparedStatement scope = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                scope.setString(1, Long.toString(Fixtures.tenantId(unit)));
                scope.executeQuery().close();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT coalesce((SELECT views FROM portal_site_visit v JOIN tenant t ON t.id = v.tenant_id WHERE t.code = ?), 0)")) {
                ps.setString(1, unit);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } finally {
                c.rollback();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonObject upload(Api api, String unit, String name, byte[] content, boolean isPublic) throws Exception {
        HttpResponse<String> r = raw(api, unit, name, content, isPublic);
        assertEquals(201, r.statusCode(), r.body());
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(r.body()))) {
            return reader.readObject();
        }
    }

    static HttpResponse<String> raw(Api api, String unit, String name, byte[] content) throws Exception {
        return raw(api, unit, name, content, false);
    }

    static HttpResponse<String> raw(Api api, String unit, String name, byte[] content, boolean isPublic) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Api.baseUrl() + "/api/t/" + unit + "/portal/files?name="
                        + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8) + "&public=" + isPublic))
                .header("Content-Type", "image/png").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content));
        b.header("Authorization", api.authorization());
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<byte[]> bytes(String path, Api as) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Api.baseUrl() + path));
        if (as != null) {
            b.header("Authorization", as.authorization());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A browser-like client logged in through the login form (the admin pages take no Basic auth). */
    static Api session(String username) {
        Api browser = Api.browser();
        Api.Response r = browser.send("POST", "/login", "username=" + username + "&password="
                + java.net.URLEncoder.encode(Fixtures.PASSWORD, StandardCharsets.UTF_8), "application/x-www-form-urlencoded", "text/html");
        assertEquals(302, r.status(), r.toString());
        return browser;
    }

    /** Bytes through a logged-in browser session. */
    static HttpResponse<byte[]> sessionBytes(String path, String username) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new java.net.CookieManager()).build();
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(Api.baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
                        + java.net.URLEncoder.encode(Fixtures.PASSWORD, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, login.statusCode(), login.body());
        return client.send(HttpRequest.newBuilder(URI.create(Api.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static int status(String path, Api as) {
        return as.get(path, "text/html").status();
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + Fixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
