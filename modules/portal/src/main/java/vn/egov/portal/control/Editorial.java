package vn.egov.portal.control;

import vn.egov.platform.persistence.Db;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.egov.platform.search.control.SearchIndex;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.words.Note;
import vn.egov.portal.entity.Article;
import vn.egov.portal.entity.Article.Status;
import vn.egov.portal.entity.ArticleVersion;

/**
 * What editors and approvers do to a unit's site, in the caller's transaction and tenant scope (the boundary has
 * checked the right). Every statement also names the unit: an id of another unit is "not found", never touched.
 * Articles: draft → submitted → published (now or at a set time) or returned with a comment; published →
 * unpublished. Every save keeps a version; restoring one saves it again as the newest. A published article is
 * edited by approvers only (an editor would otherwise change a live page without review), and whoever submitted an
 * article does not approve it, unless they administer the unit (a unit with one person must still publish).
 * The site's categories, static pages and menu are {@link SiteStructure}'s, its files {@link SiteFiles}'.
 */
@ApplicationScoped
public class Editorial {
    public static final int MAX_TAGS = 10;

    @Inject
    Db db;

    @Inject
    SearchIndex search;

    @Inject
    PageCache cache;

    // ---- articles

    public List<Article> articles(Tenant unit, Optional<Status> status, int limit) {
        return status.isPresent()
                ? db.list("SELECT " + SiteReader.LIST_COLS + " FROM portal_article WHERE tenant_id = ? AND status = ? "
                + "ORDER BY updated_at DESC, id DESC LIMIT ?", SiteReader::article, unit.getId(), status.get().db(), limit)
                : db.list("SELECT " + SiteReader.LIST_COLS + " FROM portal_article WHERE tenant_id = ? ORDER BY updated_at DESC, id DESC LIMIT ?",
                SiteReader::article, unit.getId(), limit);
    }

    public Article article(Tenant unit, long id) {
        return db.one("SELECT " + SiteReader.FULL_COLS + " FROM portal_article WHERE tenant_id = ? AND id = ?", SiteReader::article,
                unit.getId(), id).orElseThrow(() -> ProblemException.notFound(Wording::in, "notFound.articleOfThisUnit", id));
    }

    public Article create(Tenant unit, ArticleInput in, String user) {
        Checked c = check(unit, in);
        long id = db.insert("INSERT INTO portal_article (tenant_id, category_id, title, summary, body, cover_file_id, attachments, tags, "
                        + "author, featured, share_upward, publish_at, created_by, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                unit.getId(), Db.orNull(in.categoryId()), c.title, c.summary, c.body, Db.orNull(in.coverFileId()),
                in.attachments().toArray(new Long[0]), c.tags.toArray(new String[0]), Db.orNull(c.author), in.featured(),
                in.shareUpward(), Db.orNull(in.publishAt()), user, user);
        Article a = article(unit, id);
        saveVersion(a, writtenOr(in.note(), "version.created"), user);
        return a;
    }

    public Article update(Tenant unit, long id, ArticleInput in, String user, boolean approver) {
        return update(unit, id, in, writtenOr(in.note(), "version.edited"), user, approver);
    }

    private Article update(Tenant unit, long id, ArticleInput in, Note note, String user, boolean approver) {
        Article old = article(unit, id);
        if (old.status() == Status.PUBLISHED && !approver) {
            throw Invalid.conflict("problem.publishedEdit");
        }
        if (old.status() == Status.SUBMITTED && !approver) {
            throw Invalid.conflict("problem.submittedEdit");
        }
        Checked c = check(unit, in);
        db.update("UPDATE portal_article SET category_id = ?, title = ?, summary = ?, body = ?, cover_file_id = ?, attachments = ?, "
                        + "tags = ?, author = ?, featured = ?, share_upward = ?, publish_at = COALESCE(?, publish_at), version = version + 1, "
                        + "updated_by = ?, updated_at = now() WHERE tenant_id = ? AND id = ?",
                Db.orNull(in.categoryId()), c.title, c.summary, c.body, Db.orNull(in.coverFileId()), in.attachments().toArray(new Long[0]),
                c.tags.toArray(new String[0]), Db.orNull(c.author), in.featured(), in.shareUpward(), Db.orNull(in.publishAt()), user,
                unit.getId(), id);
        Article a = article(unit, id);
        saveVersion(a, note, user);
        if (a.status() == Status.PUBLISHED) {
            published(unit, a);
        }
        return a;
    }

