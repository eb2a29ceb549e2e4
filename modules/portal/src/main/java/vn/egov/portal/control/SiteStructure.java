package vn.egov.portal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.search.control.SearchIndex;
import vn.egov.platform.tenancy.Slugs;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.audit.AuditLog;
import vn.egov.portal.entity.Category;
import vn.egov.portal.entity.MenuItem;
import vn.egov.portal.entity.SitePage;

/**
 * What a unit's site is laid out in, as its editors keep it, in the caller's transaction and tenant scope: the
 * categories articles go in, the static pages, and the menu that points to them (or to an address, or home).
 * Every statement also names the unit: an id of another unit is "not found", never touched. A change drops the
 * site's cached pages; categories and menu items saved or deleted go to the one audit trail.
 */
@ApplicationScoped
public class SiteStructure {
    @Inject
    Db db;

    @Inject
    SearchIndex search;

    @Inject
    PageCache cache;

    @Inject
    AuditLog audit;

    public List<Category> categories(Tenant unit) {
        return db.list("SELECT id, tenant_id, name, name_en, slug, position, kind FROM portal_category WHERE tenant_id = ? ORDER BY position, id",
                SiteReader::category, unit.getId());
    }

    public Category saveCategory(Tenant unit, Long id, String name, String nameEn, boolean announcements, int position) {
        String n = Editorial.nfc(name);
        String en = Editorial.nfc(nameEn);
        Invalid bad = new Invalid();
        if (n.isEmpty() || n.length() > 200) {
            bad.add("name", "problem.field.categoryName");
        }
        if (en.length() > 200) {
            bad.add("nameEn", "problem.field.englishNameLength");
        }
        bad.throwIfAny();
        String slug = slug(n);
        long saved;
        if (id == null) {
            saved = db.insert("INSERT INTO portal_category (tenant_id, name, name_en, slug, position, kind) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                    unit.getId(), n, Db.orNull(en.isEmpty() ? null : en), slug, position, announcements ? "announcement" : "news");
        } else {
            if (db.update("UPDATE portal_category SET name = ?, name_en = ?, slug = ?, position = ?, kind = ? WHERE tenant_id = ? AND id = ?",
                    n, Db.orNull(en.isEmpty() ? null : en), slug, position, announcements ? "announcement" : "news", unit.getId(), id) == 0) {
                throw ProblemException.notFound(Wording::in, "notFound.categoryOfThisUnit", id);
            }
            saved = id;
        }
        changed(unit, "portal.category.saved", n, announcements ? "announcement" : "news");
        return db.one("SELECT id, tenant_id, name, name_en, slug, position, kind FROM portal_category WHERE tenant_id = ? AND id = ?",
                SiteReader::category, unit.getId(), saved).orElseThrow();
    }

    public void deleteCategory(Tenant unit, long id) {
        if (db.update("DELETE FROM portal_category WHERE tenant_id = ? AND id = ?", unit.getId(), id) == 0) {
            throw ProblemException.notFound(Wording::in, "notFound.categoryOfThisUnit", id);
        }
        changed(unit, "portal.category.deleted", "#" + id, null);
    }

    public List<SitePage> pages(Tenant unit) {
        return db.list("SELECT id, tenant_id, title, slug, body, published, updated_at FROM portal_page WHERE tenant_id = ? ORDER BY id",
                SiteReader::page, unit.getId());
    }

    public SitePage page(Tenant unit, long id) {
        return db.one("SELECT id, tenant_id, title, slug, body, published, updated_at FROM portal_page WHERE tenant_id = ? AND id = ?",
                SiteReader::page, unit.getId(), id).orElseThrow(() -> ProblemException.notFound(Wording::in, "notFound.pageOfThisUnit", id));
    }

    public SitePage savePage(Tenant unit, Long id, String title, String body, boolean published, String user) {
        String t = Editorial.nfc(title);
        if (t.isEmpty() || t.length() > 300) {
            new Invalid().add("title", "problem.field.pageTitle").throwIfAny();
        }
        String clean = Sanitiser.clean(body);
        long saved;
        if (id == null) {
            saved = db.insert("INSERT INTO portal_page (tenant_id, title, slug, body, published, updated_by) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                    unit.getId(), t, slug(t), clean, published, user);
        } else {
            page(unit, id);
            db.update("UPDATE portal_page SET title = ?, slug = ?, body = ?, published = ?, updated_by = ?, updated_at = now() "
                    + "WHERE tenant_id = ? AND id = ?", t, slug(t), clean, published, user, unit.getId(), id);
            saved = id;
        }
        cache.invalidateAfterCommit(unit);
        SitePage p = page(unit, saved);
        if (p.published()) {
            List<Long> shown = Editorial.filesIn(unit, p.body());
            if (!shown.isEmpty()) {
                // images and documents a published page shows become public with it
                db.update("UPDATE portal_file SET is_public = true WHERE tenant_id = ? AND id = ANY (?)", unit.getId(), shown.toArray(new Long[0]));
            }
            search.put(PageSearch.document(p, unit.getId(), unit.getPath(), unit.getCode()));
        } else {
            search.remove(unit.getId(), PageSearch.docId(p.id()));
        }
        return p;
    }

    public void deletePage(Tenant unit, long id) {
        page(unit, id);
        db.update("DELETE FROM portal_page WHERE tenant_id = ? AND id = ?", unit.getId(), id);
        search.remove(unit.getId(), PageSearch.docId(id));
        cache.invalidateAfterCommit(unit);
    }

    public List<MenuItem> menu(Tenant unit) {
        return db.list("SELECT id, tenant_id, parent_id, label, label_en, target_kind, target, position FROM portal_menu_item "
                + "WHERE tenant_id = ? ORDER BY position, id", SiteReader::menuItem, unit.getId());
    }

    /** Adds ({@code id} null) or changes a menu item; an item never goes under itself or one of its own sub-items. */
    public MenuItem saveMenuItem(Tenant unit, Long id, Long parentId, String label, String labelEn, MenuItem.Target kind, String target,
                                 int position) {
        List<MenuItem> all = menu(unit);
        if (id != null && all.stream().noneMatch(m -> m.id() == id)) {
            throw ProblemException.notFound(Wording::in, "notFound.menuItemOfThisUnit", id);
        }
        Invalid bad = new Invalid();
        if (id != null && parentId != null && underItself(all, id, parentId)) {
            bad.add("parentId", "problem.field.underItself");
        }
        String l = Editorial.nfc(label);
        String en = Editorial.nfc(labelEn);
        if (l.isEmpty() || l.length() > 100) {
            bad.add("label", "problem.field.menuLabel");
        }
        if (parentId != null && db.count("SELECT count(*) FROM portal_menu_item WHERE tenant_id = ? AND id = ?", unit.getId(), parentId) == 0) {
            bad.add("parentId", "problem.field.noSuchParent");
        }
        String tg = menuTarget(unit, kind, Editorial.nfc(target), bad);
        bad.throwIfAny();
        long saved;
        if (id == null) {
            saved = db.insert("INSERT INTO portal_menu_item (tenant_id, parent_id, label, label_en, target_kind, target, position) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id", unit.getId(), Db.orNull(parentId), l, Db.orNull(en.isEmpty() ? null : en),
                    kind.name().toLowerCase(), Db.orNull(tg), position);
        } else {
            db.update("UPDATE portal_menu_item SET parent_id = ?, label = ?, label_en = ?, target_kind = ?, target = ?, position = ? "
                            + "WHERE tenant_id = ? AND id = ?", Db.orNull(parentId), l, Db.orNull(en.isEmpty() ? null : en), kind.name().toLowerCase(),
                    Db.orNull(tg), position, unit.getId(), id);
            saved = id;
        }
        changed(unit, "portal.menu.saved", l, kind.name().toLowerCase() + (tg == null ? "" : " " + tg));
        return menu(unit).stream().filter(m -> m.id() == saved).findFirst().orElseThrow();
    }

    /** Whether the parent {@code parentId} is item {@code id} itself or one of its sub-items (looked up at most 100 levels). */
    private static boolean underItself(List<MenuItem> all, Long id, Long parentId) {
        Long up = parentId;
        for (int i = 0; up != null && i < 100; i++) {
            if (up.equals(id)) {
                return true;
            }
            Long current = up;
            up = all.stream().filter(m -> m.id() == current).findFirst().map(MenuItem::parentId).orElse(null);
        }
        return false;
    }

    /**
     * A menu item's target as stored, checked for its kind: an address (https://, http:// or a path of this site), a
     * category or a page of this unit (a page as "12-its-title"), none for home. What is wrong goes to {@code bad}.
     */
    private String menuTarget(Tenant unit, MenuItem.Target kind, String tg, Invalid bad) {
        switch (kind) {
            case URL -> {
                if (!(tg.startsWith("https://") || tg.startsWith("http://") || (tg.startsWith("/") && !tg.startsWith("//"))) || tg.length() > 500) {
                    bad.add("target", "problem.field.address");
                }
            }
            case CATEGORY -> {
                if (!tg.matches("[0-9]{1,18}") || db.count("SELECT count(*) FROM portal_category WHERE tenant_id = ? AND id = ?",
                        unit.getId(), Long.parseLong(tg)) == 0) {
                    bad.add("target", "problem.field.noSuchCategory");
                }
            }
            case PAGE -> {
                String number = tg.split("-", 2)[0]; // "12" or, as stored, "12-gioi-thieu"
                if (!number.matches("[0-9]{1,18}") || db.count("SELECT count(*) FROM portal_page WHERE tenant_id = ? AND id = ?",
                        unit.getId(), Long.parseLong(number)) == 0) {
                    bad.add("target", "problem.field.noSuchPage");
                }
                if (!bad.any()) {
                    tg = number + "-" + slug(page(unit, Long.parseLong(number)).title());
                }
            }
            case HOME -> tg = null;
        }
        return tg;
    }

    /**
     * Moves a menu item one place up or down among its siblings; the siblings are numbered again 10, 20, 30...
     * so that the order shown is the order stored. At the first or last place nothing changes.
     */
    public void moveMenuItem(Tenant unit, long id, boolean up) {
        List<MenuItem> all = menu(unit);
        MenuItem item = all.stream().filter(m -> m.id() == id).findFirst()
                .orElseThrow(() -> ProblemException.notFound(Wording::in, "notFound.menuItemOfThisUnit", id));
        List<MenuItem> siblings = new ArrayList<>(all.stream().filter(m -> java.util.Objects.equals(m.parentId(), item.parentId())).toList());
        int at = siblings.indexOf(item);
        int to = up ? at - 1 : at + 1;
        if (to < 0 || to >= siblings.size()) {
            return;
        }
        siblings.set(at, siblings.get(to));
        siblings.set(to, item);
        for (int i = 0; i < siblings.size(); i++) {
            db.update("UPDATE portal_menu_item SET position = ? WHERE tenant_id = ? AND id = ?", (i + 1) * 10, unit.getId(), siblings.get(i).id());
        }
        cache.invalidateAfterCommit(unit);
    }

    public void deleteMenuItem(Tenant unit, long id) {
        if (db.update("DELETE FROM portal_menu_item WHERE tenant_id = ? AND id = ?", unit.getId(), id) == 0) {
            throw ProblemException.notFound(Wording::in, "notFound.menuItemOfThisUnit", id);
        }
        changed(unit, "portal.menu.deleted", "#" + id, null);
    }

    /** The site changed: its cached pages go once the change commits, and the change goes to the one audit trail. */
    private void changed(Tenant unit, String action, String target, String detail) {
        cache.invalidateAfterCommit(unit);
        audit.record(unit.getId(), action, target, null, detail == null ? null : Jsonp.createObjectBuilder().add("detail", detail).build());
    }

    static String slug(String s) {
        String slug = Slugs.of(s);
        return slug.isEmpty() ? "muc" : slug.length() > 80 ? slug.substring(0, 80) : slug;
    }
}
