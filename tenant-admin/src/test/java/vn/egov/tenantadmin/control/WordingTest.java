package vn.egov.tenantadmin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.words.Phrase;

/** The bad lines' texts: in the bundles in both languages, and said in the reader's language. */
class WordingTest {
    private static final Pattern KEY = Pattern.compile("\"((?:planError|importError|report)\\.[A-Za-z0-9.]+|settings\\.domainTaken)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    @Test
    void everyKeyTheChecksUseIsInBothLanguagesWithTheSamePlaceholdersInNfc() throws IOException {
        Properties vi = bundle("vi");
        Properties en = bundle("en");
        assertEquals(vi.stringPropertyNames(), en.stringPropertyNames(), "the Vietnamese and English bundles have the same keys");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/vn/egov/tenantadmin/control"))) {
            for (Path p : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY.matcher(Files.readString(p));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertTrue(used.size() >= 63, "the checks' keys were found: " + used);
        for (String key : used) {
            assertTrue(vi.containsKey(key), key + " is in the Vietnamese bundle");
            String v = vi.getProperty(key);
            String e = en.getProperty(key);
            assertEquals(Normalizer.normalize(v, Normalizer.Form.NFC), v, key + " is NFC");
            assertEquals(placeholders(v), placeholders(e), key + ": the same placeholders in both languages");
            assertFalse(v.contains(" / ") || e.contains(" / "), key + " is one language, not a pair");
        }
    }

    @Test
    void aBadLineIsSaidInVietnameseEnglishOrThePseudoLanguage() {
        UnitCsvPlan.LineError e = new UnitCsvPlan.LineError(4, "planError.alreadyUnder", "xa-a", "huyen-b");
        assertEquals("\"xa-a\" đã trực thuộc \"huyen-b\"", e.reason());
        assertEquals(e.reason(), e.reason(Wording.in(Locale.forLanguageTag("vi"))));
        assertEquals(e.reason(), e.reason(Wording.in(null)));
        assertEquals("\"xa-a\" is already under \"huyen-b\"", e.reason(Wording.in(Locale.ENGLISH)));
        String pseudo = e.reason(Wording.in(Locale.forLanguageTag("qps")));
        assertTrue(pseudo.startsWith("⟦\"xa-a\" is already under \"huyen-b\" ·") && pseudo.endsWith("⟧"), pseudo);
        assertEquals("Dữ liệu của xa-a không chuyển được sang xa-b (documents, document): quy tắc / rule [7, 9]",
                new UnitCsvPlan.LineError(2, "planError.conflict", "xa-a", "xa-b", "documents", "document", "quy tắc / rule", " [7, 9]").reason());
        assertThrows(IllegalArgumentException.class, () -> new UnitCsvPlan.LineError(2, "Dữ liệu không chuyển được"),
                "a text where a key belongs is caught where it is made, not when it is read");
        // a null argument (an operation's missing code) is written as before, and the record keeps it
        assertEquals("Không có đơn vị mã \"null\"", new UnitCsvPlan.LineError(1, "planError.noUnit", (Object) null).reason());
    }

    @Test
    void aReorganisationsReportKeepsItsWordsAsKeysAndSaysThemInTheReadersLanguage() {
        Phrase collides = Phrase.of(Wording.BUNDLE, "report.keyCollides", "uq_x", "xa-a", "xa-b");
        assertEquals("Khóa duy nhất uq_x sẽ trùng khi chuyển dữ liệu của xa-a sang xa-b", collides.in(Locale.forLanguageTag("vi")));
        assertEquals("The unique key uq_x would collide when the records of xa-a move to xa-b", collides.in(Locale.ENGLISH));
        assertEquals(collides.in(Locale.forLanguageTag("vi")), collides.in(Locale.FRENCH), "any other language: Vietnamese");
        Phrase rule = new UnitRecords().description();
        assertTrue(rule.in(null).startsWith("Người dùng giữ tài khoản và thuộc đơn vị kế thừa; "), rule.in(null));
        assertTrue(rule.in(Locale.ENGLISH).startsWith("Users keep their accounts under the successor"), rule.in(Locale.ENGLISH));
        assertFalse(rule.in(null).contains(" / "), "no pair of languages any more");

        // stored as keys: each reader gets the words in their language; a report stored before shows what it holds
        JsonObject stored = Json.createObjectBuilder().add("rules", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("module", "units").add("said", ReorgSaid.said("rule", rule)))
                .add(Json.createObjectBuilder().add("module", "old").add("rule", "quy tắc / rule")))
                .add("operations", Json.createArrayBuilder().add(ReorgReport.renamed(1, "xa-a", "phuong-a", "Phường A", "ward", "09")))
                .build();
        JsonObject en = ReorgSaid.in(stored, Locale.ENGLISH);
        assertEquals(rule.in(Locale.ENGLISH), en.getJsonArray("rules").getJsonObject(0).getString("rule"));
        assertEquals("quy tắc / rule", en.getJsonArray("rules").getJsonObject(1).getString("rule"));
        assertEquals("Rename xa-a to Phường A (phuong-a, Ward, statistical code 09)",
                en.getJsonArray("operations").getJsonObject(0).getString("summary"));
        JsonObject vi = ReorgSaid.in(stored, null);
        assertEquals("Đổi xa-a thành Phường A (phuong-a, " + vn.egov.platform.tenancy.entity.TenantKind.fromDb("ward").vietnamese()
                + ", mã thống kê 09)", vi.getJsonArray("operations").getJsonObject(0).getString("summary"));
        assertEquals(stored.getJsonArray("rules").getJsonObject(0).getJsonObject("said"), vi.getJsonArray("rules").getJsonObject(0)
                .getJsonObject("said"), "the keys stay beside the words");

        // a rule refusing a hand-over, in a bad line of the apply: said in the line's language
        UnitCsvPlan.LineError refused = new UnitCsvPlan.LineError(2, "planError.conflict", "xa-a", "xa-b", "generic", "t", collides, "");
        assertEquals("Dữ liệu của xa-a không chuyển được sang xa-b (generic, t): Khóa duy nhất uq_x sẽ trùng khi chuyển dữ liệu của xa-a "
                + "sang xa-b", refused.reason());
        assertEquals("The records of xa-a cannot move to xa-b (generic, t): The unique key uq_x would collide when the records of xa-a "
                + "move to xa-b", refused.reason(Wording.in(Locale.ENGLISH)));
    }

    @Test
    void theApiSaysTheBadLinesInTheCallersLanguage() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> Reorganisations.read("{\"operations\":[]}".getBytes(StandardCharsets.UTF_8), true, null, null));
        Problem problem = refused.problem();
        assertTrue(problem.perLanguage());
        JsonObject vi = json(problem.toJson(Locale.forLanguageTag("vi"), null));
        JsonObject en = json(problem.toJson(Locale.ENGLISH, null));
        assertEquals("Kế hoạch cần danh sách \"operations\" không rỗng", vi.getJsonArray("errors").getJsonObject(0).getString("reason"));
        assertEquals("The plan needs a non-empty \"operations\" list", en.getJsonArray("errors").getJsonObject(0).getString("reason"));
        assertEquals("The plan is invalid", en.getString("title"));
        assertEquals(0, en.getJsonArray("errors").getJsonObject(0).getInt("line"));
        // its own members are the Vietnamese ones; a page asks for its language
        assertEquals(vi.getJsonArray("errors"), problem.errors());
        assertTrue(problem.in(Locale.forLanguageTag("qps")).errors().getJsonObject(0).getString("reason").startsWith("⟦The plan needs"));

        ProblemException badDay = assertThrows(ProblemException.class, () -> Reorganisations.effective("2025-07-01"));
        assertEquals("Ngày hiệu lực \"2025-07-01\" không đúng dạng dd/MM/yyyy", badDay.problem().fieldErrors().get("effective").get(0));
        assertEquals("The effective date \"2025-07-01\" is not of the form dd/MM/yyyy",
                json(badDay.problem().toJson(Locale.ENGLISH, null)).getJsonObject("fields").getJsonArray("effective").getString(0));
    }

    private static Properties bundle(String language) throws IOException {
        Properties p = new Properties();
        try (InputStream in = WordingTest.class.getResourceAsStream("/vn/egov/tenantadmin/pages/messages_" + language + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        PLACEHOLDER.matcher(text).results().forEach(r -> found.add(r.group()));
        return found;
    }

    private static JsonObject json(String text) {
        try (var r = Json.createReader(new StringReader(text))) {
            return r.readObject();
        }
    }
}
