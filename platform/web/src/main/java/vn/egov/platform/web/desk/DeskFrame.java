package vn.egov.platform.web.desk;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.egov.platform.security.UserPrincipal;

/**
 * What the desk's frame template shows around a page: the breadcrumb, the menu, the one-shot message, the user, the
 * links of the user line and the language switch. The flash is HTML made by the pages (their values escaped there);
 * the body is the page's template, or the HTML of a page not moved to templates yet.
 */
public record DeskFrame(List<Item> crumbs, List<MenuGroup> menu, String flashHtml, UserPrincipal user, String publicHref,
                        String tokensHref, String switchHref, String switchLang) {

    /** A link of the breadcrumb or the menu ({@code href} null: shown as text). */
    public record Item(String label, String href, boolean current) {
    }

    /** A group of the menu (the site, services, documents, people, the unit) with its entries; a group with none is not made. */
    public record MenuGroup(String label, List<Item> items) {
    }

    /** A page of the desk made from a template: its context (texts, title) and its frame. */
    public record Page(vn.egov.platform.web.pages.Page page, DeskFrame frame) {
    }

    /** An option of a select. */
    public record Option(String value, String label, boolean selected) {
    }

    /** The attributes an input of the desk may carry beyond its name, value and message. */
    public record Attributes(String type, Integer maxlength, boolean required, String placeholder, String pattern,
                             String inputmode, String autocomplete, String spellcheck) {
    }

    private static final Pattern ATTRIBUTE = Pattern.compile("\\s*([a-z-]+)(?:=\"([^\"]*)\")?");

    /** Reads the attributes a page writes as {@code required maxlength="300"}; an unknown one is a mistake, refused. */
    public static Attributes attributes(String written) {
        String type = null;
        Integer maxlength = null;
        boolean required = false;
        String placeholder = null;
        String pattern = null;
        String inputmode = null;
        String autocomplete = null;
        String spellcheck = null;
        Matcher m = ATTRIBUTE.matcher(written == null ? "" : written);
        int end = 0;
        while (m.lookingAt()) {
            String value = m.group(2);
            switch (m.group(1).toLowerCase(Locale.ROOT)) {
                case "type" -> type = value;
                case "maxlength" -> maxlength = Integer.valueOf(value);
                case "required" -> required = true;
                case "placeholder" -> placeholder = value;
                case "pattern" -> pattern = value;
                case "inputmode" -> inputmode = value;
                case "autocomplete" -> autocomplete = value;
                case "spellcheck" -> spellcheck = value;
                default -> throw new IllegalArgumentException("an input attribute the desk does not know: " + m.group(1));
            }
            end = m.end();
            m.region(end, m.regionEnd());
        }
        if (!(written == null ? "" : written).substring(end).isBlank()) {
            throw new IllegalArgumentException("unreadable input attributes: " + written);
        }
        return new Attributes(type, maxlength, required, placeholder, pattern, inputmode, autocomplete, spellcheck);
    }
}
