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
import vn.egov.dossiers.control.Dashboard;
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
 * {@code /t/{code}/admin/dossier-stats?year=&from=&to=&within=}: the leaders' dashboard. It opens on the leader's
 * whole subtree (when their rights reach it; else on their unit) for this year: one row per unit directly under the
 * unit in focus (a district with its communes; a district's name leads down to its communes, {@code within}), the
 * results early, on time and late, in progress, overdue now, drawn by Chart.js (patterns and values, not colours
 * alone) above the same figures as a table whose columns sort; the month by month trend, drawn and as a table; the
 * dossiers overdue now with the unit and the person holding each; the service-quality index of Decision 766/QĐ-TTg
 * per row with how each component was computed or why it is not known; CSV and .xlsx of the same (the API,
 * {@code /api/t/{unit}/dashboard}, reads the same control, {@link Dashboard}). Made from the template {@code stats.jte}.
 */
@Path("t/{code}/admin/dossier-stats")
@RequestScoped
@Produces(Desk.HTML)
public class StatsPage {
    /** The Chart.js the platform's WAR serves at {@code /vendor/chart.js/<version>/} (its pom says the same). */
    public static final String CHART_JS = "4.5.1";

    @Inject
    Desk layout;

    @Inject
    Access access;

    @Inject
    Dashboard dashboard;

    @Inject
    Processing processing;

    @GET
    @Transactional
    @TenantTransactional
    public Response show(@QueryParam("year") String year, @QueryParam("from") String from, @QueryParam("to") String to,
                         @QueryParam("within") String within) {
        Tenant unit = layout.call(() -> access.require("dossiers", "read"));
        boolean subtree = reachesSubtree();
        LocalDate today = LocalDate.now(Intake.VIETNAM);
        List<String> years = new ArrayList<>();
        for (int y = today.getYear(); y >= today.getYear() - 4; y--) {
            years.add(Integer.toString(y));
        }
        String y = year != null && year.strip().matches("\\d{4}") ? year.strip() : Integer.toString(today.getYear());
        boolean dates = from != null && !from.isBlank() || to != null && !to.isBlank();
        String f = dates ? blankless(from) : "01/01/" + y;
        String t = dates ? blankless(to) : "31/12/" + y;
        DeskFrame.Page desk = layout.desk(unit, "dossiers", DossierTemplates.BUNDLE, "stats.title");
        DashViews.View view;
        try {
            Statistics.Period period = Statistics.period(f, t);
            Dashboard.View v = dashboard.view(unit, subtree, within, period.from(), period.to(), processing.today());
            view = DashPage.view(desk.page(), unit, v, y, years, f, t, dates);
        } catch (ProblemException e) {
            DashViews.View refused = DashViews.refused(y, years, f, t, layout.en() ? e.problem().detailEn() : e.problem().detailVi());
            throw layout.refuseTemplate(e.problem().status(), DossierTemplates.TEMPLATES.render("stats.jte", desk.page(), "desk", desk, "view", refused));
        }
        return layout.okTemplate(DossierTemplates.TEMPLATES.render("stats.jte", desk.page(), "desk", desk, "view", view));
    }

    private boolean reachesSubtree() {
        try {
            access.requireSubtree("dossiers", "read");
            return true;
        } catch (ProblemException e) {
            return false;
        }
    }

    private static String blankless(String s) {
        return s == null ? "" : s.strip();
    }

    static String query(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
