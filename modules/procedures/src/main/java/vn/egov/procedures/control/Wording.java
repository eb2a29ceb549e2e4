package vn.egov.procedures.control;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a check of the catalogue says, by key of the module's bundles ({@value #BUNDLE}, {@code messages_vi} and
 * {@code messages_en}) with {@code {0}}, {@code {1}}… filled. A page passes its own texts ({@code Messages::text}, in
 * the request's language from {@code Locales}); the import API says them in {@link #BOTH} languages, "tiếng Việt /
 * English", as all its field errors.
 */
@FunctionalInterface
public interface Wording {
    String BUNDLE = "vn.egov.procedures.pages.messages";
    Wording VIETNAMESE = of(Locale.forLanguageTag("vi"));
    Wording ENGLISH = of(Locale.ENGLISH);
    /** "tiếng Việt / English". */
    Wording BOTH = (key, args) -> VIETNAMESE.text(key, args) + " / " + ENGLISH.text(key, args);

    String text(String key, Object... args);

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
