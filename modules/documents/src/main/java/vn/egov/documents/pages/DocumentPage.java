package vn.egov.documents.pages;

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
import vn.egov.platform.persistence.OwnTransaction;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Html;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.desk.Desk;
import vn.egov.platform.web.desk.DeskFrame;

/**
 * {@code /t/{code}/admin/documents/{id}}: one document, and the actions its state and the person's duty allow
 * (submit, approve and sign or return, number and issue, send to units or through the national axis, recall; direct,
 * write a note, finish). Each action runs in a transaction of its own: a refused one comes back with its message on
 * the same page and nothing changed.
 */
@Path("t/{code}/admin/documents/{id: [0-9]+}")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(Desk.HTML)
public class DocumentPage {
    @Inject
    Desk layout;

    @Inject
    Access access;

    @Inject
    DocumentViews views;

    @Inject
    DocumentActions actions;

    @Inject
    OwnTransaction own;

    @GET
    public Response one(@PathParam("id") long id) {
        Tenant unit = layout.call(() -> access.require("documents", "read"));
        return layout.okTemplate(render(unit, id, null, null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        layout.checkCsrf(form.getFirst("csrf"));
        Tenant unit = layout.call(() -> access.require("documents", "write"));
        String action = DocumentPages.text(form, "action");
        try {
            String done = own.call(() -> actions.change(unit, id, action, form, DocumentPages.texts(layout)));
            layout.flash(Html.escape(done));
        } catch (ProblemException e) {
            throw layout.refuseTemplate(e.problem().status(), render(unit, id, layout.detail(e), layout.fieldError(e, "to")));
        }
        return layout.redirect("/t/" + unit.getCode() + "/admin/documents/" + id);
    }

    /** The document's page, {@code failure} above it and {@code toError} beside the units to send it to (or nulls). */
    private String render(Tenant unit, long id, String failure, String toError) {
        DocumentView view = views.of(unit, id, failure, toError);
        String title = view.doc().numberSymbol() != null ? view.doc().numberSymbol() : view.doc().abstractText();
        DeskFrame.Page desk = layout.desk(unit, "documents", DocumentPages.BUNDLE, "documents.title");
        // the title names the document: "Văn bản 12/UBND-VP · unit"
        desk = new DeskFrame.Page(vn.egov.platform.web.pages.Page.titled(layout.request(), layout.locale(),
                DocumentPages.texts(layout).text("doc.title", title) + " · " + unit.getName(), DocumentPages.BUNDLE), desk.frame());
        return DocumentPages.TEMPLATES.render("document.jte", desk.page(), "desk", desk, "view", view);
    }
}
