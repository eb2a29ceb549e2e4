package vn.egov.tenantadmin.control;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a check of this module says (a bad line of a unit list or of a reorganisation plan, a taken domain), by key of
 * the module's bundles ({@value #BUNDLE}, {@code messages_vi} and {@code messages_en}) with {@code {0}}, {@code {1}}…
 * filled. The texts are written where the language is known: the API's problem in the caller's language, a page in
 * its own ({@code Messages::text}, the pseudo-language included), the operator's tool in Vietnamese. Plain resource
 * bundles, so that the operator's tool, which has no web platform, reads them too.
 */
@FunctionalInterface
public interface Wording {
    String BUNDLE = "vn.egov.tenantadmin.pages.messages";
    Wording VIETNAMESE = of(Locale.forLanguageTag("vi"));
    Wording ENGLISH = of(Locale.ENGLISH);
    /**
     * "tiếng Việt / English", for the texts of a reorganisation's report, which is stored and read in both languages as
     * the record rules of every module describe themselves.
     */
    Wording BOTH = (key, args) -> VIETNAMESE.text(key, args) + " / " + ENGLISH.text(key, args);
    /** The pages' pseudo-language ({@code qps}): the English text marked ⟦…⟧ and a third longer, as the platform's pages mark it. */
    Wording PSEUDO = (key, args) -> {
        String text = ENGLISH.text(key, args);
        return "⟦" + text + " " + "·".repeat(Math.max(1, text.length() / 3)) + "⟧";
    };

    String text(String key, Object... args);

    /** The words of {@code locale}: English, the pseudo-language, or Vietnamese (any other, and none). */
    static Wording in(Locale locale) {
        String language = locale == null ? "vi" : locale.getLanguage();
        return "en".equals(language) ? ENGLISH : "qps".equals(language) ? PSEUDO : VIETNAMESE;
    }

    /** The bundle of {@code language} itself (no falling back to another), its placeholders filled as a page fills them. */
    private static Wording of(Locale language) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, language, Wording.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Pattern placeholder = Pattern.compile("\\{(\\d+)}");
        return (key, args) -> {
            Matcher m = placeholder.matcher(bundle.getString(key));
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                int i = Integer.parseInt(m.group(1));
                m.appendReplacement(b, Matcher.quoteReplacement(i < args.length ? String.valueOf(args[i]) : m.group()));
            }
            m.appendTail(b);
            return b.toString();
        };
    }
}
