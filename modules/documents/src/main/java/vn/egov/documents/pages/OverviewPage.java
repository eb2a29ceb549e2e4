package vn.egov.documents.pages;

import vn.egov.documents.control.Wording;
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
import vn.egov.documents.control.Incoming;
import vn.egov.documents.control.Registers;
import vn.egov.documents.exchange.Exchange;
import vn.egov.documents.exchange.ExchangeIdentity;
import vn.egov.platform.persistence.OwnTransaction;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Html;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.desk.Desk;
import vn.egov.platform.web.desk.DeskFrame;
import vn.egov.platform.web.pages.Messages;

/**
 * {@code /t/{code}/admin/documents}: the unit's official documents for its staff. The overview holds what waits for
 * the clerk (sent by other units, or by edXML from outside the platform), the person's own work, and the year's
 * outgoing and incoming registers; there the clerk registers what arrived or returns it with a reason, and the unit's
 * administrators set its organ id on the national axis. A refused answer shows the overview again with its message.
 */
@Path("t/{code}/admin/documents")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(Desk.HTML)
public class OverviewPage {
    @Inject
    Desk layout;

    @Inject
    Access access;

    @Inject
    Overview overview;

    @Inject
    Incoming incoming;

    @Inject
    Exchange exchange;

    @Inject
    ExchangeIdentity identity;

    /** Each change in a transaction of its own: a refused one rolls back alone, and the page can still be read to show it again. */
    @Inject
    OwnTransaction own;

    @GET
    public Response overview() {
        Tenant unit = layout.call(() -> access.require("documents", "read"));
        return layout.okTemplate(render(unit, null));
    }

    private String render(Tenant unit, String failure) {
        DeskFrame.Page desk = layout.desk(unit, "documents", DocumentPages.BUNDLE, "documents.title");
        OverviewView view = overview.of(unit, failure, desk.page().t());
        return DocumentPages.TEMPLATES.render("overview.jte", desk.page(), "desk", desk, "view", view);
    }

    /** The unit's administrators set its organ id on the axis. */
    @POST
    @Path("exchange-identity")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setIdentity(MultivaluedMap<String, String> form) {
        layout.checkCsrf(form.getFirst("csrf"));
        Tenant unit = layout.call(() -> access.require("tenant", "admin"));
        String organId = DocumentPages.text(form, "organId");
        try {
            own.call(() -> identity.set(unit, organId, access.user()));
        } catch (ProblemException e) {
            throw layout.refuseTemplate(e.problem().status(), render(unit, layout.detail(e)));
        }
        layout.flash(Html.escape(DocumentPages.texts(layout).text("identity.saved", organId)));
        return layout.redirect("/t/" + unit.getCode() + "/admin/documents#exchange-identity");
    }

    /** Accepting into the incoming register, or returning to the sender with a reason. */
    @POST
    @Path("{source: queue|edxml}/{delivery: [0-9]+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("source") String source, @PathParam("delivery") long delivery, MultivaluedMap<String, String> form) {
        layout.checkCsrf(form.getFirst("csrf"));
        Tenant unit = layout.call(() -> access.require("documents", "write"));
        String action = DocumentPages.text(form, "action");
        boolean edXml = source.equals("edxml");
        boolean despite = form.getFirst("despiteSignatures") != null;
        Messages t = DocumentPages.texts(layout);
        try {
            if (action.equals("accept")) {
                Registers.Doc d = own.call(() -> edXml ? exchange.accept(unit, delivery, despite, access.user())
                        : incoming.accept(unit, delivery, despite, access.user()));
                layout.flash(Html.escape(t.text("answer.accepted", d.number())));
                return layout.redirect("/t/" + unit.getCode() + "/admin/documents/" + d.id());
            } else if (action.equals("return")) {
                String reason = DocumentPages.text(form, "reason");
                own.call(() -> edXml ? exchange.giveBack(unit, delivery, reason, access.user()) : incoming.giveBack(unit, delivery, reason, access.user()));
                layout.flash(Html.escape(t.text("answer.returned")));
                return layout.redirect("/t/" + unit.getCode() + "/admin/documents");
            }
            throw ProblemException.notFound(Wording::in, "notFound.action", action);
        } catch (ProblemException e) {
            throw layout.refuseTemplate(e.problem().status(), render(unit, layout.detail(e)));
        }
    }
}
