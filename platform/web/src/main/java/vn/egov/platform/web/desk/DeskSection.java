package vn.egov.platform.web.desk;

import java.util.List;

/**
 * One entry of the desk's menu, contributed by the module whose pages it opens (see {@link Contribution}). It is
 * shown to a user who holds {@code domain}:{@code action} over the unit.
 *
 * @param key      the section's name, which a page passes to mark itself current
 * @param order    where it stands in the menu (ascending)
 * @param bundle   the contributing module's message bundle (base name)
 * @param labelKey its label's key there (each language's text in that bundle)
 * @param path     below {@code /t/{code}/admin/} ("" for the overview)
 * @param domain   the permission's domain ({@code tenant}, {@code portal}, {@code dossiers}…)
 * @param action   the permission's action ({@code admin}, {@code read}…)
 * @param rootOnly shown at the root of a tree only (the province's catalogue import)
 * @param group    the menu's group it is listed under ({@link Group}: the site, services, documents, people, the unit)
 * @param subtree  shown to one whose right reaches the unit's subtree only (creating, importing, reorganising units below)
 */
public record DeskSection(String key, int order, String bundle, String labelKey, String path, String domain, String action, boolean rootOnly,
                          Group group, boolean subtree) {

    /** The menu's groups, in the order the menu shows them; each named by {@code desk.group.<name>} of the platform's texts. */
    public enum Group {
        SITE, SERVICES, DOCUMENTS, PEOPLE, UNIT;

        /** Its name's key in the platform's texts. */
        public String labelKey() {
            return "desk.group." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What a module gives the desk's menu: a CDI bean implementing this lists its sections. */
    public interface Contribution {
        List<DeskSection> sections();
    }
}
