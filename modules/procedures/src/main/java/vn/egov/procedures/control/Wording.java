package vn.egov.procedures.control;

import java.util.Locale;
import vn.egov.platform.words.Words;

/**
 * What the module says, by key of its bundles ({@value #BUNDLE}, {@code messages_vi} and {@code messages_en}) with
 * {@code {0}}, {@code {1}}… filled by the platform's {@link Words}. A page passes its own texts ({@code Messages::text},
 * in the request's language from {@code Locales}); the API's problems are said by {@link #in} in the caller's language.
 */
@FunctionalInterface
public interface Wording extends Words {
    String BUNDLE = "vn.egov.procedures.pages.messages";
    Wording VIETNAMESE = Words.of(Locale.forLanguageTag("vi"), BUNDLE)::text;
    Wording ENGLISH = Words.of(Locale.ENGLISH, BUNDLE)::text;

    /** The words of {@code locale}: English, the pseudo-language, or Vietnamese (any other, and none). */
    static Wording in(Locale locale) {
        return Words.of(locale, BUNDLE)::text;
    }
}
