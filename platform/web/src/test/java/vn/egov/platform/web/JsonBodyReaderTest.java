package vn.egov.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonBodyReaderTest {

    private static JsonObject read(byte[] body) throws Exception {
        return JsonBodyReader.read(new ByteArrayInputStream(body));
    }

    private static JsonObject read(String body) throws Exception {
        return read(body.getBytes(StandardCharsets.UTF_8));
    }

    private static Problem refused(String body) {
        return assertThrows(ProblemException.class, () -> read(body), body).problem();
    }

    @Test
    void anObjectInUtf8IsRead() throws Exception {
        JsonObject o = read(" {\"title\":\"Thông báo lịch tiếp công dân\",\"n\":[1,2]}\n");
        assertEquals("Thông báo lịch tiếp công dân", o.getString("title"));
    }

    @Test
    void whatIsNoObjectIsA400() {
        for (String body : List.of("[1, 2]", "[]", "null", "42", "\"tin\"", "true", "{\"a\":", "{\"a\":1} {\"b\":2}", "{\"a\":1} x", "", "  ",
                "{'a':1}", "{\"a\":\"x\u0000\"}")) {
            Problem p = refused(body);
            assertEquals(400, p.status(), body);
            assertEquals("malformed-json", p.type(), body);
        }
    }

    @Test
    void bytesThatAreNoUtf8AreA400() {
        Problem p = assertThrows(ProblemException.class, () -> read(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '(', '"', '}'}))
                .problem();
        assertEquals(400, p.status());
        assertEquals("The body is not UTF-8 text.", p.detailEn());
    }

    @Test
    void aNulCharacterIsA400NamingTheField() {
        assertEquals("title", refused("{\"title\":\"Tin\\u0000\"}").fieldErrors().keySet().iterator().next());
        assertEquals("form.items[1]", refused("{\"form\":{\"items\":[\"a\",\"b\\u0000\"]}}").fieldErrors().keySet().iterator().next());
        assertEquals("invalid-input", refused("{\"a\\u0000b\":1}").type());
        Problem nul = refused("{\"title\":\"Tin\\u0000\"}");
        assertEquals("Trường title chứa ký tự NUL (\\u0000), không được phép.", nul.detailVi());
        assertEquals("The field title holds a NUL character (\\u0000), which is not allowed.", nul.detailEn());
        assertEquals(List.of("The field title holds a NUL character (\\u0000), which is not allowed."), nul.in(java.util.Locale.ENGLISH).fieldErrors().get("title"));
    }

    @Test
    void aBodyThatStopsComingIsA408NotAnError() {
        java.io.InputStream stalled = new java.io.InputStream() {
            private int sent;

            @Override
            public int read() throws java.io.IOException {
                if (sent++ < 5) {
                    return '{';
                }
                throw new java.io.IOException("Blocking read timeout"); // as the container's input says it
            }
        };
        Problem p = assertThrows(ProblemException.class, () -> JsonBodyReader.read(stalled)).problem();
        assertEquals(408, p.status());
        assertEquals("body-incomplete", p.type());
        assertTrue(p.detailVi().startsWith("Nội dung gửi lên không đến đủ"), p.detailVi());
    }
}
