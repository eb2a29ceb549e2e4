package vn.egov.portal.control;

import java.util.Locale;

/** WCAG 2.1 contrast of theme colours: text on the theme colours must reach 4.5:1 (AA, normal text). */
public final class Colours {
    public static final double AA = 4.5;

    private Colours() {
    }

    /** {@code #rrggbb} in lower case, or null if {@code s} is not a colour in that form. */
    public static String parse(String s) {
        if (s == null) {
            return null;
        }
        String v = s.strip().toLowerCase(Locale.ROOT);
        return v.matches("#[0-9a-f]{6}") ? v : null;
    }

    /** The contrast ratio of two colours, from 1 to 21. */
    public static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel((rgb >> 16) & 0xff) + 0.7152 * channel((rgb >> 8) & 0xff) + 0.0722 * channel(rgb & 0xff);
    }

    private static double channel(int c) {
        double s = c / 255.0;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }
}
