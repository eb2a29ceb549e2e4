package vn.egov.platform.search.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.egov.platform.search.control.SearchQuery;
import vn.egov.platform.search.control.SearchResults;
import vn.egov.platform.search.control.Searcher;
import vn.egov.platform.security.SubjectScopeProvider.CurrentUser;
import vn.egov.platform.tenancy.TenantContext;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.words.Words;

/**
 * {@code GET /api/search}: search across the province, or a unit's subtree. Anyone may search; what is found
 * depends only on who is logged in (public items for everyone; staff and restricted items by the caller's
 * rights) and on the unit named, never on any other parameter.
 */
@Path("api/search")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tìm kiếm / Search", description = "Tìm kiếm toàn tỉnh theo phạm vi đơn vị và quyền của người dùng")
public class SearchResource {
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]{0,30}");

    @Inject
    Searcher searcher;

    @Inject
    TenantDirectory directory;

    @Inject
    TenantContext context;

    @GET
    @Operation(summary = "Search / Tìm kiếm",
            description = "Full-text search (Vietnamese, with or without diacritics) in the subtree of a unit, with facets by "
                    + "type and unit, highlighted snippets and, if asked, title suggestions. Results are limited to what "
                    + "the logged-in user (or an anonymous visitor) may see.")
    @APIResponse(responseCode = "200", description = "The results")
    @APIResponse(responseCode = "400", description = "A bad parameter (application/problem+json)")
    @APIResponse(responseCode = "404", description = "No such unit (application/problem+json)")
    @APIResponse(responseCode = "503", description = "Search is unavailable (application/problem+json)")
    public SearchResults search(
            @Parameter(description = "the words; empty lists everything visible") @QueryParam("q") String q,
            @Parameter(description = "unit code whose subtree is searched (default: the site's unit, else the province)") @QueryParam("unit") String unit,
            @Parameter(description = "only items of this type (notice, article, procedure...)") @QueryParam("type") String type,
            @Parameter(description = "page number, from 1") @QueryParam("page") String page,
            @Parameter(description = "results per page, 1 to 50 (default 10)") @QueryParam("size") String size,
            @Parameter(description = "relevance (default), newest or oldest") @QueryParam("sort") String sort,
            @Parameter(description = "true: also suggest titles completing the words") @QueryParam("suggest") String suggest) {
        String text = q == null ? "" : q;
        if (text.length() > SearchQuery.MAX_TEXT) {
            throw bad("q", "tooLong", SearchQuery.MAX_TEXT);
        }
        int pageNo = number("page", page, 1);
        int pageSize = number("size", size, 10);
        if (pageNo < 1) {
            throw bad("page", "pageFrom1");
        }
        if (pageSize < 1 || pageSize > SearchQuery.MAX_SIZE) {
            throw bad("size", "size", SearchQuery.MAX_SIZE);
        }
        if ((long) pageNo * pageSize > SearchQuery.MAX_DEPTH) {
            throw bad("page", "depth", SearchQuery.MAX_DEPTH);
        }
        if (type != null && !type.isBlank() && !TYPE.matcher(type).matches()) {
            throw bad("type", "type");
        }
        SearchQuery.Sort order;
        try {
            order = sort == null || sort.isBlank() ? SearchQuery.Sort.RELEVANCE : SearchQuery.Sort.valueOf(sort.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad("sort", "sort");
        }
        SearchQuery query = new SearchQuery(text, unit(unit), Optional.ofNullable(type).filter(t -> !t.isBlank()),
                pageNo, pageSize, order);
        try {
            return searcher.search(query, CurrentUser.get(), "true".equalsIgnoreCase(suggest));
        } catch (Searcher.BadQuery e) {
            throw bad("q", "notUnderstood");
        } catch (Searcher.Unavailable e) {
            throw unavailable();
        }
    }

    @GET
    @Path("suggest")
    @Operation(summary = "Suggestions / Gợi ý", description = "Titles completing the words being typed, with the same scope and permissions as the search.")
    @APIResponse(responseCode = "200", description = "Up to 8 titles")
    public List<String> suggest(@QueryParam("q") String q, @QueryParam("unit") String unit) {
        String text = q == null ? "" : q;
        if (text.length() > SearchQuery.MAX_TEXT) {
            throw bad("q", "tooLong", SearchQuery.MAX_TEXT);
        }
        try {
            return searcher.suggest(text, unit(unit), CurrentUser.get(), 8);
        } catch (Searcher.BadQuery e) {
            return List.of();
        } catch (Searcher.Unavailable e) {
            throw unavailable();
        }
    }

    private Tenant unit(String code) {
        if (code != null && !code.isBlank()) {
            Tenant t = directory.byCode(code.strip()).filter(x -> !x.isRetired())
                    .orElseThrow(() -> ProblemException.notFound(ProblemException::platformTexts, "platform.notFound.unitCode", code.strip()));
            return t;
        }
        // no unit and no site: the province the deployment was set up with, the oldest root (not the first by name:
        // another root, a province being set up or merged, must not take the search of the whole deployment)
        return context.tenant().orElseGet(() -> directory.roots().stream().min(java.util.Comparator.comparing(Tenant::getId))
                .orElseThrow(() -> ProblemException.notFound(ProblemException::platformTexts, "platform.notFound.rootUnit")));
    }

    private static int number(String name, String value, int otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw bad(name, "wholeNumber", name);
        }
    }

    /**
     * A bad parameter: titled by the platform's {@code badSearchParameter.title} naming it, the detail its
     * {@code search.<why>} with {@code args}.
     */
    static ProblemException bad(String parameter, String why, Object... args) {
        String title = ProblemException.PLATFORM + "badSearchParameter.title";
        java.util.function.Function<Locale, Words> texts = locale -> {
            Words platform = ProblemException.platformTexts(locale);
            return (key, a) -> key.equals(title) ? platform.text(key, parameter) : platform.text(key, a);
        };
        return new ProblemException(Problem.of(texts, 400, "bad-search-parameter", title, ProblemException.PLATFORM + "search." + why, args));
    }

    static ProblemException unavailable() {
        return new ProblemException(ProblemException.platform(503, "search-unavailable", "searchUnavailable"));
    }
}
