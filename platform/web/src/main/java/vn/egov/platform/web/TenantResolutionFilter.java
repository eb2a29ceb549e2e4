package vn.egov.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.egov.platform.tenancy.TenantContext;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.pages.Page;
import vn.egov.platform.web.pages.Templates;

/**
 * Resolves the request's unit once, at the edge: from the path prefix {@code /t/{code}/} or
 * {@code /api/t/{code}/}, else from the Host header when it is a unit's custom domain. An unknown code is
 * answered here (404) and never reaches a boundary.
 */
public class TenantResolutionFilter implements Filter {
    static final Pattern PREFIX = Pattern.compile("^/(api/)?t/([^/]*)(/.*)?$");

    @Inject
    TenantContext context;

    @Inject
    TenantDirectory directory;

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher m = PREFIX.matcher(path);
        if (m.matches()) {
            String code = m.group(2);
            Optional<Tenant> tenant = directory.byCode(code);
            if (tenant.isEmpty()) {
                Optional<Tenant> successor = directory.successorOfCode(code);
                if (successor.isPresent()) {
                    moved(request, response, m, successor.get());
                } else {
                    unknownUnit(request, response, code, m.group(1) != null);
                }
                return;
            }
            if (tenant.get().isRetired()) {
                // merged or dissolved: its old address belongs to its successor now
                moved(request, response, m, directory.current(tenant.get()));
                return;
            }
            context.resolve(tenant.get(), "path");
        } else {
            Optional<Tenant> byHost = directory.byHost(request.getServerName());
            if (byHost.isPresent() && byHost.get().isRetired()) {
                Tenant successor = directory.current(byHost.get());
                boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
                response.setStatus(read ? HttpServletResponse.SC_MOVED_PERMANENTLY : 308);
                response.setHeader("Location", (successor.getCustomDomain() != null
                        ? request.getScheme() + "://" + successor.getCustomDomain() + (request.getServerPort() == 80
                        || request.getServerPort() == 443 ? "" : ":" + request.getServerPort()) + path
                        : request.getContextPath() + "/t/" + successor.getCode() + path));
                return;
            }
            byHost.ifPresent(t -> context.resolve(t, "host"));
        }
        chain.doFilter(req, res);
    }

    /** An old code: permanently redirected to the unit's current address (308 keeps the method of a write). */
    private static void moved(HttpServletRequest request, HttpServletResponse response, Matcher m, Tenant successor) {
        String target = request.getContextPath() + "/" + (m.group(1) == null ? "" : "api/") + "t/" + successor.getCode()
                + (m.group(3) == null ? "" : m.group(3))
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        response.setStatus(read ? HttpServletResponse.SC_MOVED_PERMANENTLY : 308);
        response.setHeader("Location", target);
    }

    private static void unknownUnit(HttpServletRequest request, HttpServletResponse response, String code, boolean api)
            throws IOException {
        response.setStatus(404);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String shown = code.length() > 63 ? code.substring(0, 63) + "…" : code;
        if (api || accepts(request, "json")) {
            response.setContentType(Problem.MEDIA_TYPE_NAME);
            response.getWriter().write(ProblemException.platform(404, "unknown-unit", "unknownUnit", shown)
                    .toJson(Problem.language(request), api ? "/api/t/" + shown : "/t/" + shown));
        } else {
            response.setContentType("text/html");
            response.setHeader("Content-Security-Policy", Templates.CONTENT_SECURITY_POLICY);
            response.getWriter().write(Templates.PLATFORM.render("platform/no-unit.jte", Page.of(request, null, "noUnit.title"), "code", shown));
        }
    }

    private static boolean accepts(HttpServletRequest request, String what) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains(what) && !accept.contains("text/html");
    }
}
