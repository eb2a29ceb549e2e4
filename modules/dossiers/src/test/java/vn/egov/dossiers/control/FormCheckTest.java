package vn.egov.dossiers.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FormCheckTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode form() throws Exception {
        return JSON.readTree("""
                {"fields":[
                  {"name":"fullName","label":"Họ và tên","type":"text","required":true,"maxLength":20},
                  {"name":"birthDate","label":"Ngày sinh","type":"date","required":true},
                  {"name":"gender","label":"Giới tính","type":"choice","choices":["Nam","Nữ"]},
                  {"name":"children","label":"Số con","type":"number","min":0,"max":20},
                  {"name":"id","label":"Số định danh","type":"idNumber"},
                  {"name":"phone","label":"Điện thoại","type":"phone"},
                  {"name":"agree","label":"Cam đoan","type":"checkbox","required":true}]}""");
    }

    @Test
    void goodValuesAreKeptInTheirStoredForm() throws Exception {
        String nfd = java.text.Normalizer.normalize("Lò Thị Mai", java.text.Normalizer.Form.NFD);
        FormCheck.Result r = FormCheck.check(form(), JSON.readTree("{\"fullName\":\" " + nfd + " \",\"birthDate\":\"29/02/2024\",\"gender\":\"Nữ\","
                + "\"children\":\"2\",\"id\":\"001203004567\",\"phone\":\"0912 345 678\",\"agree\":true}"));
        assertTrue(r.ok(), vietnamese(r).toString());
        assertEquals("Lò Thị Mai", r.values().path("fullName").asText(), "trimmed, NFC");
        assertEquals("2024-02-29", r.values().path("birthDate").asText());
        assertEquals(2.0, r.values().path("children").asDouble());
        assertEquals("0912345678", r.values().path("phone").asText());
    }

    @Test
    void everyBadValueIsNamedWithItsLabel() throws Exception {
        FormCheck.Result r = FormCheck.check(form(), JSON.readTree("{\"fullName\":\"Một cái tên dài quá hai mươi ký tự\",\"birthDate\":\"29/02/2025\","
                + "\"gender\":\"Khác\",\"children\":30,\"id\":\"12345\",\"phone\":\"abc\",\"agree\":\"có\",\"extra\":1}"));
        for (String f : new String[] {"form.fullName", "form.birthDate", "form.gender", "form.children", "form.id", "form.phone", "form.agree",
                "form.extra"}) {
            assertTrue(r.problems().containsKey(f), f + " in " + vietnamese(r));
        }
        assertTrue(vietnamese(r).get("form.birthDate").get(0).startsWith("\"Ngày sinh\": ngày không hợp lệ"), vietnamese(r).toString());
        assertEquals("\"Ngày sinh\": not a date; write dd/MM/yyyy.", r.problems().in(Wording.in(java.util.Locale.ENGLISH)).get("form.birthDate").get(0));
        FormCheck.Result missing = FormCheck.check(form(), JSON.readTree("{\"gender\":\"Nam\"}"));
        assertEquals(java.util.Set.of("form.fullName", "form.birthDate", "form.agree"), vietnamese(missing).keySet());
        assertTrue(FormCheck.check(form(), JSON.readTree("[1,2]")).problems().containsKey("form"));
    }

    private static java.util.Map<String, java.util.List<String>> vietnamese(FormCheck.Result r) {
        return r.problems().in(Wording.in(java.util.Locale.forLanguageTag("vi")));
    }
}
