package vn.egov.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The build check that keeps the words people read in message bundles: every main-code Java file is scanned for string
 * literals (and lines of text blocks) in Vietnamese, that is with a letter only Vietnamese writes (ă, â, đ, ê, ô, ơ, ư or
 * a tone mark). What may stay in Java is listed, each file with its count and the reason, in {@code words-in-java.txt}:
 * the official papers whose wording the law fixes in Vietnamese, data (a new unit's first content, the national
 * portal's and the edXML standard's own values, holiday names), the operator's tool (which speaks Vietnamese only).
 * A file not listed fails, a count that grows fails, a count that fell must be lowered.
 */
class NoWordsInJavaTest {
    /** A letter of Vietnamese that English and the other Latin-script languages here do not write. */
    private static final Pattern VIETNAMESE = Pattern.compile("[ăâđêôơưĂÂĐÊÔƠƯ\\u0300\\u0301\\u0303\\u0309\\u0323"
            + "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
            + "ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ]");

    @Test
    void noMainJavaFileHoldsVietnameseWordsButTheListedOnesAndTheirCountsOnlyFall() throws IOException {
        Map<String, Integer> found = new TreeMap<>();
        for (Map.Entry<String, java.nio.file.Path> f : Ratchet.mainJava().entrySet()) {
            int n = count(Files.readString(f.getValue(), StandardCharsets.UTF_8));
            if (n > 0) {
                found.put(f.getKey(), n);
            }
        }
        assertEquals(List.of(), Ratchet.compare(found, Ratchet.allowed("words-in-java.txt"), "words-in-java.txt",
                (file, n) -> file + ": " + n + " Vietnamese text(s) in Java; what people read is in the module's messages_vi/messages_en bundles"));
    }

    @Test
    void theCheckFindsVietnameseInAStringAndNothingElse() {
        assertEquals(1, count("throw fail(\"Không tìm thấy đơn vị\");"));
        assertEquals(2, count("t(\"Đơn vị\", \"Unit\"); t(\"Hồ sơ\", \"Dossier\");"));
        assertEquals(0, count("String s = \"Unit not found\"; // Không tìm thấy, in a comment"));
        assertEquals(0, count("/** Không tìm thấy */"));
        assertEquals(0, count("String slug = \"xa-ban-xeo\"; char c = 'đ';"), "unmarked Vietnamese (a code) and a char are not texts");
        assertEquals(1, count("String page = \"\"\"\n    Xin chào\n    hello\n    \"\"\";"));
    }

    static int count(String java) {
        return NoHtmlInJavaTest.inStrings(java, text -> VIETNAMESE.matcher(text).find() ? 1 : 0);
    }
}
