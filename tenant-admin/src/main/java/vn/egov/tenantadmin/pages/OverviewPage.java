package vn.egov.tenantadmin.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import vn.egov.platform.persistence.OwnTransaction;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.desk.Desk;
import vn.egov.platform.web.desk.DeskFrame;
import vn.egov.tenantadmin.control.Units;

/**
 * {@code /t/{code}/admin/}: the unit, its status, its sub-units (with links to their admin pages), and the
 * suspend / reactivate buttons where the user's rights reach (the parent's side decides, as in the API). Made from
 * the template {@code overview.jte}.
 */
@Path("t/{code}/admin")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(Desk.HTML)
public class OverviewPage {

    @Inject
    Desk layout;

    @Inject
    OwnTransaction ownTransaction;

    @Inject
    TenantDirectory directory;

    @Inject
    Units units;

    /** A unit's suspend or reactivate button: where it posts, which it is, the page to come back to, the unit's name. */
    public record StatusForm(String action, boolean active, String back, String name) {
        public boolean self() {
            return "self".equals(back);
        }
    }

    /** The question before suspending: where the confirmation posts, the page to come back to, the unit, its sub-units, where "no" goes. */
    public record Confirm(String action, String back, String name, int children, String cancel) {
    }

    /** A sub-unit's row: its link (its admin page, or its public page without rights below), kind and state. */
    public record Child(String code, String name, String href, String kind, boolean active, StatusForm form) {
    }

    /** The unit (its parent a link when the user may open it), its own button, its sub-units and their buttons. */
    public record View(Tenant unit, String kind, String parentName, String parentHref, StatusForm own, boolean below,
                       String newUnit, String importUnits, List<Child> children) {
    }

    @GET
    public Response overview() {
        Tenant unit = layout.require();
        DeskFrame.Page desk = layout.desk(unit, "overview", AdminPages.BUNDLE, "overview.title");
        boolean below = layout.may(unit.getPath(), true);
        List<Child> children = new ArrayList<>();
        for (Tenant c : directory.children(unit.getId())) {
            children.add(new Child(c.getCode(), c.getName(), below ? layout.url(c, "") : layout.withLang("/t/" + c.getCode() + "/"),
                    AdminPages.kind(desk.page(), c.getKind()), c.isActive(), below ? statusForm(c, "parent") : null));
        }
        Tenant parent = unit.getParentId() == null ? null : directory.byId(unit.getParentId()).orElse(null);
        View view = new View(unit, AdminPages.kind(desk.page(), unit.getKind()), parent == null ? null : parent.getName(),
                parent != null && layout.may(parent.getPath(), false) ? layout.url(parent, "") : null,
                layout.mayFromAbove(unit) ? statusForm(unit, "self") : null, below, layout.url(unit, "units/new"),
                layout.url(unit, "import"), children);
        return layout.okTemplate(AdminPages.render("overview.jte", desk, view));
    }

    @POST
    @Path("suspend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response suspend(@FormParam("csrf") String csrf, @FormParam("back") String back, @FormParam("confirmed") String confirmed) {
        layout.checkCsrf(csrf);
        Tenant unit = layout.unit();
        if (!"yes".equals(confirmed) && layout.mayFromAbove(unit)) {
            // what suspending does, and the button that does it: nothing is suspended by one click (one who may not
            // suspend it goes on to the refusal)
            DeskFrame.Page desk = layout.desk(unit, "overview", AdminPages.BUNDLE, "suspend.title", unit.getName());
            return layout.okTemplate(AdminPages.render("suspend-confirm.jte", desk, new Confirm(layout.url(unit, "suspend"),
                    "parent".equals(back) ? "parent" : "self", unit.getName(), directory.children(unit.getId()).size(),
                    "parent".equals(back) && unit.getParentId() != null
                            ? directory.byId(unit.getParentId()).map(p -> layout.url(p, "")).orElse(layout.url(unit, "")) : layout.url(unit, ""))));
        }
        layout.call(() -> ownTransaction.call(units::suspend));
        layout.flash(AdminPages.flash(layout, "overview.suspended", unit.getName()));
        return back(unit, back);
    }

    @POST
    @Path("reactivate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reactivate(@FormParam("csrf") String csrf, @FormParam("back") String back) {
        layout.checkCsrf(csrf);
        Tenant unit = layout.unit();
        layout.call(() -> ownTransaction.call(units::reactivate));
        layout.flash(AdminPages.flash(layout, "overview.reactivated", unit.getName()));
        return back(unit, back);
    }

    /** Back to the page the button was on: the unit's own overview, or its parent's (the only two choices). */
    private Response back(Tenant unit, String back) {
        if ("parent".equals(back) && unit.getParentId() != null) {
            Tenant parent = directory.byId(unit.getParentId()).orElse(unit);
            return layout.redirect("/t/" + parent.getCode() + "/admin/");
        }
        return layout.redirect("/t/" + unit.getCode() + "/admin/");
    }

    private StatusForm statusForm(Tenant t, String back) {
        return new StatusForm(layout.url(t, t.isActive() ? "suspend" : "reactivate"), t.isActive(), back, t.getName());
    }
}
