package vn.egov.platform.search.control;

import java.time.Instant;
import java.util.List;

/** What a search found, already filtered to what the caller may see (items, counts, facets, suggestions). */
public record SearchResults(long total, int page, int size, List<Item> items, List<Facet> types, List<Facet> units,
                            List<String> suggestions, long tookMs) {

    /**
     * @param titleHtml HTML-escaped title with the matched words in {@code <mark>}
     * @param snippet   HTML-escaped passage of the body with the matched words in {@code <mark>} (may be empty)
     */
    public record Item(String id, String type, String unitCode, String unitName, String title, String titleHtml,
                       String snippet, String url, Instant updated) {
    }

    /** One facet value: a type, or a unit (code and name), with its count. */
    public record Facet(String value, String label, long count) {
    }
}
