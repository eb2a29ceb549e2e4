package vn.egov.provisioning;

import java.text.Normalizer;
import java.util.Locale;

/** URL-safe codes from Vietnamese names: "Phường Duyên Hải" becomes "phuong-duyen-hai". */
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
}
