package vn.egov.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The headers every answer carries, pages and API alike, set before anything else runs (so the page cache's answers
 * and the problems of filters that stop a request carry them too): no content-type sniffing, no referrer beyond this
 * origin, no framing by another site. A full Content-Security-Policy comes with the pages' move to templates (no
 * inline script or style left); until then the policy says only {@code frame-ancestors}. The container's own
 * {@code Server} and {@code X-Powered-By} headers are turned off in the domain (provisioning's {@code Payara}).
 */
public class SecurityHeaders extends HttpFilter {
    static final String CSP = "frame-ancestors 'self'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        response.setHeader("Content-Security-Policy", CSP);
        chain.doFilter(request, response);
    }
}
