package vn.egov.procedures.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefinitionsTest {

    static ObjectNode sample() throws Exception {
        try (InputStream in = DefinitionsTest.class.getResourceAsStream("/khai-sinh.json")) {
            return (ObjectNode) Definitions.JSON.readTree(in);
        }
    }

    @Test
    void aWellFormedProcedurePasses() throws Exception {
        assertEquals(Map.of(), Definitions.problems(sample()));
    }

    @Test
    void theSchemaNamesWhatIsMissingOrMalformed() throws Exception {
        ObjectNode d = sample();
        d.put("code", "1.001193-H38");
        d.remove("legalBasis");
        d.put("onlineLevel", "level4");
        d.put("colour", "red");
        Map<String, List<String>> p = Definitions.problems(d);
        assertTrue(p.containsKey("code"), p.toString());
        assertTrue(p.containsKey("legalBasis"), p.toString());
        assertTrue(p.containsKey("onlineLevel"), p.toString());
        assertTrue(p.containsKey("colour"), p.toString());
        assertTrue(p.get("legalBasis").get(0).equals("Thiếu trường bắt buộc."), p.toString());
    }

    @Test
    void referencesBetweenStepsAreChecked() throws Exception {
        ObjectNode d = sample();
        ArrayNode transitions = (ArrayNode) d.path("process").path("transitions");
        ((ObjectNode) transitions.get(4)).put("to", "tra-kq");               // an unknown step
        Map<String, List<String>> p = Definitions.problems(d);
        assertTrue(p.containsKey("process.transitions[4].to"), p.toString());

        d = sample();
        ((ArrayNode) d.path("process").path("steps")).addObject().put("id", "luu-tru").put("name", "Lưu trữ").put("role", "HANDLER");
        p = Definitions.problems(d);
        assertTrue(p.containsKey("process.steps[5]"), "a step nothing leads to: " + p);

        d = sample();
        ((ObjectNode) d.path("process").path("steps").get(4)).remove("end");
        p = Definitions.problems(d);
        assertTrue(p.containsKey("process.steps"), "no end step: " + p);
    }

    @Test
    void theOrdinaryRouteMustFitTheTimeLimitNotCountingPauses() throws Exception {
        ObjectNode d = sample();
        ((ObjectNode) d.path("process").path("steps").get(2)).put("days", 30); // the supplement pauses the clock: not counted
        assertEquals(Map.of(), Definitions.problems(d));
        ((ObjectNode) d.path("process").path("steps").get(1)).put("days", 1.5);
        Map<String, List<String>> p = Definitions.problems(d);
        assertTrue(p.containsKey("process") && p.get("process").get(0).contains("2 ngày làm việc, quá thời hạn 1 ngày"), p.toString());
    }

    @Test
    void formFieldsAndFullOnlineAreChecked() throws Exception {
        ObjectNode d = sample();
        ((ObjectNode) d.path("form").path("fields").get(1)).put("name", "childName");
        ((ObjectNode) d.path("form").path("fields").get(2)).remove("choices");
        ArrayNode channels = d.putArray("channels");
        channels.add("counter");
        Map<String, List<String>> p = Definitions.problems(d);
        assertTrue(p.containsKey("form.fields[1].name"), p.toString());
        assertTrue(p.containsKey("form.fields[2].choices"), p.toString());
        assertTrue(p.containsKey("channels"), p.toString());
    }

    @Test
    void textIsComparedInNfc() throws Exception {
        JsonNode nfd = Definitions.JSON.readTree("{\"name\":\"" + java.text.Normalizer.normalize("Đăng ký khai sinh", java.text.Normalizer.Form.NFD) + "\"}");
        assertEquals("Đăng ký khai sinh", Definitions.nfc(nfd).path("name").asText());
    }
}
