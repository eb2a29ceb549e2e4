package vn.egov.portal.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.desk.DeskFrame;
import vn.egov.platform.web.pages.Messages;
import vn.egov.portal.control.ArticleInput;
import vn.egov.portal.control.Editorial;
import vn.egov.portal.control.SiteFiles;
import vn.egov.portal.control.SiteStructure;
import vn.egov.portal.control.Renderer;
import vn.egov.portal.entity.Article;
import vn.egov.portal.entity.ArticleVersion;
import vn.egov.portal.entity.StoredFile;

/**
 * The article form's view ({@code editor/article.jte}): what the user may do with the article in its state, the form's
 * values and messages, the unit's categories, images and files to choose from, the workflow's actions and the versions;
 * and the form read back into an {@link ArticleInput}.
 */
@RequestScoped
public class ArticleForm {

    /** Everything the article page shows; {@code article} null for a new one. */
    public record ArticleView(Article article, String heading, Map<String, String> values, Map<String, String> errors, boolean editable,
                              String action, List<DeskFrame.Option> categories, List<DeskFrame.Option> covers, List<Attachment> attachments,
                              String images, String lang, boolean submitWithSave, String publicHref, String previewHref, List<String> actions,
                              String actionBase, String approveAt, List<Version> versions) {
        public String value(String name) {
            return values.get(name);
        }

        public boolean on(String name) {
            return "on".equals(values.get(name));
        }

        public DeskFrame.Attributes title() {
            return DeskFrame.attributes("required maxlength=\"300\"");
        }

        public DeskFrame.Attributes short200() {
            return DeskFrame.attributes("maxlength=\"200\"");
        }

        public DeskFrame.Attributes plain() {
            return DeskFrame.attributes("");
        }

        public DeskFrame.Attributes time() {
            return DeskFrame.attributes("placeholder=\"dd/MM/yyyy HH:mm\" pattern=\"[0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2}\"");
        }

        public boolean returned() {
            return article != null && article.reviewComment() != null && article.status() == Article.Status.RETURNED;
        }
    }

    /** A file of the unit offered as an attachment, ticked when attached. */
    public record Attachment(long id, String name, String type, String size, boolean checked) {
    }

    /** A saved version; {@code restore} the address that restores it, null when it cannot be. */
    public record Version(int version, String note, String savedBy, Instant savedAt, String restore) {
    }

    @Inject
    PortalDesk desk;

    @Inject
    Editorial editorial;

    @Inject
    SiteStructure structure;

    @Inject
    SiteFiles siteFiles;

    ArticleView view(Tenant unit, Messages t, Article a, Map<String, String> v, Map<String, String> errors) {
        boolean editor = desk.may(unit, "portal", "edit");
        boolean approver = desk.may(unit, "portal", "approve");
        List<DeskFrame.Option> categories = new ArrayList<>();
        categories.add(new DeskFrame.Option("", t.text("none"), blank(v.get("categoryId"))));
        structure.categories(unit).forEach(c -> categories.add(option(c.id(), c.name(t.english()), v.get("categoryId"))));
        List<StoredFile> files = siteFiles.files(unit, 200);
        List<DeskFrame.Option> covers = new ArrayList<>();
        covers.add(new DeskFrame.Option("", t.text("none"), blank(v.get("coverFileId"))));
        files.stream().filter(StoredFile::image).forEach(f -> covers.add(option(f.id(), f.name(), v.get("coverFileId"))));
        boolean editable = editor && (a == null || a.status() == Article.Status.DRAFT || a.status() == Article.Status.RETURNED
                || a.status() == Article.Status.UNPUBLISHED || approver);
        List<String> actions = new ArrayList<>();
        List<Version> versions = new ArrayList<>();
        if (a != null) {
            if (editor && (a.status() == Article.Status.DRAFT || a.status() == Article.Status.RETURNED || a.status() == Article.Status.UNPUBLISHED)) {
                actions.addAll(List.of("submit", "delete"));
            }
            if (approver && a.status() == Article.Status.SUBMITTED) {
                actions.addAll(List.of("approve", "return"));
            }
            if (approver && a.status() == Article.Status.PUBLISHED) {
                actions.add("unpublish");
            }
            for (ArticleVersion ver : editorial.versions(unit, a.id())) {
                versions.add(new Version(ver.version(), ver.noteKey() == null ? ver.note() : t.text(ver.noteKey(), ver.noteArgs().toArray()), ver.savedBy(), ver.savedAt(), editable && ver.version() != a.version()
                        ? desk.sub(unit, "articles/" + a.id() + "/versions/" + ver.version() + "/restore") : null));
            }
        }
        return new ArticleView(a, a == null ? t.text("article.new.heading") : t.text("article.heading", a.title()), v, errors, editable,
                desk.sub(unit, a == null ? "articles/new" : "articles/" + a.id()), categories, covers, attachments(unit, files, v.get("attachments")),
                desk.sub(unit, "files/images.json"), desk.layout().lang(), a == null || a.status() != Article.Status.PUBLISHED,
                a == null ? null : "/t/" + unit.getCode() + "/articles/" + a.id(), a == null ? null : desk.sub(unit, "articles/" + a.id() + "/preview"),
                actions, a == null ? null : desk.sub(unit, "articles/" + a.id() + "/"),
                a == null || a.publishAt() == null ? "" : PortalPages.LOCAL.format(a.publishAt().atZone(PortalPages.VIETNAM)), versions);
    }

