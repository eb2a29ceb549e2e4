package vn.egov.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
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
    void aPlainProblemIsTheSameInEveryLanguageButItsTitleAndDetail() {
        Problem p = Problem.of(404, "not-found", "Không tìm thấy", "Not found", "Không có.", "Nothing.");
        assertFalse(p.perLanguage());
        assertSame(p, p.in(Locale.ENGLISH));
        assertEquals("Not found", json(p.toJson(Locale.ENGLISH, null)).getString("title"));
        assertEquals("Không tìm thấy", json(p.toJson(VI, null)).getString("title"));
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
