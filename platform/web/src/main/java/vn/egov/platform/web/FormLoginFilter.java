package vn.egov.platform.web;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.subject.Subject;
import org.apache.shiro.web.filter.authc.FormAuthenticationFilter;
import org.apache.shiro.web.util.WebUtils;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.web.pages.Page;
import vn.egov.platform.web.pages.Templates;

/**
 * The login form: on success the session gets a new id (no session fixation) and the user goes back to the
 * page they asked for, or on to their work ({@value #START}: an administrator's overview, a one-stop desk, a
 * citizen's dossiers); one with a one-time password chooses their own first, and still goes back after. A login posted from another site is refused (login CSRF: it
 * would log the victim's browser into the attacker's account): browsers say where a POST comes from in
 * {@code Origin} (or {@code Sec-Fetch-Site}); programs that send neither, like the CLI, are not browsers to trick.
 */
public class FormLoginFilter extends FormAuthenticationFilter {
    /** Where a person going nowhere in particular is sent on to their work. */
    public static final String START = "/me/start";

    @Override
    protected boolean onAccessDenied(ServletRequest request, ServletResponse response) throws Exception {
        if (isLoginRequest(request, response) && isLoginSubmission(request, response) && crossSite(WebUtils.toHttp(request))) {
            jakarta.servlet.http.HttpServletResponse http = WebUtils.toHttp(response);
            HttpServletRequest asked = WebUtils.toHttp(request);
            http.setStatus(403);
            http.setCharacterEncoding("UTF-8");
            http.setContentType("text/html");
            http.setHeader("Content-Security-Policy", Templates.CONTENT_SECURITY_POLICY);
            http.getWriter().write(Templates.PLATFORM.render("platform/login-cross-site.jte", Page.of(asked, null, "platform.refused.title")));
            return false;
        }
        return super.onAccessDenied(request, response);
    }

    /** Whether the browser says the POST comes from another site than the one it is sent to (the API's check, {@link SameOriginFilter}). */
    static boolean crossSite(HttpServletRequest request) {
        return !SameOriginFilter.sameOrigin(request.getHeader("Sec-Fetch-Site"), request.getHeader("Origin"), request.getHeader("Host"),
                request.getHeader("X-Forwarded-Host"));
    }

    @Override
    protected boolean onLoginSuccess(AuthenticationToken token, Subject subject, ServletRequest request,
                                     ServletResponse response) throws Exception {
        HttpServletRequest http = WebUtils.toHttp(request);
        if (http.getSession(false) != null) {
            http.changeSessionId();
            http.getSession().removeAttribute(Csrf.ATTRIBUTE); // a new user gets a new form token
        }
        UserPrincipal user = subject.getPrincipals().oneByType(UserPrincipal.class);
        if (user != null && user.mustChangePassword()) {
            // a one-time password opens only the page where the user chooses their own
            WebUtils.issueRedirect(request, response, "/me/password");
            return false;
        }
        // the page they asked for, else their work: /me/start chooses it from what the modules contribute
        WebUtils.redirectToSavedRequest(request, response, user == null ? getSuccessUrl() : START);
        return false;
    }
}
