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
import vn.egov.dossiers.control.Dashboard;
import vn.egov.dossiers.control.DashboardExport;
import vn.egov.dossiers.control.Intake;
import vn.egov.dossiers.control.Processing;
import vn.egov.dossiers.control.ServiceIndex;
import vn.egov.dossiers.control.Statistics;
import vn.egov.dossiers.control.Wording;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.pages.Locales;
import vn.egov.platform.words.Words;

/**
 * {@code /api/t/{unit}/dashboard?from=dd/MM/yyyy&to=dd/MM/yyyy[&within=code][&format=csv|xlsx]}: the leaders'
 * dashboard ({@link Dashboard}) of the unit's subtree when the caller's rights reach it (else of the unit alone),
 * focused on a unit of it ({@code within}; 404 outside): one row per unit under the focus with the one-stop figures
 * and the Decision 766 index's components, the total, the months, the overdue dossiers with their holders; or the
 * rows as CSV, or all of it as an Excel workbook.
 */
@Path("api/t/{unit}/dashboard")
@RequestScoped
public class DashboardResource {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    Access access;

    @jakarta.ws.rs.core.Context
    jakarta.servlet.http.HttpServletRequest request;

    @Inject
    Dashboard dashboard;

    @Inject
    Processing processing;

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv", XLSX})
    @Transactional
    @TenantTransactional
    public Response report(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("within") String within,
                           @QueryParam("format") String format) {
        Tenant unit = access.require("dossiers", "read");
        boolean subtree;
        try {
            access.requireSubtree("dossiers", "read");
            subtree = true;
        } catch (ProblemException e) {
            subtree = false;
        }
        Statistics.Period period = Statistics.period(from, to);
        Dashboard.View v = dashboard.view(unit, subtree, within, period.from(), period.to(), processing.today());
        Words w = Wording.in(Locales.of(request));
        String file = "thong-ke-" + v.focus().code() + "-" + period.from() + "-" + period.to();
        if ("csv".equals(format)) {
            return Response.ok(DashboardExport.csv(v, w), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"").build();
        }
        if ("xlsx".equals(format)) {
            return Response.ok(DashboardExport.xlsx(v, w), XLSX).header("Content-Disposition", "attachment; filename=\"" + file + ".xlsx\"").build();
        }
        JsonArrayBuilder units = Jsonp.createArrayBuilder();
        v.lines().forEach(l -> units.add(line(l)));
        JsonArrayBuilder months = Jsonp.createArrayBuilder();
        v.months().forEach(m -> months.add(Jsonp.createObjectBuilder().add("month", m.month().toString()).add("received", m.received())
                .add("early", m.early()).add("onTime", m.onTime()).add("late", m.late())));
        JsonArrayBuilder overdue = Jsonp.createArrayBuilder();
        v.overdue().forEach(o -> {
            JsonObjectBuilder b = Jsonp.createObjectBuilder().add("code", o.code()).add("procedure", o.procedure()).add("unit", o.owner())
                    .add("holder", o.holder()).add("step", o.step()).add("due", Intake.DAY.format(o.due())).add("daysLate", o.daysLate());
            if (o.assignee() != null) {
                b.add("assignee", o.assignee());
            }
            overdue.add(b);
        });
        return Response.ok(Jsonp.createObjectBuilder().add("from", Intake.DAY.format(v.from())).add("to", Intake.DAY.format(v.to()))
                .add("focus", v.focus().code()).add("subtree", subtree).add("units", units)
                .add("total", line(v.total()).add("name", w.text("stats.total"))).add("months", months)
                .add("overdueCount", v.overdueCount()).add("overdue", overdue).build(), MediaType.APPLICATION_JSON).build();
    }

    static JsonObjectBuilder line(Dashboard.Line l) {
        JsonObjectBuilder o = DossierStatsResource.json(l.base()).add("own", l.own()).add("hasUnitsBelow", l.hasBelow());
        JsonObjectBuilder index = Jsonp.createObjectBuilder();
        for (ServiceIndex.Component c : l.index().components()) {
            JsonObjectBuilder k = Jsonp.createObjectBuilder().add("max", c.max());
            if (c.known()) {
                k.add("points", c.points()).add("part", c.part()).add("whole", c.whole());
            } else {
                k.addNull("points").add("unknownBecause", c.why());
            }
            index.add(c.key(), k);
        }
        ServiceIndex.Counts c = l.counts();
        return o.add("online", c.online()).add("papersDigitised", c.papersDigitised()).add("resultsDigitised", c.resultsDigitised())
                .add("feesOwed", c.feesOwed()).add("feesPaid", c.feesPaid()).add("rated", c.rated()).add("satisfied", c.satisfied())
                .add("index", index.add("points", l.index().points()).add("knownMax", l.index().knownMax()));
    }
}
