package vn.egov.portal.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.egov.platform.security.SubjectScopeProvider.CurrentUser;
import vn.egov.platform.tenancy.TenantContext;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.pages.Locales;
import vn.egov.platform.web.pages.Templates;
import vn.egov.portal.control.CachedPage;
import vn.egov.portal.control.PageCache;
import vn.egov.portal.control.VisitCounter;

/**
 * The warm path of the public site: a visitor's GET of a page that some node has already rendered (home, article,
 * category page, static page; in the request's language, {@link Locales#of}) is answered from the page cache's near
 * cache right here, before JAX-RS, with the headers {@link SiteResource} gives the same page (the strict content
 * policy, what it varies by). Anything else (a miss, a logged-in user, whose copy carries their name, another method
 * or parameter) goes on to {@link SiteResource}, which renders and fills the cache with the same keys. Visits are
 * counted the same way (in memory). A browser that accepts gzip gets the page compressed (once, when it was rendered).
 * <p>
 * It is mapped twice (web.xml). Early, with the init parameter {@code early}, right after the headers every answer
 * carries and the language's cookie: for a request that cannot be anyone's (no credentials, no cookie but the
 * language's), whose unit it looks up by the code in the address as the edge does (a kept lookup; an unknown, old or
 * retired code goes on to the edge, which answers it); that is nearly every visitor, and spares them Shiro and the
 * rest. Then after the edge (Shiro, the unit's resolution), for the others: a session may be a visitor's too.
 */
public class CachedPageFilter implements Filter {
    static final String MISSED = CachedPageFilter.class.getName() + ".missed";
    static final Pattern PATH = Pattern.compile("^/t/([^/]+)/(?:(articles|categories|pages)/([0-9]{1,18})(?:-[a-z0-9-]*)?)?$");

    @Inject
    TenantContext context;

    @Inject
    PageCache cache;

    @Inject
    VisitCounter visits;

    @Inject
    TenantDirectory directory;

    private boolean early;

    @Override
    public void init(FilterConfig config) {
        early = Boolean.parseBoolean(config.getInitParameter("early"));
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (!"GET".equals(request.getMethod())) {
            chain.doFilter(req, res);
            return;
        }
        Matcher m = PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (!m.matches()) {
            chain.doFilter(req, res);
            return;
        }
        String kind = m.group(2);
        int page = 1;
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("lang=")) {
                    continue; // the resolver's (an unknown language is ignored there)
                } else if ("categories".equals(kind) && pair.matches("page=[0-9]{1,4}")) {
                    page = Math.max(1, Integer.parseInt(pair.substring(5)));
                } else {
                    chain.doFilter(req, res);
                    return;
                }
            }
        }
        Optional<Tenant> unit;
        if (early) {
            unit = anonymous(request) ? directory.byCode(m.group(1)).filter(t -> !t.isRetired()) : Optional.empty();
        } else {
            // a visitor the early mapping has already looked for is a miss here too
            unit = request.getAttribute(MISSED) != null || CurrentUser.get().isPresent() ? Optional.empty() : context.tenant();
        }
        if (unit.isEmpty()) {
            chain.doFilter(req, res);
            return;
        }
        String path = kind == null ? "" : kind.equals("categories") ? "categories/" + m.group(3) + "?page=" + page : kind + "/" + m.group(3);
        CachedPage cached = cache.peek(unit.get(), Locales.of(request).toLanguageTag(), path);
        if (cached == null || cached.plain().length == 0) {
            request.setAttribute(MISSED, Boolean.TRUE);
            chain.doFilter(req, res);
            return;
        }
        visits.site(unit.get().getId());
        if ("articles".equals(kind)) {
            visits.article(unit.get().getId(), Long.parseLong(m.group(3)));
        }
        answer(request, (HttpServletResponse) res, cached);
    }

    /** The page as {@link SiteResource} sends it: the strict policy, what it varies by; compressed if the browser takes it. */
    private static void answer(HttpServletRequest request, HttpServletResponse response, CachedPage cached) throws IOException {
        response.setStatus(200);
        response.setContentType(SiteResource.HTML);
        response.setHeader(SiteResource.CSP, Templates.CONTENT_SECURITY_POLICY);
        response.setHeader("Vary", SiteResource.VARY);
        byte[] body = cached.plain();
        if (cached.gzip() != null && CachedPage.acceptsGzip(request.getHeader("Accept-Encoding"))) {
            body = cached.gzip();
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * Whether the request can be no one's but a visitor's: no credentials, and no cookie but the language's (no session,
     * no remembered login), so Shiro could make no user of it.
     */
    static boolean anonymous(HttpServletRequest request) {
        if (request.getHeader("Authorization") != null) {
            return false;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (!Locales.COOKIE.equals(c.getName())) {
                    return false;
                }
            }
        }
        return true;
    }
}
