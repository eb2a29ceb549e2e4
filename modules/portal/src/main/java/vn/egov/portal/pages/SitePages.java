package vn.egov.portal.pages;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.egov.platform.search.control.SearchResults;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.pages.Messages;
import vn.egov.platform.web.pages.Page;
import vn.egov.platform.web.pages.Templates;
import vn.egov.platform.web.site.SiteFrame;
import vn.egov.platform.web.site.SiteFinder;
import vn.egov.platform.web.site.SiteService;
import vn.egov.platform.words.Words;
import vn.egov.portal.control.Renderer;
import vn.egov.portal.control.SiteView;
import vn.egov.portal.entity.Article;
import vn.egov.portal.entity.Category;
import vn.egov.portal.entity.MenuItem;
import vn.egov.portal.entity.SitePage;
import vn.egov.portal.entity.StoredFile;
import vn.egov.portal.entity.Theme;

/**
 * The pages of a unit's public site, from the templates under {@code src/main/jte/site} in the platform's site layout
 * (with the unit's theme as a stylesheet of its own: nothing inline, so the strict content policy holds): server-rendered,
 * usable without JavaScript, responsive, with landmarks, a skip link, one h1 per page, alt text, the page's language.
 */
public final class SitePages {
    static final Templates TEMPLATES = new Templates("vn.egov.portal.jte");
    /** The site's texts ({@code site_vi/en.properties} beside this class); the layout's are the platform's. */
    static final String BUNDLE = "vn.egov.portal.pages.site";

    private SitePages() {
    }

    // ---- pages

    /** A search box of the home page ({@link SiteFinder}): its field's id, label and button, and the page that answers. */
    public record FinderBox(String id, String label, String button, String action) {
    }

    public static String home(SiteView v, List<Article> featured, List<Article> latest, List<Article> announcements,
                              List<Article> rolledUp, Map<Long, StoredFile> covers, List<SiteFinder> finders) {
        List<FinderBox> boxes = new java.util.ArrayList<>();
        for (SiteFinder f : finders) {
            Messages words = Messages.of(v.locale(), f.bundle());
            boxes.add(new FinderBox("finder-" + boxes.size(), words.text(f.labelKey()), words.text(f.buttonKey()), v.base() + f.path()));
        }
        return render("site/home.jte", v, v.name(), "", "v", v, "featured", featured, "latest", latest, "announcements", announcements,
                "rolledUp", rolledUp, "covers", covers, "finders", boxes);
    }

    public static String article(SiteView v, Article a, Optional<Category> category, Optional<StoredFile> cover,
                                 List<StoredFile> attachments) {
        return render("site/article.jte", v, a.title(), "articles/" + a.id(), "v", v, "a", a, "category", category.orElse(null),
                "cover", cover.orElse(null), "attachments", attachments);
    }

    public static String category(SiteView v, Category c, List<Article> items, long total, int page, Map<Long, StoredFile> covers) {
        long pages = Math.max(1, (total + Renderer.PAGE_SIZE - 1) / Renderer.PAGE_SIZE);
        String title = page > 1 ? texts(v).text("site.pageTitle", c.name(v.english()), page) : c.name(v.english());
        return render("site/category.jte", v, title, Renderer.categoryPath(c) + (page > 1 ? "?page=" + page : ""), "v", v, "c", c,
                "items", items, "covers", covers, "current", page, "pages", pages);
    }

    public static String page(SiteView v, SitePage p) {
        return render("site/page.jte", v, p.title(), Renderer.pagePath(p), "p", p);
    }

    /** The search page around its results (rendered by {@link #results}). */
    public static String search(SiteView v, String q, String resultsHtml) {
        gg.jte.Content results = out -> out.writeContent(resultsHtml);
        return render("site/search.jte", v, texts(v).text("site.searchTitle"), "search", "v", v, "q", q, "results", results);
    }

    /** The results of a search (or its refusal, {@code errorKey} a text of the site's bundle), for {@link #search}. */
    public static String results(Locale language, SearchResults r, String more, String errorKey) {
        return TEMPLATES.render("site/results.jte", Page.titled(null, language, "", BUNDLE), "r", r, "more", more, "error", errorKey);
    }

    public static String notFound(SiteView v) {
        return render("site/notFound.jte", v, texts(v).text("site.notFound"), "", "v", v);
    }

    /**
     * A page of the site around {@code mainHtml}, made (and its values escaped) by another module's template, with
     * that module's {@code stylesheets} (asset names) in its head.
     */
    public static String framed(SiteView v, String title, List<String> stylesheets, String mainHtml, String path) {
        return render("site/framed.jte", v, title, path, "stylesheets", stylesheets, "mainHtml", mainHtml);
    }

    /** The page with the logged-in user's line in place of the login link. */
    public static byte[] forUser(byte[] page, String displayName, String homeCode, Locale language) {
        String html = new String(page, StandardCharsets.UTF_8);
        int a = html.indexOf(SiteFrame.USER_START);
        int b = html.indexOf(SiteFrame.USER_END);
        if (a < 0 || b < a) {
            return page;
        }
        String line = TEMPLATES.render("site/user.jte", Page.titled(null, language, "", BUNDLE), "name", displayName,
                "homeCode", homeCode);
        return (html.substring(0, a) + line + html.substring(b + SiteFrame.USER_END.length())).getBytes(StandardCharsets.UTF_8);
    }

    // ---- the frame

    private static Messages texts(SiteView v) {
        return Messages.of(v.locale(), BUNDLE);
    }

