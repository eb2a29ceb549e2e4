package vn.egov.platform.calendar.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import vn.egov.platform.calendar.control.CalendarStore;
import vn.egov.platform.calendar.control.WorkingCalendar;
import vn.egov.platform.calendar.entity.CalendarYear;
import vn.egov.platform.calendar.entity.SpecialDay;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Fields;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.ProblemException;

/**
 * {@code /api/calendar}: the province's working days. Anyone reads a year (days off and make-up working days,
 * whether the province confirmed it) and computes a deadline; the province's administrators confirm a year's
 * days (starting from the statutory proposal) or take the confirmation back. Dates are ISO in the JSON, with the
 * Vietnamese dd/MM/yyyy beside them; either form is accepted on input.
 */
@Path("api/calendar")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {
    static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT);

    @Inject
    CalendarStore store;

    @Inject
    Access access;

    @GET
    @Path("{year: [0-9]{4}}")
    @Transactional
    public JsonObject year(@PathParam("year") int year) {
        return json(store.year(year));
    }

    @GET
    @Path("{year: [0-9]{4}}/proposal")
    public JsonObject proposal(@PathParam("year") int year) {
        return json(store.proposal(year));
    }

    /** Confirms the year's special days as given (they replace whatever was there). Province administrators. */
    @PUT
    @Path("{year: [0-9]{4}}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public JsonObject confirm(@PathParam("year") int year, JsonObject body) {
        requireProvinceAdmin();
        if (body == null || !body.containsKey("days") || body.get("days").getValueType() != JsonValue.ValueType.ARRAY) {
            throw CalendarStore.invalid(new Fields().add("days", CalendarStore.KEYS + "daysMissing"));
        }
        List<SpecialDay> days = new ArrayList<>();
        Fields errors = new Fields();
        List<JsonValue> items = body.getJsonArray("days");
        for (int i = 0; i < items.size(); i++) {
            String at = "days[" + i + "]";
            if (items.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
                errors.put(at, CalendarStore.KEYS + "dayNotObject");
                days.add(null);
                continue;
            }
            JsonObject o = items.get(i).asJsonObject();
            LocalDate date = date(o.getString("date", null));
            if (date == null) {
                errors.put(at + ".date", CalendarStore.KEYS + "badDate");
            }
            SpecialDay.Kind kind = null;
            try {
                kind = SpecialDay.Kind.fromDb(o.getString("kind", "day_off"));
            } catch (IllegalArgumentException e) {
                errors.put(at + ".kind", CalendarStore.KEYS + "badKind");
            }
            String name = o.getString("name", "");
            // an unreadable item keeps its place (null), so that every message names the item as it was sent
            days.add(date != null && kind != null ? new SpecialDay(date, kind, name) : null);
        }
        // everything wrong at once: what could not be read, and what the calendar refuses
        CalendarStore.problems(year, days, body.getString("note", null), errors);
        if (!errors.isEmpty()) {
            throw CalendarStore.invalid(errors);
        }
        return json(store.save(year, days, body.getString("note", null), access.username()));
    }

    /** Takes the confirmation back: the year's deadlines follow the statutory proposal again. */
    @DELETE
    @Path("{year: [0-9]{4}}")
    @Transactional
    public Response unconfirm(@PathParam("year") int year) {
        requireProvinceAdmin();
        if (!store.unconfirm(year)) {
            throw ProblemException.notFound(ProblemException::platformTexts, "platform.notFound.aConfirmedCalendarFor", year);
        }
        return Response.noContent().build();
    }

    /** The deadline of a time limit of {@code days} working days from a receipt on {@code from}. */
    @GET
    @Path("deadline")
    @Transactional
    public JsonObject deadline(@QueryParam("from") String from, @QueryParam("days") String days) {
        LocalDate start = date(from);
        Fields errors = new Fields();
        if (start == null) {
            errors.put("from", CalendarStore.KEYS + "badFrom");
        }
        int n = -1;
        if (days != null && days.matches("[0-9]{1,3}")) {
            n = Integer.parseInt(days);
        }
        if (n < 0 || n > 365) {
            errors.put("days", CalendarStore.KEYS + "badDays");
        }
        if (!errors.isEmpty()) {
            throw CalendarStore.invalid(errors);
        }
        WorkingCalendar c = store.calendar();
        LocalDate due = c.plusWorkingDays(start, n);
        return Jsonp.createObjectBuilder().add("from", start.toString()).add("fromDisplay", VN.format(start)).add("workingDays", n)
                .add("due", due.toString()).add("dueDisplay", VN.format(due)).build();
    }

    /** Administrators of the whole tree of a province (a root unit), and no one else. */
    public void requireProvinceAdmin() {
        access.requireProvinceAdmin();
    }

    static LocalDate date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return s.contains("/") ? LocalDate.parse(s.strip(), VN) : LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static JsonObject json(CalendarYear y) {
        JsonArrayBuilder days = Jsonp.createArrayBuilder();
        for (SpecialDay d : y.days()) {
            days.add(Jsonp.createObjectBuilder().add("date", d.date().toString()).add("display", VN.format(d.date()))
                    .add("kind", d.kind().db()).add("name", d.name()));
        }
        JsonObjectBuilder b = Jsonp.createObjectBuilder().add("year", y.year()).add("confirmed", y.confirmed())
                .add("source", y.confirmed() ? "confirmed" : "statutory-proposal").add("days", days);
        if (y.confirmed()) {
            b.add("confirmedBy", y.confirmedBy());
            if (y.confirmedAt() != null) {
                b.add("confirmedAt", y.confirmedAt().toString());
            }
        }
        if (y.note() != null) {
            b.add("note", y.note());
        }
        return b.build();
    }
}
