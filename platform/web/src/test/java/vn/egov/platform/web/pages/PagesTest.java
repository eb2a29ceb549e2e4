package vn.egov.platform.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The page machinery without a container: escaping by position, bundles, the pseudo-language, number forms. */
class PagesTest {
    private static final String HOSTILE = "\"><script>alert('x')</script>&amp; Nguyễn Thị Hoà";

    private static String field(Map<String, Object> params) {
        StringOutput out = new StringOutput();
        Templates.PLATFORM.engine().render("platform/tag/field.jte", params, out);
        return out.toString();
    }

    @Test
    void aValueIsEscapedInTextAndAttributePositionsAndVietnameseKeepsItsMarks() {
        Map<String, Object> params = new HashMap<>();
        params.put("page", null);
        params.put("name", "ten");
        params.put("label", HOSTILE);
        params.put("value", HOSTILE);
        params.put("error", HOSTILE);
        String html = field(params);
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("\"><"), "no value leaves its attribute: " + html);
        assertTrue(html.contains("&lt;script&gt;"), html);
        assertTrue(html.contains("value=\"&#34;>&lt;script>"), "the quote that would end the attribute is escaped: " + html);
        assertTrue(html.contains("&amp;amp;"), "an entity in the data is data: " + html);
        String nfc = Normalizer.normalize("Nguyễn Thị Hoà", Normalizer.Form.NFC);
        assertTrue(html.contains(nfc), "Vietnamese as given, not as entities: " + html);
        assertTrue(html.contains("aria-invalid=\"true\" aria-describedby=\"ten-error\""), html);
        assertTrue(html.contains("id=\"ten-error\""), "the message beside its field: " + html);
    }

    private static String units(Locale language, String error, boolean multiple) {
        Map<String, Object> params = new HashMap<>();
        params.put("page", Page.titled(null, language, "t"));
        params.put("name", "to");
        params.put("label", "Đơn vị nhận");
        params.put("units", java.util.List.of(new vn.egov.platform.web.desk.DeskFrame.Option("xa-a", "Xã A", false),
                new vn.egov.platform.web.desk.DeskFrame.Option("xa-b", "Xã <B>", true)));
        params.put("error", error);
        params.put("multiple", multiple);
        StringOutput out = new StringOutput();
        Templates.PLATFORM.engine().render("platform/desk/units.jte", params, out);
        return out.toString();
    }

    @Test
    void theUnitPickerIsLabelledItsHintAndErrorBesideItAndNamedByIt() {
        String many = units(Locale.forLanguageTag("vi"), "Hãy chọn ít nhất một đơn vị.", true);
        assertTrue(many.startsWith("<label for=\"to\">Đơn vị nhận</label>"), many);
        assertTrue(many.contains("<select id=\"to\" name=\"to\" class=\"units\" multiple size=\"2\" aria-invalid=\"true\" "
                + "aria-describedby=\"to-hint to-error\">"), many);
        assertTrue(many.contains("<p class=\"hint\" id=\"to-hint\">Giữ phím Ctrl"), "the hint from the platform's bundle: " + many);
        assertTrue(many.contains("<p class=\"field-error\" id=\"to-error\">Hãy chọn ít nhất một đơn vị.</p>"), many);
        assertTrue(many.contains("<option value=\"xa-b\" selected>Xã &lt;B&gt;</option>"), many);
        String one = units(Locale.ENGLISH, null, false);
        assertTrue(one.contains("<select id=\"to\" name=\"to\" class=\"units\">"), "no hint, no error, nothing to describe it: " + one);
        assertFalse(one.contains("aria-") || one.contains("to-hint") || one.contains("multiple"), one);
        assertTrue(units(Locale.ENGLISH, null, true).contains("Hold Ctrl"), "the hint in English");
    }

    @Test
    void aPasswordFieldNeverEchoesItsValueAndAFieldWithoutErrorSaysNothing() {
        Map<String, Object> params = new HashMap<>();
        params.put("page", null);
        params.put("name", "password");
        params.put("label", "Mật khẩu");
        params.put("value", "bí-mật");
        params.put("type", "password");
        params.put("required", true);
        String html = field(params);
        assertFalse(html.contains("bí-mật"), html);
        assertFalse(html.contains("aria-invalid"), html);
        assertTrue(html.contains(" required"), html);
        assertFalse(html.contains("minlength"), "an absent number leaves no attribute: " + html);
    }

    @Test
    void everyPlatformTextExistsInBothLanguagesAndTheVietnameseIsNfc() throws IOException {
        Properties vi = load("messages_vi.properties");
        Properties en = load("messages_en.properties");
        assertEquals(new TreeSet<>(vi.stringPropertyNames()), new TreeSet<>(en.stringPropertyNames()), "the same keys in vi and en");
        for (String key : vi.stringPropertyNames()) {
            String text = vi.getProperty(key);
            assertEquals(Normalizer.normalize(text, Normalizer.Form.NFC), text, key + " is NFC");
            assertFalse(text.isBlank(), key);
        }
    }

    @Test
    void textsComeFromTheLanguagesBundleAndAMissingKeyShows() {
        Messages vi = Messages.of(Locales.VIETNAMESE);
        Messages en = Messages.of(Locales.ENGLISH);
        assertEquals("Đăng nhập", vi.lookup("login.title"));
        assertEquals("Log in", en.lookup("login.title"));
        assertEquals("Đang đăng nhập: Lò Văn A", vi.text("home.loggedInAs", "Lò Văn A"));
        assertEquals("??no.such.key??", vi.lookup("no.such.key"));
        assertEquals("vi", vi.lang());
        assertFalse(vi.english());
    }

    @Test
    void thePseudoLanguageMarksEveryTextAndMakesItLonger() {
        Messages pseudo = Messages.of(Locales.PSEUDO);
        String text = pseudo.lookup("login.title");
        assertTrue(text.startsWith(Messages.OPEN) && text.endsWith(Messages.CLOSE), text);
        assertTrue(text.contains("Log in"), "built on the English: " + text);
        assertTrue(text.length() > "Log in".length() + 3, text);
        assertEquals("en", pseudo.lang(), "pages in it still say a real language to the browser");
        Set<String> seen = new TreeSet<>();
        for (String key : Set.of("tokens.title", "password.title", "home.heading")) {
            seen.add(pseudo.lookup(key));
        }
        assertTrue(seen.stream().allMatch(s -> s.startsWith(Messages.OPEN)), seen.toString());
    }

    @Test
    void onlyKnownLanguagesAreTakenFromTheAddress() {
        assertEquals(Locales.ENGLISH, Locales.supported("en").orElseThrow());
        assertEquals(Locales.ENGLISH, Locales.supported("en-GB").orElseThrow());
        assertEquals(Locales.VIETNAMESE, Locales.supported("vi").orElseThrow());
        assertEquals(Locales.PSEUDO, Locales.supported("qps").orElseThrow());
        assertTrue(Locales.supported("fr").isEmpty());
        assertTrue(Locales.supported("<script>").isEmpty());
        assertTrue(Locales.supported("").isEmpty());
        assertTrue(Locales.supported("x".repeat(200)).isEmpty());
        assertEquals("en", Locales.query("a=1&lang=en&b=2"));
        assertEquals(null, Locales.query("language=en"));
    }

    @Test
    void numbersAndSharesInTheLanguagesForm() {
        java.text.NumberFormat vi = java.text.NumberFormat.getPercentInstance(Locales.VIETNAMESE);
        vi.setMinimumFractionDigits(1);
        assertEquals("100,0%", vi.format(1.0), "the form a Vietnamese page shows (Page.percent)");
        assertEquals("1.234.567", java.text.NumberFormat.getIntegerInstance(Locales.VIETNAMESE).format(1234567));
        assertEquals(Locale.ENGLISH.getLanguage(), Locales.ENGLISH.getLanguage());
    }

    @Test
    void anAssetIsServedAtTheAddressOfItsContentOnly() {
        String url = Assets.url("platform/bare.css");
        assertTrue(url.matches("/assets/platform/bare\\.[0-9a-f]{10}\\.css"), url);
        String path = url.substring(Assets.PREFIX.length());
        assertTrue(Assets.served(path).isPresent());
        assertTrue(Assets.served("platform/bare.0000000000.css").isEmpty(), "an old hash is not served");
        assertTrue(Assets.served("platform/../pages/messages_vi.properties").isEmpty());
        assertTrue(Assets.served("platform/bare.css").isEmpty(), "only at a hashed address");
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}
