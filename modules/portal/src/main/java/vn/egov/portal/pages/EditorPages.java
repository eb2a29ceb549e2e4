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
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.shiro.SecurityUtils;
import vn.egov.platform.persistence.OwnTransaction;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.security.ScopedPermission;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Html;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.desk.Desk;
import vn.egov.portal.control.ArticleInput;
import vn.egov.portal.control.Editorial;
import vn.egov.platform.web.files.FileCheck;
import vn.egov.portal.control.Renderer;
import vn.egov.portal.control.Site;
import vn.egov.portal.entity.Article;
import vn.egov.portal.entity.ArticleVersion;
import vn.egov.portal.entity.Category;
import vn.egov.portal.entity.MenuItem;
import vn.egov.portal.entity.SitePage;
import vn.egov.portal.entity.StoredFile;
import vn.egov.portal.entity.Theme;

/**
 * {@code /t/{code}/admin/portal}: the unit's articles (write, submit, review, publish now or later, unpublish,
 * history and restore, preview), theme (with contrast check and a live preview before it is applied), menu,
 * categories, static pages and files. Editors and approvers of the unit, and its administrators.
 */
@Path("t/{code}/admin/portal")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class EditorPages {
    /** Dates as Vietnamese users write them (a text field: a date-time picker would follow the browser's locale). */
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm").withResolverStyle(java.time.format.ResolverStyle.STRICT);

    @Inject
    Desk layout;

    @Inject
    Access access;

    @Inject
    OwnTransaction own;

    @Inject
    Editorial editorial;

    @Inject
    Site site;

    private Tenant require(String action) {
        return layout.call(() -> access.require("portal", action));
    }

    private boolean may(Tenant unit, String domain, String action) {
        return SecurityUtils.getSubject().isPermitted(ScopedPermission.required(domain, action, unit.getPath()));
    }

    private String base(Tenant unit) {
        return layout.url(unit, "portal");
    }

    private String sub(Tenant unit, String path) {
        return layout.url(unit, "portal/" + path);
    }

    /** Runs a change in its own transaction; a problem becomes the field errors of the form, or the error page. */
    private <T> Optional<T> change(Supplier<T> work, Map<String, String> errors) {
        try {
            return Optional.ofNullable(own.call(work));
        } catch (ProblemException e) {
            if (e.problem().status() == 400 || e.problem().status() == 413) {
                e.problem().fieldErrors().forEach((k, v) -> errors.put(k, layout.message(v.get(0))));
                if (errors.isEmpty()) {
                    errors.put("form", layout.en() ? e.problem().detailEn() : e.problem().detailVi());
                }
                return Optional.empty();
            }
            if (e.problem().status() == 409) {
                errors.put("form", layout.en() ? e.problem().detailEn() : e.problem().detailVi());
                return Optional.empty();
            }
            throw layout.error(e.problem());
        }
    }

    // ---- dashboard

    @GET
    public Response dashboard() {
        Tenant unit = require("read");
        StringBuilder b = new StringBuilder("<h1>").append(layout.t("Cổng thông tin của đơn vị", "The unit's portal site")).append("</h1>");
        b.append(nav(unit, ""));
        if (may(unit, "portal", "approve")) {
            List<Article> waiting = editorial.articles(unit, Optional.of(Article.Status.SUBMITTED), 50);
            b.append("<h2 id=\"review\">").append(layout.t("Chờ duyệt", "Awaiting review")).append(" (").append(waiting.size()).append(")</h2>");
            table(b, unit, waiting);
        }
        b.append("<h2>").append(layout.t("Tất cả bài viết", "All articles")).append("</h2>");
        b.append("<p>").append(Desk.link(sub(unit, "articles/new"), layout.t("Viết bài mới", "Write a new article"))).append("</p>");
        table(b, unit, editorial.articles(unit, Optional.empty(), 100));
        return layout.ok(layout.page(unit, "portal", "Cổng thông tin", "Portal site", b.toString()));
    }

    private String nav(Tenant unit, String here) {
        String[][] items = {{"", "Bài viết", "Articles"}, {"theme", "Giao diện", "Theme"}, {"menu", "Menu", "Menu"},
                {"categories", "Chuyên mục", "Categories"}, {"pages", "Trang tĩnh", "Pages"}, {"files", "Tệp và ảnh", "Files and images"}};
        StringBuilder b = new StringBuilder("<nav class=\"admin\" aria-label=\"").append(layout.t("Cổng thông tin", "Portal site")).append("\"><ul>");
        for (String[] i : items) {
            b.append("<li><a href=\"").append(Html.escape(i[0].isEmpty() ? base(unit) : sub(unit, i[0]))).append("\"")
                    .append(i[0].equals(here) ? " aria-current=\"page\"" : "").append(">").append(layout.t(i[1], i[2])).append("</a></li>");
        }
        b.append("<li><a href=\"/t/").append(Html.escape(unit.getCode())).append("/\">").append(layout.t("Xem trang công khai", "View the public site"))
                .append("</a></li></ul></nav>");
        return b.toString();
    }

    private void table(StringBuilder b, Tenant unit, List<Article> articles) {
        if (articles.isEmpty()) {
            b.append("<p>").append(layout.t("Không có bài nào.", "None.")).append("</p>");
            return;
        }
        b.append("<table><thead><tr><th scope=\"col\">").append(layout.t("Tiêu đề", "Title")).append("</th><th scope=\"col\">")
                .append(layout.t("Trạng thái", "Status")).append("</th><th scope=\"col\">").append(layout.t("Xuất bản", "Publish time"))
                .append("</th><th scope=\"col\">").append(layout.t("Sửa lần cuối", "Last edited")).append("</th></tr></thead><tbody>");
        for (Article a : articles) {
            b.append("<tr><td>").append(Desk.link(sub(unit, "articles/" + a.id()), a.title())).append("</td><td class=\"status-")
                    .append(a.status().db()).append("\">").append(a.status().label(layout.en())).append("</td><td>")
                    .append(Renderer.dateTime(a.publishAt())).append("</td><td>").append(Html.escape(a.updatedBy())).append(", ")
                    .append(Renderer.dateTime(a.updatedAt())).append("</td></tr>");
        }
        b.append("</tbody></table>");
    }

    // ---- articles

    @GET
    @Path("articles/new")
    public Response newArticle() {
        Tenant unit = require("edit");
        return layout.ok(articleForm(unit, null, Map.of(), Map.of()));
    }

    @POST
    @Path("articles/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        return create(form, List.of());
    }

    /** The form as the page sends it: with a new cover image and new attachments uploaded along with the article. */
    @POST
    @Path("articles/new")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response createWithFiles(List<EntityPart> parts) throws IOException {
        Upload u = Upload.read(parts);
        return create(u.fields(), u.files());
    }

    private Response create(MultivaluedMap<String, String> form, List<Upload.File> files) {
        layout.checkCsrf(form.getFirst("csrf"));
        Tenant unit = require("edit");
        Map<String, String> errors = new LinkedHashMap<>();
        ArticleInput in = input(form, errors);
        Optional<Article> saved = errors.isEmpty()
                ? change(() -> editorial.create(unit, withUploads(unit, in, files), access.username()), errors) : Optional.empty();
        if (saved.isEmpty()) {
            throw layout.refuse(400, articleForm(unit, null, values(form), errors));
        }
        Article a = saved.get();
        if ("submit".equals(form.getFirst("action")) && change(() -> editorial.submit(unit, a.id(), access.username()), errors).isPresent()) {
            layout.flash(Html.escape(layout.t("Đã lưu và gửi duyệt.", "Saved and submitted for review.")));
        } else {
            layout.flash(Html.escape(layout.t("Đã lưu bài viết.", "The article was saved.")));
        }
        return layout.redirect(sub(unit, "articles/" + a.id()));
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
                stored = editorial.upload(unit, f.name(), f.content(), false, access.username());
            } catch (ProblemException e) {
                vn.egov.platform.web.Problem p = e.problem();
                throw new ProblemException(new vn.egov.platform.web.Problem(p.status(), p.type(), p.titleVi(), p.titleEn(), p.detailVi(), p.detailEn(),
                        Map.of(f.field(), p.fieldErrors().getOrDefault("file", List.of(p.detailVi() + " / " + p.detailEn())))));
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
    @Path("articles/{id}")
    public Response edit(@PathParam("id") long id) {
        Tenant unit = require("read");
        Article a = layout.call(() -> editorial.article(unit, id));
        return layout.ok(articleForm(unit, a, articleValues(a), Map.of()));
    }

    @POST
    @Path("articles/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return save(id, form, List.of());
    }

    @POST
    @Path("articles/{id}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response saveWithFiles(@PathParam("id") long id, List<EntityPart> parts) throws IOException {
        Upload u = Upload.read(parts);
        return save(id, u.fields(), u.files());
    }

    private Response save(long id, MultivaluedMap<String, String> form, List<Upload.File> files) {
        layout.checkCsrf(form.getFirst("csrf"));
        Tenant unit = require("edit");
        Article current = layout.call(() -> editorial.article(unit, id));
        Map<String, String> errors = new LinkedHashMap<>();
        ArticleInput in = input(form, errors);
        boolean approver = may(unit, "portal", "approve");
        Optional<Article> saved = errors.isEmpty()
                ? change(() -> editorial.update(unit, id, withUploads(unit, in, files), access.username(), approver), errors) : Optional.empty();
        if (saved.isEmpty()) {
            throw layout.refuse(errors.containsKey("form") ? 409 : 400, articleForm(unit, current, values(form), errors));
        }
        if ("submit".equals(form.getFirst("action"))) {
            if (change(() -> editorial.submit(unit, id, access.username()), errors).isEmpty()) {
                throw layout.refuse(409, articleForm(unit, saved.get(), values(form), errors));
            }
            layout.flash(Html.escape(layout.t("Đã lưu và gửi duyệt.", "Saved and submitted for review.")));
        } else {
            layout.flash(Html.escape(layout.t("Đã lưu bài viết.", "The article was saved.")));
        }
        return layout.redirect(sub(unit, "articles/" + id));
    }

    @POST
    @Path("articles/{id}/{action: submit|approve|return|unpublish|delete}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("id") long id, @PathParam("action") String action, MultivaluedMap<String, String> form) {
        layout.checkCsrf(form.getFirst("csrf"));
        Tenant unit = require(action.equals("submit") || action.equals("delete") ? "edit" : "approve");
        Map<String, String> errors = new LinkedHashMap<>();
        String user = access.username();
        Optional<?> done = switch (action) {
            case "submit" -> change(() -> editorial.submit(unit, id, user), errors);
            case "approve" -> {
                java.time.Instant at = null;
                String when = form.getFirst("approveAt");
                if (when != null && !when.isBlank()) {
                    try {
                        at = LocalDateTime.parse(when.strip(), LOCAL).atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toInstant();
                    } catch (DateTimeParseException e) {
                        errors.put("approveAt", layout.t("Thời điểm xuất bản không hợp lệ.", "The publish time is not valid."));
                    }
                }
                java.time.Instant time = at;
                yield errors.isEmpty() ? change(() -> editorial.approve(unit, id, time, user, may(unit, "tenant", "admin")), errors) : Optional.empty();
            }
            case "return" -> change(() -> editorial.returnToEditor(unit, id, form.getFirst("comment"), user), errors);
            case "unpublish" -> change(() -> editorial.unpublish(unit, id, user), errors);
            default -> change(() -> {
                editorial.delete(unit, id);
                return Boolean.TRUE;
            }, errors);
        };
        if (done.isEmpty()) {
            Article a = layout.call(() -> editorial.article(unit, id));
            throw layout.refuse(errors.containsKey("form") ? 409 : 400, articleForm(unit, a, articleValues(a), errors));
        }
        if (action.equals("delete")) {
            layout.flash(Html.escape(layout.t("Đã xoá bài viết.", "The article was deleted.")));
            return layout.redirect(base(unit));
        }
        layout.flash(Html.escape(switch (action) {
            case "submit" -> layout.t("Đã gửi duyệt.", "Submitted for review.");
            case "approve" -> layout.t("Đã duyệt và xuất bản.", "Approved and published.");
            case "return" -> layout.t("Đã trả lại bài cho người viết.", "Returned to the editor.");
            default -> layout.t("Đã gỡ bài xuống.", "Unpublished.");
        }));
        return layout.redirect(sub(unit, "articles/" + id));
    }

    @POST
    @Path("articles/{id}/versions/{version}/restore")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response restore(@PathParam("id") long id, @PathParam("version") int version, MultivaluedMap<String, String> form) {
        layout.checkCsrf(form.getFirst("csrf"));
        Tenant unit = require("edit");
        Map<String, String> errors = new LinkedHashMap<>();
        if (change(() -> editorial.restore(unit, id, version, access.username(), may(unit, "portal", "approve")), errors).isEmpty()) {
            Article a = layout.call(() -> editorial.article(unit, id));
            throw layout.refuse(409, articleForm(unit, a, articleValues(a), errors));
        }
        layout.flash(Html.escape(layout.t("Đã khôi phục phiên bản " + version + ".", "Version " + version + " was restored.")));
        return layout.redirect(sub(unit, "articles/" + id));
    }

    /** The article as its public page would show it, whatever its state; for the unit's editors only. */
    @GET
    @Path("articles/{id}/preview")
    public Response preview(@PathParam("id") long id) {
        Tenant unit = require("read");
        Article a = layout.call(() -> editorial.article(unit, id));
        return Response.ok(site.articlePreview(unit, layout.en(), a)).header("Cache-Control", "private, no-store").build();
    }

    private String articleForm(Tenant unit, Article a, Map<String, String> v, Map<String, String> errors) {
        boolean editor = may(unit, "portal", "edit");
        boolean approver = may(unit, "portal", "approve");
        StringBuilder b = new StringBuilder("<h1>").append(a == null ? layout.t("Viết bài mới", "New article")
                : layout.t("Bài viết: ", "Article: ") + Html.escape(a.title())).append("</h1>");
        b.append(nav(unit, "article"));
        if (!errors.isEmpty()) {
            b.append(layout.refusedBanner(errors.get("form")));
        }
        if (a != null) {
            b.append("<p>").append(layout.t("Trạng thái: ", "Status: ")).append("<strong id=\"status\">").append(a.status().label(layout.en()))
                    .append("</strong>");
            if (a.status() == Article.Status.PUBLISHED) {
                b.append(" · ").append(layout.t("xuất bản lúc ", "publish time ")).append(Renderer.dateTime(a.publishAt())).append(" · ")
                        .append(Desk.link("/t/" + unit.getCode() + "/articles/" + a.id(), layout.t("Xem trên trang", "View on the site")));
            }
            b.append(" · ").append(Desk.link(sub(unit, "articles/" + a.id() + "/preview"), layout.t("Xem trước", "Preview"))).append("</p>");
            if (a.reviewComment() != null && a.status() == Article.Status.RETURNED) {
                b.append("<div class=\"error\" role=\"status\"><p><strong>").append(layout.t("Người duyệt trả lại: ", "Returned by the approver: "))
                        .append("</strong>").append(Html.escape(a.reviewComment())).append("</p></div>");
            }
        }
        List<Category> categories = editorial.categories(unit);
        List<String[]> catOptions = new ArrayList<>();
        catOptions.add(new String[] {"", "(không)", "(none)"});
        categories.forEach(c -> catOptions.add(new String[] {String.valueOf(c.id()), c.name(), c.name(true)}));
        List<StoredFile> files = editorial.files(unit, 200);
        List<StoredFile> images = files.stream().filter(StoredFile::image).toList();
        List<String[]> coverOptions = new ArrayList<>();
        coverOptions.add(new String[] {"", "(không)", "(none)"});
        images.forEach(f -> coverOptions.add(new String[] {String.valueOf(f.id()), f.name(), f.name()}));
        boolean editable = editor && (a == null || a.status() == Article.Status.DRAFT || a.status() == Article.Status.RETURNED
                || a.status() == Article.Status.UNPUBLISHED || approver);
        if (editable) {
            b.append("<form method=\"post\" enctype=\"multipart/form-data\" action=\"")
                    .append(Html.escape(a == null ? sub(unit, "articles/new") : sub(unit, "articles/" + a.id()))).append("\" novalidate>")
                    .append(layout.csrfField())
                    .append(layout.input("title", "Tiêu đề", "Title", v.get("title"), errors, "required maxlength=\"300\""))
                    .append(textarea("summary", "Tóm tắt", "Summary", v.get("summary"), errors, 3))
                    .append(richText(unit, "body", "Nội dung", "Body", v.get("body"), errors, 16))
                    .append(layout.select("categoryId", "Chuyên mục", "Category", v.get("categoryId"), catOptions, errors))
                    .append(layout.select("coverFileId", "Ảnh đại diện", "Cover image", v.get("coverFileId"), coverOptions, errors))
                    .append(fileInput("newCover", "hoặc tải ảnh đại diện mới lên (PNG, JPEG, GIF tới 5 MB)",
                            "or upload a new cover image (PNG, JPEG, GIF up to 5 MB)", "image/png,image/jpeg,image/gif", false, errors))
                    .append(attachmentChoices(unit, files, v.get("attachments"), errors))
                    .append(fileInput("newAttachments", "Tải thêm tệp đính kèm (PDF, Word, Excel tới 20 MB, ảnh tới 5 MB; chọn được nhiều tệp)",
                            "Upload more attachments (PDF, Word, Excel up to 20 MB, images up to 5 MB; several at once)", "", true, errors))
                    .append(layout.input("tags", "Từ khoá (cách nhau bởi dấu phẩy)", "Tags (comma-separated)", v.get("tags"), errors, ""))
                    .append(layout.input("author", "Tác giả", "Author", v.get("author"), errors, "maxlength=\"200\""))
                    .append(layout.input("publishAt", "Hẹn giờ xuất bản, dd/MM/yyyy HH:mm (để trống: khi được duyệt)", "Publish at, dd/MM/yyyy HH:mm (empty: when approved)",
                            v.get("publishAt"), errors, "placeholder=\"dd/MM/yyyy HH:mm\" pattern=\"[0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2}\""))
                    .append(layout.checkbox("featured", "on", "Tin nổi bật", "Featured", "on".equals(v.get("featured"))))
                    .append(layout.checkbox("shareUpward", "on", "Đưa tin lên cổng của đơn vị cấp trên", "Publish upward to the parent units' portals",
                            "on".equals(v.get("shareUpward"))))
                    .append(layout.input("note", "Ghi chú cho phiên bản này", "Note for this version", "", errors, "maxlength=\"200\""))
                    .append("<p><button type=\"submit\" name=\"action\" value=\"save\">").append(layout.t("Lưu nháp", "Save draft"))
                    .append("</button> ");
            if (a == null || a.status() != Article.Status.PUBLISHED) {
                b.append("<button type=\"submit\" name=\"action\" value=\"submit\" id=\"save-submit\">")
                        .append(layout.t("Lưu và gửi duyệt", "Save and submit for review")).append("</button>");
            }
            b.append("</p></form>").append(EDITOR_SCRIPTS);
        } else if (a != null) {
            b.append("<h2>").append(Html.escape(a.title())).append("</h2><p>").append(Html.escape(a.summary())).append("</p><div>")
                    .append(a.body()).append("</div>");
        }
        if (a != null) {
            b.append("<h2>").append(layout.t("Thao tác", "Actions")).append("</h2>");
            if (editor && (a.status() == Article.Status.DRAFT || a.status() == Article.Status.RETURNED || a.status() == Article.Status.UNPUBLISHED)) {
                b.append(action(unit, a, "submit", layout.t("Gửi duyệt", "Submit for review"), ""));
                b.append(action(unit, a, "delete", layout.t("Xoá bài", "Delete"), ""));
            }
            if (approver && a.status() == Article.Status.SUBMITTED) {
                b.append(action(unit, a, "approve", layout.t("Duyệt và xuất bản", "Approve and publish"),
                        layout.input("approveAt", "Thời điểm xuất bản, dd/MM/yyyy HH:mm (để trống: ngay bây giờ)", "Publish at, dd/MM/yyyy HH:mm (empty: now)",
                                a.publishAt() == null ? "" : LOCAL.format(a.publishAt().atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))),
                                errors, "placeholder=\"dd/MM/yyyy HH:mm\" pattern=\"[0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2}\"")));
                b.append(action(unit, a, "return", layout.t("Trả lại cho người viết", "Return to the editor"),
                        textarea("comment", "Lý do trả lại", "Why it is returned", "", errors, 3)));
            }
            if (approver && a.status() == Article.Status.PUBLISHED) {
                b.append(action(unit, a, "unpublish", layout.t("Gỡ xuống", "Unpublish"), ""));
            }
            b.append("<h2>").append(layout.t("Lịch sử phiên bản", "Version history")).append("</h2><table><thead><tr><th scope=\"col\">")
                    .append(layout.t("Phiên bản", "Version")).append("</th><th scope=\"col\">").append(layout.t("Ghi chú", "Note"))
                    .append("</th><th scope=\"col\">").append(layout.t("Người lưu, lúc", "Saved by, at")).append("</th><th scope=\"col\"></th></tr></thead><tbody>");
            for (ArticleVersion ver : editorial.versions(unit, a.id())) {
                b.append("<tr><td>").append(ver.version()).append("</td><td>").append(Html.escape(ver.note())).append("</td><td>")
                        .append(Html.escape(ver.savedBy())).append(", ").append(Renderer.dateTime(ver.savedAt())).append("</td><td>");
                if (editable && ver.version() != a.version()) {
                    b.append("<form class=\"inline\" method=\"post\" action=\"").append(Html.escape(sub(unit, "articles/" + a.id() + "/versions/"
                            + ver.version() + "/restore"))).append("\">").append(layout.csrfField()).append("<button type=\"submit\">")
                            .append(layout.t("Khôi phục", "Restore")).append("</button></form>");
                }
                b.append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        return layout.page(unit, "portal", a == null ? "Viết bài mới" : "Bài viết", a == null ? "New article" : "Article", b.toString());
    }

    private String action(Tenant unit, Article a, String action, String label, String fields) {
        return "<form method=\"post\" action=\"" + Html.escape(sub(unit, "articles/" + a.id() + "/" + action)) + "\" id=\"form-" + action
                + "\">" + layout.csrfField() + fields + "<p><button type=\"submit\" id=\"do-" + action + "\">" + label + "</button></p></form>";
    }

    private String textarea(String name, String vi, String en, String value, Map<String, String> errors, int rows) {
        StringBuilder b = new StringBuilder("<label for=\"").append(name).append("\">").append(layout.t(vi, en)).append("</label>");
        if (errors.containsKey(name)) {
            b.append("<p class=\"field-error\" id=\"").append(name).append("-error\">").append(Html.escape(errors.get(name))).append("</p>");
        }
        b.append("<textarea id=\"").append(name).append("\" name=\"").append(name).append("\" rows=\"").append(rows)
                .append("\" style=\"width:min(100%,48rem)\"").append(errors.containsKey(name) ? " aria-invalid=\"true\" aria-describedby=\"" + name + "-error\"" : "")
                .append(">").append(Html.escape(value == null ? "" : value)).append("</textarea>");
        return b.toString();
    }

    /** The TinyMCE version the WAR carries (its webjar, pinned in the parent POM). */
    static final String TINYMCE = "6.8.3";

    /** TinyMCE (and our settings for it), loaded after the form: without JavaScript the field stays an HTML textarea. */
    static final String EDITOR_SCRIPTS = "<script src=\"/webjars/tinymce/" + TINYMCE + "/tinymce.min.js\" defer></script>"
            + "<script src=\"/static/portal-editor.js\" defer></script>";

    /** A rich text field: an HTML textarea that the editor script turns into a word-processor-like editor. */
    private String richText(Tenant unit, String name, String vi, String en, String value, Map<String, String> errors, int rows) {
        String field = textarea(name, vi, en, value, errors, rows);
        return field.replace("<textarea ", "<textarea data-rich-text data-images=\"" + Html.escape(sub(unit, "files/images.json")) + "\" data-lang=\""
                + layout.lang() + "\" ");
    }

    private String fileInput(String name, String vi, String en, String accept, boolean multiple, Map<String, String> errors) {
        StringBuilder b = new StringBuilder("<label for=\"").append(name).append("\">").append(layout.t(vi, en)).append("</label>");
        if (errors.containsKey(name)) {
            b.append("<p class=\"field-error\" id=\"").append(name).append("-error\">").append(Html.escape(errors.get(name))).append("</p>");
        }
        return b.append("<input type=\"file\" id=\"").append(name).append("\" name=\"").append(name).append("\"")
                .append(accept.isEmpty() ? "" : " accept=\"" + accept + "\"").append(multiple ? " multiple" : "")
                .append(errors.containsKey(name) ? " aria-invalid=\"true\" aria-describedby=\"" + name + "-error\"" : "").append(">").toString();
    }

    /** The unit's files as boxes to tick; the ones already attached first, then the newest. */
    private String attachmentChoices(Tenant unit, List<StoredFile> files, String chosen, Map<String, String> errors) {
        java.util.Set<Long> ids = new java.util.LinkedHashSet<>();
        if (chosen != null) {
            for (String p : chosen.split("[,\\s]+")) {
                if (p.matches("[0-9]{1,18}")) {
                    ids.add(Long.parseLong(p));
                }
            }
        }
        List<StoredFile> shown = new ArrayList<>();
        for (Long id : ids) {
            files.stream().filter(f -> f.id() == id).findFirst().or(() -> editorial.fileIfAny(unit, id)).ifPresent(shown::add);
        }
        files.stream().filter(f -> !ids.contains(f.id())).forEach(shown::add);
        StringBuilder b = new StringBuilder("<fieldset id=\"attachments\"><legend>").append(layout.t("Tệp đính kèm", "Attachments")).append("</legend>");
        if (errors.containsKey("attachments")) {
            b.append("<p class=\"field-error\">").append(Html.escape(errors.get("attachments"))).append("</p>");
        }
        if (shown.isEmpty()) {
            b.append("<p>").append(layout.t("Đơn vị chưa có tệp nào.", "The unit has no files yet.")).append("</p>");
        } else {
            b.append("<div class=\"choices\" style=\"max-height:14rem;overflow:auto\">");
            for (StoredFile f : shown) {
                String id = "attachment-" + f.id();
                b.append("<div><input type=\"checkbox\" name=\"attachments\" value=\"").append(f.id()).append("\" id=\"").append(id).append("\"")
                        .append(ids.contains(f.id()) ? " checked" : "").append("> <label class=\"inline\" for=\"").append(id).append("\">")
                        .append(Html.escape(f.name())).append(" <small>(").append(Html.escape(f.contentType())).append(", ")
                        .append(Renderer.size(f.size())).append(")</small></label></div>");
            }
            b.append("</div>");
        }
        return b.append("</fieldset>").toString();
    }

    /** The unit's images for the editor's "insert image" list (TinyMCE's image_list format). */
    @GET
    @Path("files/images.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response imageList() {
        Tenant unit = require("read");
        jakarta.json.JsonArrayBuilder list = Jsonp.createArrayBuilder();
        for (StoredFile f : editorial.files(unit, 500)) {
            if (f.image()) {
                list.add(Jsonp.createObjectBuilder().add("title", f.name()).add("value", "/t/" + unit.getCode() + "/files/" + f.id()));
            }
        }
        return Response.ok(list.build().toString(), MediaType.APPLICATION_JSON + ";charset=utf-8").header("Cache-Control", "private, no-store").build();
    }

    private ArticleInput input(MultivaluedMap<String, String> form, Map<String, String> errors) {
        Long category = number(form.getFirst("categoryId"), "categoryId", errors);
        Long cover = number(form.getFirst("coverFileId"), "coverFileId", errors);
        List<Long> attachments = new ArrayList<>();
        for (String att : form.getOrDefault("attachments", List.of())) {
            for (String p : att.strip().split("[,\\s]+")) {
                Long n = p.isEmpty() ? null : number(p, "attachments", errors);
                if (n != null && !attachments.contains(n)) {
                    attachments.add(n);
                }
            }
        }
        List<String> tags = form.getFirst("tags") == null ? List.of() : Arrays.stream(form.getFirst("tags").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        java.time.Instant at = null;
        String when = form.getFirst("publishAt");
        if (when != null && !when.isBlank()) {
            try {
                at = LocalDateTime.parse(when.strip(), LOCAL).atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toInstant();
            } catch (DateTimeParseException e) {
                errors.put("publishAt", layout.t("Thời điểm không hợp lệ; viết theo dạng dd/MM/yyyy HH:mm, ví dụ 01/12/2026 08:00.",
                        "Not a valid time; write it as dd/MM/yyyy HH:mm, e.g. 01/12/2026 08:00."));
            }
        }
        String note = form.getFirst("note");
        return new ArticleInput(form.getFirst("title"), form.getFirst("summary"), form.getFirst("body"), category, cover, attachments, tags,
                form.getFirst("author"), "on".equals(form.getFirst("featured")), "on".equals(form.getFirst("shareUpward")), at,
                note == null || note.isBlank() ? null : note);
    }

    private Long number(String s, String field, Map<String, String> errors) {
        if (s == null || s.isBlank()) {
            return null;
        }
        if (!s.strip().matches("[0-9]{1,18}")) {
            errors.put(field, layout.t("Phải là số.", "Must be a number."));
            return null;
        }
        return Long.parseLong(s.strip());
    }

    private static Map<String, String> values(MultivaluedMap<String, String> form) {
        Map<String, String> v = new LinkedHashMap<>();
        form.forEach((k, list) -> v.put(k, list.isEmpty() ? "" : k.equals("attachments") ? String.join(", ", list) : list.get(0)));
        return v;
    }

    private static Map<String, String> articleValues(Article a) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("title", a.title());
        v.put("summary", a.summary());
        v.put("body", a.body());
        v.put("categoryId", a.categoryId() == null ? "" : a.categoryId().toString());
        v.put("coverFileId", a.coverFileId() == null ? "" : a.coverFileId().toString());
        v.put("attachments", String.join(", ", a.attachments().stream().map(String::valueOf).toList()));
        v.put("tags", String.join(", ", a.tags()));
        v.put("author", a.author() == null ? "" : a.author());
        v.put("publishAt", a.publishAt() == null ? "" : LOCAL.format(a.publishAt().atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))));
        v.put("featured", a.featured() ? "on" : "");
        v.put("shareUpward", a.shareUpward() ? "on" : "");
        return v;
    }

    // ---- theme

    @GET
    @Path("theme")
    public Response theme() {
        Tenant unit = layout.require();
        Theme t = editorial.theme(unit);
        return layout.ok(themeForm(unit, themeValues(t), Map.of(), null));
    }

    /** {@code action=preview}: shows the home page with the proposed theme (nothing saved); {@code action=save}: applies it. */
    @POST
    @Path("theme")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveTheme(MultivaluedMap<String, String> form) {
        layout.checkCsrf(form.getFirst("csrf"));
        Tenant unit = layout.require();
        Map<String, String> v = values(form);
        Map<String, String> errors = new LinkedHashMap<>();
        Long banner = number(form.getFirst("bannerFileId"), "bannerFileId", errors);
        Optional<Theme> checked = errors.isEmpty() ? change(() -> editorial.checkTheme(unit, v.get("primary"), v.get("accent"), v.get("layout"),
                v.get("footerText"), banner), errors) : Optional.empty();
        if (checked.isEmpty()) {
            throw layout.refuse(400, themeForm(unit, v, errors, null));
        }
        if ("save".equals(form.getFirst("action"))) {
            change(() -> editorial.saveTheme(unit, checked.get(), access.username()), errors);
            layout.flash(Html.escape(layout.t("Đã áp dụng giao diện mới cho trang công khai.", "The new theme is live on the public site.")));
            return layout.redirect(sub(unit, "theme"));
        }
        return layout.ok(themeForm(unit, v, errors, site.homePreview(unit, layout.en(), checked.get())));
    }

    private String themeForm(Tenant unit, Map<String, String> v, Map<String, String> errors, String previewHtml) {
        StringBuilder b = new StringBuilder("<h1>").append(layout.t("Giao diện trang công khai", "Public site theme")).append("</h1>");
        b.append(nav(unit, "theme"));
        if (!errors.isEmpty()) {
            b.append(layout.refusedBanner(errors.get("form")));
        }
        List<String[]> layouts = new ArrayList<>();
        for (Theme.Layout l : Theme.Layout.values()) {
            layouts.add(new String[] {l.name().toLowerCase(), l.label(false), l.label(true)});
        }
        List<String[]> banners = new ArrayList<>();
        banners.add(new String[] {"", "(không)", "(none)"});
        editorial.files(unit, 200).stream().filter(StoredFile::image)
                .forEach(f -> banners.add(new String[] {String.valueOf(f.id()), f.name(), f.name()}));
        b.append("<form method=\"post\" action=\"").append(Html.escape(sub(unit, "theme"))).append("\" novalidate>").append(layout.csrfField())
                .append("<p class=\"hint\">").append(layout.t("Màu chính là nền của đầu trang (chữ trắng); màu liên kết hiện trên nền trắng. "
                        + "Cả hai cần độ tương phản ít nhất 4,5:1.", "The main colour is the header's background (white text); the link colour shows "
                        + "on white. Both need a contrast of at least 4.5:1.")).append("</p>")
                .append(layout.input("primary", "Màu chính", "Main colour", v.get("primary"), errors, "type=\"color\""))
                .append(layout.input("accent", "Màu liên kết", "Link colour", v.get("accent"), errors, "type=\"color\""))
                .append(layout.select("layout", "Bố cục", "Layout", v.get("layout"), layouts, errors))
                .append(layout.select("bannerFileId", "Ảnh băng rôn", "Banner image", v.get("bannerFileId"), banners, errors))
                .append(layout.input("footerText", "Chân trang", "Footer text", v.get("footerText"), errors, "maxlength=\"1000\""))
                .append("<p><button type=\"submit\" name=\"action\" value=\"preview\" id=\"theme-preview\">").append(layout.t("Xem trước", "Preview"))
                .append("</button> <button type=\"submit\" name=\"action\" value=\"save\" id=\"theme-save\">")
                .append(layout.t("Áp dụng", "Apply")).append("</button></p></form>");
        if (previewHtml != null) {
            b.append("<h2 id=\"preview-h\">").append(layout.t("Xem trước (chưa áp dụng)", "Preview (not applied)")).append("</h2>")
                    .append("<iframe id=\"preview\" title=\"").append(layout.t("Xem trước trang chủ", "Home page preview"))
                    .append("\" sandbox=\"\" style=\"width:100%;height:36rem;border:2px solid #555\" srcdoc=\"").append(Html.escape(previewHtml))
                    .append("\"></iframe>");
        }
        return layout.page(unit, "portal", "Giao diện", "Theme", b.toString());
    }

    private static Map<String, String> themeValues(Theme t) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("primary", t.primary());
        v.put("accent", t.accent());
        v.put("layout", t.layout().name().toLowerCase());
        v.put("bannerFileId", t.bannerFileId() == null ? "" : t.bannerFileId().toString());
        v.put("footerText", t.footerText() == null ? "" : t.footerText());
        return v;
    }

    // ---- menu

    @GET
    @Path("menu")
    public Response menu() {
        Tenant unit = require("read");
        return layout.ok(menuPage(unit, Map.of(), Map.of(), null));
    }

    @POST
    @Path("menu")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addMenuItem(MultivaluedMap<String, String> form) {
        return saveMenuForm(null, form);
    }

    @GET
    @Path("menu/{id}")
    public Response editMenuItem(@PathParam("id") long id) {
        Tenant unit = require("read");
        MenuItem m = editorial.menu(unit).stream().filter(i -> i.id() == id).findFirst()
                .orElseThrow(() -> layout.error(ProblemException.notFound("mục menu số " + id, "menu item " + id).problem()));
        Map<String, String> v = new LinkedHashMap<>();
        v.put("label", m.label());
        v.put("labelEn", m.labelEn() == null ? "" : m.labelEn());
        v.put("parentId", m.parentId() == null ? "" : m.parentId().toString());
        v.put("kind", m.kind().name().toLowerCase());
        v.put("target", m.kind() == MenuItem.Target.URL && m.target() != null ? m.target() : "");
        v.put("targetCategory", m.kind() == MenuItem.Target.CATEGORY ? m.target() : "");
        v.put("targetPage", m.kind() == MenuItem.Target.PAGE ? m.target().split("-", 2)[0] : "");
        v.put("position", Integer.toString(m.position()));
        return layout.ok(menuPage(unit, v, Map.of(), m));
    }

    @POST
    @Path("menu/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveMenuItem(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return saveMenuForm(id, form);
    }

    /** Adds ({@code id} null) or changes a menu item from the form; a refused form comes back with its messages. */
    private Response saveMenuForm(Long id, MultivaluedMap<String, String> form) {
        layout.checkCsrf(form.getFirst("csrf"));
        Tenant unit = require("edit");
        MenuItem editing = id == null ? null : editorial.menu(unit).stream().filter(i -> i.id() == id).findFirst()
                .orElseThrow(() -> layout.error(ProblemException.notFound("mục menu số " + id, "menu item " + id).problem()));
        Map<String, String> errors = new LinkedHashMap<>();
        Long parent = number(form.getFirst("parentId"), "parentId", errors);
        Long position = number(form.getFirst("position"), "position", errors);
        MenuItem.Target kind = null;
        try {
            kind = MenuItem.Target.valueOf(String.valueOf(form.getFirst("kind")).toUpperCase());
        } catch (IllegalArgumentException e) {
            errors.put("kind", layout.t("Hãy chọn loại liên kết.", "Choose what it links to."));
        }
        MenuItem.Target k = kind;
        // one field per kind of target (a list of the unit's categories, of its pages, an address): the kind chosen says which counts
        String target = k == MenuItem.Target.CATEGORY ? form.getFirst("targetCategory")
                : k == MenuItem.Target.PAGE ? form.getFirst("targetPage") : form.getFirst("target");
        if (errors.isEmpty() && change(() -> editorial.saveMenuItem(unit, id, parent, form.getFirst("label"), form.getFirst("labelEn"), k,
                target == null ? "" : target, position == null ? 0 : position.intValue()), errors).isPresent()) {
            layout.flash(Html.escape(id == null ? layout.t("Đã thêm mục menu.", "The menu item was added.")
                    : layout.t("Đã lưu mục menu.", "The menu item was saved.")));
            return layout.redirect(sub(unit, "menu"));
        }
        throw layout.refuse(400, menuPage(unit, values(form), errors, editing));
    }

    @POST
    @Path("menu/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deleteMenuItem(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        layout.checkCsrf(form.getFirst("csrf"));
        Tenant unit = require("edit");
        layout.call(() -> own.call(() -> {
            editorial.deleteMenuItem(unit, id);
            return null;
        }));
        layout.flash(Html.escape(layout.t("Đã xoá mục menu.", "The menu item was removed.")));
        return layout.redirect(sub(unit, "menu"));
    }

    private String menuPage(Tenant unit, Map<String, String> v, Map<String, String> errors, MenuItem editing) {
        StringBuilder b = new StringBuilder("<h1>").append(layout.t("Menu trang công khai", "Public site menu")).append("</h1>").append(nav(unit, "menu"));
        if (!errors.isEmpty()) {
            b.append(layout.refusedBanner(errors.get("form")));
        }
        List<MenuItem> items = editorial.menu(unit);
        if (items.isEmpty()) {
            b.append("<p>").append(layout.t("Chưa có menu riêng: trang công khai hiện Trang chủ và các chuyên mục.",
                    "No menu yet: the public site shows Home and the categories.")).append("</p>");
        } else {
            b.append("<ul id=\"menu-items\">");
            menuTree(b, unit, items, null);
            b.append("</ul>");
        }
        List<String[]> parents = new ArrayList<>();
        parents.add(new String[] {"", "(cấp đầu)", "(top level)"});
        items.stream().filter(m -> editing == null || m.id() != editing.id())
                .forEach(m -> parents.add(new String[] {String.valueOf(m.id()), m.label(), m.label(true)}));
        List<String[]> kinds = List.of(new String[] {"home", "Trang chủ", "Home"}, new String[] {"category", "Một chuyên mục", "A category"},
                new String[] {"page", "Một trang tĩnh", "A static page"}, new String[] {"url", "Một địa chỉ web", "A web address"});
        List<String[]> categoryOptions = new ArrayList<>();
        categoryOptions.add(new String[] {"", "(chọn chuyên mục)", "(choose a category)"});
        editorial.categories(unit).forEach(c -> categoryOptions.add(new String[] {String.valueOf(c.id()), c.name(), c.name(true)}));
        List<String[]> pageOptions = new ArrayList<>();
        pageOptions.add(new String[] {"", "(chọn trang)", "(choose a page)"});
        editorial.pages(unit).forEach(p -> pageOptions.add(new String[] {String.valueOf(p.id()), p.title(), p.title()}));
        Map<String, String> targetErrors = new LinkedHashMap<>(errors);
        if (errors.containsKey("target")) {
            // the message goes with the field of the kind chosen
            String kind = v.getOrDefault("kind", "");
            targetErrors.remove("target");
            targetErrors.put(kind.equals("category") ? "targetCategory" : kind.equals("page") ? "targetPage" : "target", errors.get("target"));
        }
        b.append("<h2 id=\"menu-form\">").append(editing == null ? layout.t("Thêm mục", "Add an item")
                        : layout.t("Sửa mục: ", "Edit item: ") + Html.escape(editing.label())).append("</h2><form method=\"post\" action=\"")
                .append(Html.escape(sub(unit, editing == null ? "menu" : "menu/" + editing.id())))
                .append("\" novalidate>").append(layout.csrfField())
                .append(layout.input("label", "Nhãn", "Label", v.get("label"), errors, "required maxlength=\"100\""))
                .append(layout.input("labelEn", "Nhãn tiếng Anh", "English label", v.get("labelEn"), errors, "maxlength=\"100\""))
                .append(layout.select("parentId", "Nằm trong", "Under", v.get("parentId"), parents, errors))
                .append(layout.select("kind", "Liên kết tới", "Links to", v.get("kind"), kinds, errors))
                .append(layout.select("targetCategory", "Chuyên mục (khi liên kết tới một chuyên mục)", "Category (when it links to a category)",
                        v.get("targetCategory"), categoryOptions, targetErrors))
                .append(layout.select("targetPage", "Trang tĩnh (khi liên kết tới một trang)", "Page (when it links to a page)",
                        v.get("targetPage"), pageOptions, targetErrors))
                .append(layout.input("target", "Địa chỉ web (khi liên kết tới một địa chỉ: https://... hoặc /...)",
                        "Web address (when it links to an address: https://... or /...)", v.get("target"), targetErrors, "maxlength=\"500\""))
                .append(layout.input("position", "Thứ tự (số nhỏ đứng trước; hoặc dùng nút Lên/Xuống trong danh sách)",
                        "Order (smaller first; or use the Up/Down buttons in the list)", v.getOrDefault("position", "0"), errors, "inputmode=\"numeric\""))
                .append("<p><button type=\"submit\" id=\"menu-add\">").append(editing == null ? layout.t("Thêm", "Add") : layout.t("Lưu", "Save"))
                .append("</button></p></form>");
        return layout.page(unit, "portal", "Menu", "Menu", b.toString());
    }

    private void menuTree(StringBuilder b, Tenant unit, List<MenuItem> all, Long parent) {
        List<MenuItem> siblings = all.stream().filter(m -> java.util.Objects.equals(m.parentId(), parent)).toList();
        for (int i = 0; i < siblings.size(); i++) {
            MenuItem m = siblings.get(i);
            b.append("<li id=\"menu-item-").append(m.id()).append("\">").append(Html.escape(m.label()));
            if (i > 0) {
                b.append(' ').append(moveButton(unit, m, "up", "↑", layout.t("Chuyển lên: ", "Move up: ") + m.label()));
            }
            if (i < siblings.size() - 1) {
                b.append(' ').append(moveButton(unit, m, "down", "↓", layout.t("Chuyển xuống: ", "Move down: ") + m.label()));
            }
            b.append("<span>").append(" <small>(").append(m.kind().name().toLowerCase())
                    .append(m.target() == null ? "" : ": " + Html.escape(m.target())).append(", ").append(layout.t("thứ tự ", "order "))
                    .append(m.position()).append(")</small> ").append(Desk.link(sub(unit, "menu/" + m.id()), layout.t("Sửa", "Edit")))
                    .append(" <form class=\"inline\" method=\"post\" action=\"")
                    .append(Html.escape(sub(unit, "menu/" + m.id() + "/delete"))).append("\">").append(layout.csrfField())
                    .append("<button type=\"submit\">").append(layout.t("Xoá", "Remove")).append("</button></form></span>");
            if (all.stream().anyMatch(k -> java.util.Objects.equals(k.parentId(), m.id()))) {
                b.append("<ul>");
                menuTree(b, unit, all, m.id());
                b.append("</ul>");
            }
            b.append("</li>");
        }
    }

    private String moveButton(Tenant unit, MenuItem m, String direction, String arrow, String label) {
        return "<form class=\"inline\" method=\"post\" action=\"" + Html.escape(sub(unit, "menu/" + m.id() + "/move")) + "\">" + layout.csrfField()
                + "<input type=\"hidden\" name=\"direction\" value=\"" + direction + "\"><button type=\"submit\" class=\"move-" + direction
                + "\" aria-label=\"" + Html.escape(label) + "\" title=\"" + Html.escape(label) + "\">" + arrow + "</button></form>";
    }

    @POST
    @Path("menu/{id}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response moveMenuItem(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        layout.checkCsrf(form.getFirst("csrf"));
        Tenant unit = require("edit");
        boolean up = "up".equals(form.getFirst("direction"));
        layout.call(() -> own.call(() -> {
            editorial.moveMenuItem(unit, id, up);
            return null;
        }));
        layout.flash(Html.escape(layout.t("Đã đổi thứ tự menu.", "The menu order was changed.")));
        return layout.redirect(sub(unit, "menu"));
    }

    // ---- categories

    @GET
    @Path("categories")
    public Response categories() {
        Tenant unit = require("read");
        return layout.ok(categoriesPage(unit, Map.of(), Map.of()));
    }

    @POST
    @Path("categories")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addCategory(MultivaluedMap<String, String> form) {
        layout.checkCsrf(form.getFirst("csrf"));
        Tenant unit = require("edit");
        Map<String, String> errors = new LinkedHashMap<>();
        if (change(() -> editorial.saveCategory(unit, null, form.getFirst("name"), form.getFirst("nameEn"),
                "on".equals(form.getFirst("announcements")), 0), errors).isPresent()) {
            layout.flash(Html.escape(layout.t("Đã thêm chuyên mục.", "The category was added.")));
            return layout.redirect(sub(unit, "categories"));
        }
        throw layout.refuse(400, categoriesPage(unit, values(form), errors));
    }

    /** Renames a category, marks it as announcements or not, or ({@code action=delete}) removes it (its articles stay). */
    @POST
    @Path("categories/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveCategory(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        layout.checkCsrf(form.getFirst("csrf"));
        Tenant unit = require("edit");
        Map<String, String> errors = new LinkedHashMap<>();
        if ("delete".equals(form.getFirst("action"))) {
            layout.call(() -> own.call(() -> {
                editorial.deleteCategory(unit, id);
                return null;
            }));
            layout.flash(Html.escape(layout.t("Đã xoá chuyên mục; các bài của nó không còn chuyên mục.",
                    "The category was removed; its articles have no category now.")));
            return layout.redirect(sub(unit, "categories"));
        }
        Long position = number(form.getFirst("position"), "position", errors);
        if (errors.isEmpty() && change(() -> editorial.saveCategory(unit, id, form.getFirst("name"), form.getFirst("nameEn"),
                "on".equals(form.getFirst("announcements")), position == null ? 0 : position.intValue()), errors).isPresent()) {
            layout.flash(Html.escape(layout.t("Đã lưu chuyên mục.", "The category was saved.")));
            return layout.redirect(sub(unit, "categories"));
        }
        // the row's messages go in the banner above the list (the fields below are the new-category form's)
        throw layout.refuse(400, categoriesPage(unit, Map.of(), Map.of("form", layout.t("Chuyên mục số ", "Category ") + id + ": "
                + String.join(" ", errors.values()) + layout.t(" Không có gì thay đổi.", " Nothing changed."))));
    }

    private String categoriesPage(Tenant unit, Map<String, String> v, Map<String, String> errors) {
        StringBuilder b = new StringBuilder("<h1>").append(layout.t("Chuyên mục", "Categories")).append("</h1>").append(nav(unit, "categories"));
        if (!errors.isEmpty()) {
            b.append(layout.refusedBanner(errors.get("form")));
        }
        List<Category> categories = editorial.categories(unit);
        if (!categories.isEmpty()) {
            b.append("<table><thead><tr><th scope=\"col\">").append(layout.t("Số", "No.")).append("</th><th scope=\"col\">")
                    .append(layout.t("Chuyên mục", "Category")).append("</th></tr></thead><tbody>");
        }
        for (Category c : categories) {
            String f = "c" + c.id() + "-";
            b.append("<tr><td>").append(Desk.link("/t/" + unit.getCode() + "/" + Renderer.categoryPath(c), String.valueOf(c.id())))
                    .append("</td><td><form method=\"post\" action=\"").append(Html.escape(sub(unit, "categories/" + c.id()))).append("\">")
                    .append(layout.csrfField())
                    .append("<label for=\"").append(f).append("name\">").append(layout.t("Tên", "Name")).append("</label><input id=\"").append(f)
                    .append("name\" name=\"name\" maxlength=\"200\" value=\"").append(Html.escape(c.name())).append("\">")
                    .append("<label for=\"").append(f).append("nameEn\">").append(layout.t("Tên tiếng Anh", "English name")).append("</label><input id=\"")
                    .append(f).append("nameEn\" name=\"nameEn\" maxlength=\"200\" value=\"").append(Html.escape(c.nameEn() == null ? "" : c.nameEn()))
                    .append("\"><label for=\"").append(f).append("position\">").append(layout.t("Thứ tự", "Order")).append("</label><input id=\"")
                    .append(f).append("position\" name=\"position\" inputmode=\"numeric\" value=\"").append(c.position()).append("\">")
                    .append("<label for=\"").append(f).append("ann\"><input type=\"checkbox\" id=\"").append(f)
                    .append("ann\" name=\"announcements\" value=\"on\"").append(c.announcements() ? " checked" : "").append("> ")
                    .append(layout.t("Chuyên mục thông báo", "An announcements category")).append("</label><p><button type=\"submit\" name=\"action\" value=\"save\">")
                    .append(layout.t("Lưu", "Save")).append("</button> <button type=\"submit\" name=\"action\" value=\"delete\">")
                    .append(layout.t("Xoá", "Delete")).append("</button></p></form></td></tr>");
        }
        if (!categories.isEmpty()) {
            b.append("</tbody></table>");
        }
        b.append("<h2>").append(layout.t("Thêm chuyên mục", "Add a category")).append("</h2><form method=\"post\" action=\"")
                .append(Html.escape(sub(unit, "categories"))).append("\" novalidate>").append(layout.csrfField())
                .append(layout.input("name", "Tên", "Name", v.get("name"), errors, "required maxlength=\"200\""))
                .append(layout.input("nameEn", "Tên tiếng Anh", "English name", v.get("nameEn"), errors, "maxlength=\"200\""))
                .append(layout.checkbox("announcements", "on", "Chuyên mục thông báo", "An announcements category", "on".equals(v.get("announcements"))))
                .append("<p><button type=\"submit\">").append(layout.t("Thêm", "Add")).append("</button></p></form>");
        return layout.page(unit, "portal", "Chuyên mục", "Categories", b.toString());
    }

    // ---- static pages

    @GET
    @Path("pages")
    public Response pages() {
        Tenant unit = require("read");
        return layout.ok(pagesPage(unit, Map.of(), Map.of()));
    }

    @POST
    @Path("pages")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addPage(MultivaluedMap<String, String> form) {
        layout.checkCsrf(form.getFirst("csrf"));
        Tenant unit = require("edit");
        Map<String, String> errors = new LinkedHashMap<>();
        if (change(() -> editorial.savePage(unit, null, form.getFirst("title"), form.getFirst("body"), true, access.username()), errors).isPresent()) {
            layout.flash(Html.escape(layout.t("Đã thêm trang.", "The page was added.")));
            return layout.redirect(sub(unit, "pages"));
        }
        throw layout.refuse(400, pagesPage(unit, values(form), errors));
    }

    @GET
    @Path("pages/{id}")
    public Response editPage(@PathParam("id") long id) {
        Tenant unit = require("read");
        SitePage p = layout.call(() -> editorial.page(unit, id));
        Map<String, String> v = new LinkedHashMap<>();
        v.put("title", p.title());
        v.put("body", p.body());
        v.put("published", p.published() ? "on" : "");
        return layout.ok(pageForm(unit, p, v, Map.of()));
    }

    @POST
    @Path("pages/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response savePage(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        layout.checkCsrf(form.getFirst("csrf"));
        Tenant unit = require("edit");
        SitePage current = layout.call(() -> editorial.page(unit, id));
        Map<String, String> errors = new LinkedHashMap<>();
        if (change(() -> editorial.savePage(unit, id, form.getFirst("title"), form.getFirst("body"), "on".equals(form.getFirst("published")),
                access.username()), errors).isPresent()) {
            layout.flash(Html.escape(layout.t("Đã lưu trang.", "The page was saved.")));
            return layout.redirect(sub(unit, "pages/" + id));
        }
        throw layout.refuse(400, pageForm(unit, current, values(form), errors));
    }

    private String pageForm(Tenant unit, SitePage p, Map<String, String> v, Map<String, String> errors) {
        StringBuilder b = new StringBuilder("<h1>").append(layout.t("Trang: ", "Page: ")).append(Html.escape(p.title())).append("</h1>")
                .append(nav(unit, "pages"));
        if (!errors.isEmpty()) {
            b.append(layout.refusedBanner(errors.get("form")));
        }
        b.append("<p>").append(Desk.link("/t/" + unit.getCode() + "/" + Renderer.pagePath(p), layout.t("Xem trên trang", "View on the site")))
                .append("</p><form method=\"post\" action=\"").append(Html.escape(sub(unit, "pages/" + p.id()))).append("\" novalidate>")
                .append(layout.csrfField())
                .append(layout.input("title", "Tiêu đề", "Title", v.get("title"), errors, "required maxlength=\"300\""))
                .append(richText(unit, "body", "Nội dung", "Body", v.get("body"), errors, 14))
                .append(layout.checkbox("published", "on", "Hiện trên trang công khai", "Shown on the public site", "on".equals(v.get("published"))))
                .append("<p><button type=\"submit\">").append(layout.t("Lưu", "Save")).append("</button></p></form>").append(EDITOR_SCRIPTS);
        return layout.page(unit, "portal", "Trang tĩnh", "Page", b.toString());
    }

    private String pagesPage(Tenant unit, Map<String, String> v, Map<String, String> errors) {
        StringBuilder b = new StringBuilder("<h1>").append(layout.t("Trang tĩnh", "Static pages")).append("</h1>").append(nav(unit, "pages"));
        if (!errors.isEmpty()) {
            b.append(layout.refusedBanner(errors.get("form")));
        }
        b.append("<ul>");
        for (SitePage p : editorial.pages(unit)) {
            b.append("<li>").append(p.id()).append(": ").append(Desk.link(sub(unit, "pages/" + p.id()), p.title()))
                    .append(p.published() ? "" : layout.t(" (ẩn)", " (hidden)")).append(" · ")
                    .append(Desk.link("/t/" + unit.getCode() + "/" + Renderer.pagePath(p), layout.t("xem", "view"))).append("</li>");
        }
        b.append("</ul><h2>").append(layout.t("Thêm trang", "Add a page")).append("</h2><form method=\"post\" action=\"")
                .append(Html.escape(sub(unit, "pages"))).append("\" novalidate>").append(layout.csrfField())
                .append(layout.input("title", "Tiêu đề", "Title", v.get("title"), errors, "required maxlength=\"300\""))
                .append(richText(unit, "body", "Nội dung", "Body", v.get("body"), errors, 10))
                .append("<p><button type=\"submit\">").append(layout.t("Thêm", "Add")).append("</button></p></form>").append(EDITOR_SCRIPTS);
        return layout.page(unit, "portal", "Trang tĩnh", "Pages", b.toString());
    }

    // ---- files

    @GET
    @Path("files")
    public Response files() {
        Tenant unit = require("read");
        return layout.ok(filesPage(unit, Map.of()));
    }

    @POST
    @Path("files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(List<EntityPart> parts) throws IOException {
        Upload u = Upload.read(parts);
        layout.checkCsrf(u.fields().getFirst("csrf"));
        Tenant unit = require("edit");
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<Upload.File> file = u.files().stream().filter(f -> f.field().equals("file")).findFirst();
        boolean p = "on".equals(u.fields().getFirst("public"));
        if (file.isEmpty() || file.get().content().length == 0) {
            errors.put("file", layout.t("Hãy chọn một tệp.", "Choose a file."));
        } else if (change(() -> editorial.upload(unit, file.get().name(), file.get().content(), p, access.username()), errors).isPresent()) {
            layout.flash(Html.escape(layout.t("Đã tải tệp lên.", "The file was uploaded.")));
            return layout.redirect(sub(unit, "files"));
        }
        throw layout.refuse(400, filesPage(unit, errors));
    }

    private String filesPage(Tenant unit, Map<String, String> errors) {
        StringBuilder b = new StringBuilder("<h1>").append(layout.t("Tệp và ảnh", "Files and images")).append("</h1>").append(nav(unit, "files"));
        if (!errors.isEmpty()) {
            b.append(layout.refusedBanner(errors.get("form")));
        }
        b.append("<form method=\"post\" enctype=\"multipart/form-data\" action=\"").append(Html.escape(sub(unit, "files"))).append("\">")
                .append(layout.csrfField()).append("<label for=\"file\">").append(layout.t("Tệp (ảnh PNG, JPEG, GIF tới 5 MB; PDF, Word, Excel tới 20 MB)",
                        "File (PNG, JPEG, GIF images up to 5 MB; PDF, Word, Excel up to 20 MB)")).append("</label>");
        if (errors.containsKey("file")) {
            b.append("<p class=\"field-error\" id=\"file-error\">").append(Html.escape(errors.get("file"))).append("</p>");
        }
        b.append("<input type=\"file\" id=\"file\" name=\"file\" required").append(errors.containsKey("file") ? " aria-invalid=\"true\" aria-describedby=\"file-error\"" : "")
                .append(">").append(layout.checkbox("public", "on", "Công khai ngay (ảnh, tệp đính kèm của bài đã xuất bản tự công khai)",
                        "Public now (covers and attachments of published articles become public anyway)", false))
                .append("<p><button type=\"submit\">").append(layout.t("Tải lên", "Upload")).append("</button></p></form>");
        b.append("<table><thead><tr><th scope=\"col\">").append(layout.t("Số", "No.")).append("</th><th scope=\"col\">").append(layout.t("Tên", "Name"))
                .append("</th><th scope=\"col\">").append(layout.t("Loại", "Type")).append("</th><th scope=\"col\">").append(layout.t("Công khai", "Public"))
                .append("</th></tr></thead><tbody>");
        for (StoredFile f : editorial.files(unit, 200)) {
            b.append("<tr><td>").append(f.id()).append("</td><td>").append(Desk.link("/t/" + unit.getCode() + "/files/" + f.id(), f.name()))
                    .append("</td><td>").append(Html.escape(f.contentType())).append(f.width() != null ? " " + f.width() + "×" + f.height() : "")
                    .append("</td><td>").append(f.isPublic() ? layout.t("Có", "Yes") : layout.t("Không", "No")).append("</td></tr>");
        }
        b.append("</tbody></table>");
        return layout.page(unit, "portal", "Tệp và ảnh", "Files", b.toString());
    }
}
