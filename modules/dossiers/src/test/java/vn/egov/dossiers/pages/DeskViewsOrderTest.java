package vn.egov.dossiers.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The desk shows a dossier's answers and papers in the procedure's order, papers by their names (issue 22). */
class DeskViewsOrderTest {
    private static final JsonObject DOSSIER = Json.createReader(new StringReader("""
            {"formLabels": {"fullName": "Họ và tên", "birthDate": "Ngày sinh", "address": "Nơi cư trú"},
             "form": {"address": "Lào Cai", "fullName": "Nguyễn Văn A", "birthDate": "01/02/1990", "old": "x"},
             "papers": [{"id": "to-khai", "name": "Tờ khai"}, {"id": "cccd", "name": "Căn cước"}, {"id": "anh", "name": "Ảnh"}],
             "files": [{"id": 1, "paper": "anh", "name": "a.jpg", "kind": "paper"},
                       {"id": 2, "paper": "result", "name": "kq.pdf", "kind": "result"},
                       {"id": 3, "paper": "to-khai", "name": "tk.pdf", "kind": "paper"},
                       {"id": 4, "paper": "cccd", "name": "cc.pdf", "kind": "paper"}]}
            """)).readObject();

    @Test
    void answersFollowTheProceduresFields() {
        assertEquals(List.of("Họ và tên", "Ngày sinh", "Nơi cư trú", "old"), DeskViews.form(DOSSIER).stream().map(DeskViews.Row::label).toList());
    }

    @Test
    void papersFollowTheProceduresOrderByName() {
        List<DeskViews.FileLink> files = DeskViews.files(DOSSIER, "/t/x/admin/dossiers/c");
        assertEquals(List.of("Tờ khai", "Căn cước", "Ảnh", "result"), files.stream().map(DeskViews.FileLink::paper).toList());
        assertEquals("/t/x/admin/dossiers/c/files/3", files.get(0).href());
    }
}
