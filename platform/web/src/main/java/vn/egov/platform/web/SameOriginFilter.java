package vn.egov.platform.web;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.apache.shiro.web.servlet.AdviceFilter;

/**
 * The API's guard against requests forged by another web site (OWASP's "verifying origin with standard headers"
 * and "fetch metadata"): a request that may change something (any method but GET, HEAD, OPTIONS) is refused with a
 * 403 problem, before anything runs, when the browser says it comes from another site ({@code Sec-Fetch-Site:
 * cross-site}) or its {@code Origin} is not the host it is sent to ({@code Origin: null} included). A browser's
 * session cookie or cached Basic credentials ride along with such a request, so the check holds for both. A client
 * that is not a browser sends neither header and goes on; the session cookie is {@code SameSite=Lax} as well.
 */
public class SameOriginFilter extends AdviceFilter {
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    protected boolean preHandle(ServletRequest request, ServletResponse response) throws Exception {
        HttpServletRequest http = (HttpServletRequest) request;
        if (SAFE.contains(http.getMethod()) || sameOrigin(http.getHeader("Sec-Fetch-Site"), http.getHeader("Origin"), http.getHeader("Host"),
                http.getHeader("X-Forwarded-Host"))) {
            return true;
        }
        HttpServletResponse out = (HttpServletResponse) response;
        out.setStatus(403);
        out.setContentType(Problem.MEDIA_TYPE_NAME);
        out.setCharacterEncoding(StandardCharsets.UTF_8.name());
        out.getWriter().write(ProblemException.platform(403, "cross-origin-request", "crossOrigin")
                .toJson(Problem.language(http), http.getRequestURI()));
        return false;
    }

    /**
     * Whether a request's browser headers allow it: no fetch metadata saying "cross-site", and no {@code Origin} or
     * one whose host (and port) is the {@code Host} asked (or the host a proxy forwarded).
     */
    static boolean sameOrigin(String fetchSite, String origin, String host, String forwardedHost) {
        if (fetchSite != null && fetchSite.strip().equalsIgnoreCase("cross-site")) {
            return false;
        }
        if (origin == null) {
            return true;
        }
        String from = authority(origin.strip());
        return from != null && (from.equals(normal(host)) || from.equals(normal(forwardedHost)));
    }

    /** {@code host[:port]} of an origin, lower-cased, the default port dropped; null for "null" or a malformed one. */
    static String authority(String origin) {
        try {
            URI u = URI.create(origin);
            if (u.getHost() == null || u.getScheme() == null) {
                return null;
            }
            int port = u.getPort();
            boolean defaultPort = port == -1 || (port == 80 && u.getScheme().equalsIgnoreCase("http"))
                    || (port == 443 && u.getScheme().equalsIgnoreCase("https"));
            return u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String normal(String host) {
        if (host == null) {
            return null;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        int comma = h.indexOf(',');
        if (comma >= 0) {
            h = h.substring(0, comma).strip(); // a proxy chain: the first is what the browser asked for
        }
        return h.endsWith(":80") || h.endsWith(":443") ? h.substring(0, h.lastIndexOf(':')) : h;
    }
}
