package vn.egov.tenantadmin.control;

import java.util.Locale;
import vn.egov.platform.words.Words;

/**
 * What this module says (a bad line of a unit list or of a reorganisation plan, a taken domain, a refused request), by
 * key of the module's bundles ({@value #BUNDLE}, {@code messages_vi} and {@code messages_en}) with {@code {0}},
 * {@code {1}}… filled by the platform's {@link Words}. The texts are written where the language is known: the API's
 * problem in the caller's language, a page in its own (the pseudo-language included), the operator's tool in
 * Vietnamese. Plain resource bundles, so that the operator's tool, which has no web platform, reads them too.
 */
@FunctionalInterface
public interface Wording extends Words {
    String BUNDLE = "vn.egov.tenantadmin.pages.messages";
    Wording VIETNAMESE = Words.of(Locale.forLanguageTag("vi"), BUNDLE)::text;
    Wording ENGLISH = Words.of(Locale.ENGLISH, BUNDLE)::text;
    /** The pages' pseudo-language ({@code qps}): the English text marked ⟦…⟧ and a third longer, as the platform's pages mark it. */
    Wording PSEUDO = Words.of(Locale.forLanguageTag(Words.PSEUDO), BUNDLE)::text;

    /** The words of {@code locale}: English, the pseudo-language, or Vietnamese (any other, and none). */
    static Wording in(Locale locale) {
        String language = locale == null ? "vi" : locale.getLanguage();
        return "en".equals(language) ? ENGLISH : Words.PSEUDO.equals(language) ? PSEUDO : VIETNAMESE;
    }

    /** {@code words} as this module's wording (itself when it is one: its language is then known to {@link #language}). */
    static Wording of(Words words) {
        return words instanceof Wording w ? w : words::text;
    }

    /** The language {@code wording} speaks: English, the pseudo-language, or Vietnamese (any other wording). */
    static Locale language(Wording wording) {
        return wording == ENGLISH ? Locale.ENGLISH : wording == PSEUDO ? Locale.forLanguageTag(Words.PSEUDO) : Locale.forLanguageTag("vi");
    }
}
