package vn.egov.provisioning;

import java.util.Locale;
import vn.egov.platform.words.Words;

/**
 * What the operator's tool says, by key of its bundles ({@value #BUNDLE}, {@code messages_vi} and {@code messages_en}),
 * filled by the platform's {@link Words} (the same placeholders as the server's texts). The tool speaks Vietnamese;
 * where it has always given the English too, {@link #both} writes "tiếng Việt / English".
 */
final class Said {
    static final String BUNDLE = "vn.egov.provisioning.messages";
    static final Words VIETNAMESE = Words.of(Locale.forLanguageTag("vi"), BUNDLE);
    static final Words ENGLISH = Words.of(Locale.ENGLISH, BUNDLE);

    private Said() {
    }

    /** The Vietnamese text of {@code key}, then the English after " / ". */
    static String both(String key, Object... args) {
        return VIETNAMESE.text(key, args) + " / " + ENGLISH.text(key, args);
    }
}
