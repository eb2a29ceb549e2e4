package vn.egov.notices.control;

import java.util.Locale;
import vn.egov.platform.words.Words;

/**
 * The notices' texts in a language, for what the module says outside a page (its API's problems): keys of the
 * module's bundles ({@value #BUNDLE}, {@code messages_vi} and {@code messages_en}), filled by the platform's
 * {@link Words}.
 */
public final class Wording {
    public static final String BUNDLE = "vn.egov.notices.messages";

    private Wording() {
    }

    /** The words of {@code locale}: English, the pseudo-language, or Vietnamese (any other, and none). */
    public static Words in(Locale locale) {
        return Words.of(locale, BUNDLE);
    }
}
