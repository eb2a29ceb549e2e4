package vn.egov.portal.control;

import vn.egov.platform.persistence.Db;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.egov.portal.entity.Article;
import vn.egov.portal.entity.Category;
import vn.egov.portal.entity.MenuItem;
import vn.egov.portal.entity.SitePage;
import vn.egov.portal.entity.StoredFile;
import vn.egov.portal.entity.Theme;

/**
 * The queries of a unit's site. Each keeps its explicit unit and status predicates (they make it fast); under the
 * public-read scope the policies guarantee the rest. Lists leave the body out.
 */
@ApplicationScoped
public class SiteReader {
    static final String LIVE = "status = 'published' AND publish_at <= now()";
    static final String ARTICLE_COLS = "id, tenant_id, category_id, title, summary, %s AS body, cover_file_id, attachments, tags, "
            + "author, status, featured, share_upward, publish_at, review_comment, version, views, created_by, updated_by, updated_at";
    static final String LIST_COLS = ARTICLE_COLS.formatted("''");
    static final String FULL_COLS = ARTICLE_COLS.formatted("body");
    static final String FILE_COLS = "id, tenant_id, name, content_type, size_bytes, sha256, width, height, thumbnail IS NOT NULL AS has_thumb, "
            + "is_public, uploaded_by, created_at";

    @Inject
    Db db;

    public Theme theme(long unitId) {
        return db.one("SELECT primary_colour, accent_colour, layout, footer_text, banner_file_id FROM portal_theme WHERE tenant_id = ?",
                rs -> new Theme(rs.getString(1), rs.getString(2), Theme.Layout.valueOf(rs.getString(3).toUpperCase()), rs.getString(4),
                        Db.longOrNull(rs, "banner_file_id")), unitId).orElse(Theme.DEFAULT);
    }

    public List<MenuItem> menu(long unitId) {
        return db.list("SELECT id, tenant_id, parent_id, label, label_en, target_kind, target, position FROM portal_menu_item "
                + "WHERE tenant_id = ? ORDER BY position, id", SiteReader::menuItem, unitId);
    }

    public List<Category> categories(long unitId) {
        return db.list("SELECT id, tenant_id, name, name_en, slug, position, kind FROM portal_category WHERE tenant_id = ? ORDER BY position, id",
                SiteReader::category, unitId);
    }

    public Optional<Category> category(long unitId, long id) {
        return db.one("SELECT id, tenant_id, name, name_en, slug, position, kind FROM portal_category WHERE tenant_id = ? AND id = ?",
                SiteReader::category, unitId, id);
    }

    /** The unit's own live articles, newest first. */
    public List<Article> latest(long unitId, int limit, int offset) {
        return db.list("SELECT " + LIST_COLS + " FROM portal_article WHERE tenant_id = ? AND " + LIVE
                + " ORDER BY publish_at DESC, id DESC LIMIT ? OFFSET ?", SiteReader::article, unitId, limit, offset);
    }

    public List<Article> featured(long unitId, int limit) {
        return db.list("SELECT " + LIST_COLS + " FROM portal_article WHERE tenant_id = ? AND featured AND " + LIVE
                + " ORDER BY publish_at DESC, id DESC LIMIT ?", SiteReader::article, unitId, limit);
    }

    /** Live articles the units below chose to publish upward, newest first ({@code below}: their ids). */
    public List<Article> rolledUp(Long[] below, int limit) {
        if (below.length == 0) {
            return List.of();
        }
        return db.list("SELECT " + LIST_COLS + " FROM portal_article WHERE tenant_id = ANY (?) AND share_upward AND " + LIVE
                + " ORDER BY publish_at DESC, id DESC LIMIT ?", SiteReader::article, below, limit);
    }

    /** Live articles of the unit's announcement categories. */
    public List<Article> announcements(long unitId, int limit) {
        return db.list("SELECT " + LIST_COLS + " FROM portal_article a WHERE tenant_id = ? AND " + LIVE
                + " AND category_id IN (SELECT c.id FROM portal_category c WHERE c.tenant_id = ? AND c.kind = 'announcement')"
                + " ORDER BY publish_at DESC, id DESC LIMIT ?", SiteReader::article, unitId, unitId, limit);
    }

    public List<Article> inCategory(long unitId, long categoryId, int limit, int offset) {
        return db.list("SELECT " + LIST_COLS + " FROM portal_article WHERE tenant_id = ? AND category_id = ? AND " + LIVE
                + " ORDER BY publish_at DESC, id DESC LIMIT ? OFFSET ?", SiteReader::article, unitId, categoryId, limit, offset);
    }

