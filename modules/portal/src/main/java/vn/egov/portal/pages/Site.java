package vn.egov.portal.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import vn.egov.platform.persistence.PublicReads;
import vn.egov.platform.settings.SettingsRegistry;
import vn.egov.platform.settings.UnitSettings;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.site.SiteFinder;
import vn.egov.platform.web.site.SiteService;
import vn.egov.portal.control.Feeds;
import vn.egov.portal.control.PageCache;
import vn.egov.portal.control.Renderer;
import vn.egov.portal.control.SiteReader;
import vn.egov.portal.control.SiteView;
import vn.egov.portal.entity.Article;
import vn.egov.portal.entity.Category;
import vn.egov.portal.entity.SitePage;
import vn.egov.portal.entity.StoredFile;
import vn.egov.portal.entity.Theme;

/**
 * The public site of a unit: each page read in the public-read scope, rendered, and kept in the page cache (per unit,
 * language and path: a page is never served to another unit or in another language). A missing article, category or
 * page answers {@link Optional#empty()} (the boundary says 404).
 */
@ApplicationScoped
public class Site {
    public static final int ROLLED_UP = 20;
    /** How many of the latest news the home page lists (besides the featured and the announcements). */
    static final int LATEST = 10;

    @Inject
    PublicReads reads;

    @Inject
    Instance<SiteService.Contribution> contributions;

    @Inject
    Instance<SiteFinder.Contribution> finders;

    @Inject
    SiteReader reader;

    @Inject
    TenantDirectory directory;

    @Inject
    SettingsRegistry settings;

    @Inject
    PageCache cache;

    /** A rendered page and whether it exists. */
    public record Rendered(byte[] body, boolean found) {
    }

    public byte[] home(Tenant unit, Locale language) {
        return cached(unit, language, "", v -> homeHtml(v, unit));
    }

    /** The home page rendered now, bypassing the cache (what a theme preview shows, with its theme). */
    public String homePreview(Tenant unit, Locale language, Theme theme) {
        Optional<UnitSettings> s = settings.of(unit);
        return reads.read(() -> homeHtml(view(unit, s, language).withTheme(theme), unit));
    }

    /** An article page rendered now for its editors (any state), outside the cache, marked as a preview. */
    public String articlePreview(Tenant unit, Locale language, Article a) {
        Optional<UnitSettings> s = settings.of(unit);
        return reads.read(() -> {
            SiteView v = view(unit, s, language).asPreview();
            return SitePages.article(v, a, v.categories().stream().filter(c -> c.id() == (a.categoryId() == null ? -1 : a.categoryId())).findFirst(),
                    Optional.empty(), List.of());
        });
    }

    private String homeHtml(SiteView v, Tenant unit) {
        List<Article> featured = reader.featured(unit.getId(), 3);
        List<Article> announcements = reader.announcements(unit.getId(), 5);
        // each article once: the latest news leave out what the page shows as featured or as an announcement
        Set<Long> shown = new HashSet<>();
        featured.forEach(a -> shown.add(a.id()));
        announcements.forEach(a -> shown.add(a.id()));
        List<Article> latest = reader.latest(unit.getId(), LATEST + shown.size(), 0).stream().filter(a -> !shown.contains(a.id()))
                .limit(LATEST).toList();
        List<Tenant> subtree = directory.subtree(unit);
        List<Long> below = new ArrayList<>();
        Map<Long, String> names = new HashMap<>(v.unitNames());
        Map<Long, String> codes = new HashMap<>(v.unitCodes());
        for (Tenant t : subtree) {
            if (!t.getId().equals(unit.getId()) && !t.isRetired()) {
                below.add(t.getId());
                names.put(t.getId(), t.getName());
                codes.put(t.getId(), t.getCode());
            }
        }
        List<Article> rolledUp = reader.rolledUp(below.toArray(new Long[0]), ROLLED_UP);
        Set<Long> coverIds = new HashSet<>();
        for (List<Article> l : List.of(featured, latest)) {
            l.forEach(a -> {
                if (a.coverFileId() != null) {
                    coverIds.add(a.coverFileId());
                }
            });
        }
        Map<Long, StoredFile> covers = reader.files(unit.getId(), coverIds);
        SiteView full = new SiteView(v.unit(), v.settings(), v.theme(), v.menu(), v.categories(), v.ancestors(), v.children(), v.visits(),
                v.locale(), v.preview(), names, codes, v.services());
        return SitePages.home(full, featured, latest, announcements, rolledUp, covers, v.children().isEmpty() ? List.of() : finders());
    }

    public Rendered article(Tenant unit, long id, Locale language) {
        return cachedOptional(unit, language, "articles/" + id, v -> reader.liveArticle(unit.getId(), id).map(a -> {
            Optional<Category> category = a.categoryId() == null ? Optional.empty() : reader.category(unit.getId(), a.categoryId());
            Set<Long> ids = new HashSet<>(a.attachments());
            if (a.coverFileId() != null) {
                ids.add(a.coverFileId());
            }
            Map<Long, StoredFile> files = reader.files(unit.getId(), ids);
            Optional<StoredFile> cover = a.coverFileId() == null ? Optional.empty() : Optional.ofNullable(files.get(a.coverFileId()));
            // in the order the editor gave
            List<StoredFile> attachments = a.attachments().stream().map(files::get).filter(java.util.Objects::nonNull).toList();
            return SitePages.article(v, a, category, cover, attachments);
        }));
    }

