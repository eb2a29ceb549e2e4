package vn.egov.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
        Path root = projectRoot();
        Map<String, Integer> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> root.relativize(p).toString().replace('\\', '/').matches("(?:.*/)?src/main/java/.*"))
                    .filter(p -> !root.relativize(p).toString().startsWith("work/"))::iterator) {
                String name = root.relativize(f).toString().replace('\\', '/');
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                if (lines.size() > MAX_FILE) {
                    found.put(name, lines.size());
                }
                methods(lines).forEach((method, length) -> {
                    if (length > MAX_METHOD) {
                        found.put(name + "#" + method, length);
                    }
                });
            }
        }
        Map<String, Integer> allowed = allowed();
        List<String> problems = new ArrayList<>();
        found.forEach((what, n) -> {
            Integer limit = allowed.get(what);
            int max = what.contains("#") ? MAX_METHOD : MAX_FILE;
            if (limit == null) {
                problems.add(what + ": " + n + " lines, over " + max);
            } else if (n > limit) {
                problems.add(what + ": " + n + " lines, more than the " + limit + " it had");
            } else if (n < limit) {
                problems.add(what + ": " + n + " lines now: lower it in sizes.txt to " + n);
            }
        });
        allowed.keySet().stream().filter(w -> !found.containsKey(w))
                .forEach(w -> problems.add(w + ": within the limit now (or gone): take it out of sizes.txt"));
        assertEquals(List.of(), problems);
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

    private static Map<String, Integer> allowed() throws IOException {
        Map<String, Integer> allowed = new TreeMap<>();
        try (InputStream in = SizesTest.class.getResourceAsStream("/sizes.txt")) {
            assertTrue(in != null, "sizes.txt");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    String[] parts = l.split("\\s+");
                    allowed.put(parts[0], Integer.parseInt(parts[1]));
                }
            }
        }
        return allowed;
    }

    static Path projectRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("mvnw"))) {
            p = p.getParent();
        }
        assertTrue(p != null, "the project root (with mvnw) above " + Path.of("").toAbsolutePath());
        return p;
    }
}
