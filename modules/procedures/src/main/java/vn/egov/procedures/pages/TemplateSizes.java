package vn.egov.procedures.pages;

import java.text.NumberFormat;
import java.util.Locale;
import vn.egov.platform.web.pages.Messages;

/** A file's size in words of the page's language: {@code 12,3 KB} in Vietnamese, {@code 12.3 KB} in English. */
final class TemplateSizes {
    private TemplateSizes() {
    }

    static String of(long bytes, Messages t) {
        NumberFormat n = NumberFormat.getNumberInstance(t.english() ? Locale.ENGLISH : Locale.forLanguageTag("vi-VN"));
        n.setMaximumFractionDigits(1);
        if (bytes < 1024) {
            return t.text("size.bytes", n.format(bytes));
        }
        if (bytes < 1024 * 1024) {
            return t.text("size.kb", n.format(bytes / 1024.0));
        }
        return t.text("size.mb", n.format(bytes / (1024.0 * 1024.0)));
    }
}
