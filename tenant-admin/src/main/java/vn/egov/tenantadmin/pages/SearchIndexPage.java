package vn.egov.tenantadmin.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.search.control.IndexAdmin;
import vn.egov.platform.search.control.SearchOutbox;
import vn.egov.platform.search.control.Reindexer;
import vn.egov.platform.search.control.Searcher;
import vn.egov.platform.security.Role;
import vn.egov.platform.tenancy.TenantScope;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.desk.Desk;
import vn.egov.platform.web.desk.DeskFrame;

/**
 * {@code /t/{code}/admin/search}: the search index of the unit (and its subtree, as far as the admin's rights
 * reach). What waits in the outbox and why (the last errors), the recent reindex jobs with their progress, a
 * button to reindex, and the consistency check (database against index, per unit) on demand. Made from the template
 * {@code search.jte}.
 */
@Path("t/{code}/admin/search")
@RequestScoped
@Produces(Desk.HTML)
public class SearchIndexPage {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    @Inject
    Desk layout;

    @Inject
    IndexAdmin admin;

    @Inject
    Reindexer reindexer;

    @Inject
    SearchOutbox worker;

    /** The outbox worker's state (for a province administrator): node, last run, last success, last error. */
    public record Worker(String node, String lastRun, String lastSuccess, String lastError) {
    }

    /**
     * The page: the outbox's backlog and last errors, the worker's state (null but for a province administrator), the
     * reindex form (with the subtree box when the user's rights reach below), the recent jobs, and the consistency check
     * (null until asked for; {@code checkUnavailable} when the search server did not answer).
     */
    public record View(IndexAdmin.Backlog backlog, Worker worker, boolean subtree, String formAction, String checkHref,
                       IndexAdmin.Check check, boolean checkUnavailable) {
        public String when(Instant t) {
            return SearchIndexPage.when(t);
        }

        public int percent(IndexAdmin.Job j) {
            return j.unitsTotal() == 0 ? 100 : 100 * j.unitsDone() / j.unitsTotal();
        }

        public boolean checked() {
            return check != null || checkUnavailable;
        }
    }

    @GET
    @Transactional
    @TenantTransactional
    public Response show(@QueryParam("check") String check) {
        Tenant unit = layout.require();
        DeskFrame.Page desk = layout.desk(unit, "search", AdminPages.BUNDLE, "search.title");
        IndexAdmin.Check checked = null;
        boolean unavailable = false;
        if (check != null) {
            try {
                checked = admin.check(unit, layout.user().map(u -> u.reachesSubtree()).orElse(false));
            } catch (Searcher.BadQuery | Searcher.Unavailable e) {
                unavailable = true;
            }
        }
        View view = new View(admin.backlog(), worker(), layout.may(unit.getPath(), true), layout.url(unit, "search"),
                layout.url(unit, "search") + (layout.en() ? "&" : "?") + "check=1", checked, unavailable);
        return layout.okTemplate(AdminPages.render("search.jte", desk, view));
    }

    private Worker worker() {
        if (!layout.user().map(u -> u.has(Role.PROVINCE_ADMIN)).orElse(false)) {
            return null;
        }
        JsonObject w = worker.lastStatus();
        return new Worker(w.getString("node", "—"), whenText(w.getString("lastRun", null)), whenText(w.getString("lastSuccess", null)),
                w.getString("lastError", "—") + " " + whenText(w.getString("lastErrorAt", null)));
    }

    @POST
    public Response reindex(@FormParam("csrf") String csrf, @FormParam("subtree") String subtreeParam) {
        layout.checkCsrf(csrf);
        boolean subtree = "true".equals(subtreeParam);
        Tenant unit = subtree ? layout.requireSubtree() : layout.require();
        long id = reindexer.start(unit, subtree, layout.user().orElseThrow().username(),
                new TenantScope(unit.getId(), unit.getPath(), subtree));
        layout.flash(AdminPages.flash(layout, "search.started", id));
        return layout.redirect("/t/" + unit.getCode() + "/admin/search");
    }

    static String when(Instant t) {
        return t == null ? "—" : WHEN.format(t);
    }

    private static String whenText(String iso) {
        return iso == null ? "—" : WHEN.format(Instant.parse(iso));
    }
}
