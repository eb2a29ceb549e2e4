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
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.pages.Messages;
import vn.egov.portal.control.ArticleInput;
import vn.egov.portal.control.Editorial;
import vn.egov.portal.control.SiteFiles;
import vn.egov.portal.entity.Article;
import vn.egov.portal.entity.StoredFile;

/**
 * {@code /t/{code}/admin/portal/articles/...}: write an article (with its cover and attachments uploaded along), save
 * it, submit it, review it (publish now or later, or return it with a comment), unpublish or delete it, restore an
 * earlier version, preview it as its public page. The form is {@code editor/article.jte}, with the rich text editor
 * (so it is sent with {@link PortalPages#EDITOR_POLICY}).
 */
@Path("t/{code}/admin/portal/articles")
@RequestScoped
@Transactional
@vn.egov.platform.persistence.TenantTransactional
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class ArticlePages {
    static final String FORM = "editor/article.jte";

    @Inject
    PortalDesk desk;

    @Inject
    ArticleForm forms;

    @Inject
    Editorial editorial;

    @Inject
    SiteFiles siteFiles;

    @Inject
    Site site;

    private PortalDesk.Frame frame(Tenant unit, Article a) {
        return desk.frame(unit, a == null ? "article.new.title" : "article.title", "article");
    }

    private Response show(Tenant unit, Article a, Map<String, String> values, Map<String, String> errors) {
        PortalDesk.Frame f = frame(unit, a);
        return desk.okEditor(FORM, f, forms.view(unit, f.t(), a, values, errors));
    }

    private RuntimeException refuse(int status, Tenant unit, Article a, Map<String, String> values, Map<String, String> errors) {
        PortalDesk.Frame f = frame(unit, a);
        return desk.refuseEditor(status, FORM, f, forms.view(unit, f.t(), a, values, errors));
    }

    @GET
    @Path("new")
    public Response newArticle() {
        return show(desk.require("edit"), null, Map.of(), Map.of());
    }

    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        return create(form, List.of());
    }

    /** The form as the page sends it: with a new cover image and new attachments uploaded along with the article. */
    @POST
    @Path("new")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response createWithFiles(List<EntityPart> parts) throws IOException {
        Upload u = Upload.read(parts);
        return create(u.fields(), u.files());
    }

    private Response create(MultivaluedMap<String, String> form, List<Upload.File> files) {
        desk.layout().checkCsrf(form.getFirst("csrf"));
        Tenant unit = desk.require("edit");
        Messages t = desk.t();
        Map<String, String> errors = new LinkedHashMap<>();
        ArticleInput in = forms.input(t, form, errors);
        Optional<Article> saved = errors.isEmpty()
                ? desk.change(() -> editorial.create(unit, withUploads(unit, in, files), desk.username()), errors) : Optional.empty();
        if (saved.isEmpty()) {
            throw refuse(400, unit, null, PortalDesk.values(form), errors);
        }
        Article a = saved.get();
        boolean submitted = "submit".equals(form.getFirst("action"))
                && desk.change(() -> editorial.submit(unit, a.id(), desk.username()), errors).isPresent();
        desk.flash(t, submitted ? "flash.savedSubmitted" : "flash.saved");
        return desk.redirect(desk.sub(unit, "articles/" + a.id()).replace("?lang=en", ""));
    }

    /**
     * Stores the files chosen in the article form (inside the change's transaction, so a refused article keeps
     * none of them) and returns the article with them as its cover and attachments. A refused file is reported
     * under its own field.
     */
    private ArticleInput withUploads(Tenant unit, ArticleInput in, List<Upload.File> files) {
        Long cover = null;
        List<Long> attachments = new ArrayList<>();
        for (Upload.File f : files) {
            StoredFile stored;
            try {
                stored = siteFiles.upload(unit, f.name(), f.content(), false, desk.username());
            } catch (ProblemException e) {
                Problem p = e.problem();
                // the file's problem, said in the reader's language, under the form's field of the file
                throw new ProblemException(Problem.inLanguages(locale -> {
                    Problem said = p.in(locale);
                    return said.withFields(Map.of(f.field(), said.fieldErrors().getOrDefault("file", List.of(said.detailVi()))));
                }));
            }
            if (f.field().equals("newCover")) {
                cover = stored.id();
            } else {
                attachments.add(stored.id());
            }
        }
        return in.withFiles(cover, attachments);
    }

    @GET
    @Path("{id}")
    public Response edit(@PathParam("id") long id) {
        Tenant unit = desk.require("read");
        Article a = desk.layout().call(() -> editorial.article(unit, id));
        return show(unit, a, ArticleForm.values(a), Map.of());
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return save(id, form, List.of());
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response saveWithFiles(@PathParam("id") long id, List<EntityPart> parts) throws IOException {
        Upload u = Upload.read(parts);
        return save(id, u.fields(), u.files());
    }

    private Response save(long id, MultivaluedMap<String, String> form, List<Upload.File> files) {
        desk.layout().checkCsrf(form.getFirst("csrf"));
        Tenant unit = desk.require("edit");
        Messages t = desk.t();
        Article current = desk.layout().call(() -> editorial.article(unit, id));
        Map<String, String> errors = new LinkedHashMap<>();
        ArticleInput in = forms.input(t, form, errors);
        boolean approver = desk.may(unit, "portal", "approve");
        Optional<Article> saved = errors.isEmpty()
                ? desk.change(() -> editorial.update(unit, id, withUploads(unit, in, files), desk.username(), approver), errors) : Optional.empty();
        if (saved.isEmpty()) {
            throw refuse(errors.containsKey("form") ? 409 : 400, unit, current, PortalDesk.values(form), errors);
        }
        if ("submit".equals(form.getFirst("action"))) {
            if (desk.change(() -> editorial.submit(unit, id, desk.username()), errors).isEmpty()) {
                throw refuse(409, unit, saved.get(), PortalDesk.values(form), errors);
            }
            desk.flash(t, "flash.savedSubmitted");
        } else {
            desk.flash(t, "flash.saved");
        }
        return desk.redirect(desk.sub(unit, "articles/" + id).replace("?lang=en", ""));
    }

    @POST
    @Path("{id}/{action: submit|approve|return|unpublish|delete}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("id") long id, @PathParam("action") String action, MultivaluedMap<String, String> form) {
        desk.layout().checkCsrf(form.getFirst("csrf"));
        Tenant unit = desk.require(action.equals("submit") || action.equals("delete") ? "edit" : "approve");
        Messages t = desk.t();
        Map<String, String> errors = new LinkedHashMap<>();
        String user = desk.username();
        Optional<?> done = switch (action) {
            case "submit" -> desk.change(() -> editorial.submit(unit, id, user), errors);
            case "approve" -> {
                String when = form.getFirst("approveAt");
                Instant at = ArticleForm.time(when);
                if (at == null && when != null && !when.isBlank()) {
                    errors.put("approveAt", t.text("error.approveAt"));
                }
                yield errors.isEmpty() ? desk.change(() -> editorial.approve(unit, id, at, user, desk.may(unit, "tenant", "admin")), errors)
                        : Optional.empty();
            }
            case "return" -> desk.change(() -> editorial.returnToEditor(unit, id, form.getFirst("comment"), user), errors);
            case "unpublish" -> desk.change(() -> editorial.unpublish(unit, id, user), errors);
            default -> desk.change(() -> {
                editorial.delete(unit, id);
                return Boolean.TRUE;
            }, errors);
        };
        if (done.isEmpty()) {
            Article a = desk.layout().call(() -> editorial.article(unit, id));
            throw refuse(errors.containsKey("form") ? 409 : 400, unit, a, ArticleForm.values(a), errors);
        }
        desk.flash(t, action.equals("delete") ? "flash.deleted" : "flash." + action);
        return desk.redirect((action.equals("delete") ? desk.base(unit) : desk.sub(unit, "articles/" + id)).replace("?lang=en", ""));
    }

    @POST
    @Path("{id}/versions/{version}/restore")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response restore(@PathParam("id") long id, @PathParam("version") int version, MultivaluedMap<String, String> form) {
        desk.layout().checkCsrf(form.getFirst("csrf"));
        Tenant unit = desk.require("edit");
        Map<String, String> errors = new LinkedHashMap<>();
        if (desk.change(() -> editorial.restore(unit, id, version, desk.username(), desk.may(unit, "portal", "approve")), errors).isEmpty()) {
            Article a = desk.layout().call(() -> editorial.article(unit, id));
            throw refuse(409, unit, a, ArticleForm.values(a), errors);
        }
        desk.flash(desk.t(), "flash.restored", version);
        return desk.redirect(desk.sub(unit, "articles/" + id).replace("?lang=en", ""));
    }

    /** The article as its public page would show it, whatever its state; for the unit's editors only. */
    @GET
    @Path("{id}/preview")
    public Response preview(@PathParam("id") long id) {
        Tenant unit = desk.require("read");
        Article a = desk.layout().call(() -> editorial.article(unit, id));
        return Response.ok(site.articlePreview(unit, desk.layout().locale(), a)).header("Cache-Control", "private, no-store").build();
    }
}
