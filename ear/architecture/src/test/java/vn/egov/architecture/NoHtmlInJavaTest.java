package vn.egov.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The build check that keeps HTML out of Java: pages are templates. Every main-code Java file of the project is
 * scanned for HTML tags in its string literals and text blocks. The files still to be moved to templates are listed, each with
 * its count, in {@code html-in-java.txt}: a file not listed fails, a count that grows fails, and a count that fell
 * must be lowered in the list (so the list only ever shrinks, to nothing).
 */
class NoHtmlInJavaTest {
    /** A string literal with an opening or closing tag of HTML in it. */
    private static final Pattern TAG = Pattern.compile("<(?:/)?(?:!DOCTYPE|html|head|body|div|p|a|span|h[1-6]|ul|ol|li|dl|dt|dd"
            + "|table|thead|tbody|tr|td|th|caption|form|fieldset|legend|input|label|button|select|option|textarea|script|style|code|pre"
            + "|strong|em|b|i|small|nav|header|footer|main|section|article|aside|img|br|hr|meta|link|title|iframe|svg|details|summary"
            + "|figure|figcaption|time|abbr|output|progress|meter|template|noscript|blockquote|q|mark|kbd|sub|sup)[\\s>/]");

    @Test
    void noMainJavaFileWritesHtmlButTheListedOnesAndTheirCountsOnlyFall() throws IOException {
        Map<String, Integer> found = new TreeMap<>();
        for (Map.Entry<String, Path> f : Ratchet.mainJava().entrySet()) {
            int n = count(Files.readString(f.getValue(), StandardCharsets.UTF_8));
            if (n > 0) {
                found.put(f.getKey(), n);
            }
        }
        assertEquals(List.of(), Ratchet.compare(found, Ratchet.allowed("html-in-java.txt"), "html-in-java.txt",
                (file, n) -> file + ": " + n + " HTML tag(s) in Java; pages are templates (src/main/jte), texts are bundles"));
    }

    @Test
    void theCheckFindsHtmlInAString() {
        assertEquals(2, count("String s = \"<p>Xin chào</p>\";"), "each tag counts");
        assertEquals(2, count("b.append(\"</td><td>\");"));
        assertEquals(0, count("char q = '\"'; String s = \"a\"; // \"<p>\""));
        assertEquals(0, count("String s = \"a < b\"; // <p> in a comment is no literal"));
        assertEquals(0, count("int x = a<b ? 1 : 2;"));
        assertEquals(1, count("s = \"x \\\" <strong>y\";"));
        assertEquals(2, count("String page = \"\"\"\n    <html lang=\"%s\">\n    <body>\n    \"\"\";"));
    }

    static int count(String java) {
        return inStrings(java, NoHtmlInJavaTest::tags);
    }

    /**
     * What {@code measure} finds in the string literals of a Java source and in the lines of its text blocks (outside
     * comments), added up: the scan every house rule on the texts in Java shares.
     */
    static int inStrings(String java, java.util.function.ToIntFunction<String> measure) {
        int n = 0;
        boolean textBlock = false;
        for (String line : java.split("\n")) {
            String code = line.strip();
            if (!textBlock && (code.startsWith("*") || code.startsWith("//") || code.startsWith("/*"))) {
                continue;
            }
            if (textBlock || code.contains("\"\"\"")) {
                // a line of a text block: what it holds wherever it stands
                n += code.startsWith("\"\"\"") ? 0 : measure.applyAsInt(code);
                int quotes = code.split("\"\"\"", -1).length - 1;
                if (quotes % 2 == 1) {
                    textBlock = !textBlock;
                }
                continue;
            }
            for (String literal : literals(code)) {
                n += measure.applyAsInt(literal);
            }
        }
        return n;
    }

    private static int tags(String text) {
        Matcher m = TAG.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The contents of the string literals of one line of code (up to a {@code //} comment). */
    static List<String> literals(String code) {
        List<String> found = new ArrayList<>();
        StringBuilder current = null;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (current == null) {
                if (c == '/' && i + 1 < code.length() && code.charAt(i + 1) == '/') {
                    break;
                }
                if (c == '\'') {
                    // a char literal: skip it ('"' must not open a string)
                    i = code.indexOf('\'', i + (code.startsWith("\\", i + 1) ? 3 : 2));
                    if (i < 0) {
                        break;
                    }
                } else if (c == '"') {
                    current = new StringBuilder();
                }
            } else if (c == '\\' && i + 1 < code.length()) {
                current.append(code.charAt(++i));
            } else if (c == '"') {
                found.add(current.toString());
                current = null;
            } else {
                current.append(c);
            }
        }
        return found;
    }
}
