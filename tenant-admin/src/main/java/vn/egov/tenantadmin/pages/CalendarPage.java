package vn.egov.tenantadmin.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.egov.platform.calendar.control.CalendarStore;
import vn.egov.platform.calendar.entity.CalendarYear;
import vn.egov.platform.calendar.entity.SpecialDay;
import vn.egov.platform.persistence.OwnTransaction;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.desk.Desk;
import vn.egov.platform.web.desk.DeskFrame;
import vn.egov.tenantadmin.control.Wording;

/**
 * {@code /t/{code}/admin/calendar?year=}: the province's working days of a year, for every unit's administrators
 * to see; the province's administrators confirm them (one line per day: {@code dd/MM/yyyy; nghỉ; tên} or
 * {@code dd/MM/yyyy; làm bù; tên}, starting from what the year has now, the statutory proposal until someone
 * confirms) or take the confirmation back. A refused list comes back as it was typed, with each bad line named. Made
 * from the template {@code calendar.jte}.
 */
@Path("t/{code}/admin/calendar")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(Desk.HTML)
public class CalendarPage {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    /** A special day of the year: its date (dd/MM/yyyy), its day of the week (1 Monday … 7 Sunday), kind and name. */
    public record Day(String date, int weekday, boolean dayOff, String name) {
    }

    /**
     * The year: the links to the years around it, its state (who confirmed it, when, dd/MM/yyyy HH:mm), its days, and
     * for the province's administrators the form (the list as typed, the note, the messages of the refused lines).
     */
    public record View(int year, String previous, String next, Map<String, String> errors, boolean confirmed, String confirmedBy,
                       String confirmedAt, List<Day> days, boolean mayConfirm, String formAction, String text, String note) {
    }

    @Inject
    Desk layout;

    @Inject
    OwnTransaction own;

    @Inject
    CalendarStore store;

    @Inject
    Access access;

