package vn.egov.portal.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.egov.platform.security.SubjectScopeProvider.CurrentUser;
import vn.egov.platform.tenancy.TenantContext;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.portal.control.CachedPage;
import vn.egov.portal.control.PageCache;
import vn.egov.portal.control.VisitCounter;

/**
 * The warm path of the public site: a visitor's GET of a page that some node has already rendered (home, article,
 * category page, static page; Vietnamese or {@code ?lang=en}) is answered from the page cache's near cache right
 * here, after the edge filters (Shiro, the unit's resolution) and before JAX-RS. Anything else (a miss, a logged-in
 * user, whose copy carries their name, another method or parameter) goes on to {@link SiteResource}, which renders
 * and fills the cache with the same keys. Visits are counted the same way. A browser that accepts gzip gets the
 * page compressed (once, when it was rendered).
 */
public class CachedPageFilter implements Filter {
    static final Pattern PATH = Pattern.compile("^/t/[^/]+/(?:(articles|categories|pages)/([0-9]{1,18})(?:-[a-z0-9-]*)?)?$");

    @Inject
    TenantContext context;

    @Inject
    PageCache cache;

    @Inject
    VisitCounter visits;

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (!"GET".equals(request.getMethod())) {
            chain.doFilter(req, res);
            return;
        }
        Matcher m = PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        String query = request.getQueryString();
        int page = 1;
        boolean en = false;
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.equals("lang=en")) {
                    en = true;
                } else if (pair.equals("lang=vi")) {
                    en = false;
                } else if (pair.matches("page=[0-9]{1,4}") && m.matches() && "categories".equals(m.group(1))) {
                    page = Math.max(1, Integer.parseInt(pair.substring(5)));
                } else {
                    chain.doFilter(req, res);
                    return;
                }
            }
        }
        Optional<Tenant> unit = context.tenant();
        if (!m.matches() || unit.isEmpty() || CurrentUser.get().isPresent()) {
            chain.doFilter(req, res);
            return;
        }
        String kind = m.group(1);
        String path = kind == null ? "" : kind.equals("categories") ? "categories/" + m.group(2) + "?page=" + page : kind + "/" + m.group(2);
        CachedPage cached = cache.peek(unit.get(), en ? "en" : "vi", path);
        if (cached == null || cached.plain().length == 0) {
            chain.doFilter(req, res);
            return;
        }
        visits.site(unit.get().getId());
        if ("articles".equals(kind)) {
            visits.article(unit.get().getId(), Long.parseLong(m.group(2)));
        }
        HttpServletResponse response = (HttpServletResponse) res;
        response.setStatus(200);
        response.setContentType("text/html;charset=utf-8");
        response.setHeader("Vary", "Accept-Encoding");
        byte[] body = cached.plain();
        if (cached.gzip() != null && CachedPage.acceptsGzip(request.getHeader("Accept-Encoding"))) {
            body = cached.gzip();
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
