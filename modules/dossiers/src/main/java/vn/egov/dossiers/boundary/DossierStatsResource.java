package vn.egov.dossiers.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import vn.egov.dossiers.control.Intake;
import vn.egov.dossiers.control.Processing;
import vn.egov.dossiers.control.Statistics;
import vn.egov.dossiers.control.Wording;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.pages.Locales;
import vn.egov.platform.words.Words;

/**
 * {@code /api/t/{unit}/dossier-stats?from=dd/MM/yyyy&to=dd/MM/yyyy[&subtree=true][&format=csv]}: the unit's
 * one-stop figures for the period, or each unit's of its subtree (for those whose rights reach it), as JSON or CSV.
 */
@Path("api/t/{unit}/dossier-stats")
@RequestScoped
public class DossierStatsResource {

    @Inject
    Access access;

    @jakarta.ws.rs.core.Context
    jakarta.servlet.http.HttpServletRequest request;

    @Inject
    Statistics statistics;

    @Inject
    Processing processing;

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Transactional
    @TenantTransactional
    public Response report(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("subtree") boolean subtree,
                           @QueryParam("format") String format) {
        Tenant unit = subtree ? access.requireSubtree("dossiers", "read") : access.require("dossiers", "read");
        Statistics.Period period = Statistics.period(from, to);
        LocalDate f = period.from();
        LocalDate t = period.to();
        Statistics.Report report = statistics.report(unit, subtree, f, t, processing.today());
        Words w = Wording.in(Locales.of(request));
        if ("csv".equals(format)) {
            return Response.ok(Statistics.csv(report, w), "text/csv; charset=UTF-8").header("Content-Disposition",
                    "attachment; filename=\"thong-ke-ho-so-" + unit.getCode() + "-" + f + "-" + t + ".csv\"").build();
        }
        JsonArrayBuilder units = Jsonp.createArrayBuilder();
        report.units().forEach(r -> units.add(json(r)));
        return Response.ok(Jsonp.createObjectBuilder().add("from", Intake.DAY.format(f)).add("to", Intake.DAY.format(t)).add("units", units)
                .add("total", json(report.total()).add("name", w.text("stats.total"))).build(), MediaType.APPLICATION_JSON).build();
    }

    static JsonObjectBuilder json(Statistics.Row r) {
        JsonObjectBuilder o = Jsonp.createObjectBuilder().add("unit", r.unitCode()).add("name", r.unitName()).add("received", r.received())
                .add("done", r.done()).add("early", r.early()).add("onTime", r.onTime()).add("late", r.late()).add("refused", r.refused())
                .add("stopped", r.stopped()).add("inProgress", r.inProgress()).add("overdueNow", r.overdueNow());
        if (r.onTimeRate() != null) {
            o.add("onTimeRate", r.onTimeRate());
        }
        return o;
    }
}
