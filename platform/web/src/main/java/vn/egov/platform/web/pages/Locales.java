package vn.egov.platform.web.pages;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The request's language, resolved once per request by the first page that asks ({@link #of}): {@code ?lang=},
 * then the {@value #COOKIE} cookie that an earlier {@code ?lang=} left, then the browser's {@code Accept-Language},
 * and Vietnamese when none of them names a language the platform has. An unknown {@code ?lang} is ignored.
 * <p>
 * {@link #PSEUDO} ({@code qps}) is the test language: every message of it is the English one, marked and made longer,
 * so that a crawl can find text that does not come from a bundle and layouts that break on long words.
 */
public final class Locales {
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale PSEUDO = Locale.forLanguageTag("qps");
    /** The languages pages are written in, the default first. */
    public static final List<Locale> SUPPORTED = List.of(VIETNAMESE, ENGLISH, PSEUDO);
    public static final String COOKIE = "egov_lang";
    /**
     * The request headers besides the address that a page's language depends on: a page in the language {@link #of}
     * resolved names them in its {@code Vary} header, so that a shared cache never gives one visitor's language to another.
     */
    public static final String VARY = "Accept-Language, Cookie";
    static final String ATTRIBUTE = Locales.class.getName();
    /** {@code Accept-Language} headers already matched (browsers send a handful of distinct ones), bounded. */
    private static final ConcurrentHashMap<String, Locale> BY_HEADER = new ConcurrentHashMap<>();
    private static final int BY_HEADER_MAX = 1_000;

    private Locales() {
    }

    /** This request's language, resolved on the first call and kept for the others. */
    public static Locale of(HttpServletRequest request) {
        Object resolved = request.getAttribute(ATTRIBUTE);
        if (resolved instanceof Locale l) {
            return l;
        }
        Locale l = resolve(request);
        request.setAttribute(ATTRIBUTE, l);
        return l;
    }

    /** {@code ?lang}, then the cookie, then {@code Accept-Language}, then Vietnamese. */
    static Locale resolve(HttpServletRequest request) {
        Optional<Locale> asked = supported(query(request.getQueryString()));
        if (asked.isPresent()) {
            return asked.get();
        }
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (COOKIE.equals(c.getName())) {
                    Optional<Locale> kept = supported(c.getValue());
                    if (kept.isPresent()) {
                        return kept.get();
                    }
                }
            }
        }
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return VIETNAMESE;
        }
        Locale known = BY_HEADER.get(header);
        if (known == null) {
            known = byHeader(header);
            if (BY_HEADER.size() < BY_HEADER_MAX) {
                BY_HEADER.put(header, known);
            }
        }
        return known;
    }

    private static Locale byHeader(String header) {
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(header), List.of(VIETNAMESE, ENGLISH));
            return best == null ? VIETNAMESE : best;
        } catch (IllegalArgumentException malformed) {
            // a header no browser sends: as if there were none
            return VIETNAMESE;
        }
    }

    /** Keeps a language asked for with {@code ?lang} for the next pages (a year, the whole site, not for scripts). */
    static void remember(HttpServletRequest request, HttpServletResponse response) {
        String query = request.getQueryString();
        if (query == null || !query.contains("lang=")) {
            return; // nearly every request: nothing to parse
        }
        Optional<Locale> asked = supported(query(request.getQueryString()));
        if (asked.isEmpty()) {
            return;
        }
        String tag = asked.get().toLanguageTag();
        response.addHeader("Set-Cookie", COOKIE + "=" + tag + "; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly"
                + (request.isSecure() ? "; Secure" : ""));
    }

    /** The value of {@code lang} in a query string, undecoded (a language tag needs no decoding), or null. */
    static String query(String queryString) {
        if (queryString == null) {
            return null;
        }
        for (String pair : queryString.split("&")) {
            if (pair.startsWith("lang=")) {
                return pair.substring(5);
            }
        }
        return null;
    }

    static Optional<Locale> supported(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 12) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.strip()).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
    }
}
