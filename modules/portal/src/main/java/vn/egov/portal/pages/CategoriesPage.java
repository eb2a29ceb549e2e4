package vn.egov.portal.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.desk.DeskFrame;
import vn.egov.portal.control.SiteStructure;
import vn.egov.portal.control.Renderer;
import vn.egov.portal.entity.Category;

/**
 * {@code /t/{code}/admin/portal/categories}: the unit's categories, each a small form (rename, English name, order,
 * announcements or not, remove: its articles stay, without a category), and the form that adds one. Made from
 * {@code editor/categories.jte}.
 */
@Path("t/{code}/admin/portal/categories")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class CategoriesPage {
    static final String TEMPLATE = "editor/categories.jte";

    /** The categories with their addresses, and the new-category form as filled in with its messages. */
    public record CategoriesView(List<Row> categories, String action, Map<String, String> values, Map<String, String> errors) {
        public DeskFrame.Attributes name() {
            return DeskFrame.attributes("required maxlength=\"200\"");
        }

        public DeskFrame.Attributes nameEn() {
            return DeskFrame.attributes("maxlength=\"200\"");
        }
    }

    /** A category, its public page and the address its form posts to. */
    public record Row(Category category, String publicHref, String action) {
        public String field(String name) {
            return "c" + category.id() + "-" + name;
        }
    }

    @Inject
    PortalDesk desk;

    @Inject
    SiteStructure structure;

    @GET
    public Response categories() {
        Tenant unit = desk.require("read");
        return desk.ok(TEMPLATE, frame(unit), view(unit, Map.of(), Map.of()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addCategory(MultivaluedMap<String, String> form) {
        desk.layout().checkCsrf(form.getFirst("csrf"));
        Tenant unit = desk.require("edit");
        Map<String, String> errors = new LinkedHashMap<>();
        if (desk.change(() -> structure.saveCategory(unit, null, form.getFirst("name"), form.getFirst("nameEn"),
                "on".equals(form.getFirst("announcements")), 0), errors).isPresent()) {
            desk.flash(desk.t(), "flash.categoryAdded");
            return desk.redirect("/t/" + unit.getCode() + "/admin/portal/categories");
        }
        throw desk.refuse(400, TEMPLATE, frame(unit), view(unit, PortalDesk.values(form), errors));
    }

    /** Renames a category, marks it as announcements or not, or ({@code action=delete}) removes it (its articles stay). */
    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveCategory(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        desk.layout().checkCsrf(form.getFirst("csrf"));
        Tenant unit = desk.require("edit");
        Map<String, String> errors = new LinkedHashMap<>();
        if ("delete".equals(form.getFirst("action"))) {
            desk.run(() -> structure.deleteCategory(unit, id));
            desk.flash(desk.t(), "flash.categoryRemoved");
            return desk.redirect("/t/" + unit.getCode() + "/admin/portal/categories");
        }
        Long position = desk.number(desk.t(), form.getFirst("position"), "position", errors);
        if (errors.isEmpty() && desk.change(() -> structure.saveCategory(unit, id, form.getFirst("name"), form.getFirst("nameEn"),
                "on".equals(form.getFirst("announcements")), position == null ? 0 : position.intValue()), errors).isPresent()) {
            desk.flash(desk.t(), "flash.categorySaved");
            return desk.redirect("/t/" + unit.getCode() + "/admin/portal/categories");
        }
        // the row's messages go in the banner above the list (the fields below are the new-category form's)
        throw desk.refuse(400, TEMPLATE, frame(unit), view(unit, Map.of(),
                Map.of("form", desk.t().text("categories.refused", id, String.join(" ", errors.values())))));
    }

    private PortalDesk.Frame frame(Tenant unit) {
        return desk.frame(unit, "categories.title", "categories");
    }

    private CategoriesView view(Tenant unit, Map<String, String> v, Map<String, String> errors) {
        List<Row> rows = structure.categories(unit).stream().map(c -> new Row(c, "/t/" + unit.getCode() + "/" + Renderer.categoryPath(c),
                desk.sub(unit, "categories/" + c.id()))).toList();
        return new CategoriesView(rows, desk.sub(unit, "categories"), v, errors);
    }
}
