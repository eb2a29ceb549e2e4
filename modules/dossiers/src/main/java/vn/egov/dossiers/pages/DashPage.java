package vn.egov.dossiers.pages;

import java.util.ArrayList;
import java.util.List;
import vn.egov.dossiers.control.Dashboard;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.pages.Page;

/** Makes the dashboard's page view ({@link DashViews.View}) from the control's figures, with the page's links and words. */
final class DashPage {

    private DashPage() {
    }

    static DashViews.View view(Page page, Tenant unit, Dashboard.View v, String year, List<String> years, String from, String to, boolean dates) {
        var t = page.t();
        DashViews.Form form = DashViews.Form.of(t.english());
        String unknown = t.text("index.unknown");
        String base = "/t/" + unit.getCode() + "/admin/dossier-stats?" + (dates ? StatsPage.query("from", from) + "&" + StatsPage.query("to", to)
                : StatsPage.query("year", year));
        String focus = v.focus().code().equals(unit.getCode()) ? "" : "&" + StatsPage.query("within", v.focus().code());
        List<DashViews.Crumb> trail = new ArrayList<>();
        for (Dashboard.Unit u : v.trail()) {
            boolean top = u.code().equals(unit.getCode());
            trail.add(new DashViews.Crumb(u.name(), page.link(base + (top ? "" : "&" + StatsPage.query("within", u.code())))));
        }
        List<DashViews.Row> rows = new ArrayList<>();
        List<DashViews.IndexRow> index = new ArrayList<>();
        for (Dashboard.Line l : v.lines()) {
            String name = l.own() ? t.text("dash.own", l.unit().name()) : l.unit().name();
            String href = l.hasBelow() ? page.link(base + "&" + StatsPage.query("within", l.unit().code())) : null;
            rows.add(DashViews.row(form, l, name, href, unknown));
            index.add(DashViews.index(form, l, name, unknown));
        }
        String total = t.text("stats.total");
        String api = "/api/t/" + unit.getCode() + "/dashboard?" + StatsPage.query("from", DashViews.day(v.from())) + "&"
                + StatsPage.query("to", DashViews.day(v.to())) + focus;
        return new DashViews.View(year, years, dates ? from : "", dates ? to : "", null, trail, v.focus().name(), focus.isEmpty() ? null : v.focus().code(), api + "&format=csv",
                api + "&format=xlsx", api, DashViews.COLUMNS, rows, DashViews.row(form, v.total(), total, null, unknown), index,
                DashViews.index(form, v.total(), total, unknown), DashViews.methods(v.total().index()),
                v.months().stream().map(m -> DashViews.month(form, m)).toList(), v.overdue(), form.n(v.overdueCount()).text(),
                v.overdueCount() > v.overdue().size());
    }
}
