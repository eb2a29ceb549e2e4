package vn.egov.portal.control;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.portal.entity.Category;
import vn.egov.portal.entity.MenuItem;
import vn.egov.portal.entity.Theme;
import vn.egov.platform.settings.UnitSettings;

/**
 * What every page of a unit's site shows around its content: the unit, its settings (name, logo, contact), theme,
 * menu, categories, its place in the tree, the site's visit count, and the language.
 *
 * @param unitNames names of units by id (the unit, its children, and the units of rolled-up items)
 * @param unitCodes codes of units by id, for links to other units' sites
 */
public record SiteView(Tenant unit, UnitSettings settings, Theme theme, List<MenuItem> menu, List<Category> categories,
                       List<Tenant> ancestors, List<Tenant> children, long visits, boolean english, boolean preview,
                       Map<Long, String> unitNames, Map<Long, String> unitCodes) {
    public SiteView {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(theme, "theme");
        menu = List.copyOf(menu);
        categories = List.copyOf(categories);
        ancestors = List.copyOf(ancestors);
        children = List.copyOf(children);
        unitNames = Map.copyOf(unitNames);
        unitCodes = Map.copyOf(unitCodes);
    }

    public String lang() {
        return english ? "en" : "vi";
    }

    public String name() {
        return settings != null && settings.displayName() != null ? settings.displayName() : unit.getName();
    }

    public String t(String vi, String en) {
        return english ? en : vi;
    }

    /** The unit's site root, e.g. {@code /t/xa-a/}. */
    public String base() {
        return "/t/" + unit.getCode() + "/";
    }

    /** A link inside the site, keeping the language. */
    public String href(String sub) {
        String path = base() + sub;
        return english ? path + (path.contains("?") ? "&" : "?") + "lang=en" : path;
    }

    public SiteView withTheme(Theme other) {
        return new SiteView(unit, settings, other, menu, categories, ancestors, children, visits, english, true, unitNames, unitCodes);
    }

    public SiteView asPreview() {
        return new SiteView(unit, settings, theme, menu, categories, ancestors, children, visits, english, true, unitNames, unitCodes);
    }
}