    public Article submit(Tenant unit, long id, String user) {
        Article a = article(unit, id);
        if (a.status() != Status.DRAFT && a.status() != Status.RETURNED && a.status() != Status.UNPUBLISHED) {
            throw Invalid.conflictSaying("problem.submitWhich", a.status().key());
        }
        return transition(unit, a, Status.SUBMITTED, null, user, Note.said(Wording.BUNDLE, "version.submitted"), "submitted_by = ?");
    }

    /** The unit's own files an article's body shows (images inserted with the editor, links to documents). */
    static List<Long> filesIn(Tenant unit, String body) {
        List<Long> ids = new ArrayList<>();
        if (body == null) {
            return ids;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/t/" + java.util.regex.Pattern.quote(unit.getCode()) + "/files/([0-9]{1,18})\\b")
                .matcher(body);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    /** Publishes a submitted article now, or at {@code at} (scheduled). */
    public Article approve(Tenant unit, long id, Instant at, String user, boolean mayApproveOwn) {
        Article a = article(unit, id);
        if (a.status() != Status.SUBMITTED) {
            throw Invalid.conflictSaying("problem.approveWhich", a.status().key());
        }
        if (!mayApproveOwn && user.equals(submitter(unit, id))) {
            throw Invalid.conflict("problem.selfApproval");
        }
        Instant when = at != null ? at : a.publishAt() != null && a.publishAt().isAfter(Instant.now()) ? a.publishAt() : Instant.now();
        db.update("UPDATE portal_article SET status = 'published', publish_at = ?, went_live = false, review_comment = NULL, "
                + "approved_by = ?, updated_at = now() WHERE tenant_id = ? AND id = ?", when, user, unit.getId(), id);
        // what a published article shows becomes public with it
        List<Long> files = new ArrayList<>(a.attachments());
        if (a.coverFileId() != null) {
            files.add(a.coverFileId());
        }
        files.addAll(filesIn(unit, a.body()));
        if (!files.isEmpty()) {
            db.update("UPDATE portal_file SET is_public = true WHERE tenant_id = ? AND id = ANY (?)", unit.getId(), files.toArray(new Long[0]));
        }
        Article p = article(unit, id);
        saveVersion(p, when.isAfter(Instant.now()) ? Note.said(Wording.BUNDLE, "version.scheduled", Renderer.dateTime(when)) : Note.said(Wording.BUNDLE, "version.published"),
                user);
        published(unit, p);
        return p;
    }

    private String submitter(Tenant unit, long id) {
        return db.one("SELECT submitted_by FROM portal_article WHERE tenant_id = ? AND id = ?", rs -> rs.getString(1), unit.getId(), id)
                .orElse(null);
    }

    public Article returnToEditor(Tenant unit, long id, String comment, String user) {
        Article a = article(unit, id);
        if (a.status() != Status.SUBMITTED) {
            throw Invalid.conflict("problem.returnWhich");
        }
        String text = comment == null ? "" : Normalizer.normalize(comment, Normalizer.Form.NFC).strip();
        if (text.isEmpty() || text.length() > 2000) {
            new Invalid().add("comment", "problem.field.returnReason")
                    .throwIfAny();
        }
        return transition(unit, a, Status.RETURNED, text, user, Note.said(Wording.BUNDLE, "version.returned", text), null);
    }

    public Article unpublish(Tenant unit, long id, String user) {
        Article a = article(unit, id);
        if (a.status() != Status.PUBLISHED) {
            throw Invalid.conflict("problem.notPublished");
        }
        Article u = transition(unit, a, Status.UNPUBLISHED, null, user, Note.said(Wording.BUNDLE, "version.unpublished"), null);
        db.update("UPDATE portal_article SET went_live = false WHERE tenant_id = ? AND id = ?", unit.getId(), id);
        search.remove(unit.getId(), ArticleSearch.docId(id));
        cache.invalidateAfterCommit(unit);
        return u;
    }

    /** Deletes a draft (or returned or unpublished) article with its history; published ones are unpublished first. */
    public void delete(Tenant unit, long id) {
        Article a = article(unit, id);
        if (a.status() == Status.PUBLISHED || a.status() == Status.SUBMITTED) {
            throw Invalid.conflict("problem.deleteWhich");
        }
        db.update("DELETE FROM portal_article WHERE tenant_id = ? AND id = ?", unit.getId(), id);
        search.remove(unit.getId(), ArticleSearch.docId(id));
    }

    public List<ArticleVersion> versions(Tenant unit, long articleId) {
        article(unit, articleId);
        return db.list("SELECT id, article_id, version, title, summary, body, category_id, status, note, saved_by, saved_at, note_key, note_args "
                        + "FROM portal_article_version WHERE tenant_id = ? AND article_id = ? ORDER BY version DESC, id DESC",
                rs -> new ArticleVersion(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        Db.longOrNull(rs, "category_id"), rs.getString(8), rs.getString(12), List.of((String[]) rs.getArray(13).getArray()), rs.getString(9),
                        rs.getString(10), Db.instant(rs, "saved_at")),
                unit.getId(), articleId);
    }

    /** Saves version {@code version}'s content again as the article's newest (same rules as an edit). */
    public Article restore(Tenant unit, long articleId, int version, String user, boolean approver) {
        Article current = article(unit, articleId);
        ArticleInput old = db.one("SELECT title, summary, body, category_id, cover_file_id, attachments, tags, author FROM portal_article_version "
                        + "WHERE tenant_id = ? AND article_id = ? AND version = ? ORDER BY id DESC LIMIT 1",
                rs -> new ArticleInput(rs.getString(1), rs.getString(2), rs.getString(3), Db.longOrNull(rs, "category_id"),
                        Db.longOrNull(rs, "cover_file_id"), Db.longs(rs, "attachments"), Db.strings(rs, "tags"), rs.getString(8),
                        current.featured(), current.shareUpward(), null, null), unit.getId(), articleId, version)
                .orElseThrow(() -> ProblemException.notFound(Wording::in, "notFound.versionOfThisArticle", version));
        return update(unit, articleId, old, Note.said(Wording.BUNDLE, "version.restored", version), user, approver);
    }

    /** Articles whose scheduled time has come: they go live (search, caches). Called by the scheduler per unit. */
    public int goLive(Tenant unit) {
        List<Article> due = db.list("SELECT " + SiteReader.FULL_COLS + " FROM portal_article WHERE tenant_id = ? AND status = 'published' "
                + "AND NOT went_live AND publish_at <= now()", SiteReader::article, unit.getId());
        for (Article a : due) {
            published(unit, a);
        }
        return due.size();
    }

    private void published(Tenant unit, Article a) {
        if (a.live(Instant.now())) {
            db.update("UPDATE portal_article SET went_live = true WHERE tenant_id = ? AND id = ?", unit.getId(), a.id());
            search.put(ArticleSearch.document(a, unit.getId(), unit.getPath(), unit.getCode()));
            cache.invalidateAfterCommit(unit);
        } else {
            // scheduled: not in search or on the site until its time (the scheduler brings it live)
            search.remove(unit.getId(), ArticleSearch.docId(a.id()));
        }
    }

    private Article transition(Tenant unit, Article a, Status to, String comment, String user, Note note, String extraSet) {
        db.update("UPDATE portal_article SET status = ?, review_comment = ?, updated_by = ?, updated_at = now()"
                        + (extraSet == null ? "" : ", " + extraSet) + " WHERE tenant_id = ? AND id = ?",
                extraSet == null ? new Object[] {to.db(), Db.orNull(comment), user, unit.getId(), a.id()}
                        : new Object[] {to.db(), Db.orNull(comment), user, user, unit.getId(), a.id()});
        Article t = article(unit, a.id());
        saveVersion(t, note, user);
        return t;
    }

    /** The person's note, or the platform's {@code key} when they gave none. */
    private static Note writtenOr(String text, String key) {
        return text == null ? Note.said(Wording.BUNDLE, key) : Note.written(text);
    }

    private void saveVersion(Article a, Note note, String user) {
        db.update("INSERT INTO portal_article_version (tenant_id, article_id, version, title, summary, body, category_id, cover_file_id, "
                        + "attachments, tags, author, status, note, note_key, note_args, saved_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                a.tenantId(), a.id(), a.version(), a.title(), a.summary(), a.body(), Db.orNull(a.categoryId()), Db.orNull(a.coverFileId()),
                a.attachments().toArray(new Long[0]), a.tags().toArray(new String[0]), Db.orNull(a.author()), a.status().db(),
                Db.orNull(note.written() == null || note.written().length() <= 500 ? note.written() : note.written().substring(0, 500)),
                Db.orNull(note.key()), note.args().toArray(String[]::new), user);
    }

    private record Checked(String title, String summary, String body, List<String> tags, String author) {
    }

    private Checked check(Tenant unit, ArticleInput in) {
        Invalid bad = new Invalid();
        String title = nfc(in.title());
        if (title.isEmpty() || title.length() > 300) {
            bad.add("title", "problem.field.articleTitle");
        }
        String summary = nfc(in.summary());
        if (summary.length() > 1000) {
            bad.add("summary", "problem.field.summaryLength");
        }
        String body = Sanitiser.clean(in.body());
        if (body.length() > 1_000_000) {
            bad.add("body", "problem.field.bodyTooLong");
        }
        if (in.categoryId() != null && db.count("SELECT count(*) FROM portal_category WHERE tenant_id = ? AND id = ?", unit.getId(),
                in.categoryId()) == 0) {
            bad.add("categoryId", "problem.field.noSuchCategory");
        }
        List<Long> files = new ArrayList<>(in.attachments());
        if (in.coverFileId() != null) {
            if (db.count("SELECT count(*) FROM portal_file WHERE tenant_id = ? AND id = ? AND content_type LIKE 'image/%'", unit.getId(),
                    in.coverFileId()) == 0) {
                bad.add("coverFileId", "problem.field.cover");
            }
        }
        if (!files.isEmpty() && db.count("SELECT count(*) FROM portal_file WHERE tenant_id = ? AND id = ANY (?)", unit.getId(),
                files.toArray(new Long[0])) != new LinkedHashSet<>(files).size()) {
            bad.add("attachments", "problem.field.attachmentFiles");
        }
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        for (String t : in.tags()) {
            String tag = nfc(t).toLowerCase(new Locale("vi"));
            if (!tag.isEmpty()) {
                if (tag.length() > 50) {
                    bad.add("tags", "problem.field.tagLength");
                }
                tags.add(tag);
            }
        }
        if (tags.size() > MAX_TAGS) {
            bad.add("tags", "problem.field.tooManyTags", MAX_TAGS);
        }
        String author = nfc(in.author());
        if (author.length() > 200) {
            bad.add("author", "problem.field.authorLength");
        }
        bad.throwIfAny();
        return new Checked(title, summary, body, List.copyOf(tags), author.isEmpty() ? null : author);
    }

    static String nfc(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC).strip();
    }
}
