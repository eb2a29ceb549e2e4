package vn.egov.feedback.control;

import java.util.Locale;
import vn.egov.platform.words.Words;

/**
 * The feedback's texts in a language, for what the module says outside a page (its API's problems, its record rule):
 * keys of the module's bundle ({@value #BUNDLE}, {@code messages_vi} and {@code messages_en}), which its pages read too.
 */
public final class Wording {
    public static final String BUNDLE = "vn.egov.feedback.messages";

    private Wording() {
    }

    /** The words of {@code locale}: English, the pseudo-language, or Vietnamese (any other, and none). */
    public static Words in(Locale locale) {
        return Words.of(locale, BUNDLE);
    }
}
