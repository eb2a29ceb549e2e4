package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The lines of a document's history and the notes of an article's versions that the platform wrote before they were
 * kept as keys (V8_26, V8_27) get their keys from migrations V8_30 and V8_31, run here again over lines written the old
 * way: the Vietnamese stays as written, its parts become the arguments; a line a person wrote in the same words, or one
 * with another action or status than the platform writes it with, stays text. (The dossiers' are in DossiersIT.)
 */
class SaidBeforeIT extends DeployedEar {

    @Test
    void aDocumentsOldHistoryLinesAreKeyedByTheMigration() throws Exception {
        String unit = PortalIT.commune("xa-so-cu");
        DocumentsIT.Office office = DocumentsIT.Office.of(unit);
        long id = DocumentsIT.issued(office, DocumentsIT.draftJson("Công văn có lịch sử cũ")).getJsonNumber("id").longValue();
        oldLines("INSERT INTO document_event (tenant_id, document_id, action, actor, note) SELECT tenant_id, id, ?, 'can-bo', ? FROM document WHERE id = ?",
                id, new String[][] {{"directed", "Chủ trì: Nguyễn Văn An; hạn: 15/12/2026. Báo cáo trước hạn"}, {"sent", "3 đơn vị"},
                        {"note", "Văn bản giấy"}});
        migrate("modules/documents/src/main/resources/db/migration/documents/V8_30__document_event_said_before.sql");
        Map<String, JsonObject> byNote = byNote(office.clerk().get(DocumentsIT.path(unit) + "/" + id).json().getJsonArray("history"));
        JsonObject direction = byNote.get("Chủ trì: Nguyễn Văn An; hạn: 15/12/2026. Báo cáo trước hạn");
        assertEquals("history.directed.by", direction.getJsonObject("said").getString("key"), direction.toString());
        assertEquals(List.of("Nguyễn Văn An", "", "15/12/2026", ". Báo cáo trước hạn"), args(direction));
        assertEquals(List.of("3"), args(byNote.get("3 đơn vị")));
        assertFalse(byNote.get("Văn bản giấy").containsKey("said"), "a person's note in the platform's words stays text");
    }

    @Test
    void anArticlesOldVersionNotesAreKeyedByTheMigration() throws Exception {
        String unit = PortalIT.commune("xa-bai-cu");
        Api editor = PortalIT.as(unit, "EDITOR");
        long id = PortalIT.id(PortalIT.article(editor, unit, "{\"title\":\"Bài có phiên bản cũ\",\"body\":\"<p>một</p>\"}"));
        oldLines("INSERT INTO portal_article_version (tenant_id, article_id, version, title, summary, body, category_id, cover_file_id, attachments, tags, "
                        + "author, status, note, saved_by) SELECT tenant_id, article_id, version + 10 + "
                        + "(SELECT count(*) FROM portal_article_version v WHERE v.article_id = o.article_id), title, summary, body, category_id, cover_file_id, "
                        + "attachments, tags, author, ?, ?, saved_by FROM portal_article_version o WHERE article_id = ? AND version = 1",
                id, new String[][] {{"returned", "Trả lại: ảnh chưa rõ"}, {"draft", "Khôi phục phiên bản 1"}, {"draft", "Gửi duyệt"}});
        migrate("modules/portal/src/main/resources/db/migration/portal/V8_31__portal_version_note_said_before.sql");
        Map<String, JsonObject> byNote = byNote(editor.get("/api/t/" + unit + "/portal/articles/" + id + "/versions").array());
        JsonObject returned = byNote.get("Trả lại: ảnh chưa rõ");
        assertEquals("version.returned", returned.getJsonObject("said").getString("key"), returned.toString());
        assertEquals(List.of("ảnh chưa rõ"), args(returned));
        assertEquals(List.of("1"), args(byNote.get("Khôi phục phiên bản 1")));
        assertFalse(byNote.get("Gửi duyệt").containsKey("said"), "a draft's note is not the submission's line");
    }

    /** Writes lines the old way ({@code sql}: action or status, note, then the row's id) as the owner, under the province. */
    private static void oldLines(String sql, long id, String[][] lines) throws Exception {
        try (Connection c = Fixtures.provinceScoped(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (String[] line : lines) {
                ps.setString(1, line[0]);
                ps.setString(2, line[1]);
                ps.setLong(3, id);
                assertEquals(1, ps.executeUpdate(), line[1]);
            }
            c.commit();
        }
    }

    /** Runs a migration's script again, as the owner (it lifts FORCE for its own transaction). */
    private static void migrate(String script) throws Exception {
        try (Connection c = Fixtures.provinceScoped(); Statement s = c.createStatement()) {
            s.execute(Files.readString(Path.of(System.getProperty("egov.projectDir", "../.."), script)));
            c.commit();
        }
    }

    private static Map<String, JsonObject> byNote(JsonArray lines) {
        Map<String, JsonObject> byNote = new HashMap<>();
        lines.forEach(v -> byNote.put(v.asJsonObject().getString("note", ""), v.asJsonObject()));
        return byNote;
    }

    private static List<String> args(JsonObject line) {
        return line.getJsonObject("said").getJsonArray("args").getValuesAs(JsonString::getString);
    }
}
