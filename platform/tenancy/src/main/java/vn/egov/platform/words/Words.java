package vn.egov.platform.words;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Texts by key, with {@code {0}}, {@code {1}}… filled by the arguments (the placeholders the pages' templates use).
 * {@link #of} reads them from resource bundles ({@code <base>_vi.properties} / {@code <base>_en.properties}, UTF-8),
 * the named language's file only; the pseudo-language ({@value #PSEUDO}) takes the English text and {@linkplain
 * #pseudo marks it}. A key no bundle has reads {@code ??key??}, never blank. The one place this logic lives: the
 * pages' {@code Messages}, the modules' wordings and the operator's tool use it.
 */
@FunctionalInterface
public interface Words {
    /** The pseudo-language's tag. */
    String PSEUDO = "qps";
    String OPEN = "⟦";
    String CLOSE = "⟧";

    String text(String key, Object... args);

    /** The texts of {@code bundles} (the first that has a key wins) in {@code locale}: Vietnamese when none. */
    static Words of(Locale locale, String... bundles) {
        return Loaded.CACHE.computeIfAbsent((locale == null ? "vi" : locale.toLanguageTag()) + "|" + String.join("|", bundles),
                k -> Loaded.load(locale == null ? Locale.forLanguageTag("vi") : locale, bundles));
    }

    /** {@code text} with {@code {0}}, {@code {1}}… replaced by the arguments (not escaped; a missing one stays). */
    static String fill(String text, Object... args) {
        if (args == null || args.length == 0) {
            return text;
        }
        Matcher m = Loaded.PLACEHOLDER.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            int i = Integer.parseInt(m.group(1));
            m.appendReplacement(b, Matcher.quoteReplacement(i < args.length ? String.valueOf(args[i]) : m.group()));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** The pseudo-language's form of an English text: marked {@value #OPEN}…{@value #CLOSE} and a third longer. */
    static String pseudo(String text) {
        int longer = Math.max(1, text.length() / 3);
        return OPEN + text + " " + "·".repeat(longer) + CLOSE;
    }

    /** Whether {@code locale} is the pseudo-language. */
    static boolean pseudo(Locale locale) {
        return locale != null && PSEUDO.equals(locale.getLanguage());
    }

    /** The bundle of {@code language} itself, no falling back to the JVM's default locale or to a file without a suffix. */
    static ResourceBundle bundle(String baseName, Locale language) {
        return ResourceBundle.getBundle(baseName, language, Words.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Loaded bundles, kept per language and names. */
    final class Loaded {
        static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
        static final ConcurrentHashMap<String, Words> CACHE = new ConcurrentHashMap<>();

        private Loaded() {
        }

        static Words load(Locale locale, String... names) {
            boolean pseudo = pseudo(locale);
            Locale source = pseudo ? Locale.ENGLISH : locale;
            List<ResourceBundle> bundles = new ArrayList<>();
            for (String name : names) {
                try {
                    bundles.add(bundle(name, source));
                } catch (MissingResourceException none) {
                    // a language without this bundle: its keys read ??key??
                }
            }
            return (key, args) -> {
                for (ResourceBundle b : bundles) {
                    if (b.containsKey(key)) {
                        String text = fill(b.getString(key), args);
                        return pseudo ? pseudo(text) : text;
                    }
                }
                return "??" + key + "??";
            };
        }
    }
}
