package vn.egov.platform.search.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.SolrDocument;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.tenancy.entity.Tenant;

/**
 * Runs searches and suggestions against Solr with the filters of {@link SearchFilters}: whatever a caller asks,
 * the place and visibility filters are added here, from the subject, so counts, facets, highlights and
 * suggestions only ever come from what the caller may see.
 */
@ApplicationScoped
public class Searcher {

    /** Solr answered that the query cannot be run (a syntax it refuses): the caller's input, not a fault. */
    public static final class BadQuery extends Exception {
        BadQuery(String message) {
            super(message);
        }
    }

    /** Solr cannot be reached or failed. */
    public static final class Unavailable extends Exception {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Inject
    SolrGateway solr;

    @jakarta.annotation.Resource(lookup = "jdbc/egov")
    javax.sql.DataSource dataSource;

    public SearchResults search(SearchQuery query, Optional<UserPrincipal> user, boolean withSuggestions)
            throws BadQuery, Unavailable {
        SolrQuery q = solrQuery(query, user);
        long t0 = System.nanoTime();
        QueryResponse r = run(q);
        FacetField unitFacet = r.getFacetField("tenant_id");
        Map<Long, String[]> names = names(unitsNamed(r, unitFacet));
        List<SearchResults.Item> items = items(r, names);
        List<SearchResults.Facet> types = new ArrayList<>();
        FacetField typeFacet = r.getFacetField("type");
        if (typeFacet != null && typeFacet.getValues() != null) {
            typeFacet.getValues().forEach(c -> types.add(new SearchResults.Facet(c.getName(), c.getName(), c.getCount())));
        }
        List<SearchResults.Facet> units = unitFacets(unitFacet, names);
        List<String> suggestions = withSuggestions && !query.text().isEmpty()
                ? suggest(query.text(), query.unit(), user, 5) : List.of();
        return new SearchResults(r.getResults().getNumFound(), query.page(), query.size(), items, types, units,
                suggestions, (System.nanoTime() - t0) / 1_000_000);
    }

    /** The query as Solr runs it: the caller's filters, then the page, the order, the facets and the highlights. */
    private static SolrQuery solrQuery(SearchQuery query, Optional<UserPrincipal> user) {
        SolrQuery q = new SolrQuery(query.solrText());
        filters(q, query.unit(), user);
        query.type().ifPresent(t -> q.addFilterQuery("{!tag=type}type:" + ClientUtils.escapeQueryChars(t)));
        q.setStart((query.page() - 1) * query.size()).setRows(query.size());
        q.setFields("id", "type", "tenant_id", "title", "url", "updated");
        switch (query.sort()) {
            case NEWEST -> q.addSort("updated", SolrQuery.ORDER.desc).addSort("id", SolrQuery.ORDER.asc);
            case OLDEST -> q.addSort("updated", SolrQuery.ORDER.asc).addSort("id", SolrQuery.ORDER.asc);
            default -> q.addSort("score", SolrQuery.ORDER.desc).addSort("updated", SolrQuery.ORDER.desc);
        }
        q.setFacet(true).setFacetMinCount(1).setFacetLimit(30);
        q.addFacetField("{!ex=type}type", "tenant_id");
        if (!query.text().isEmpty()) {
            q.setHighlight(true).setHighlightSnippets(1).setHighlightFragsize(180);
            q.set("hl.method", "unified").set("hl.fl", "title,body").set("hl.encoder", "html")
                    .set("hl.tag.pre", "<mark>").set("hl.tag.post", "</mark>").set("hl.requireFieldMatch", false)
                    .set("hl.defaultSummary", true);
        }
        return q;
    }

    /** The units of the results and of the unit facet, whose names the page shows. */
    private static Set<Long> unitsNamed(QueryResponse r, FacetField unitFacet) {
        Set<Long> unitIds = new java.util.TreeSet<>();
        r.getResults().forEach(d -> unitIds.add(((Number) d.getFieldValue("tenant_id")).longValue()));
        if (unitFacet != null && unitFacet.getValues() != null) {
            unitFacet.getValues().forEach(c -> unitIds.add(Long.parseLong(c.getName())));
        }
        return unitIds;
    }

