package vn.egov.platform.web.pages;

import gg.jte.support.LocalizationSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import vn.egov.platform.words.Words;

/**
 * A page's texts in its language: the module's bundle first, then the platform's ({@value #PLATFORM}), each a
 * {@code messages_vi.properties} / {@code messages_en.properties} pair (UTF-8). Placeholders are {@code {0}},
 * {@code {1}}…; in a template, {@code ${t.localize("key", value)}} escapes the values, and {@link #text} fills
 * them for Java (a problem's detail, an e-mail subject). A key no bundle has shows as {@code ??key??}, never blank.
 * <p>
 * The pseudo-language ({@link Locales#PSEUDO}) takes the English text, marks it {@value #OPEN}…{@value #CLOSE} and
 * makes it a third longer: a page crawled in it shows at once any text that bypassed the bundles. The placeholders and
 * the pseudo-language are {@link Words}'s, which the modules' problems and the operator's tool use too.
 */
public final class Messages implements LocalizationSupport, Words {
    public static final String PLATFORM = "vn.egov.platform.web.pages.messages";
    public static final String OPEN = Words.OPEN;
    public static final String CLOSE = Words.CLOSE;
    private static final ConcurrentHashMap<String, Messages> CACHE = new ConcurrentHashMap<>();

    private final Locale locale;
    private final List<ResourceBundle> bundles;
    private final boolean pseudo;

    private Messages(Locale locale, List<ResourceBundle> bundles, boolean pseudo) {
        this.locale = locale;
        this.bundles = bundles;
        this.pseudo = pseudo;
    }

    /** The texts of {@code baseNames} (the module's first), then the platform's, in {@code locale}. */
    public static Messages of(Locale locale, String... baseNames) {
        String key = locale.toLanguageTag() + "|" + String.join("|", baseNames);
        return CACHE.computeIfAbsent(key, k -> load(locale, baseNames));
    }

    private static Messages load(Locale locale, String... baseNames) {
        boolean pseudo = Locales.PSEUDO.getLanguage().equals(locale.getLanguage());
        Locale source = pseudo ? Locales.ENGLISH : locale;
        List<ResourceBundle> bundles = new ArrayList<>();
        List<String> names = new ArrayList<>(List.of(baseNames));
        names.add(PLATFORM);
        for (String name : names) {
            // the named language's file only: no falling back to the JVM's default locale or to a file without a suffix
            bundles.add(Words.bundle(name, source));
        }
        return new Messages(source.equals(locale) ? locale : Locales.PSEUDO, List.copyOf(bundles), pseudo);
    }

    public Locale locale() {
        return locale;
    }

    /** The language tag for {@code <html lang>}: {@code vi}, {@code en}, or {@code en} for the pseudo-language. */
    public String lang() {
        return pseudo ? "en" : locale.getLanguage();
    }

    public boolean english() {
        return !"vi".equals(locale.getLanguage());
    }

    @Override
    public String lookup(String key) {
        for (ResourceBundle b : bundles) {
            if (b.containsKey(key)) {
                String text = b.getString(key);
                return pseudo ? pseudo(text) : text;
            }
        }
        return "??" + key + "??";
    }

    /** The text of {@code key} with {@code {0}}, {@code {1}}… replaced by the arguments (for Java; not escaped). */
    @Override
    public String text(String key, Object... args) {
        return Words.fill(lookup(key), args);
    }

    /** Whether a bundle has {@code key} (for texts a page shows only when there is one). */
    public boolean has(String key) {
        return bundles.stream().anyMatch(b -> b.containsKey(key));
    }

    static String pseudo(String text) {
        return Words.pseudo(text);
    }

    /** Drops the loaded bundles (tests that add a language at run time). */
    static void forget() {
        CACHE.clear();
        ResourceBundle.clearCache(Messages.class.getClassLoader());
        ResourceBundle.clearCache(Words.class.getClassLoader());
    }
}
