package vn.egov.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import vn.egov.platform.words.Words;

class ProblemTest {
    private static final Locale VI = Locale.forLanguageTag("vi");

    @Test
    void notFoundSaysWhatByAModulesKeyInThePlatformsFrame() {
        Function<Locale, Words> texts = l -> (key, args) -> Words.fill("en".equals(l.getLanguage())
                ? "document {0} of this unit" : "văn bản số {0} của đơn vị này", args);
        Problem p = ProblemException.notFound(texts, "notFound.document", 42L).problem();
        assertEquals(404, p.status());
        assertEquals("not-found", p.type());
        assertEquals(List.of("Không tìm thấy", "Not found", "Không tìm thấy văn bản số 42 của đơn vị này.", "No such document 42 of this unit."),
                List.of(p.titleVi(), p.titleEn(), p.detailVi(), p.detailEn()));
        JsonObject en = json(p.toJson(Locale.ENGLISH, "/x"));
        assertEquals("urn:egov:problem:not-found", en.getString("type"));
        assertEquals("Not found", en.getString("title"));
        assertEquals("No such document 42 of this unit.", en.getString("detail"));
        JsonObject vi = json(p.toJson(VI, "/x"));
        assertEquals("Không tìm thấy", vi.getString("title"));
        assertEquals("Không tìm thấy văn bản số 42 của đơn vị này.", vi.getString("detail"));
        assertEquals("Không tìm thấy văn bản số 42 của đơn vị này.", json(p.toJson(null, null)).getString("detail"), "no language: Vietnamese");
        assertEquals("Không tìm thấy văn bản số 42 của đơn vị này.", p.detailVi());
        assertEquals("No such document 42 of this unit.", p.detailEn());
        Problem unit = ProblemException.notFound(ProblemException::platformTexts, "platform.notFound.unit").problem();
        assertEquals(List.of("Không tìm thấy đơn vị.", "No such unit."), List.of(unit.detailVi(), unit.detailEn()),
                "the platform's own: from its pages' bundle");
    }

    @Test
    void aProblemSaidPerLanguageWritesItsFieldsAndErrorsInTheReadersLanguage() {
        Problem p = Problem.inLanguages(language -> new Problem(422, "plan-invalid", "Kế hoạch không hợp lệ", "The plan is invalid",
                "1 lỗi.", "1 error.", Map.of("effective", List.of("en".equals(language.getLanguage()) ? "not a day" : "không phải ngày")),
                Jsonp.createArrayBuilder().add(Jsonp.createObjectBuilder().add("line", 2)
                        .add("reason", "en".equals(language.getLanguage()) ? "unknown unit" : "không có đơn vị")).build()));
        assertTrue(p.perLanguage());
        assertEquals(List.of("không phải ngày"), p.fieldErrors().get("effective"), "its own members are the Vietnamese ones");
        JsonObject en = json(p.toJson(Locale.ENGLISH, "/x"));
        assertEquals("The plan is invalid", en.getString("title"));
        assertEquals("unknown unit", en.getJsonArray("errors").getJsonObject(0).getString("reason"));
        assertEquals("not a day", en.getJsonObject("fields").getJsonArray("effective").getString(0));
        JsonObject vi = json(p.toJson(VI, "/x"));
        assertEquals("không có đơn vị", vi.getJsonArray("errors").getJsonObject(0).getString("reason"));
        assertEquals("unknown unit", p.in(Locale.ENGLISH).errors().getJsonObject(0).getString("reason"));
        assertFalse(p.in(Locale.ENGLISH).perLanguage());
        assertEquals("không có đơn vị", json(p.toJson(null, null)).getJsonArray("errors").getJsonObject(0).getString("reason"),
                "no language: Vietnamese");
    }