    private static boolean blank(String s) {
        return s == null || s.isEmpty();
    }

    private static DeskFrame.Option option(long id, String label, String chosen) {
        return new DeskFrame.Option(String.valueOf(id), label, String.valueOf(id).equals(chosen));
    }

    /** The unit's files as boxes to tick; the ones already attached first, then the newest. */
    private List<Attachment> attachments(Tenant unit, List<StoredFile> files, String chosen) {
        Set<Long> ids = new LinkedHashSet<>();
        if (chosen != null) {
            for (String p : chosen.split("[,\\s]+")) {
                if (p.matches("[0-9]{1,18}")) {
                    ids.add(Long.parseLong(p));
                }
            }
        }
        List<StoredFile> shown = new ArrayList<>();
        for (Long id : ids) {
            files.stream().filter(f -> f.id() == id).findFirst().or(() -> siteFiles.fileIfAny(unit, id)).ifPresent(shown::add);
        }
        files.stream().filter(f -> !ids.contains(f.id())).forEach(shown::add);
        return shown.stream().map(f -> new Attachment(f.id(), f.name(), f.contentType(), Renderer.size(f.size()), ids.contains(f.id()))).toList();
    }

    /** The form read into the article's input; what cannot be read is a message at its field. */
    ArticleInput input(Messages t, MultivaluedMap<String, String> form, Map<String, String> errors) {
        Long category = desk.number(t, form.getFirst("categoryId"), "categoryId", errors);
        Long cover = desk.number(t, form.getFirst("coverFileId"), "coverFileId", errors);
        List<Long> attachments = new ArrayList<>();
        for (String att : form.getOrDefault("attachments", List.of())) {
            for (String p : att.strip().split("[,\\s]+")) {
                Long n = p.isEmpty() ? null : desk.number(t, p, "attachments", errors);
                if (n != null && !attachments.contains(n)) {
                    attachments.add(n);
                }
            }
        }
        List<String> tags = form.getFirst("tags") == null ? List.of() : Arrays.stream(form.getFirst("tags").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        Instant at = time(form.getFirst("publishAt"));
        if (at == null && form.getFirst("publishAt") != null && !form.getFirst("publishAt").isBlank()) {
            errors.put("publishAt", t.text("error.publishAt"));
        }
        String note = form.getFirst("note");
        return new ArticleInput(form.getFirst("title"), form.getFirst("summary"), form.getFirst("body"), category, cover, attachments, tags,
                form.getFirst("author"), "on".equals(form.getFirst("featured")), "on".equals(form.getFirst("shareUpward")), at,
                note == null || note.isBlank() ? null : note);
    }

    /** A time typed as dd/MM/yyyy HH:mm (Vietnam time); null when empty or unreadable. */
    static Instant time(String when) {
        if (when == null || when.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(when.strip(), PortalPages.LOCAL).atZone(PortalPages.VIETNAM).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Map<String, String> values(Article a) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("title", a.title());
        v.put("summary", a.summary());
        v.put("body", a.body());
        v.put("categoryId", a.categoryId() == null ? "" : a.categoryId().toString());
        v.put("coverFileId", a.coverFileId() == null ? "" : a.coverFileId().toString());
        v.put("attachments", String.join(", ", a.attachments().stream().map(String::valueOf).toList()));
        v.put("tags", String.join(", ", a.tags()));
        v.put("author", a.author() == null ? "" : a.author());
        v.put("publishAt", a.publishAt() == null ? "" : PortalPages.LOCAL.format(a.publishAt().atZone(PortalPages.VIETNAM)));
        v.put("featured", a.featured() ? "on" : "");
        v.put("shareUpward", a.shareUpward() ? "on" : "");
        return v;
    }
}
