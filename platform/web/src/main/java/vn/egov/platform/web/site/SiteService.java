package vn.egov.platform.web.site;

import java.util.List;

/**
 * A service every unit's public site leads to, contributed by the module whose page it is (see {@link Contribution}):
 * the online public services, "look up a dossier". The module that makes sites puts them in every site's menu, after
 * what the unit's own menu holds (unless that already links there), so that no portal hides its services.
 *
 * @param order    where it stands among the services (ascending)
 * @param bundle   the contributing module's message bundle (base name)
 * @param labelKey its label's key there
 * @param path     the page, below the site's {@code /t/{code}/}
 */
public record SiteService(int order, String bundle, String labelKey, String path) {

    /** What a module gives: a CDI bean implementing this lists its services. */
    public interface Contribution {
        List<SiteService> services();
    }
}