    @GET
    public Response show(@QueryParam("year") String year) {
        Tenant unit = layout.require();
        int y = year(year);
        CalendarYear c = layout.call(() -> store.year(y));
        return layout.okTemplate(render(unit, c, lines(c), c.note() == null ? "" : c.note(), Map.of()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@QueryParam("year") String year, MultivaluedMap<String, String> form) {
        layout.checkCsrf(form.getFirst("csrf"));
        Tenant unit = layout.require();
        layout.call(() -> {
            access.requireProvinceAdmin();
            return null;
        });
        int y = year(year);
        if ("unconfirm".equals(form.getFirst("action"))) {
            layout.call(() -> own.call(() -> store.unconfirm(y)));
            layout.flash(AdminPages.flash(layout, "calendar.unconfirmed", y));
            return layout.redirect(layout.url(unit, "calendar?year=" + y));
        }
        String text = form.getFirst("days") == null ? "" : form.getFirst("days");
        String note = form.getFirst("note") == null ? "" : form.getFirst("note");
        Map<String, String> errors = new LinkedHashMap<>();
        List<SpecialDay> days = parse(text, errors);
        if (errors.isEmpty()) {
            try {
                own.call(() -> store.save(y, days, note, layout.user().orElseThrow().username()));
                layout.flash(AdminPages.flash(layout, "calendar.confirmed", y));
                return layout.redirect(layout.url(unit, "calendar?year=" + y));
            } catch (ProblemException e) {
                if (e.problem().status() != 400) {
                    throw layout.error(e.problem());
                }
                // days[i].x → line i+1, its message said in the page's language
                e.problem().fieldErrors().keySet().forEach(field -> errors.put(line(field), layout.fieldError(e, field)));
            }
        }
        CalendarYear current = layout.call(() -> store.year(y));
        throw layout.refuseTemplate(400, render(unit, current, text, note, errors));
    }

    private String line(String field) {
        if (field.startsWith("days[")) {
            int i = Integer.parseInt(field.substring(5, field.indexOf(']')));
            return text("calendar.line", i + 1);
        }
        return field.equals("note") ? text("calendar.note") : field;
    }

    /** A text of this module in the request's language (for the messages of the lines, shown escaped by the template). */
    private String text(String key, Object... args) {
        return AdminPages.texts(layout).t().text(key, args);
    }

    /** One day per line: {@code dd/MM/yyyy; <kind>; <name>}, the kind a keyword of the list ({@link #kind}). Blank lines and lines starting with # are skipped. */
    List<SpecialDay> parse(String text, Map<String, String> errors) {
        List<SpecialDay> days = new ArrayList<>();
        String[] lines = text.split("\\r?\\n");
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String where = text("calendar.line", i + 1);
            String[] parts = l.split(";", 3);
            if (parts.length < 3) {
                errors.put(where, text("calendar.error.form"));
                continue;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(parts[0].strip(), DAY);
            } catch (DateTimeParseException e) {
                errors.put(where, text("calendar.error.date", parts[0].strip()));
                continue;
            }
            SpecialDay.Kind kind = kind(parts[1]);
            if (kind == null) {
                errors.put(where, text("calendar.error.kind"));
                continue;
            }
            days.add(new SpecialDay(date, kind, parts[2].strip()));
        }
        return days;
    }

    /**
     * The kinds' keywords of the list ({@code nghỉ}, {@code làm bù}, and the forms also accepted): the list's own
     * vocabulary, the same whatever the page's language (its English help names them too), kept in the Vietnamese texts.
     */
    private static final Wording KEYWORDS = Wording.VIETNAMESE;

    private static String keyword(SpecialDay.Kind kind) {
        return kind == SpecialDay.Kind.DAY_OFF ? "calendar.keyword.dayOff" : "calendar.keyword.workingDay";
    }

    /** The kind a line's keyword names (its own or one of the forms also accepted), or null. */
    static SpecialDay.Kind kind(String word) {
        String k = java.text.Normalizer.normalize(word.strip().toLowerCase(java.util.Locale.ROOT), java.text.Normalizer.Form.NFC);
        for (SpecialDay.Kind kind : SpecialDay.Kind.values()) {
            java.util.List<String> words = new java.util.ArrayList<>(java.util.List.of(KEYWORDS.text(keyword(kind))));
            words.addAll(java.util.Arrays.stream(KEYWORDS.text(keyword(kind) + "Also").split(",")).map(String::strip).toList());
            if (words.contains(k)) {
                return kind;
            }
        }
        return null;
    }

    private String lines(CalendarYear c) {
        StringBuilder b = new StringBuilder();
        for (SpecialDay d : c.days()) {
            b.append(DAY.format(d.date())).append("; ").append(KEYWORDS.text(keyword(d.kind()))).append("; ")
                    .append(d.name()).append('\n');
        }
        return b.toString();
    }

    private int year(String s) {
        int current = Year.now(ZoneId.of("Asia/Ho_Chi_Minh")).getValue();
        if (s == null || !s.matches("[0-9]{4}")) {
            return current;
        }
        int y = Integer.parseInt(s);
        return y < 2000 || y > 2100 ? current : y;
    }

    private String render(Tenant unit, CalendarYear c, String text, String note, Map<String, String> errors) {
        int y = c.year();
        DeskFrame.Page desk = layout.desk(unit, "calendar", AdminPages.BUNDLE, "calendar.title");
        List<Day> days = new ArrayList<>();
        for (SpecialDay d : c.days()) {
            days.add(new Day(DAY.format(d.date()), d.date().getDayOfWeek().getValue(), d.kind() == SpecialDay.Kind.DAY_OFF, d.name()));
        }
        View view = new View(y, layout.url(unit, "calendar?year=" + (y - 1)), layout.url(unit, "calendar?year=" + (y + 1)), errors,
                c.confirmed(), c.confirmedBy(), c.confirmedAt() == null ? null : desk.page().dateTime(c.confirmedAt()), days,
                mayConfirm(), layout.url(unit, "calendar?year=" + y), text, note);
        return AdminPages.render("calendar.jte", desk, view);
    }

    private boolean mayConfirm() {
        try {
            access.requireProvinceAdmin();
            return true;
        } catch (ProblemException e) {
            return false;
        }
    }
}
