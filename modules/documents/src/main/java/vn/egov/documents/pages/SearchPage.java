package vn.egov.documents.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.search.control.SearchQuery;
import vn.egov.platform.search.control.SearchResults;
import vn.egov.platform.search.control.Searcher;
import vn.egov.platform.security.SubjectScopeProvider;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.desk.Desk;
import vn.egov.platform.web.desk.DeskFrame;

/**
 * {@code /t/{code}/admin/documents/search}: full-text search over the documents through the search platform: this
 * unit's subtree, and only what the person may see (the filters come from the logged-in subject, as everywhere; a
 * secret document only for its readers).
 */
@Path("t/{code}/admin/documents/search")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(Desk.HTML)
public class SearchPage {

    /** What the template shows: the form, then either a problem (its bundle key) or what was found (null: nothing asked). */
    public record SearchView(String back, OverviewView.Search search, String problem, Long total, List<Found> found) {
    }

    /**
     * A document found: its page, its title and passage as the searcher made them (HTML-escaped, the matched words in
     * {@code <mark>}), its unit.
     */
    public record Found(String href, String titleHtml, String unitName, String snippetHtml) {
    }

    @Inject
    Desk layout;

    @Inject
    Access access;

    @Inject
    Searcher searcher;

    @GET
    public Response search(@QueryParam("q") String q) {
        Tenant unit = layout.call(() -> access.require("documents", "read"));
        String text = q == null ? "" : Normalizer.normalize(q.strip(), Normalizer.Form.NFC);
        OverviewView.Search form = new OverviewView.Search("/t/" + unit.getCode() + "/admin/documents/search", text, layout.en());
        String back = layout.url(unit, "documents");
        SearchView view;
        if (text.length() > SearchQuery.MAX_TEXT) {
            view = new SearchView(back, form, "search.tooLong", null, List.of());
        } else if (text.isEmpty()) {
            view = new SearchView(back, form, null, null, List.of());
        } else {
            view = find(unit, text, back, form);
        }
        DeskFrame.Page desk = layout.desk(unit, "documents", DocumentPages.BUNDLE, "search.title");
        return layout.okTemplate(DocumentPages.TEMPLATES.render("search.jte", desk.page(), "desk", desk, "view", view));
    }

    private SearchView find(Tenant unit, String text, String back, OverviewView.Search form) {
        try {
            SearchResults r = searcher.search(new SearchQuery(text, unit, Optional.of("document"), 1, 30, SearchQuery.Sort.RELEVANCE),
                    SubjectScopeProvider.CurrentUser.get(), false);
            // the item's address is the API's (/api/t/{unit}/documents/{id}); its page is the same under /t/{unit}/admin
            List<Found> found = r.items().stream().map(i -> new Found(layout.withLang(i.url().replaceFirst("^/api/t/([^/]+)/documents/", "/t/$1/admin/documents/")),
                    i.titleHtml(), i.unitName(), i.snippet() == null || i.snippet().isEmpty() ? null : i.snippet())).toList();
            return new SearchView(back, form, null, r.total(), found);
        } catch (Searcher.BadQuery e) {
            return new SearchView(back, form, "search.bad", null, List.of());
        } catch (Searcher.Unavailable e) {
            return new SearchView(back, form, "search.unavailable", null, List.of());
        }
    }
}
