package vn.egov.dossiers.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import vn.egov.dossiers.boundary.DossierStatsResource;
import vn.egov.dossiers.control.Intake;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Html;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.desk.Desk;

/**
 * {@code /t/{code}/admin/dossier-stats?from=&to=&subtree=}: the one-stop figures for leaders: per unit (the unit, or
 * each unit of its subtree), dossiers received, results early, on time and late drawn as bars, in progress at the
 * period's end, overdue now, the on-time rate; the same numbers as the API and its CSV (a link), which it reads.
 */
@Path("t/{code}/admin/dossier-stats")
@RequestScoped
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class StatsPage {

    @Inject
    Desk layout;

    @Inject
    Access access;

    @Inject
    DossierStatsResource api;

    @GET
    public Response show(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("subtree") String subtree) {
        Tenant unit = layout.call(() -> access.require("dossiers", "read"));
        LocalDate today = LocalDate.now(Intake.VIETNAM);
        String f = from == null || from.isBlank() ? Intake.DAY.format(today.withDayOfMonth(1)) : from.strip();
        String t = to == null || to.isBlank() ? Intake.DAY.format(today) : to.strip();
        boolean whole = subtree != null;
        StringBuilder b = new StringBuilder(Forms.STYLE).append("<h1>").append(layout.t("Thống kê hồ sơ một cửa", "One-stop figures")).append("</h1>");
        b.append("<form method=\"get\" class=\"dossier\"><label for=\"from\">").append(layout.t("Từ ngày", "From")).append("</label><input id=\"from\" name=\"from\" value=\"")
                .append(Html.escape(f)).append("\" placeholder=\"dd/mm/yyyy\"><label for=\"to\">").append(layout.t("Đến ngày", "To")).append("</label><input id=\"to\" name=\"to\" value=\"")
                .append(Html.escape(t)).append("\" placeholder=\"dd/mm/yyyy\"><label><input type=\"checkbox\" name=\"subtree\" value=\"on\"").append(whole ? " checked" : "")
                .append("> ").append(layout.t("Gồm các đơn vị trực thuộc", "With the units below")).append("</label>")
                .append(layout.en() ? "<input type=\"hidden\" name=\"lang\" value=\"en\">" : "")
                .append("<p><button type=\"submit\">").append(layout.t("Xem", "Show")).append("</button></p></form>");
        JsonObject report;
        try {
            report = (JsonObject) api.report(f, t, whole, null).getEntity();
        } catch (ProblemException e) {
            b.append("<p class=\"error\" role=\"alert\">").append(Html.escape(layout.en() ? e.problem().detailEn() : e.problem().detailVi())).append("</p>");
            throw layout.refuse(e.problem().status(), layout.page(unit, "dossiers", "Thống kê hồ sơ", "One-stop figures", b.toString()));
        }
        String csv = "/api/t/" + Html.escape(unit.getCode()) + "/dossier-stats?from=" + Html.escape(f) + "&amp;to=" + Html.escape(t) + (whole ? "&amp;subtree=true" : "")
                + "&amp;format=csv";
        b.append("<p><a href=\"").append(csv).append("\" id=\"csv\">").append(layout.t("Tải về CSV", "Download CSV")).append("</a></p>");
        List<JsonObject> rows = report.getJsonArray("units").stream().map(JsonValue::asJsonObject).toList();
        JsonObject total = report.getJsonObject("total");
        b.append(chart(rows));
        b.append("<table class=\"list\" id=\"figures\"><thead><tr><th scope=\"col\">").append(layout.t("Đơn vị", "Unit")).append("</th>");
        for (String[] h : HEADERS) {
            b.append("<th scope=\"col\">").append(layout.t(h[1], h[2])).append("</th>");
        }
        b.append("<th scope=\"col\">").append(layout.t("Tỷ lệ đúng hạn", "On-time rate")).append("</th></tr></thead><tbody>");
        for (JsonObject r : rows) {
            row(b, Html.escape(r.getString("name")), r);
        }
        row(b, "<strong>" + layout.t("Tổng cộng", "Total") + "</strong>", total);
        b.append("</tbody></table>");
        return layout.ok(layout.page(unit, "dossiers", "Thống kê hồ sơ", "One-stop figures", b.toString()));
    }

    static final String[][] HEADERS = {{"received", "Tiếp nhận", "Received"}, {"done", "Đã giải quyết", "Done"}, {"early", "Trước hạn", "Early"},
            {"onTime", "Đúng hạn", "On time"}, {"late", "Quá hạn", "Late"}, {"refused", "Từ chối", "Refused"}, {"stopped", "Dừng", "Stopped"},
            {"inProgress", "Đang giải quyết cuối kỳ", "In progress at the end"}, {"overdueNow", "Quá hạn hiện tại", "Overdue now"}};

    private static void row(StringBuilder b, String name, JsonObject r) {
        b.append("<tr><th scope=\"row\">").append(name).append("</th>");
        for (String[] h : HEADERS) {
            b.append("<td>").append(r.getJsonNumber(h[0]).longValue()).append("</td>");
        }
        b.append("<td>").append(r.containsKey("onTimeRate") ? r.getJsonNumber("onTimeRate").bigDecimalValue().toPlainString() + "%" : "—").append("</td></tr>");
    }

    /** The results of each unit as a bar: early, on time, late; the longest bar is the busiest unit's. */
    private String chart(List<JsonObject> rows) {
        List<JsonObject> shown = rows.stream().filter(r -> r.getJsonNumber("done").longValue() + r.getJsonNumber("inProgress").longValue() > 0).limit(40).toList();
        if (shown.isEmpty()) {
            return "<p>" + layout.t("Chưa có hồ sơ nào trong kỳ.", "No dossiers in the period.") + "</p>";
        }
        long max = shown.stream().mapToLong(r -> r.getJsonNumber("done").longValue() + r.getJsonNumber("inProgress").longValue()).max().orElse(1);
        int rowH = 26;
        int label = 260;
        int width = 520;
        StringBuilder s = new StringBuilder("<figure><svg id=\"chart\" role=\"img\" width=\"").append(label + width + 60).append("\" height=\"").append(shown.size() * rowH + 30)
                .append("\" aria-labelledby=\"chart-title\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"sans-serif\" font-size=\"13\"><title id=\"chart-title\">")
                .append(layout.t("Kết quả giải quyết theo đơn vị", "Results by unit")).append("</title>");
        int y = 0;
        String[][] parts = {{"early", "#2e7d32"}, {"onTime", "#1565c0"}, {"late", "#c62828"}, {"inProgress", "#9e9e9e"}};
        for (JsonObject r : shown) {
            s.append("<text x=\"0\" y=\"").append(y + 17).append("\">").append(Html.escape(r.getString("name"))).append("</text>");
            double x = label;
            for (String[] p : parts) {
                long n = r.getJsonNumber(p[0]).longValue();
                double w = n * (double) width / max;
                if (n > 0) {
                    s.append("<rect class=\"").append(p[0]).append("\" x=\"").append(String.format(java.util.Locale.ROOT, "%.1f", x)).append("\" y=\"").append(y + 4)
                            .append("\" width=\"").append(String.format(java.util.Locale.ROOT, "%.1f", w)).append("\" height=\"18\" fill=\"").append(p[1])
                            .append("\"><title>").append(n).append("</title></rect>");
                }
                x += w;
            }
            y += rowH;
        }
        s.append("</svg><figcaption>");
        String[][] legend = {{"#2e7d32", layout.t("trước hạn", "early")}, {"#1565c0", layout.t("đúng hạn", "on time")}, {"#c62828", layout.t("quá hạn", "late")},
                {"#9e9e9e", layout.t("đang giải quyết", "in progress")}};
        for (String[] l : legend) {
            s.append("<span style=\"display:inline-block;width:.9rem;height:.9rem;background:").append(l[0]).append(";margin:0 .3rem 0 .8rem\"></span>").append(l[1]);
        }
        return s.append("</figcaption></figure>").toString();
    }
}
