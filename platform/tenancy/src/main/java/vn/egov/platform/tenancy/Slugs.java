package vn.egov.platform.tenancy;

import java.text.Normalizer;
import java.util.Locale;

/** URL-safe codes from Vietnamese names ("Phường Duyên Hải" becomes "phuong-duyen-hai"), and GSO unit types. */
public final class Slugs {
    private Slugs() {
    }

    public static String of(String vietnamese) {
        String nfd = Normalizer.normalize(vietnamese, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .replace('đ', 'd').replace('Đ', 'D');
        String slug = nfd.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.isEmpty()) {
            throw new IllegalArgumentException("no letters or digits in \"" + vietnamese + "\"");
        }
        return slug.length() > 63 ? slug.substring(0, 63).replaceAll("-+$", "") : slug;
    }

    /**
     * The tenant kind of a GSO unit type ("Tỉnh", "Huyện", "Phường", ...), or empty when the type is not one
     * of the administrative unit types.
     */
    public static java.util.Optional<String> kindOfUnitType(String unitType) {
        String t = Normalizer.normalize(unitType == null ? "" : unitType.strip(), Normalizer.Form.NFC);
        return java.util.Optional.ofNullable(switch (t) {
            case "Tỉnh", "Thành phố trực thuộc trung ương" -> "province";
            case "Thành phố" -> "city";
            case "Huyện" -> "district";
            case "Thị xã" -> "town";
            case "Phường" -> "ward";
            case "Xã" -> "commune";
            case "Thị trấn" -> "township";
            default -> null;
        });
    }
}
