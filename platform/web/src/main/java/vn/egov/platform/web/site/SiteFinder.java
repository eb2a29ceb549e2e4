package vn.egov.platform.web.site;

import java.util.List;

/**
 * A search box the home page of a unit with units below shows, contributed by the module whose page answers it (see
 * {@link Contribution}): the province's home finds procedures across the province. The box sends {@code q} to the
 * page at {@code path} below the site's {@code /t/{code}/}.
 *
 * @param order     where it stands among the boxes (ascending)
 * @param bundle    the contributing module's message bundle (base name)
 * @param labelKey  the box's label's key there
 * @param buttonKey its button's key there
 * @param path      the page that answers, below the site's {@code /t/{code}/}
 */
public record SiteFinder(int order, String bundle, String labelKey, String buttonKey, String path) {

    /** What a module gives: a CDI bean implementing this lists its boxes. */
    public interface Contribution {
        List<SiteFinder> finders();
    }
}
