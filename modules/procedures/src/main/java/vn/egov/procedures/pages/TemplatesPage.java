package vn.egov.procedures.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Html;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.desk.Desk;
import vn.egov.platform.web.desk.DeskFrame;
import vn.egov.platform.web.files.FileCheck;
import vn.egov.procedures.control.FormTemplates;
import vn.egov.procedures.control.Wording;
import vn.egov.procedures.entity.FormTemplate;
import vn.egov.procedures.entity.Procedure;

/**
 * {@code /t/{code}/admin/procedures/{procedure}/templates}: the administrators of the unit that publishes a procedure
 * (the province for its catalogue) attach its form templates (PDF, Word, Excel, judged by their content) and remove
 * them; every unit offering the procedure lists them on its page for download. A refused file is named beside the
 * field and nothing is stored. Made from the template {@code templates.jte}.
 */
@Path("t/{code}/admin/procedures/{procedure}/templates")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(Desk.HTML)
public class TemplatesPage {

    /** The page: the procedure, its templates (with their sizes in words), the forms' addresses and the file field's message. */
    public record View(String code, String name, List<Item> templates, String action, String back, String fileError) {
    }

    /** A template listed: its name, type, size, public address and the address that removes it. */
    public record Item(FormTemplate template, String size, String href, String remove) {
    }

    @Inject
    Desk layout;

    @Inject
    Access access;

    @Inject
    FormTemplates templates;

    @GET
    public Response list(@PathParam("procedure") String code) {
        Tenant unit = layout.require();
        return layout.okTemplate(render(unit, procedure(unit, code), null));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("procedure") String code, List<EntityPart> parts) throws IOException {
        String csrf = null;
        String name = null;
        byte[] file = new byte[0];
        for (EntityPart p : parts) {
            if (p.getName().equals("csrf")) {
                csrf = p.getContent(String.class);
            } else if (p.getName().equals("file") && p.getFileName().isPresent()) {
                name = p.getFileName().get();
                try (InputStream in = p.getContent()) {
                    file = in.readNBytes(FileCheck.MAX_DOCUMENT_BYTES + 1);
                }
            }
        }
        layout.checkCsrf(csrf);
        Tenant unit = layout.require();
        Procedure p = procedure(unit, code);
        try {
            FormTemplate t = templates.attach(unit, p, name, file, access.username());
            layout.flash(Html.escape(desk(unit, p).page().t().text("templates.added", t.name())));
        } catch (FormTemplates.Refused r) {
            throw layout.refuseTemplate(400, render(unit, p, r.text(layout.locale())));
        }
        return layout.redirect(path(unit, p));
    }

    @POST
    @Path("{id: [0-9]{1,18}}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("procedure") String code, @PathParam("id") long id, MultivaluedMap<String, String> form) {
        layout.checkCsrf(form.getFirst("csrf"));
        Tenant unit = layout.require();
        Procedure p = procedure(unit, code);
        if (!templates.remove(unit, p, id)) {
            throw layout.error(ProblemException.notFound(Wording::in, "notFound.template", id, p.code()).problem());
        }
        layout.flash(Html.escape(desk(unit, p).page().t().text("templates.removed")));
        return layout.redirect(path(unit, p));
    }

    /** The unit's own procedure {@code code}, or the "not found" page (one it only adopted is the province's to furnish). */
    private Procedure procedure(Tenant unit, String code) {
        return templates.own(unit, code).orElseThrow(() -> layout.error(
                ProblemException.notFound(Wording::in, "notFound.procedureOfThisUnit", code).problem()));
    }

    private static String path(Tenant unit, Procedure p) {
        return "/t/" + unit.getCode() + "/admin/procedures/" + p.code() + "/templates";
    }

    private DeskFrame.Page desk(Tenant unit, Procedure p) {
        return layout.desk(unit, AdoptionPage.SECTION, ProcedurePages.BUNDLE, "templates.title", p.code());
    }

    private String render(Tenant unit, Procedure p, String fileError) {
        DeskFrame.Page desk = desk(unit, p);
        List<Item> items = templates.of(p).stream().map(t -> new Item(t, TemplateSizes.of(t.size(), desk.page().t()),
                "/t/" + unit.getCode() + "/procedures/" + p.code() + "/forms/" + t.id(),
                layout.url(unit, "procedures/" + p.code() + "/templates/" + t.id() + "/delete"))).toList();
        View view = new View(p.code(), p.name(), items, layout.url(unit, "procedures/" + p.code() + "/templates"), layout.url(unit, "procedures"),
                fileError);
        return ProcedurePages.TEMPLATES.render("templates.jte", desk.page(), "desk", desk, "view", view);
    }
}