    /** The page of results, each with its unit's code and name and its highlighted title and snippet. */
    private static List<SearchResults.Item> items(QueryResponse r, Map<Long, String[]> names) {
        Map<String, Map<String, List<String>>> hl = r.getHighlighting();
        List<SearchResults.Item> items = new ArrayList<>();
        for (SolrDocument d : r.getResults()) {
            String id = (String) d.getFieldValue("id");
            long unitId = ((Number) d.getFieldValue("tenant_id")).longValue();
            Optional<String[]> unit = Optional.ofNullable(names.get(unitId));
            String title = (String) d.getFieldValue("title");
            Map<String, List<String>> h = hl == null ? Map.of() : hl.getOrDefault(id, Map.of());
            String titleHtml = first(h.get("title")).orElse(escape(title));
            String snippet = first(h.get("body")).orElse("");
            Date updated = (Date) d.getFieldValue("updated");
            items.add(new SearchResults.Item(id, (String) d.getFieldValue("type"), unit.map(u -> u[0]).orElse(""),
                    unit.map(u -> u[1]).orElse(""), title, titleHtml, snippet, (String) d.getFieldValue("url"),
                    updated == null ? null : updated.toInstant()));
        }
        return items;
    }

    /** The unit facet, each unit by its code and name (its id if it has none). */
    private static List<SearchResults.Facet> unitFacets(FacetField unitFacet, Map<Long, String[]> names) {
        List<SearchResults.Facet> units = new ArrayList<>();
        if (unitFacet != null && unitFacet.getValues() != null) {
            for (FacetField.Count c : unitFacet.getValues()) {
                Optional<String[]> unit = Optional.ofNullable(names.get(Long.parseLong(c.getName())));
                units.add(new SearchResults.Facet(unit.map(u -> u[0]).orElse(c.getName()),
                        unit.map(u -> u[1]).orElse(c.getName()), c.getCount()));
            }
        }
        return units;
    }

    /**
     * Titles that complete what is being typed ("dang k" → "Đăng ký khai sinh"): every word typed is taken as
     * the beginning of a word of the title, diacritics and case ignored; same filters as the search.
     */
    public List<String> suggest(String text, Tenant unit, Optional<UserPrincipal> user, int limit)
            throws BadQuery, Unavailable {
        String words = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC).strip();
        if (words.isEmpty()) {
            return List.of();
        }
        SolrQuery q = new SolrQuery(ClientUtils.escapeQueryChars(words).replace("\\ ", " "));
        q.set("defType", "edismax").set("qf", "title_prefix").set("pf", "").set("q.op", "AND").set("uf", "-*");
        filters(q, unit, user);
        q.setFields("title").setRows(limit * 2);
        q.addSort("score", SolrQuery.ORDER.desc).addSort("updated", SolrQuery.ORDER.desc);
        Set<String> titles = new LinkedHashSet<>();
        for (SolrDocument d : run(q).getResults()) {
            titles.add((String) d.getFieldValue("title"));
            if (titles.size() == limit) {
                break;
            }
        }
        return List.copyOf(titles);
    }

    /** Items per unit in the index, for the units of {@code unit}'s subtree (the consistency check). */
    public Map<Long, Long> countsByUnit(Tenant unit, Set<String> types) throws BadQuery, Unavailable {
        SolrQuery q = new SolrQuery("*:*");
        q.set("defType", "lucene");
        q.addFilterQuery(SearchFilters.place(unit.getPath()));
        if (!types.isEmpty()) {
            List<String> t = types.stream().map(ClientUtils::escapeQueryChars).toList();
            q.addFilterQuery("type:(" + String.join(" OR ", t) + ")");
        }
        q.setRows(0).setFacet(true).setFacetMinCount(1).setFacetLimit(-1).addFacetField("tenant_id");
        Map<Long, Long> counts = new java.util.TreeMap<>();
        FacetField f = run(q).getFacetField("tenant_id");
        if (f != null && f.getValues() != null) {
            f.getValues().forEach(c -> counts.put(Long.parseLong(c.getName()), c.getCount()));
        }
        return counts;
    }

    /** Code and name of the units named in a page of results, in one query (the tree is public). */
    private Map<Long, String[]> names(Set<Long> ids) {
        Map<Long, String[]> names = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        try (java.sql.Connection c = dataSource.getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT id, code, name FROM tenant WHERE id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray(Long[]::new)));
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not read unit names: " + e.getMessage(), e);
        }
        return names;
    }

    private static void filters(SolrQuery q, Tenant unit, Optional<UserPrincipal> user) {
        q.addFilterQuery(SearchFilters.place(unit.getPath()));
        q.addFilterQuery(SearchFilters.visibility(user));
    }

    private QueryResponse run(SolrQuery q) throws BadQuery, Unavailable {
        try {
            return solr.client().query(q);
        } catch (org.apache.solr.common.SolrException e) {
            if (e.code() == 400) {
                throw new BadQuery(e.getMessage());
            }
            throw new Unavailable(e.getMessage(), e);
        } catch (SolrServerException | IOException | RuntimeException e) {
            throw new Unavailable(String.valueOf(e.getMessage()), e);
        }
    }

    private static Optional<String> first(List<String> values) {
        return values == null || values.isEmpty() || values.get(0).isBlank() ? Optional.empty() : Optional.of(values.get(0));
    }

    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
