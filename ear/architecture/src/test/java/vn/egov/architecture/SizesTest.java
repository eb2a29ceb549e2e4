package vn.egov.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Classes a person can hold (issue 21, point 6): no main-code file over {@value #MAX_FILE} lines, no method over
 * {@value #MAX_METHOD}. The ones over it when this was written are listed with their size in {@code sizes.txt}:
 * a new one fails, a listed one may not grow, and one that shrank must be lowered in the list (or leave it).
 */
class SizesTest {
    static final int MAX_FILE = 400;
    static final int MAX_METHOD = 60;
    /** A method or constructor declaration that opens its body on the same line (the house style). */
    private static final Pattern METHOD = Pattern.compile(
            "^(\\s+)(?:@\\w+(?:\\([^)]*\\))?\\s+)*(?:(?:public|protected|private|static|final|synchronized|abstract|default|native)\\s+)*"
                    + "(?:<[^>]+>\\s+)?(?:[\\w.$]+(?:<.*>)?(?:\\[])*\\s+)?(\\w+)\\s*\\(.*$");

    @Test
    void noFileOrMethodIsLargerThanAPersonCanHoldButTheListedOnesAndTheyOnlyShrink() throws IOException {
        Map<String, Integer> found = new TreeMap<>();
        for (Map.Entry<String, Path> f : Ratchet.mainJava().entrySet()) {
            List<String> lines = Files.readAllLines(f.getValue(), StandardCharsets.UTF_8);
            if (lines.size() > MAX_FILE) {
                found.put(f.getKey(), lines.size());
            }
            methods(lines).forEach((method, length) -> {
                if (length > MAX_METHOD) {
                    found.put(f.getKey() + "#" + method, length);
                }
            });
        }
        assertEquals(List.of(), Ratchet.compare(found, Ratchet.allowed("sizes.txt"), "sizes.txt",
                (what, n) -> what + ": " + n + " lines, over " + (what.contains("#") ? MAX_METHOD : MAX_FILE)));
    }

    @Test
    void theMeasureFindsMethodsAndTheirLength() {
        List<String> code = List.of(
                "class A {",
                "    public static <T> List<T> many(String a, int b) throws IOException {",
                "        x();",
                "    }",
                "",
                "    A(int a,",
                "      int b) {",
                "        if (y) {",
                "            z();",
                "        }",
                "    }",
                "    private record R(int a) {",
                "    }",
                "    abstract void none(int a,",
                "        int b);",
                "    void call() { go(a,",
                "        b); }",
                "}");
        Map<String, Integer> m = methods(code);
        assertEquals(3, m.get("many"));
        assertEquals(6, m.get("A"), "a declaration over two lines");
        assertTrue(!m.containsKey("if") && !m.containsKey("R") && !m.containsKey("none"), m.toString());
    }

    /** Each method's length in lines, from its declaration to the brace that closes it at the same indent. */
    static Map<String, Integer> methods(List<String> lines) {
        Map<String, Integer> found = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = METHOD.matcher(lines.get(i));
            if (!m.matches() || Set.of("if", "for", "while", "switch", "catch", "synchronized", "try", "record", "class", "interface", "enum", "new", "return", "else")
                    .contains(m.group(2)) || lines.get(i).contains(" class ") || lines.get(i).contains(" record ")
                    || lines.get(i).contains(" new ") || lines.get(i).contains(" = ") || lines.get(i).contains("->")) {
                continue;
            }
            // the declaration may go on over a few lines; it is a method if it opens a body before any ';'
            int open = -1;
            for (int k = i; k < Math.min(lines.size(), i + 8); k++) {
                String l = lines.get(k).strip();
                if (l.endsWith("{")) {
                    open = k;
                    break;
                }
                if (l.endsWith(";") || l.endsWith("}")) {
                    break;
                }
            }
            if (open < 0) {
                continue;
            }
            String close = m.group(1) + "}";
            for (int j = open + 1; j < lines.size(); j++) {
                if (lines.get(j).equals(close) || lines.get(j).startsWith(close + " ")) {
                    String key = m.group(2);
                    int length = j - i + 1;
                    // overloads: the longest counts
                    found.merge(key + ":" + (i + 1), length, Math::max);
                    break;
                }
            }
        }
        Map<String, Integer> byName = new TreeMap<>();
        found.forEach((k, v) -> byName.merge(k.substring(0, k.indexOf(':')), v, Math::max));
        return byName;
    }
}
