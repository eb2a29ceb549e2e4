package vn.egov.portal.entity;

import java.util.Objects;

/** How a unit's site looks: two colours (checked for contrast), a layout, a banner image and the footer text. */
public record Theme(String primary, String accent, Layout layout, String footerText, Long bannerFileId) {
    /** The layouts on offer. */
    public enum Layout {
        CLASSIC("Cổ điển: tin nổi bật rộng, cột bên phải", "Classic: wide featured news, right column"),
        MAGAZINE("Tạp chí: lưới ảnh", "Magazine: a grid of pictures"),
        COMPACT("Gọn: danh sách một cột", "Compact: one-column list");

        private final String vi;
        private final String en;

        Layout(String vi, String en) {
            this.vi = vi;
            this.en = en;
        }

        public String label(boolean english) {
            return english ? en : vi;
        }
    }

    public static final Theme DEFAULT = new Theme("#a4161a", "#0b4f8a", Layout.CLASSIC, null, null);

    public Theme {
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(accent, "accent");
        Objects.requireNonNull(layout, "layout");
    }
}
