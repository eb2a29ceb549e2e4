package vn.egov.platform.web.site;

import java.util.List;

/**
 * What the public site's layout ({@code layout/site.jte}) shows around a page of a unit's site: the unit's name, logo and
 * place in the tree, its theme (a stylesheet of the unit's colours and banner, and the layout's class), the search box,
 * the language switch, the menu, the footer. The module that makes sites fills it; the layout knows no more of sites.
 *
 * @param layout    the theme's layout, a class of the body ({@code classic}, {@code magazine}, {@code compact})
 * @param themeHref the unit's theme stylesheet (colours and banner), versioned by its content
 * @param banner    whether the theme has a banner picture (the stylesheet places it)
 * @param lang      the page's language tag ({@code vi}, {@code en}, {@code qps}), kept by the search box when not Vietnamese
 * @param switchHref the same page in the other language ({@link #switchLang()})
 */
public record SiteFrame(String siteName, String homeHref, String logoHref, Link parent, String layout, String themeHref,
                        boolean banner, boolean preview, boolean suspended, String searchAction, String lang,
                        String switchHref, String switchLang, String rssHref, List<MenuEntry> menu, Footer footer) {
    /** Around the login link of a (cached, the same for all) page: a logged-in visitor's copy gets their user line there. */
    public static final String USER_START = "<!--user-->";
    public static final String USER_END = "<!--/user-->";

    public SiteFrame {
        menu = List.copyOf(menu);
    }

    /** Whether the page is in another language than Vietnamese (English or the pseudo-language). */
    public boolean english() {
        return !"vi".equals(lang);
    }

    /** A link with its text. */
    public record Link(String label, String href) {
    }

    /** An entry of the site's menu, with its sub-entries (shown on hover or keyboard focus). */
    public record MenuEntry(String label, String href, List<MenuEntry> children) {
        public MenuEntry {
            children = List.copyOf(children);
        }
    }

    /** The footer: the unit's contact (any may be null), the theme's text, the visit count and the site's links. */
    public record Footer(String address, String phone, String email, String text, long visits, String rssHref,
                         String sitemapHref, String adminHref) {
        public boolean contact() {
            return address != null || phone != null || email != null;
        }
    }
}
