package vn.egov.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import vn.egov.platform.web.pages.Page;
import vn.egov.platform.web.pages.Templates;

/**
 * A problem met by a person's browser on a page (an admin page, a site's page) is answered as a page of the platform's
 * layout, in the page's language, with the same status and the problem's words: not the API's problem+json, which a
 * browser shows as raw text. The API ({@code /api/...}) and programs that do not ask for HTML keep problem+json.
 */
final class ProblemPages {
    private ProblemPages() {
    }

    /** The page for a problem, when the request is a browser's for a page; else empty. */
    static Optional<Response> page(HttpServletRequest request, HttpHeaders headers, String path, Problem problem) {
        if (request == null || headers == null || path == null || path.startsWith("/api/") || !wantsHtml(headers)) {
            return Optional.empty();
        }
        Page page;
        try {
            page = Page.of(request, null, "error.title");
        } catch (RuntimeException e) {
            return Optional.empty(); // no language or texts to say it with: the problem as JSON
        }
        Problem said = problem.in(page.t().locale());
        boolean english = page.t().english();
        Page titled = Page.titled(request, page.t().locale(), english ? said.titleEn() : said.titleVi());
        String html = Templates.PLATFORM.render("platform/error.jte", titled, "detail", english ? said.detailEn() : said.detailVi(),
                "status", said.status());
        return Optional.of(Response.status(said.status()).type(Templates.HTML).header("Content-Security-Policy", Templates.CONTENT_SECURITY_POLICY)
                .header("Cache-Control", "no-store").entity(html).build());
    }

    /** Whether HTML is what the caller asks for first (a browser's navigation), not JSON. */
    static boolean wantsHtml(HttpHeaders headers) {
        for (MediaType m : headers.getAcceptableMediaTypes()) {
            if (m.isCompatible(MediaType.TEXT_HTML_TYPE) && !m.isWildcardType()) {
                return true;
            }
            if (m.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !m.isWildcardType() || "problem+json".equals(m.getSubtype())) {
                return false;
            }
        }
        return false;
    }
}
