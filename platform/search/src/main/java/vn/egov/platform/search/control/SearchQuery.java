package vn.egov.platform.search.control;

import java.text.Normalizer;
import java.util.Objects;
import java.util.Optional;
import vn.egov.platform.tenancy.entity.Tenant;

/**
 * A search as asked: the words, the unit whose subtree is searched, an optional type, a page and an order. The
 * boundary checks the parameters; this record only carries values already checked.
 */
public record SearchQuery(String text, Tenant unit, Optional<String> type, int page, int size, Sort sort) {
    public static final int MAX_SIZE = 50;
    public static final int MAX_TEXT = 200;
    /** Solr is not asked for more than this many results deep (page * size). */
    public static final int MAX_DEPTH = 10_000;

    public enum Sort { RELEVANCE, NEWEST, OLDEST }

    public SearchQuery {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sort, "sort");
        text = Normalizer.normalize(text, Normalizer.Form.NFC).strip();
        if (text.length() > MAX_TEXT || page < 1 || size < 1 || size > MAX_SIZE || (long) page * size > MAX_DEPTH) {
            throw new IllegalArgumentException("unchecked search parameters");
        }
    }

    /**
     * The words for Solr's edismax parser: local parameters ({@code {!...}}) could switch the parser, so their
     * opening brace is escaped; everything else edismax reads itself (quotes, +/-, AND/OR), limited to the text
     * fields by the configset ({@code uf}).
     */
    public String solrText() {
        return text.isEmpty() ? "*:*" : text.replace("{", "\\{").replace("}", "\\}");
    }
}