    public long countInCategory(long unitId, long categoryId) {
        return db.count("SELECT count(*) FROM portal_article WHERE tenant_id = ? AND category_id = ? AND " + LIVE, unitId, categoryId);
    }

    public Optional<Article> liveArticle(long unitId, long id) {
        return db.one("SELECT " + FULL_COLS + " FROM portal_article WHERE tenant_id = ? AND id = ? AND " + LIVE,
                SiteReader::article, unitId, id);
    }

    public List<SitePage> pages(long unitId) {
        return db.list("SELECT id, tenant_id, title, slug, '' AS body, published, updated_at FROM portal_page "
                + "WHERE tenant_id = ? AND published ORDER BY id", SiteReader::page, unitId);
    }

    public Optional<SitePage> page(long unitId, long id) {
        return db.one("SELECT id, tenant_id, title, slug, body, published, updated_at FROM portal_page WHERE tenant_id = ? AND id = ? "
                + "AND published", SiteReader::page, unitId, id);
    }

    /** Every live article of the unit (id, category, dates), for the sitemap. */
    public List<Article> allLive(long unitId, int limit) {
        return db.list("SELECT " + LIST_COLS + " FROM portal_article WHERE tenant_id = ? AND " + LIVE
                + " ORDER BY publish_at DESC, id DESC LIMIT ?", SiteReader::article, unitId, limit);
    }

    public long siteVisits(long unitId) {
        return db.count("SELECT views FROM portal_site_visit WHERE tenant_id = ?", unitId);
    }

    public Optional<StoredFile> file(long unitId, long id) {
        return db.one("SELECT " + FILE_COLS + " FROM portal_file WHERE tenant_id = ? AND id = ?", SiteReader::file, unitId, id);
    }

    /** Several files of a unit in one query, by id (those that exist and the scope lets through). */
    public Map<Long, StoredFile> files(long unitId, java.util.Collection<Long> ids) {
        Map<Long, StoredFile> found = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            db.list("SELECT " + FILE_COLS + " FROM portal_file WHERE tenant_id = ? AND id = ANY (?)", SiteReader::file, unitId,
                    ids.toArray(new Long[0])).forEach(f -> found.put(f.id(), f));
        }
        return found;
    }

    /** The bytes of a file (or of its thumbnail). */
    public Optional<byte[]> content(long unitId, long id, boolean thumbnail) {
        return db.one("SELECT " + (thumbnail ? "thumbnail" : "content") + " FROM portal_file WHERE tenant_id = ? AND id = ?",
                rs -> rs.getBytes(1), unitId, id).filter(b -> b != null);
    }

    // ---- row mappers (also used by the editors' queries)

    public static Article article(ResultSet rs) throws SQLException {
        return new Article(rs.getLong("id"), rs.getLong("tenant_id"), Db.longOrNull(rs, "category_id"), rs.getString("title"),
                rs.getString("summary"), rs.getString("body"), Db.longOrNull(rs, "cover_file_id"), Db.longs(rs, "attachments"),
                Db.strings(rs, "tags"), rs.getString("author"), Article.Status.of(rs.getString("status")), rs.getBoolean("featured"),
                rs.getBoolean("share_upward"), Db.instant(rs, "publish_at"), rs.getString("review_comment"), rs.getInt("version"),
                rs.getLong("views"), rs.getString("created_by"), rs.getString("updated_by"), Db.instant(rs, "updated_at"));
    }

    public static Category category(ResultSet rs) throws SQLException {
        return new Category(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("name"), rs.getString("name_en"),
                rs.getString("slug"), rs.getInt("position"), "announcement".equals(rs.getString("kind")));
    }

    public static MenuItem menuItem(ResultSet rs) throws SQLException {
        return new MenuItem(rs.getLong("id"), rs.getLong("tenant_id"), Db.longOrNull(rs, "parent_id"), rs.getString("label"),
                rs.getString("label_en"), MenuItem.Target.valueOf(rs.getString("target_kind").toUpperCase()), rs.getString("target"),
                rs.getInt("position"));
    }

    public static SitePage page(ResultSet rs) throws SQLException {
        return new SitePage(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("title"), rs.getString("slug"), rs.getString("body"),
                rs.getBoolean("published"), Db.instant(rs, "updated_at"));
    }

    public static StoredFile file(ResultSet rs) throws SQLException {
        return new StoredFile(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("name"), rs.getString("content_type"),
                rs.getInt("size_bytes"), rs.getString("sha256"), (Integer) rs.getObject("width"), (Integer) rs.getObject("height"),
                rs.getBoolean("has_thumb"), rs.getBoolean("is_public"), rs.getString("uploaded_by"), Db.instant(rs, "created_at"));
    }
}
