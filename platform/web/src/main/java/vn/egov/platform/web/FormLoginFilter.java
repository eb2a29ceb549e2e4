package vn.egov.platform.web;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.subject.Subject;
import org.apache.shiro.web.filter.authc.FormAuthenticationFilter;
import org.apache.shiro.web.util.WebUtils;
import vn.egov.platform.security.UserPrincipal;

/**
 * The login form: on success the session gets a new id (no session fixation) and the user goes back to the
 * page they asked for, or to their own unit's page.
 */
public class FormLoginFilter extends FormAuthenticationFilter {

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
        String home = user == null ? getSuccessUrl() : "/t/" + user.tenantCode() + "/";
        WebUtils.redirectToSavedRequest(request, response, home);
        return false;
    }
}
