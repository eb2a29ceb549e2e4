package vn.egov.portal.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.shiro.SecurityUtils;
import vn.egov.platform.search.control.SearchQuery;
import vn.egov.platform.search.control.SearchResults;
import vn.egov.platform.search.control.Searcher;
import vn.egov.platform.security.ScopedPermission;
import vn.egov.platform.security.SubjectScopeProvider.CurrentUser;
import vn.egov.platform.tenancy.TenantContext;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.pages.Locales;
import vn.egov.platform.web.pages.Templates;
import vn.egov.portal.control.PrivateFiles;
import vn.egov.platform.persistence.PublicReads;
import vn.egov.portal.pages.Site;
import vn.egov.portal.pages.SitePages;
import vn.egov.portal.control.SiteReader;
import vn.egov.portal.control.VisitCounter;
import vn.egov.portal.entity.StoredFile;

/**
 * The public site of a unit, {@code /t/{code}/...}: home, articles, categories (paged), static pages, RSS, sitemap,
 * search, files. Anyone may read it; it reads in the public scope only. Views are counted (in memory, see
 * {@link VisitCounter}). Its language is the request's ({@link Locales#of}: {@code ?lang}, the cookie, the browser's
 * {@code Accept-Language}, Vietnamese), so every page names what it varies by ({@link #VARY}). A visitor's warm page is
 * answered before this class, by {@link CachedPageFilter}, with the same headers.
 */
@Path("t/{code}")
@RequestScoped
public class SiteResource {
    static final String HTML = "text/html;charset=utf-8";
    static final String CSP = "Content-Security-Policy";
    static final Pattern REF = Pattern.compile("([0-9]{1,18})(-[a-z0-9-]*)?");
    /** What a page of the site varies by besides its address: its language (the cookie, the browser's) and its compression. */
    static final String VARY = "Accept-Encoding, " + Locales.VARY;

    @Inject
    TenantContext context;

    @Inject
    Site site;

    @Inject
    VisitCounter visits;

    @Inject
    PublicReads reads;

    @Inject
    SiteReader reader;

    @Inject
    PrivateFiles privateFiles;

    @Inject
    Searcher searcher;

    @Context
    HttpServletRequest request;

    private Tenant unit() {
        // the edge filter has resolved the code (or answered 404, or redirected an old one)
        return context.tenant().orElseThrow();
    }

    /** This request's language (resolved once, for every page of the platform alike). */
    private Locale language() {
        return Locales.of(request);
    }

    /**
     * A page of the site: the strict content policy, and the headers it varies by; a logged-in user's copy (their name
     * in it) is kept by no cache at all.
     */
    static Response html(int status, Object body) {
        Response.ResponseBuilder b = Response.status(status).type(HTML).header(CSP, Templates.CONTENT_SECURITY_POLICY).header("Vary", VARY);
        if (CurrentUser.get().isPresent()) {
            b.header("Cache-Control", "private, no-store");
        }
        return b.entity(body).build();
    }

    @GET
    public Response home() {
        Tenant unit = unit();
        visits.site(unit.getId());
        return html(200, personal(site.home(unit, language()), language()));
    }

    /** The cached page as is for visitors; with their user line for the logged-in (a copy, not cached). */
    static byte[] personal(byte[] page, Locale language) {
        return CurrentUser.get().map(u -> SitePages.forUser(page, u.displayName(), u.tenantCode(), language)).orElse(page);
    }

    @GET
    @Path("articles/{ref}")
    public Response article(@PathParam("ref") String ref) {
        Tenant unit = unit();
        Optional<Long> id = id(ref);
        Site.Rendered r = id.isPresent() ? site.article(unit, id.get(), language()) : new Site.Rendered(site.notFound(unit, language()), false);
        if (r.found()) {
            visits.site(unit.getId());
            visits.article(unit.getId(), id.get());
        }
        return html(r.found() ? 200 : 404, personal(r.body(), language()));
    }

    @GET
    @Path("categories/{ref}")
    public Response category(@PathParam("ref") String ref, @QueryParam("page") @DefaultValue("1") String page) {
        Tenant unit = unit();
        Optional<Long> id = id(ref);
        int p = page.matches("[0-9]{1,4}") ? Math.max(1, Integer.parseInt(page)) : 1;
        Site.Rendered r = id.isPresent() ? site.category(unit, id.get(), p, language()) : new Site.Rendered(site.notFound(unit, language()), false);
        if (r.found()) {
            visits.site(unit.getId());
        }
        return html(r.found() ? 200 : 404, personal(r.body(), language()));
    }

    @GET
    @Path("categories/{ref}/rss.xml")
    public Response categoryFeed(@PathParam("ref") String ref) {
        Tenant unit = unit();
        Optional<Long> id = id(ref);
        byte[] body = id.isPresent() ? site.rss(unit, id, baseUrl()) : new byte[0];
        return body.length == 0 ? notFound(unit) : Response.ok(body, "application/rss+xml;charset=utf-8").build();
    }

    @GET
    @Path("pages/{ref}")
    public Response page(@PathParam("ref") String ref) {
        Tenant unit = unit();
        Optional<Long> id = id(ref);
        Site.Rendered r = id.isPresent() ? site.page(unit, id.get(), language()) : new Site.Rendered(site.notFound(unit, language()), false);
        if (r.found()) {
            visits.site(unit.getId());
        }
        return html(r.found() ? 200 : 404, personal(r.body(), language()));
    }

    @GET
    @Path("rss.xml")
    public Response feed() {
        return Response.ok(site.rss(unit(), Optional.empty(), baseUrl()), "application/rss+xml;charset=utf-8").build();
    }

