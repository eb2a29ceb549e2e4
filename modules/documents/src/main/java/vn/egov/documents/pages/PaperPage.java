package vn.egov.documents.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.egov.documents.control.Files;
import vn.egov.documents.control.Incoming;
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
 * {@code /t/{code}/admin/documents/incoming/new}: a paper document that arrived, registered from its metadata and its
 * scan in one transaction. The same number and symbol from the same issuer already in this year's register is shown as
 * a possible duplicate, with a box to confirm it is another one; nothing is stored until then.
 */
@Path("t/{code}/admin/documents/incoming/new")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(Desk.HTML)
public class PaperPage {
    @Inject
    Desk layout;

    @Inject
    Access access;

    @Inject
    Incoming incoming;

    @Inject
    Files files;

    @Inject
    OwnTransaction own;

    @GET
    public Response form() {
        Tenant unit = layout.call(() -> access.require("documents", "write"));
        return layout.okTemplate(render(unit, Map.of(), Map.of(), false));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response register(List<EntityPart> parts) throws IOException {
        Forms.Upload upload = Forms.Upload.read(parts, Set.of("scan"));
        layout.checkCsrf(upload.values().get("csrf"));
        Tenant unit = layout.call(() -> access.require("documents", "write"));
        Messages t = DocumentPages.texts(layout);
        Map<String, List<String>> errors = new LinkedHashMap<>();
        Forms.Part scan = upload.last("scan");
        if (scan != null && scan.tooLarge()) {
            errors.put("scan", List.of(t.text("file.tooLarge")));
        }
        Incoming.Paper paper = new Incoming.Paper(upload.value("numberSymbol"), upload.value("issuer"), upload.value("docType"),
                upload.value("abstract"), upload.value("signer"), upload.value("issuedOn"), upload.value("receivedOn"), upload.value("urgency"),
                upload.value("secrecy"), upload.value("dueDate"), null, List.of(), upload.values().containsKey("confirmDuplicate"));
        long id = store(unit, paper, scan, upload.values(), errors);
        layout.flash(Html.escape(t.text("paper.saved")));
        return layout.redirect("/t/" + unit.getCode() + "/admin/documents/" + id);
    }

    private long store(Tenant unit, Incoming.Paper paper, Forms.Part scan, Map<String, String> values, Map<String, List<String>> errors) {
        String[] field = {""};
        try {
            return own.call(() -> {
                long created = incoming.registerPaper(unit, paper, access.user()).id();
                if (!errors.isEmpty()) {
                    throw new DocumentPages.Undo();
                }
                if (scan != null) {
                    field[0] = "scan";
                    files.add(unit, created, "scan", scan.name("ban-quet.pdf"), scan.content(), access.user());
                }
                return created;
            });
        } catch (DocumentPages.Undo u) {
            throw layout.refuseTemplate(400, render(unit, values, errors, false));
        } catch (ProblemException e) {
            boolean duplicate = e.problem().type() != null && e.problem().type().endsWith("possible-duplicate");
            Forms.put(errors, field[0], e, layout);
            throw layout.refuseTemplate(e.problem().status(), render(unit, values, errors, duplicate));
        }
    }

    private String render(Tenant unit, Map<String, String> values, Map<String, List<String>> errors, boolean duplicate) {
        DeskFrame.Page desk = layout.desk(unit, "documents", DocumentPages.BUNDLE, "paper.title");
        FormView view = Forms.view(desk.page().t(), layout.url(unit, "documents"), layout.url(unit, "documents/incoming/new"), values, errors,
                duplicate);
        return DocumentPages.TEMPLATES.render("paper.jte", desk.page(), "desk", desk, "view", view);
    }
}
