package vn.egov.dossiers.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.egov.dossiers.control.Intake;
import vn.egov.dossiers.control.Processing;
import vn.egov.dossiers.control.Statistics;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.desk.Desk;
import vn.egov.platform.web.desk.DeskFrame;

/**
 * {@code /t/{code}/admin/dossier-stats?from=&to=&subtree=}: the one-stop figures for leaders: per unit (the unit, or
 * each unit of its subtree), dossiers received, results early, on time and late drawn as bars, in progress at the
 * period's end, overdue now, the on-time rate; the same numbers as the API and its CSV (a link), read from the same control
 * ({@link Statistics}).
 * Made from the template {@code stats.jte}.
 */
@Path("t/{code}/admin/dossier-stats")
@RequestScoped
@Produces(Desk.HTML)
public class StatsPage {
    /** The columns of the table, in order (their headings are the bundle's {@code stats.col.*}). */
    static final List<String> COLUMNS = List.of("received", "done", "early", "onTime", "late", "refused", "stopped", "inProgress", "overdueNow");
    /** The parts of a unit's bar and their colours. */
    static final String[][] PARTS = {{"early", "#2e7d32"}, {"onTime", "#1565c0"}, {"late", "#c62828"}, {"inProgress", "#9e9e9e"}};
    static final int ROW = 26;
    static final int LABEL = 260;
    static final int WIDTH = 520;

    /** A unit's figures ({@code rate} the on-time rate, "—" when nothing was done). */
    public record Figures(String name, List<Long> counts, String rate) {
    }

    /** A part of a unit's bar. */
    public record Segment(String kind, String x, String width, String fill, long n) {
    }

    /** A unit's bar, at {@code y}. */
    public record Bar(int y, String name, List<Segment> segments) {
    }

    /** What {@code stats.jte} shows ({@code error} a refused period: then nothing else). */
    public record StatsView(String from, String to, boolean subtree, String error, String csvHref, List<Bar> bars, int chartWidth, int chartHeight,
                            List<String> columns, List<Figures> rows, Figures total) {
    }

    @Inject
    Desk layout;

    @Inject
    Access access;

    @Inject
    Statistics statistics;

    @Inject
    Processing processing;

    @GET
    @Transactional
    @TenantTransactional
    public Response show(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("subtree") String subtree) {
        boolean whole = subtree != null;
        Tenant unit = layout.call(() -> whole ? access.requireSubtree("dossiers", "read") : access.require("dossiers", "read"));
        LocalDate today = LocalDate.now(Intake.VIETNAM);
        String f = from == null || from.isBlank() ? Intake.DAY.format(today.withDayOfMonth(1)) : from.strip();
        String t = to == null || to.isBlank() ? Intake.DAY.format(today) : to.strip();
        DeskFrame.Page desk = layout.desk(unit, "dossiers", DossierTemplates.BUNDLE, "stats.title");
        Statistics.Report report;
        try {
            Statistics.Period period = Statistics.period(f, t);
            report = statistics.report(unit, whole, period.from(), period.to(), processing.today());
        } catch (ProblemException e) {
            StatsView refused = new StatsView(f, t, whole, layout.en() ? e.problem().detailEn() : e.problem().detailVi(), null, List.of(), 0, 0,
                    COLUMNS, List.of(), null);
            throw layout.refuseTemplate(e.problem().status(), DossierTemplates.TEMPLATES.render("stats.jte", desk.page(), "desk", desk, "view", refused));
        }
        String csv = "/api/t/" + unit.getCode() + "/dossier-stats?from=" + URLEncoder.encode(f, StandardCharsets.UTF_8) + "&to="
                + URLEncoder.encode(t, StandardCharsets.UTF_8) + (whole ? "&subtree=true" : "") + "&format=csv";
        List<Bar> bars = bars(report.units());
        StatsView view = new StatsView(f, t, whole, null, csv, bars, LABEL + WIDTH + 60, bars.size() * ROW + 30, COLUMNS,
                report.units().stream().map(r -> figures(r.unitName(), r)).toList(), figures(null, report.total()));
        return layout.okTemplate(DossierTemplates.TEMPLATES.render("stats.jte", desk.page(), "desk", desk, "view", view));
    }

    private static Figures figures(String name, Statistics.Row r) {
        return new Figures(name, List.of(r.received(), r.done(), r.early(), r.onTime(), r.late(), r.refused(), r.stopped(), r.inProgress(), r.overdueNow()),
                r.onTimeRate() != null ? r.onTimeRate().toPlainString() + "%" : "—");
    }

    /** The results of each unit as a bar: early, on time, late, in progress; the longest bar is the busiest unit's. */
    private static List<Bar> bars(List<Statistics.Row> rows) {
        List<Statistics.Row> shown = rows.stream().filter(r -> r.done() + r.inProgress() > 0).limit(40).toList();
        long max = shown.stream().mapToLong(r -> r.done() + r.inProgress()).max().orElse(1);
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (Statistics.Row r : shown) {
            List<Segment> segments = new ArrayList<>();
            double x = LABEL;
            long[] counts = {r.early(), r.onTime(), r.late(), r.inProgress()};
            for (int i = 0; i < PARTS.length; i++) {
                long n = counts[i];
                double w = n * (double) WIDTH / max;
                if (n > 0) {
                    segments.add(new Segment(PARTS[i][0], String.format(Locale.ROOT, "%.1f", x), String.format(Locale.ROOT, "%.1f", w), PARTS[i][1], n));
                }
                x += w;
            }
            bars.add(new Bar(y, r.unitName(), segments));
            y += ROW;
        }
        return bars;
    }
}
