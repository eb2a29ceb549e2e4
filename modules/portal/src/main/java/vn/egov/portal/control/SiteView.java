package vn.egov.portal.control;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.site.SiteService;
import vn.egov.portal.entity.Category;
import vn.egov.portal.entity.MenuItem;
import vn.egov.portal.entity.Theme;
import vn.egov.platform.settings.UnitSettings;

/**
 * What every page of a unit's site shows around its content: the unit, its settings (name, logo, contact), theme,
 * menu, categories, its place in the tree, the site's visit count, and the language (Vietnamese, English or the
 * pseudo-language, as the request's language resolved it; links inside the site keep any but Vietnamese in their address).
 *
 * @param unitNames names of units by id (the unit, its children, and the units of rolled-up items)
 * @param unitCodes codes of units by id, for links to other units' sites
 * @param services  what every site leads to (the modules' {@link SiteService}s), in order
 */
public record SiteView(Tenant unit, UnitSettings settings, Theme theme, List<MenuItem> menu, List<Category> categories,
                       List<Tenant> ancestors, List<Tenant> children, long visits, Locale locale, boolean preview,
                       Map<Long, String> unitNames, Map<Long, String> unitCodes, List<SiteService> services) {
    public SiteView {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(locale, "locale");
        menu = List.copyOf(menu);
        categories = List.copyOf(categories);
        ancestors = List.copyOf(ancestors);
        children = List.copyOf(children);
        unitNames = Map.copyOf(unitNames);
        unitCodes = Map.copyOf(unitCodes);
        services = List.copyOf(services);
    }

    /** The language's tag: {@code vi}, {@code en} or {@code qps}. */
    public String lang() {
        return locale.toLanguageTag();
    }

    /** Whether the page is not in Vietnamese: it shows the English names of categories and menu entries. */
    public boolean english() {
        return !"vi".equals(locale.getLanguage());
    }

    /** What an address inside the site ends with to keep the language: {@code ?lang=en}, or nothing in Vietnamese. */
    public String langQuery() {
        return english() ? "?lang=" + lang() : "";
    }

    public String name() {
        return settings != null && settings.displayName() != null ? settings.displayName() : unit.getName();
    }

    /** The unit's site root, e.g. {@code /t/xa-a/}. */
    public String base() {
        return "/t/" + unit.getCode() + "/";
    }

    /** A link inside the site, keeping the language. */
    public String href(String sub) {
        String path = base() + sub;
        return english() ? path + (path.contains("?") ? "&" : "?") + "lang=" + lang() : path;
    }

    public SiteView withTheme(Theme other) {
        return new SiteView(unit, settings, other, menu, categories, ancestors, children, visits, locale, true, unitNames, unitCodes, services);
    }

    public SiteView asPreview() {
        return new SiteView(unit, settings, theme, menu, categories, ancestors, children, visits, locale, true, unitNames, unitCodes, services);
    }
}
