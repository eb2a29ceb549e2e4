package vn.egov.provisioning;

import java.util.Locale;
import vn.egov.platform.words.Words;

/**
 * What the operator's tool says, by key of its bundle ({@value #BUNDLE}, {@code messages_vi}), filled by the platform's
 * {@link Words} (the same placeholders as the server's texts). The tool speaks Vietnamese, and only Vietnamese.
 */
final class Said {
    static final String BUNDLE = "vn.egov.provisioning.messages";
    private static final Words VIETNAMESE = Words.of(Locale.forLanguageTag("vi"), BUNDLE);

    private Said() {
    }

    /** The (Vietnamese) text of {@code key}, {@code {0}}, {@code {1}}… filled with {@code args}. */
    static String text(String key, Object... args) {
        return VIETNAMESE.text(key, args);
    }
}
