package vn.egov.portal.entity;

import java.util.Objects;

/** How a unit's site looks: two colours (checked for contrast), a layout, a banner image and the footer text. */
public record Theme(String primary, String accent, Layout layout, String footerText, Long bannerFileId) {
    /** The layouts on offer. */
    public enum Layout {
        CLASSIC, MAGAZINE, COMPACT;

        /** The key of its name in the portal's texts ({@code layout.classic}: "Cổ điển: tin nổi bật rộng, cột bên phải"). */
        public String key() {
            return "layout." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static final Theme DEFAULT = new Theme("#a4161a", "#0b4f8a", Layout.CLASSIC, null, null);

    public Theme {
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(accent, "accent");
        Objects.requireNonNull(layout, "layout");
    }
}
