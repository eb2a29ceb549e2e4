package vn.egov.dossiers.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The dossiers' texts: both languages have every key, the Vietnamese is NFC, and every key a template names exists. */
class TextsTest {
    /** A key written whole in a template ({@code localize("inbox.heading"} or {@code lookup("act.refuse"}). */
    private static final Pattern KEY = Pattern.compile("(?:localize|lookup)\\(\"([a-zA-Z0-9_.]+)\"[,)]");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(TextsTest.class.getResourceAsStream(name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void everyTextExistsInBothLanguagesAndTheVietnameseIsNfc() throws IOException {
        Properties vi = load("messages_vi.properties");
        Properties en = load("messages_en.properties");
        assertEquals(new TreeSet<>(vi.stringPropertyNames()), new TreeSet<>(en.stringPropertyNames()), "the same keys in vi and en");
        for (String key : vi.stringPropertyNames()) {
            String text = vi.getProperty(key);
            assertEquals(Normalizer.normalize(text, Normalizer.Form.NFC), text, key + " is NFC");
            assertFalse(text.isBlank() || en.getProperty(key).isBlank(), key);
        }
    }

    @Test
    void everyKeyATemplateNamesIsInTheBundleOrThePlatforms() throws IOException {
        Properties vi = load("messages_vi.properties");
        List<String> platform = List.of("home.loggedInAs", "home.logout");
        TreeSet<String> missing = new TreeSet<>();
        int seen = 0;
        try (Stream<Path> templates = Files.list(Path.of("src/main/jte"))) {
            for (Path t : templates.toList()) {
                Matcher m = KEY.matcher(Files.readString(t, StandardCharsets.UTF_8));
                while (m.find()) {
                    seen++;
                    if (!vi.containsKey(m.group(1)) && !platform.contains(m.group(1))) {
                        missing.add(t.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertTrue(seen > 100, "the templates were read: " + seen);
        assertEquals(new TreeSet<>(), missing);
    }
}
