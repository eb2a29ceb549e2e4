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
import vn.egov.portal.entity.SitePage;

/**
 * {@code /t/{code}/admin/portal/pages}: the unit's static pages (listed, added) and one page's form
 * ({@code pages/{id}}), their bodies in the rich text editor (so sent with {@link PortalPages#EDITOR_POLICY}). Made from
 * {@code editor/pages.jte} and {@code editor/page.jte}.
 */
@Path("t/{code}/admin/portal/pages")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class StaticPages {

    /** The list (or, for one page, the page itself), the form as filled in with its messages, the editor's settings. */
    public record PagesView(List<Row> pages, SitePage page, String publicHref, String action, Map<String, String> values,
                            Map<String, String> errors, String images, String lang) {
        public DeskFrame.Attributes title() {
            return DeskFrame.attributes("required maxlength=\"300\"");
        }
    }

    /** A page of the list: its form and its public address. */
    public record Row(SitePage page, String href, String publicHref) {
    }

    @Inject
    PortalDesk desk;

    @Inject
    SiteStructure structure;

    @GET
    public Response pages() {
        Tenant unit = desk.require("read");
        return desk.okEditor("editor/pages.jte", desk.frame(unit, "pages.title", "pages"), list(unit, Map.of(), Map.of()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addPage(MultivaluedMap<String, String> form) {
        desk.layout().checkCsrf(form.getFirst("csrf"));
        Tenant unit = desk.require("edit");
        Map<String, String> errors = new LinkedHashMap<>();
        if (desk.change(() -> structure.savePage(unit, null, form.getFirst("title"), form.getFirst("body"), true, desk.username()), errors).isPresent()) {
            desk.flash(desk.t(), "flash.pageAdded");
            return desk.redirect("/t/" + unit.getCode() + "/admin/portal/pages");
        }
        throw desk.refuseEditor(400, "editor/pages.jte", desk.frame(unit, "pages.title", "pages"), list(unit, PortalDesk.values(form), errors));
    }

    @GET
    @Path("{id}")
    public Response editPage(@PathParam("id") long id) {
        Tenant unit = desk.require("read");
        SitePage p = desk.layout().call(() -> structure.page(unit, id));
        Map<String, String> v = new LinkedHashMap<>();
        v.put("title", p.title());
        v.put("body", p.body());
        v.put("published", p.published() ? "on" : "");
        return desk.okEditor("editor/page.jte", desk.frame(unit, "page.title", "pages"), one(unit, p, v, Map.of()));
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response savePage(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        desk.layout().checkCsrf(form.getFirst("csrf"));
        Tenant unit = desk.require("edit");
        SitePage current = desk.layout().call(() -> structure.page(unit, id));
        Map<String, String> errors = new LinkedHashMap<>();
        if (desk.change(() -> structure.savePage(unit, id, form.getFirst("title"), form.getFirst("body"), "on".equals(form.getFirst("published")),
                desk.username()), errors).isPresent()) {
            desk.flash(desk.t(), "flash.pageSaved");
            return desk.redirect("/t/" + unit.getCode() + "/admin/portal/pages/" + id);
        }
        throw desk.refuseEditor(400, "editor/page.jte", desk.frame(unit, "page.title", "pages"), one(unit, current, PortalDesk.values(form), errors));
    }

    private PagesView list(Tenant unit, Map<String, String> v, Map<String, String> errors) {
        List<Row> rows = structure.pages(unit).stream().map(p -> new Row(p, desk.sub(unit, "pages/" + p.id()),
                "/t/" + unit.getCode() + "/" + Renderer.pagePath(p))).toList();
        return new PagesView(rows, null, null, desk.sub(unit, "pages"), v, errors, desk.sub(unit, "files/images.json"), desk.layout().lang());
    }

    private PagesView one(Tenant unit, SitePage p, Map<String, String> v, Map<String, String> errors) {
        return new PagesView(List.of(), p, "/t/" + unit.getCode() + "/" + Renderer.pagePath(p), desk.sub(unit, "pages/" + p.id()), v, errors,
                desk.sub(unit, "files/images.json"), desk.layout().lang());
    }
}
