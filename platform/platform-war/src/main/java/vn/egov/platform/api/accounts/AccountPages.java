package vn.egov.platform.api.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.pages.Page;
import vn.egov.platform.web.pages.Templates;

/** What the account pages share: their templates, the answer around a page, the site's address for mailed links. */
final class AccountPages {
    static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";
    static final Templates PAGES = vn.egov.platform.api.PagesResource.PAGES;
    /** The data source the accounts' functions are called through. */
    static final String DATA_SOURCE = "jdbc/egov";

    private AccountPages() {
    }

    static Response answer(int status, String template, Page page, Object... params) {
        return Response.status(status).type(HTML).header("Content-Security-Policy", Templates.CONTENT_SECURITY_POLICY)
                .header("Cache-Control", "no-store").entity(PAGES.render(template, page, params)).build();
    }

    /** A page that only says something (a title, a text, a link on). */
    static Response notice(int status, HttpServletRequest request, String titleKey, String textKey, String link, String linkKey) {
        Page page = Page.of(request, null, titleKey);
        return answer(status, "account-notice.jte", page, "text", page.t().text(textKey), "link", page.link(link),
                "linkLabel", page.t().text(linkKey));
    }

    /**
     * The site's address for links that travel by mail: {@code egov.public-url} when set (never the request's Host
     * header, which whoever asks for a reset link could choose, and would then receive the token), else this request's.
     */
    static String publicUrl(HttpServletRequest request) {
        return ConfigProvider.getConfig().getOptionalValue("egov.public-url", String.class).filter(s -> !s.isBlank())
                .map(s -> s.replaceAll("/+$", "")).orElseGet(() -> origin(request));
    }

    /** This request's own origin (where the browser will come back to). */
    static String origin(HttpServletRequest request) {
        String scheme = Optional.ofNullable(request.getHeader("X-Forwarded-Proto")).orElse(request.getScheme());
        String host = Optional.ofNullable(request.getHeader("X-Forwarded-Host")).orElse(request.getHeader("Host"));
        return scheme + "://" + host;
    }

    /** An outbox row's mail: to, subject and text (the platform's Mailer reads it). */
    static String mail(String to, String subject, String text) {
        return Jsonp.createObjectBuilder().add("to", to).add("subject", subject).add("text", text).build().toString();
    }

    /** A local path to go back to: one that starts with a single slash and stays on this site; else null. */
    static String local(String path) {
        return path != null && path.startsWith("/") && !path.startsWith("//") && !path.contains("\\") && path.length() < 2000 ? path : null;
    }

    /**
     * The unit a new citizen account belongs to: the site they came from ({@code unit}), else the deployment's first
     * province (the oldest root: a province added later does not take the accounts of the first one's login page).
     */
    static long home(TenantDirectory directory, String unitCode) {
        return Optional.ofNullable(unitCode).filter(c -> !c.isBlank()).flatMap(directory::byCode)
                .or(() -> directory.roots().stream().min(java.util.Comparator.comparing(Tenant::getId))).map(Tenant::getId).orElseThrow();
    }

    /** Field errors (name to message) of a form, in the page's language. */
    static Map<String, String> said(Page page, Map<String, String> keys) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        keys.forEach((field, key) -> out.put(field, page.t().text(key)));
        return out;
    }
}
