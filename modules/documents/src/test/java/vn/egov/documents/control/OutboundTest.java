package vn.egov.documents.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.egov.platform.web.Fields;

class OutboundTest {

    private static JsonValue json(String s) {
        return Json.createReader(new StringReader(s)).readValue();
    }

    @Test
    void organIdsAreThreeTwoTwoThenALetterAndTwoDigits() {
        assertTrue(Outbound.validOrganId("000.00.00.G22"));
        assertTrue(Outbound.validOrganId("000.00.31.H38"));
        assertFalse(Outbound.validOrganId("000.00.00.g22"), "the letter is a capital");
        assertFalse(Outbound.validOrganId("00.00.00.G22"));
        assertFalse(Outbound.validOrganId("000.00.00.G2"));
        assertFalse(Outbound.validOrganId("000-00-00-G22"));
        assertFalse(Outbound.validOrganId("000.00.00.G22 "), "no spaces inside the check (the reader strips them first)");
        assertFalse(Outbound.validOrganId("xa-quang-kim"), "a platform code is not an organ id");
        assertFalse(Outbound.validOrganId(null));
    }

    @Test
    void recipientsAreReadAsIdsOrObjectsOnceEachAndEveryBadOneIsNamed() {
        Fields problems = new Fields();
        List<Outbound.Organ> organs = Outbound.organs(json("[\"000.00.00.G22\", {\"id\":\" 000.00.00.G12 \",\"name\":\"Bộ Tư pháp\"}, \"000.00.00.G22\"]"),
                problems);
        assertTrue(problems.isEmpty(), vietnamese(problems).toString());
        assertEquals(List.of(new Outbound.Organ("000.00.00.G22", "000.00.00.G22"), new Outbound.Organ("000.00.00.G12", "Bộ Tư pháp")), organs);

        problems = new Fields();
        Outbound.organs(json("[\"xa-quang-kim\", 12, {\"name\":\"không mã\"}, \"000.00.00.G22\"]"), problems);
        Map<String, List<String>> said = vietnamese(problems);
        assertEquals(3, said.get("to").size(), said.toString());
        assertTrue(said.get("to").get(0).contains("xa-quang-kim") && said.get("to").get(0).contains("không đúng dạng"));
        assertTrue(problems.in(Wording.in(Locale.ENGLISH)).get("to").get(0).contains("is not of the form 000.00.00.G22"));

        for (String empty : List.of("[]", "{}", "\"000.00.00.G22\"")) {
            problems = new Fields();
            assertTrue(Outbound.organs(json(empty), problems).isEmpty());
            assertEquals(1, vietnamese(problems).get("to").size(), empty);
        }
        problems = new Fields();
        assertTrue(Outbound.organs(null, problems).isEmpty());
        assertFalse(problems.isEmpty());
    }

    private static Map<String, List<String>> vietnamese(Fields problems) {
        return problems.in(Wording.in(Locale.forLanguageTag("vi")));
    }

    @Test
    void theUrgencyBecomesThePackagesPriority() {
        assertEquals(3, Outbound.priority("HOA_TOC"));
        assertEquals(2, Outbound.priority("THUONG_KHAN"));
        assertEquals(1, Outbound.priority("KHAN"));
        assertEquals(0, Outbound.priority("THUONG"));
        assertEquals(0, Outbound.priority(null));
    }
}
