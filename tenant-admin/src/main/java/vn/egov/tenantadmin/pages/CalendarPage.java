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
import vn.egov.platform.calendar.boundary.CalendarResource;
import vn.egov.platform.calendar.control.CalendarStore;
import vn.egov.platform.calendar.entity.CalendarYear;
import vn.egov.platform.calendar.entity.SpecialDay;
import vn.egov.platform.persistence.OwnTransaction;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Html;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.desk.Desk;

/**
 * {@code /t/{code}/admin/calendar?year=}: the province's working days of a year, for every unit's administrators
 * to see; the province's administrators confirm them (one line per day: {@code dd/MM/yyyy; nghỉ; tên} or
 * {@code dd/MM/yyyy; làm bù; tên}, starting from what the year has now, the statutory proposal until someone
 * confirms) or take the confirmation back. A refused list comes back as it was typed, with each bad line named.
 */
@Path("t/{code}/admin/calendar")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(Desk.HTML)
public class CalendarPage {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    static final String[] WEEKDAYS = {"Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"};

    @Inject
    Desk layout;

    @Inject
    OwnTransaction own;

    @Inject
    CalendarStore store;

    @Inject
    CalendarResource api;

    @GET
    public Response show(@QueryParam("year") String year) {
        Tenant unit = layout.require();
        int y = year(year);
        CalendarYear c = layout.call(() -> store.year(y));
        return layout.ok(render(unit, c, lines(c), c.note() == null ? "" : c.note(), Map.of()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@QueryParam("year") String year, MultivaluedMap<String, String> form) {
        layout.checkCsrf(form.getFirst("csrf"));
        Tenant unit = layout.require();
        layout.call(() -> {
            api.requireProvinceAdmin();
            return null;
        });
        int y = year(year);
        if ("unconfirm".equals(form.getFirst("action"))) {
            layout.call(() -> own.call(() -> store.unconfirm(y)));
            layout.flash(Html.escape(layout.t("Đã huỷ xác nhận: năm " + y + " theo đề xuất của luật.",
                    "Confirmation taken back: " + y + " follows the statutory proposal.")));
            return layout.redirect(layout.url(unit, "calendar?year=" + y));
        }
        String text = form.getFirst("days") == null ? "" : form.getFirst("days");
        String note = form.getFirst("note") == null ? "" : form.getFirst("note");
        Map<String, String> errors = new LinkedHashMap<>();
        List<SpecialDay> days = parse(text, errors);
        if (errors.isEmpty()) {
            try {
                own.call(() -> store.save(y, days, note, layout.user().orElseThrow().username()));
                layout.flash(Html.escape(layout.t("Đã xác nhận lịch làm việc năm " + y + ".", "The working days of " + y + " are confirmed.")));
                return layout.redirect(layout.url(unit, "calendar?year=" + y));
            } catch (ProblemException e) {
                if (e.problem().status() != 400) {
                    throw layout.error(e.problem());
                }
                // days[i].x → line i+1
                e.problem().fieldErrors().forEach((field, messages) -> errors.put(line(field), layout.message(messages.get(0))));
            }
        }
        CalendarYear current = layout.call(() -> store.year(y));
        throw layout.refuse(400, render(unit, current, text, note, errors));
    }

    private String line(String field) {
        if (field.startsWith("days[")) {
            int i = Integer.parseInt(field.substring(5, field.indexOf(']')));
            return layout.t("Dòng ", "Line ") + (i + 1);
        }
        return field.equals("note") ? layout.t("Ghi chú", "Note") : field;
    }

    /** One day per line: {@code dd/MM/yyyy; nghỉ|làm bù; tên}. Blank lines and lines starting with # are skipped. */
    List<SpecialDay> parse(String text, Map<String, String> errors) {
        List<SpecialDay> days = new ArrayList<>();
        String[] lines = text.split("\\r?\\n");
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String where = layout.t("Dòng ", "Line ") + (i + 1);
            String[] parts = l.split(";", 3);
            if (parts.length < 3) {
                errors.put(where, layout.t("viết theo dạng dd/MM/yyyy; nghỉ; tên ngày (hoặc: làm bù).",
                        "write it as dd/MM/yyyy; nghỉ; name (or: làm bù)."));
                continue;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(parts[0].strip(), DAY);
            } catch (DateTimeParseException e) {
                errors.put(where, layout.t("ngày \"" + parts[0].strip() + "\" không hợp lệ (dd/MM/yyyy).",
                        "\"" + parts[0].strip() + "\" is not a date (dd/MM/yyyy)."));
                continue;
            }
            String k = java.text.Normalizer.normalize(parts[1].strip().toLowerCase(java.util.Locale.ROOT), java.text.Normalizer.Form.NFC);
            SpecialDay.Kind kind = switch (k) {
                case "nghỉ", "nghi", "day_off" -> SpecialDay.Kind.DAY_OFF;
                case "làm bù", "lam bu", "làm việc", "working_day" -> SpecialDay.Kind.WORKING_DAY;
                default -> null;
            };
            if (kind == null) {
                errors.put(where, layout.t("loại ngày là \"nghỉ\" hoặc \"làm bù\".", "the kind is \"nghỉ\" (day off) or \"làm bù\" (make-up working day)."));
                continue;
            }
            days.add(new SpecialDay(date, kind, parts[2].strip()));
        }
        return days;
    }

    private String lines(CalendarYear c) {
        StringBuilder b = new StringBuilder();
        for (SpecialDay d : c.days()) {
            b.append(DAY.format(d.date())).append("; ").append(d.kind() == SpecialDay.Kind.DAY_OFF ? "nghỉ" : "làm bù").append("; ")
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
        StringBuilder b = new StringBuilder("<h1>").append(layout.t("Lịch làm việc năm ", "Working days ")).append(y).append("</h1>");
        b.append("<p>").append(Desk.link(layout.url(unit, "calendar?year=" + (y - 1)), "← " + (y - 1))).append(" · ")
                .append(Desk.link(layout.url(unit, "calendar?year=" + (y + 1)), (y + 1) + " →")).append("</p>");
        if (!errors.isEmpty()) {
            b.append(layout.refusedBanner(layout.t("Lịch chưa được lưu; không có gì thay đổi.", "The calendar was not saved; nothing changed.")))
                    .append("<ul class=\"field-error\" id=\"days-errors\">");
            errors.forEach((k, v) -> b.append("<li>").append(Html.escape(k)).append(": ").append(Html.escape(v)).append("</li>"));
            b.append("</ul>");
        }
        b.append("<p id=\"calendar-status\">");
        if (c.confirmed()) {
            b.append(layout.t("Đã xác nhận bởi ", "Confirmed by ")).append(Html.escape(c.confirmedBy()));
            if (c.confirmedAt() != null) {
                b.append(layout.t(" lúc ", " at ")).append(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
                        .format(c.confirmedAt().atZone(ZoneId.of("Asia/Ho_Chi_Minh"))));
            }
            b.append('.');
        } else {
            b.append(layout.t("Chưa xác nhận: các hạn xử lý đang tính theo đề xuất theo luật (ngày lễ của Bộ luật Lao động, Tết theo âm lịch, "
                            + "nghỉ bù khi lễ trùng cuối tuần). Hãy đối chiếu với quyết định của Thủ tướng và của tỉnh rồi xác nhận.",
                    "Not confirmed: deadlines follow the statutory proposal (the Labour Code's holidays, Tết from the lunar calendar, a day "
                            + "off after a holiday on a weekend). Check it against the year's decisions, then confirm it."));
        }
        b.append("</p><table><thead><tr><th scope=\"col\">").append(layout.t("Ngày", "Date")).append("</th><th scope=\"col\">")
                .append(layout.t("Thứ", "Day")).append("</th><th scope=\"col\">").append(layout.t("Loại", "Kind")).append("</th><th scope=\"col\">")
                .append(layout.t("Tên", "Name")).append("</th></tr></thead><tbody>");
        for (SpecialDay d : c.days()) {
            b.append("<tr><td>").append(DAY.format(d.date())).append("</td><td>").append(WEEKDAYS[d.date().getDayOfWeek().getValue() - 1])
                    .append("</td><td>").append(d.kind() == SpecialDay.Kind.DAY_OFF ? layout.t("Nghỉ", "Day off") : layout.t("Làm bù", "Make-up working day"))
                    .append("</td><td>").append(Html.escape(d.name())).append("</td></tr>");
        }
        b.append("</tbody></table>");
        boolean mayConfirm;
        try {
            api.requireProvinceAdmin();
            mayConfirm = true;
        } catch (ProblemException e) {
            mayConfirm = false;
        }
        if (mayConfirm) {
            b.append("<h2>").append(layout.t("Xác nhận lịch năm ", "Confirm the days of ")).append(y).append("</h2>")
                    .append("<form method=\"post\" action=\"").append(Html.escape(layout.url(unit, "calendar?year=" + y))).append("\" novalidate>")
                    .append(layout.csrfField()).append("<label for=\"days\">")
                    .append(layout.t("Mỗi dòng một ngày: dd/MM/yyyy; nghỉ; tên ngày — hoặc dd/MM/yyyy; làm bù; tên (thứ Bảy, Chủ nhật làm việc bù)",
                            "One day per line: dd/MM/yyyy; nghỉ; name — or dd/MM/yyyy; làm bù; name (a Saturday or Sunday worked)"))
                    .append("</label><textarea id=\"days\" name=\"days\" rows=\"16\" style=\"width:min(100%,48rem)\"")
                    .append(errors.isEmpty() ? "" : " aria-invalid=\"true\" aria-describedby=\"days-errors\"").append(">")
                    .append(Html.escape(text)).append("</textarea>")
                    .append(layout.input("note", "Căn cứ (số quyết định, thông báo)", "Basis (decision or notice number)", note, errors, "maxlength=\"500\""))
                    .append("<p><button type=\"submit\" name=\"action\" value=\"confirm\" id=\"confirm\">")
                    .append(layout.t("Xác nhận lịch năm ", "Confirm ")).append(y).append("</button>");
            if (c.confirmed()) {
                b.append(" <button type=\"submit\" name=\"action\" value=\"unconfirm\" id=\"unconfirm\">")
                        .append(layout.t("Huỷ xác nhận (dùng đề xuất theo luật)", "Take back (use the statutory proposal)")).append("</button>");
            }
            b.append("</p></form>");
        } else {
            b.append("<p>").append(layout.t("Lịch do quản trị của tỉnh xác nhận.", "The province's administrators confirm the calendar.")).append("</p>");
        }
        return layout.page(unit, "calendar", "Lịch làm việc", "Working days", b.toString());
    }
}
