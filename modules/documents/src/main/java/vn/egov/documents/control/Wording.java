package vn.egov.documents.control;

import java.util.Locale;
import vn.egov.platform.words.Words;

/**
 * The documents' texts in a language, for what the module says outside a page (its API's problems): keys of the
 * module's bundles ({@value #BUNDLE}, {@code messages_vi} and {@code messages_en}), filled by the platform's
 * {@link Words}. Pages read the same bundles through {@code Messages}.
 */
public final class Wording {
    /** Vietnamese: the language the API's {@code note} and the stored text beside a key are in. */
    public static final Locale VI = Locale.forLanguageTag("vi");

    public static final String BUNDLE = "vn.egov.documents.pages.messages";

    private Wording() {
    }

    /**
     * The words of {@code locale}: English, the pseudo-language, or Vietnamese (any other, and none); a key the module
     * has not is looked up in the platform's texts (such as the file check's reasons).
     */
    public static Words in(Locale locale) {
        return Words.of(locale, BUNDLE, vn.egov.platform.web.pages.Messages.PLATFORM);
    }
}