    @GET
    @Path("sitemap.xml")
    public Response sitemap() {
        return Response.ok(site.sitemap(unit(), baseUrl()), "application/xml;charset=utf-8").build();
    }

    /** The site's search box: public items of the unit's subtree (everyone gets the same: the page is public). */
    @GET
    @Path("search")
    public Response search(@QueryParam("q") @DefaultValue("") String q, @QueryParam("page") @DefaultValue("1") String page) {
        Tenant unit = unit();
        Locale language = language();
        String text = q.length() > SearchQuery.MAX_TEXT ? q.substring(0, SearchQuery.MAX_TEXT) : q;
        int p = page.matches("[0-9]{1,3}") ? Math.min(100, Math.max(1, Integer.parseInt(page))) : 1;
        String results = "";
        int status = 200;
        if (!text.isBlank()) {
            try {
                SearchResults r = searcher.search(new SearchQuery(text, unit, Optional.empty(), p, 10, SearchQuery.Sort.RELEVANCE),
                        Optional.empty(), false);
                String more = r.total() > (long) p * 10 ? "/t/" + unit.getCode() + "/search?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
                        + "&page=" + (p + 1) + ("vi".equals(language.getLanguage()) ? "" : "&lang=" + language.toLanguageTag()) : null;
                results = SitePages.results(language, r, more, null);
            } catch (Searcher.BadQuery e) {
                status = 400;
                results = SitePages.results(language, null, null, "site.badQuery");
            } catch (Searcher.Unavailable e) {
                status = 503;
                results = SitePages.results(language, null, null, "site.searchUnavailable");
            }
        }
        return html(status, site.search(unit, language, text, results));
    }

    /**
     * The unit's theme as a stylesheet: its two colours and its banner picture, all named in the address (so that a
     * page's link changes with the theme and the sheet is cached for good). Anything else in the address is refused.
     */
    @GET
    @Path("theme.css")
    public Response theme(@QueryParam("p") String primary, @QueryParam("a") String accent, @QueryParam("b") String banner) {
        Tenant unit = unit();
        if (primary == null || accent == null || !primary.matches("[0-9a-fA-F]{6}") || !accent.matches("[0-9a-fA-F]{6}")
                || (banner != null && !banner.matches("[0-9]{1,18}"))) {
            return Response.status(404).type("text/css;charset=utf-8").entity("").build();
        }
        CacheControl cc = new CacheControl();
        cc.setMaxAge(31_536_000);
        return Response.ok(SitePages.themeCss(unit.getCode(), primary, accent, banner == null ? null : Long.valueOf(banner)),
                "text/css;charset=utf-8").cacheControl(cc).header("X-Content-Type-Options", "nosniff").build();
    }

    @GET
    @Path("files/{id}")
    public Response file(@PathParam("id") String id, @QueryParam("v") String version, @Context Request req) {
        return serve(id, false, version, req);
    }

    @GET
    @Path("files/{id}/thumbnail")
    public Response thumbnail(@PathParam("id") String id, @QueryParam("v") String version, @Context Request req) {
        return serve(id, true, version, req);
    }

    /**
     * A public file to anyone; a private one only to those with portal rights over the unit (editors previewing),
     * never cached by shared caches. Another unit's file, public or not, is not found here: files are per unit.
     */
    private Response serve(String ref, boolean thumb, String version, Request req) {
        Tenant unit = unit();
        if (!ref.matches("[0-9]{1,18}")) {
            return notFound(unit);
        }
        long id = Long.parseLong(ref);
        Optional<StoredFile> meta = reads.read(() -> reader.file(unit.getId(), id));
        boolean isPublic = meta.isPresent();
        if (meta.isEmpty() && mayEdit(unit)) {
            meta = privateFiles.meta(unit, id);
        }
        if (meta.isEmpty() || (thumb && !meta.get().hasThumbnail())) {
            return notFound(unit);
        }
        StoredFile f = meta.get();
        EntityTag tag = new EntityTag(f.sha256() + (thumb ? "-t" : ""));
        Response.ResponseBuilder notModified = req.evaluatePreconditions(tag);
        CacheControl cc = new CacheControl();
        if (isPublic) {
            boolean versioned = version != null && f.sha256().startsWith(version) && version.length() >= 8;
            cc.setMaxAge(versioned ? 31_536_000 : 300);
        } else {
            cc.setPrivate(true);
            cc.setNoStore(true);
        }
        if (notModified != null) {
            return notModified.cacheControl(cc).tag(tag).build();
        }
        Optional<byte[]> bytes = isPublic ? reads.read(() -> reader.content(unit.getId(), id, thumb)) : privateFiles.content(unit, id, thumb);
        if (bytes.isEmpty()) {
            return notFound(unit);
        }
        String type = thumb ? "image/jpeg" : f.contentType();
        String disposition = (f.image() ? "inline" : "attachment") + "; filename*=UTF-8''"
                + URLEncoder.encode(f.name(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(bytes.get(), type).cacheControl(cc).tag(tag).header("Content-Disposition", disposition)
                .header("X-Content-Type-Options", "nosniff").header("Content-Security-Policy", "default-src 'none'; sandbox").build();
    }

    private Response notFound(Tenant unit) {
        return html(404, site.notFound(unit, language()));
    }

    private boolean mayEdit(Tenant unit) {
        return CurrentUser.get().isPresent()
                && SecurityUtils.getSubject().isPermitted(ScopedPermission.required("portal", "read", unit.getPath()));
    }

    static Optional<Long> id(String ref) {
        Matcher m = REF.matcher(ref);
        return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    private String baseUrl() {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean standard = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + request.getServerName() + (standard ? "" : ":" + port);
    }
}
