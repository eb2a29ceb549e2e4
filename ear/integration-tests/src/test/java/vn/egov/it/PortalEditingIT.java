package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.egov.it.PortalIT.article;
import static vn.egov.it.PortalIT.as;
import static vn.egov.it.PortalIT.bytes;
import static vn.egov.it.PortalIT.commune;
import static vn.egov.it.PortalIT.id;
import static vn.egov.it.PortalIT.upload;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The editors' pages as a browser posts them (multipart forms with files, CSRF token, session): an article
 * saved with a cover and attachments uploaded along with it, a refused file keeping nothing; the images the
 * rich text editor offers; images placed in a body going public with their article; the menu reordered with
 * Up/Down; and categories, static pages and menu items of one commune out of reach of another's editors.
 */
class PortalEditingIT extends DeployedEar {
    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void theArticleFormTakesItsCoverAndAttachmentsAlongAndARefusedFileKeepsNothing() throws Exception {
        String unit = commune("xa-mau-don");
        String editorName = Fixtures.user(unit, false, "EDITOR");
        Api editor = Api.as(editorName, Fixtures.PASSWORD);
        long earlier = upload(editor, unit, "quyet-dinh.pdf", PDF, false).getJsonNumber("id").longValue();
        FormSession s = new FormSession(editorName);
        String form = "/t/" + unit + "/admin/portal/articles/new";
        assertTrue(s.get(form).body().contains("data-rich-text"), "the body is a rich text field");
        assertTrue(s.get(form).body().contains("id=\"attachment-" + earlier + "\""), "the unit's files are offered as attachments");

        // an attachment that is HTML under a PDF name: the whole form is refused, nothing is kept
        FormSession.Page refused = s.postMultipart(form, form, List.of(Map.entry("title", "Lịch tiếp công dân tháng 12"),
                        Map.entry("body", "<p>Chủ tịch xã tiếp công dân vào thứ Năm.</p>"), Map.entry("action", "save")),
                List.of(new FormSession.Part("newCover", "anh.png", ItEnvironment.png(400, 300)),
                        new FormSession.Part("newAttachments", "lich.pdf", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))));
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("theo nội dung tệp"), "the reason, in Vietnamese, next to the file field");
        assertTrue(refused.body().contains("id=\"newAttachments-error\""), "under the attachments upload");
        assertTrue(refused.body().contains("value=\"Lịch tiếp công dân tháng 12\""), "the form comes back as it was filled in");
        assertEquals(0, editor.get("/api/t/" + unit + "/portal/articles").array().size(), "no article");
        assertEquals(1, editor.get("/api/t/" + unit + "/portal/files").array().size(), "and not the cover sent with it either");

        // the same with a real PDF: one save stores the article, its new cover, the new attachment and the one chosen
        FormSession.Page saved = s.postMultipart(form, form, List.of(Map.entry("title", "Lịch tiếp công dân tháng 12"),
                        Map.entry("body", "<p>Chủ tịch xã tiếp công dân vào thứ Năm.</p>"), Map.entry("attachments", Long.toString(earlier)),
                        Map.entry("action", "save")),
                List.of(new FormSession.Part("newCover", "anh.png", ItEnvironment.png(400, 300)),
                        new FormSession.Part("newAttachments", "lich.pdf", PDF), new FormSession.Part("newAttachments", "", new byte[0])));
        assertEquals(303, saved.status(), saved.body());
        JsonArray list = editor.get("/api/t/" + unit + "/portal/articles").array();
        assertEquals(1, list.size());
        JsonObject a = editor.get("/api/t/" + unit + "/portal/articles/" + id(list.getJsonObject(0))).json();
        JsonArray files = editor.get("/api/t/" + unit + "/portal/files").array();
        assertEquals(3, files.size(), files.toString());
        long cover = a.getJsonNumber("coverFileId").longValue();
        JsonArray attachments = a.getJsonArray("attachments");
        assertEquals(2, attachments.size(), a.toString());
        assertEquals(earlier, attachmentId(attachments, 0), "the chosen file first");
        long newPdf = attachmentId(attachments, 1);
        assertTrue(newPdf != earlier && newPdf != cover);
        assertTrue(files.stream().map(JsonObject.class::cast).anyMatch(f -> id(f) == cover && f.getString("contentType").equals("image/png")));

        // the editor's image list: the unit's images, for the editors only
        String images = s.get("/t/" + unit + "/admin/portal/files/images.json").body();
        assertTrue(images.contains("\"/t/" + unit + "/files/" + cover + "\""), images);
        assertFalse(images.contains("/files/" + newPdf + "\""), "documents are not images");
        String other = commune("xa-khac");
        FormSession outsider = new FormSession(Fixtures.user(other, false, "EDITOR"));
        assertEquals(403, outsider.get("/t/" + unit + "/admin/portal/files/images.json").status());
        assertFalse(outsider.get("/t/" + other + "/admin/portal/files/images.json").body().contains("/files/" + cover), "nothing of A's in B's");
    }

    private static long attachmentId(JsonArray attachments, int i) {
        return attachments.get(i) instanceof JsonObject o ? id(o) : attachments.getJsonNumber(i).longValue();
    }

    @Test
    void imagesPlacedInTheBodyGoPublicWithTheArticleButNeverAnotherUnitsFile() throws Exception {
        String unit = commune("xa-anh");
        String other = commune("xa-anh-khac");
        Api editor = as(unit, "EDITOR");
        Api approver = as(unit, "APPROVER");
        long inBody = upload(editor, unit, "le-hoi.png", ItEnvironment.png(300, 200), false).getJsonNumber("id").longValue();
        long foreign = upload(as(other, "EDITOR"), other, "rieng.png", ItEnvironment.png(30, 20), false).getJsonNumber("id").longValue();
        assertEquals(404, bytes("/t/" + unit + "/files/" + inBody, null).statusCode(), "private before publishing");
        long id = id(article(editor, unit, """
                {"title":"Lễ hội","body":"<p>Ảnh:</p><p><img src=\\"/t/%1$s/files/%2$d\\" alt=\\"Lễ hội\\"><img src=\\"/t/%1$s/files/%3$d\\" alt=\\"x\\"></p>"}
                """.formatted(unit, inBody, foreign)));
        assertEquals(200, editor.post("/api/t/" + unit + "/portal/articles/" + id + "/submit", "").status());
        assertEquals(200, approver.post("/api/t/" + unit + "/portal/articles/" + id + "/approve", "{}").status());
        assertEquals(200, bytes("/t/" + unit + "/files/" + inBody, null).statusCode(), "the body's image is public with its article");
        assertEquals(404, bytes("/t/" + other + "/files/" + foreign, null).statusCode(), "another unit's file named in the body stays private");
        assertEquals(404, bytes("/t/" + unit + "/files/" + foreign, null).statusCode());
        // the same for a static page: public once the page is published
        long onPage = upload(editor, unit, "so-do.png", ItEnvironment.png(200, 100), false).getJsonNumber("id").longValue();
        String body = "<p><img src=\\\"/t/" + unit + "/files/" + onPage + "\\\" alt=\\\"Sơ đồ\\\"></p>";
        long page = id(editor.post("/api/t/" + unit + "/portal/pages", "{\"title\":\"Sơ đồ tổ chức\",\"body\":\"" + body + "\",\"published\":false}").json());
        assertEquals(404, bytes("/t/" + unit + "/files/" + onPage, null).statusCode(), "a hidden page publishes nothing");
        assertEquals(200, editor.put("/api/t/" + unit + "/portal/pages/" + page, "{\"title\":\"Sơ đồ tổ chức\",\"body\":\"" + body + "\",\"published\":true}").status());
        assertEquals(200, bytes("/t/" + unit + "/files/" + onPage, null).statusCode());
    }

    @Test
    void theMenuIsReorderedWithUpAndDownWithinItsLevel() throws Exception {
        String unit = commune("xa-thu-tu");
        String editorName = Fixtures.user(unit, false, "EDITOR");
        Api editor = Api.as(editorName, Fixtures.PASSWORD);
        long first = item(editor, unit, "Giới thiệu", null, 1);
        long second = item(editor, unit, "Tin tức", null, 2);
        long third = item(editor, unit, "Liên hệ", null, 3);
        long child = item(editor, unit, "Lịch sử", first, 1);
        FormSession s = new FormSession(editorName);
        String menu = "/t/" + unit + "/admin/portal/menu";
        String listed = s.get(menu).body();
        assertTrue(listed.contains("aria-label=\"Chuyển lên: Liên hệ\""), "the last item can move up");
        assertFalse(listed.contains("aria-label=\"Chuyển lên: Giới thiệu\""), "the first cannot");
        assertFalse(listed.contains("aria-label=\"Chuyển xuống: Liên hệ\""), "the last cannot move down");
        FormSession.Page up = s.post(menu, menu + "/" + third + "/move", List.of(Map.entry("direction", "up")));
        assertEquals(303, up.status(), up.body());
        assertEquals(List.of(first, third, second), topLevel(editor, unit));
        assertEquals(303, s.post(menu, menu + "/" + first + "/move", List.of(Map.entry("direction", "down"))).status());
        assertEquals(List.of(third, first, second), topLevel(editor, unit));
        assertEquals(303, s.post(menu, menu + "/" + third + "/move", List.of(Map.entry("direction", "up"))).status(), "already first: no change");
        assertEquals(List.of(third, first, second), topLevel(editor, unit));
        String site = PortalIT.page("/t/" + unit + "/");
        assertTrue(site.indexOf("Liên hệ") < site.indexOf("Giới thiệu") && site.indexOf("Giới thiệu") < site.indexOf("Tin tức"), "the public menu follows");
        assertEquals(first, editor.get("/api/t/" + unit + "/portal/menu").array().stream().map(JsonObject.class::cast)
                .filter(m -> id(m) == child).findFirst().orElseThrow().getJsonNumber("parentId").longValue(), "the sub-item stays under its parent");

        // another commune's editor: 403 at this unit's address, 404 with these ids at their own
        String other = commune("xa-thu-tu-khac");
        FormSession outsider = new FormSession(Fixtures.user(other, false, "EDITOR"));
        String otherMenu = "/t/" + other + "/admin/portal/menu";
        assertEquals(404, outsider.post(otherMenu, otherMenu + "/" + first + "/move", List.of(Map.entry("direction", "up"))).status());
        assertEquals(List.of(third, first, second), topLevel(editor, unit), "unchanged");
    }

    @Test
    void categoriesPagesAndMenuItemsOfOneCommuneCannotBeChangedOrDeletedFromAnother() {
        String a = commune("xa-muc-a");
        String b = commune("xa-muc-b");
        Api editorA = as(a, "EDITOR");
        Api editorB = as(b, "EDITOR");
        long category = id(editorA.post("/api/t/" + a + "/portal/categories", "{\"name\":\"Tin nội bộ\"}").json());
        long page = id(editorA.post("/api/t/" + a + "/portal/pages", "{\"title\":\"Bản nháp trang\",\"body\":\"<p>chưa công bố</p>\",\"published\":false}").json());
        long item = item(editorA, a, "Mục của A", null, 1);
        for (String[] call : new String[][] {{"PUT", "/categories/" + category, "{\"name\":\"Chiếm\"}"}, {"DELETE", "/categories/" + category, null},
                {"PUT", "/pages/" + page, "{\"title\":\"Chiếm\",\"body\":\"<p>x</p>\"}"}, {"DELETE", "/pages/" + page, null},
                {"PUT", "/menu/" + item, "{\"label\":\"Chiếm\",\"kind\":\"home\"}"}, {"DELETE", "/menu/" + item, null}}) {
            Api.Response atA = call[0].equals("PUT") ? editorB.put("/api/t/" + a + "/portal" + call[1], call[2]) : editorB.delete("/api/t/" + a + "/portal" + call[1]);
            assertEquals(403, atA.status(), call[0] + " " + call[1] + " at A's address: " + atA);
            Api.Response atB = call[0].equals("PUT") ? editorB.put("/api/t/" + b + "/portal" + call[1], call[2]) : editorB.delete("/api/t/" + b + "/portal" + call[1]);
            assertEquals(404, atB.status(), call[0] + " " + call[1] + " with A's id at B's address: " + atB);
        }
        assertFalse(editorB.get("/api/t/" + b + "/portal/pages").body().contains("Bản nháp trang"), "not listed at B");
        assertEquals(404, Api.anonymous().get("/t/" + a + "/pages/" + page, "text/html").status(), "an unpublished page is not public");
        // all of it intact at A
        assertTrue(editorA.get("/api/t/" + a + "/portal/categories").body().contains("Tin nội bộ"));
        assertTrue(editorA.get("/api/t/" + a + "/portal/pages").body().contains("Bản nháp trang"));
        assertTrue(editorA.get("/api/t/" + a + "/portal/menu").body().contains("Mục của A"));
    }

    static long item(Api api, String unit, String label, Long parent, int position) {
        Api.Response r = api.post("/api/t/" + unit + "/portal/menu", "{\"label\":\"" + label + "\",\"kind\":\"home\",\"position\":" + position
                + (parent == null ? "" : ",\"parentId\":" + parent) + "}");
        assertEquals(201, r.status(), r.toString());
        return id(r.json());
    }

    static List<Long> topLevel(Api api, String unit) {
        JsonArray menu = api.get("/api/t/" + unit + "/portal/menu").array();
        assertNotNull(menu);
        return menu.stream().map(JsonObject.class::cast).filter(m -> !m.containsKey("parentId") || m.isNull("parentId")).map(PortalIT::id).toList();
    }
}