    @Test
    void thePlatformsOwnProblemsAreSaidFromItsBundleWordForWord() {
        Problem p = ProblemException.forbidden().problem();
        assertTrue(p.perLanguage());
        assertEquals(List.of("Không có quyền", "Forbidden", "Tài khoản của bạn không có quyền thực hiện thao tác này tại đơn vị này.",
                "Your account may not do this in this unit."), List.of(p.titleVi(), p.titleEn(), p.detailVi(), p.detailEn()));
        assertEquals("Forbidden", json(p.toJson(Locale.ENGLISH, null)).getString("title"));
        assertEquals("Không có quyền", json(p.toJson(VI, null)).getString("title"));
        assertTrue(json(p.toJson(Locale.forLanguageTag("qps"), null)).getString("title").startsWith(Words.OPEN + "Forbidden"));
        Problem refused = ProblemException.platform(409, "http-409", "refused", 409);
        assertEquals(List.of("Yêu cầu không được chấp nhận (mã 409).", "The request was refused (status 409)."),
                List.of(refused.detailVi(), refused.detailEn()));
        Problem incident = ProblemException.platform(500, "internal-error", "internalError", "abc-1");
        assertEquals("Đã có lỗi phía máy chủ; không có thay đổi nào được lưu. Hãy thử lại sau hoặc báo cho bộ phận CNTT mã sự cố: abc-1",
                incident.detailVi());
        assertEquals("Something failed on the server; nothing was saved. Try again later or report incident abc-1 to IT.", incident.detailEn());
        Problem unit = ProblemException.platform(404, "unknown-unit", "unknownUnit", "xa-khong-co");
        assertEquals("Không có đơn vị nào có mã \"xa-khong-co\". Xem danh sách đơn vị tại /api/tenants.", unit.detailVi());
    }

    @Test
    void thePlatformsFieldErrorsAreSaidInTheReadersLanguageNotAsPairs() {
        Problem p = ProblemException.invalid(new Fields().add("name", ProblemException.PLATFORM + "field.tokenName"), "invalidInput.aField").problem();
        assertEquals(400, p.status());
        assertEquals("invalid-input", p.type());
        assertEquals(List.of("Đặt tên cho mã (dùng vào việc gì)"), p.fieldErrors().get("name"));
        JsonObject en = json(p.toJson(Locale.ENGLISH, null));
        assertEquals("Invalid input", en.getString("title"));
        assertEquals("A field is invalid; nothing changed.", en.getString("detail"));
        assertEquals("name the token (what it is for)", en.getJsonObject("fields").getJsonArray("name").getString(0));
        assertEquals("Yêu cầu có trường không hợp lệ; không có gì thay đổi.", json(p.toJson(VI, null)).getString("detail"));
    }

    @Test
    void aProblemSaidByKeysTakesItsTextsFromTheModulesWordsInTheReadersLanguage() {
        Function<Locale, Words> texts = language -> (key, args) -> Words.fill(switch (language.getLanguage()) {
            case "en" -> key.equals("t") ? "Not possible now" : "Dossier {0} has ended.";
            case "qps" -> Words.pseudo(key.equals("t") ? "Not possible now" : "Dossier {0} has ended.");
            default -> key.equals("t") ? "Không thực hiện được" : "Hồ sơ {0} đã kết thúc.";
        }, args);
        Problem p = Problem.of(texts, 409, "conflict", "t", "d", "HS-1");
        assertTrue(p.perLanguage());
        assertEquals(409, p.status());
        assertEquals("Hồ sơ HS-1 đã kết thúc.", p.detailVi(), "its own members are the Vietnamese and the English texts");
        assertEquals("Dossier HS-1 has ended.", p.detailEn());
        assertEquals("Not possible now", p.titleEn());
        JsonObject en = json(p.toJson(Locale.ENGLISH, null));
        assertEquals("urn:egov:problem:conflict", en.getString("type"));
        assertEquals("Dossier HS-1 has ended.", en.getString("detail"));
        assertEquals("Không thực hiện được", json(p.toJson(VI, null)).getString("title"));
        assertTrue(json(p.toJson(Locale.forLanguageTag("qps"), null)).getString("detail").startsWith(Words.OPEN + "Dossier HS-1"));
        Problem fields = Problem.said(texts, 400, "invalid-input", "t", w -> w.text("d", "HS-2"), w -> Map.of("code", List.of(w.text("d", "x"))));
        assertEquals("Dossier x has ended.", json(fields.toJson(Locale.ENGLISH, null)).getJsonObject("fields").getJsonArray("code").getString(0));
        assertEquals(List.of("Hồ sơ x đã kết thúc."), fields.fieldErrors().get("code"));
    }

    private static JsonObject json(String text) {
        try (var r = Jsonp.createReader(new StringReader(text))) {
            return r.readObject();
        }
    }
}