    /** {@code template} in the site's frame; {@code path} is the page's path under the site, for the language switch. */
    private static String render(String template, SiteView v, String title, String path, Object... params) {
        Page page = Page.titled(null, v.locale(), title.equals(v.name()) ? title : title + " · " + v.name(), BUNDLE);
        Object[] all = new Object[params.length + 2];
        all[0] = "site";
        all[1] = frame(v, path);
        System.arraycopy(params, 0, all, 2, params.length);
        return TEMPLATES.render(template, page, all);
    }

    static SiteFrame frame(SiteView v, String path) {
        Theme th = v.theme();
        String code = v.unit().getCode();
        String logo = v.settings() != null && v.settings().logo() != null ? "/t/" + code + "/logo?v=" + Renderer.url(v.settings().logo()) : null;
        SiteFrame.Link parent = null;
        if (!v.ancestors().isEmpty()) {
            Tenant p = v.ancestors().get(v.ancestors().size() - 1);
            parent = new SiteFrame.Link(p.getName(), "/t/" + p.getCode() + "/" + v.langQuery());
        }
        // the other language named in the address: a bare one would give the language of the visitor's cookie or browser again
        // (a page of the person's own outside the site's addresses, such as their dossiers, gives its whole path)
        String switchHref = (path.startsWith("/") ? path : v.base() + path) + (path.contains("?") ? "&" : "?") + "lang=" + (v.english() ? "vi" : "en");
        var s = v.settings();
        SiteFrame.Footer footer = new SiteFrame.Footer(s == null ? null : s.address(), s == null ? null : s.phone(),
                s == null ? null : s.email(), th.footerText(), v.visits(), v.base() + "rss.xml", v.base() + "sitemap.xml",
                v.base() + "admin/portal" + v.langQuery());
        return new SiteFrame(v.name(), v.href(""), logo, parent, th.layout().name().toLowerCase(Locale.ROOT), themeHref(code, th),
                th.bannerFileId() != null, v.preview(), !v.unit().isActive(), v.base() + "search", v.lang(), switchHref,
                v.english() ? "vi" : "en", v.base() + "rss.xml", menu(v), footer);
    }

    /** The unit's theme stylesheet ({@code SiteResource#theme}): its colours and banner in the address, so it is cached for good. */
    static String themeHref(String code, Theme th) {
        return "/t/" + code + "/theme.css?p=" + th.primary().substring(1) + "&a=" + th.accent().substring(1)
                + (th.bannerFileId() != null ? "&b=" + th.bannerFileId() : "");
    }

    /** The stylesheet {@link #themeHref} names: the unit's colours, and its banner picture. */
    public static String themeCss(String code, String primary, String accent, Long banner) {
        return ":root{--primary:#" + primary + ";--accent:#" + accent + "}\n"
                + (banner == null ? "" : ".banner{background-image:url(\"/t/" + code + "/files/" + banner + "\")}\n");
    }

    static List<SiteFrame.MenuEntry> menu(SiteView v) {
        List<MenuItem> items = v.menu();
        if (items.isEmpty()) {
            // no menu of its own yet: home and the categories
            List<SiteFrame.MenuEntry> entries = new ArrayList<>();
            entries.add(new SiteFrame.MenuEntry(texts(v).text("site.home"), v.href(""), List.of()));
            for (Category c : v.categories()) {
                entries.add(new SiteFrame.MenuEntry(c.name(v.english()), v.href(Renderer.categoryPath(c)), List.of()));
            }
            return withServices(v, entries);
        }
        List<SiteFrame.MenuEntry> own = new ArrayList<>(menuLevel(v, items, null, 0));
        if (own.stream().noneMatch(e -> e.href().equals(v.href("")))) {
            // a menu of the unit's own with no entry for the home page still starts with one (adding entries dropped it)
            own.add(0, new SiteFrame.MenuEntry(texts(v).text("site.home"), v.href(""), List.of()));
        }
        return withServices(v, own);
    }

    /** The menu and, after it, each service the modules contribute that it does not link to already. */
    private static List<SiteFrame.MenuEntry> withServices(SiteView v, List<SiteFrame.MenuEntry> menu) {
        List<SiteFrame.MenuEntry> entries = new ArrayList<>(menu);
        for (SiteService s : v.services()) {
            String href = v.href(s.path());
            if (entries.stream().noneMatch(e -> e.href().equals(href))) {
                entries.add(new SiteFrame.MenuEntry(Words.of(v.locale(), s.bundle()).text(s.labelKey()), href, List.of()));
            }
        }
        return entries;
    }

    private static List<SiteFrame.MenuEntry> menuLevel(SiteView v, List<MenuItem> all, Long parent, int depth) {
        List<SiteFrame.MenuEntry> entries = new ArrayList<>();
        for (MenuItem m : all) {
            if (Objects.equals(m.parentId(), parent)) {
                List<SiteFrame.MenuEntry> kids = depth < 3 ? menuLevel(v, all, m.id(), depth + 1) : List.of();
                entries.add(new SiteFrame.MenuEntry(m.label(v.english()), menuHref(v, m), kids));
            }
        }
        return entries;
    }

    static String menuHref(SiteView v, MenuItem m) {
        return switch (m.kind()) {
            case HOME -> v.href("");
            case URL -> m.target();
            case CATEGORY -> v.categories().stream().filter(c -> String.valueOf(c.id()).equals(m.target())).findFirst()
                    .map(c -> v.href(Renderer.categoryPath(c))).orElse(v.href(""));
            case PAGE -> v.href("pages/" + m.target());
        };
    }
}