    public Rendered category(Tenant unit, long id, int page, Locale language) {
        return cachedOptional(unit, language, "categories/" + id + "?page=" + page, v -> reader.category(unit.getId(), id).map(c -> {
            long total = reader.countInCategory(unit.getId(), id);
            List<Article> items = reader.inCategory(unit.getId(), id, Renderer.PAGE_SIZE, (page - 1) * Renderer.PAGE_SIZE);
            return SitePages.category(v, c, items, total, page, Map.of());
        }));
    }

    public Rendered page(Tenant unit, long id, Locale language) {
        return cachedOptional(unit, language, "pages/" + id, v -> reader.page(unit.getId(), id).map(p -> SitePages.page(v, p)));
    }

    public byte[] notFound(Tenant unit, Locale language) {
        return cached(unit, language, "404", SitePages::notFound);
    }

    /**
     * A page of the unit's site (its frame, theme, menu, language) around {@code mainHtml} rendered by another
     * module (the procedure catalogue), not cached. {@code path} is the page's path under the site, for the language
     * switch; {@code stylesheets} are that module's assets linked in the page's head.
     */
    public String framed(Tenant unit, Locale language, String title, List<String> stylesheets, String mainHtml, String path) {
        Optional<UnitSettings> s = settings.of(unit);
        return reads.read(() -> SitePages.framed(view(unit, s, language), title, stylesheets, mainHtml, path));
    }

    /** A page around content rendered elsewhere (search results), not cached. */
    public String search(Tenant unit, Locale language, String q, String resultsHtml) {
        Optional<UnitSettings> s = settings.of(unit);
        return reads.read(() -> SitePages.search(view(unit, s, language), q, resultsHtml));
    }

    public byte[] rss(Tenant unit, Optional<Long> categoryId, String baseUrl) {
        String key = "rss/" + categoryId.map(String::valueOf).orElse("all");
        byte[] body = cache.get(unit, "vi", key, () -> {
            Optional<UnitSettings> s = settings.of(unit);
            return reads.read(() -> {
            Optional<Category> c = categoryId.flatMap(id -> reader.category(unit.getId(), id));
            if (categoryId.isPresent() && c.isEmpty()) {
                return new byte[0];
            }
            List<Article> items = c.isPresent() ? reader.inCategory(unit.getId(), c.get().id(), 20, 0) : reader.latest(unit.getId(), 20, 0);
            String name = s.map(UnitSettings::displayName).orElse(unit.getName());
            return Feeds.rss(unit, name, c, items, baseUrl).getBytes(StandardCharsets.UTF_8);
            });
        });
        return body;
    }

    public byte[] sitemap(Tenant unit, String baseUrl) {
        return cache.get(unit, "vi", "sitemap", () -> reads.read(() -> {
            List<Category> categories = reader.categories(unit.getId());
            List<SitePage> pages = reader.pages(unit.getId());
            List<Article> articles = reader.allLive(unit.getId(), 40_000);
            return Feeds.sitemap(unit, categories, pages, articles, baseUrl).getBytes(StandardCharsets.UTF_8);
        }));
    }

    // ---- helpers

    private byte[] cached(Tenant unit, Locale language, String path, Function<SiteView, String> render) {
        // the settings are read on a miss only, and before the public read (they have a transaction of their own)
        return cache.get(unit, language.toLanguageTag(), path, () -> {
            Optional<UnitSettings> s = settings.of(unit);
            return reads.read(() -> render.apply(view(unit, s, language))).getBytes(StandardCharsets.UTF_8);
        });
    }

    private static final byte[] MISSING = new byte[0];

    private Rendered cachedOptional(Tenant unit, Locale language, String path, Function<SiteView, Optional<String>> render) {
        // a missing item is cached too (as empty), so that probing ids does not cost a render each
        byte[] body = cache.get(unit, language.toLanguageTag(), path, () -> {
            Optional<UnitSettings> s = settings.of(unit);
            return reads.read(() -> render.apply(view(unit, s, language)).map(h -> h.getBytes(StandardCharsets.UTF_8)).orElse(MISSING));
        });
        return body.length == 0 ? new Rendered(notFound(unit, language), false) : new Rendered(body, true);
    }

    /** The search boxes the modules contribute for the home of a unit with units below, in order. */
    private List<SiteFinder> finders() {
        List<SiteFinder> all = new ArrayList<>();
        finders.forEach(c -> all.addAll(c.finders()));
        all.sort(Comparator.comparingInt(SiteFinder::order));
        return all;
    }

    /** The services the modules contribute, in order. */
    private List<SiteService> services() {
        List<SiteService> all = new ArrayList<>();
        contributions.forEach(c -> all.addAll(c.services()));
        all.sort(Comparator.comparingInt(SiteService::order));
        return all;
    }

    SiteView view(Tenant unit, Optional<UnitSettings> s, Locale language) {
        List<Tenant> children = directory.children(unit.getId());
        Map<Long, String> names = new HashMap<>();
        Map<Long, String> codes = new HashMap<>();
        names.put(unit.getId(), unit.getName());
        codes.put(unit.getId(), unit.getCode());
        return new SiteView(unit, s.orElse(null), reader.theme(unit.getId()), reader.menu(unit.getId()), reader.categories(unit.getId()),
                directory.ancestors(unit), children, reader.siteVisits(unit.getId()), language, false, names, codes, services());
    }
}
