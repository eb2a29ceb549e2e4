package vn.egov.platform.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Optional;
import vn.egov.platform.security.SubjectScopeProvider.CurrentUser;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.web.Csrf;

/**
 * What every template is given besides its own view: the texts ({@link #t()}), the language, the title, the user,
 * the session's CSRF token, the asset addresses, and numbers and dates in the language's form (dd/MM/yyyy,
 * Vietnam time; {@code 1.234} and {@code 100,0%} in Vietnamese).
 */
public final class Page {
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(VIETNAM);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(VIETNAM);

    private final Messages t;
    private final String title;
    private final HttpServletRequest request;

    private Page(Messages t, String title, HttpServletRequest request) {
        this.t = t;
        this.title = title;
        this.request = request;
    }

    /**
     * The page of this request, in its language, with the texts of {@code bundle} (a module's base name) before the
     * platform's, titled by the text of {@code titleKey}.
     */
    public static Page of(HttpServletRequest request, String bundle, String titleKey, Object... titleArgs) {
        Messages t = bundle == null ? Messages.of(Locales.of(request)) : Messages.of(Locales.of(request), bundle);
        return new Page(t, t.text(titleKey, titleArgs), request);
    }

    /**
     * The same, in a language the caller already chose: for the pages not made from templates yet, whose language is
     * still their own {@code ?lang=en} (so that a fragment never speaks another language than the page around it).
     */
    public static Page of(HttpServletRequest request, Locale locale, String bundle, String titleKey) {
        Messages t = bundle == null ? Messages.of(locale) : Messages.of(locale, bundle);
        return new Page(t, t.text(titleKey), request);
    }

    /** A page whose title is given as is (a unit's name, a problem's title already in the language). */
    public static Page titled(HttpServletRequest request, Locale locale, String title) {
        return new Page(Messages.of(locale), title, request);
    }

    /** The same, with the texts of {@code bundle} (a module's) before the platform's. */
    public static Page titled(HttpServletRequest request, Locale locale, String title, String bundle) {
        return new Page(bundle == null ? Messages.of(locale) : Messages.of(locale, bundle), title, request);
    }

    public Messages t() {
        return t;
    }

    public String lang() {
        return t.lang();
    }

    public String title() {
        return title;
    }

    /** The session's CSRF token, for the hidden field of every POST form (see the {@code tag/csrf} template). */
    public String csrf() {
        return Csrf.token(request);
    }

    public Optional<UserPrincipal> user() {
        return CurrentUser.get();
    }

    /** The hashed address of a platform or module asset ({@code "platform/bare.css"}). */
    public String asset(String name) {
        return Assets.url(name);
    }

    /** {@code path} with this page's {@code ?lang=} when the language was asked for in the address (links keep it). */
    public String link(String path) {
        String asked = Locales.query(request.getQueryString());
        if (asked == null || Locales.supported(asked).isEmpty()) {
            return path;
        }
        return path + (path.contains("?") ? "&" : "?") + "lang=" + Locales.supported(asked).get().toLanguageTag();
    }

    public String number(long n) {
        return NumberFormat.getIntegerInstance(formatLocale()).format(n);
    }

    /** A share as a percentage with one decimal: {@code 100,0%} in Vietnamese, {@code 100.0%} in English. */
    public String percent(double share) {
        NumberFormat f = NumberFormat.getPercentInstance(formatLocale());
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return f.format(share);
    }

    public String date(TemporalAccessor day) {
        return day == null ? "" : DATE.format(day instanceof LocalDate d ? d.atStartOfDay(VIETNAM) : day);
    }

    public String dateTime(Instant when) {
        return when == null ? "" : DATE_TIME.format(when);
    }

    private Locale formatLocale() {
        return "vi".equals(t.locale().getLanguage()) ? Locales.VIETNAMESE : Locale.ENGLISH;
    }
}
