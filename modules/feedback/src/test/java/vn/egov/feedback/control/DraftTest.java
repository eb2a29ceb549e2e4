package vn.egov.feedback.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a citizen's draft becomes before it is kept, and what is said of a bad one (in both languages). */
class DraftTest {

    @Test
    void aDraftIsKeptAsTypedInNfcWithTheSubjectOnOneLine() {
        String nfd = java.text.Normalizer.normalize("Đèn đường hỏng", java.text.Normalizer.Form.NFD);
        Draft d = new Draft("  " + nfd + "\n  ở thôn ", "Nội dung <b>đậm</b> <script>x</script>\r\ndòng hai  ", " ", true);
        assertEquals("Đèn đường hỏng ở thôn", d.subject());
        assertEquals("Nội dung <b>đậm</b> <script>x</script>\ndòng hai", d.content(), "markup is text, kept as typed");
        assertNull(d.category());
        assertTrue(d.problems().isEmpty());
    }

    @Test
    void eachBadFieldIsSaidBesideItInTheReadersLanguage() {
        Map<String, List<String>> vi = new Draft("ab", "ngắn", "ufo", false).problems().in(Wording.in(Locale.forLanguageTag("vi")));
        assertEquals(List.of("subject", "content", "category"), List.copyOf(vi.keySet()));
        assertEquals("Tiêu đề dài từ 5 đến 200 ký tự.", vi.get("subject").get(0));
        assertEquals("Nội dung dài từ 20 đến 5000 ký tự (hiện có 4).", vi.get("content").get(0));
        Map<String, List<String>> en = new Draft("", "x".repeat(Draft.CONTENT_MAX + 1), "other", false).problems().in(Wording.in(Locale.ENGLISH));
        assertEquals(List.of("subject", "content"), List.copyOf(en.keySet()));
        assertEquals("Please enter a subject.", en.get("subject").get(0));
        assertEquals("The report is 20 to 5000 characters long (now 5001).", en.get("content").get(0));
        assertEquals(List.of("subject"), List.copyOf(new Draft("Tiêu đề\u0007 lạ", "Nội dung đủ dài để được nhận vào.", null, true).problems()
                .in(Wording.in(Locale.ENGLISH)).keySet()), "a control character");
    }

    @Test
    void everyCategoryHasItsNameInBothLanguages() {
        for (String c : Draft.CATEGORIES) {
            for (Locale l : List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH)) {
                String name = Wording.in(l).text("category." + c);
                assertTrue(!name.isBlank() && !name.startsWith("??"), c + " in " + l + ": " + name);
            }
        }
    }
}
