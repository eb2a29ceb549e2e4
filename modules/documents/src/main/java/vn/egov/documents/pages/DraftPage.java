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
import vn.egov.documents.control.Outgoing;
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
 * {@code /t/{code}/admin/documents/new}: an outgoing document drafted with its main PDF (and attachments). The draft
 * and its files are stored in one transaction: a file that is not a PDF (or a field that is wrong) re-shows the form
 * with the message beside the field, and no draft is left behind.
 */
@Path("t/{code}/admin/documents/new")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(Desk.HTML)
public class DraftPage {
    @Inject
    Desk layout;

    @Inject
    Access access;

    @Inject
    Outgoing outgoing;

    @Inject
    Files files;

    /** The draft and its files in a transaction of their own: all kept, or nothing. */
    @Inject
    OwnTransaction own;

    @GET
    public Response form() {
        Tenant unit = layout.call(() -> access.require("documents", "write"));
        return layout.okTemplate(render(unit, Map.of(), Map.of()));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response draft(List<EntityPart> parts) throws IOException {
        Forms.Upload upload = Forms.Upload.read(parts, Set.of("mainFile", "attachment"));
        layout.checkCsrf(upload.values().get("csrf"));
        Tenant unit = layout.call(() -> access.require("documents", "write"));
        Messages t = DocumentPages.texts(layout);
        Map<String, List<String>> errors = new LinkedHashMap<>();
        Forms.Part main = upload.last("mainFile");
        if (main == null) {
            errors.put("mainFile", List.of(t.text("draft.noFile")));
        } else if (main.tooLarge()) {
            errors.put("mainFile", List.of(t.text("file.tooLarge")));
        }
        Integer pageCount = null;
        if (upload.value("pageCount") != null) {
            try {
                pageCount = Integer.parseInt(upload.value("pageCount"));
            } catch (NumberFormatException e) {
                errors.put("pageCount", List.of(t.text("draft.pageCountWhole")));
            }
        }
        Outgoing.Draft draft = new Outgoing.Draft(upload.value("docType"), upload.value("symbol"), upload.value("abstract"), upload.value("signer"),
                upload.value("place"), upload.value("urgency"), upload.value("secrecy"), upload.value("recipientsText"), upload.value("dueDate"),
                pageCount, List.of(), null);
        long id = store(unit, draft, main, upload, errors);
        layout.flash(Html.escape(t.text("draft.saved")));
        return layout.redirect("/t/" + unit.getCode() + "/admin/documents/" + id);
    }

    private long store(Tenant unit, Outgoing.Draft draft, Forms.Part main, Forms.Upload upload, Map<String, List<String>> errors) {
        String[] field = {""};
        try {
            return own.call(() -> {
                long created = outgoing.draft(unit, draft, access.user()).id();
                if (!errors.isEmpty()) {
                    throw new DocumentPages.Undo(); // the fields are right but a file is wrong: the draft goes too
                }
                field[0] = "mainFile";
                files.add(unit, created, "main", main.name("van-ban.pdf"), main.content(), access.user());
                field[0] = "attachment";
                for (Forms.Part a : upload.files().getOrDefault("attachment", List.of())) {
                    files.add(unit, created, "attachment", a.name("phu-luc.pdf"), a.content(), access.user());
                }
                return created;
            });
        } catch (DocumentPages.Undo u) {
            throw layout.refuseTemplate(400, render(unit, upload.values(), errors));
        } catch (ProblemException e) {
            Forms.put(errors, field[0], e, layout);
            throw layout.refuseTemplate(e.problem().status(), render(unit, upload.values(), errors));
        }
    }

    private String render(Tenant unit, Map<String, String> values, Map<String, List<String>> errors) {
        DeskFrame.Page desk = layout.desk(unit, "documents", DocumentPages.BUNDLE, "draft.title");
        FormView view = Forms.view(desk.page().t(), layout.url(unit, "documents"), layout.url(unit, "documents/new"), values, errors, false);
        return DocumentPages.TEMPLATES.render("draft.jte", desk.page(), "desk", desk, "view", view);
    }
}
