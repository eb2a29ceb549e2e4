package vn.egov.platform.web;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.subject.Subject;
import org.apache.shiro.web.filter.authc.BasicHttpAuthenticationFilter;

/**
 * HTTP Basic for the API (configured {@code permissive}: without credentials the request goes on as
 * anonymous), answering a failed login with a problem+json body that says why: wrong credentials, a locked
 * account (and until when), or a disabled account or suspended unit.
 */
public class ProblemBasicAuthFilter extends BasicHttpAuthenticationFilter {
    private static final String FAILURE = ProblemBasicAuthFilter.class.getName() + ".failure";

    public ProblemBasicAuthFilter() {
        setApplicationName("egov");
    }

    @Override
    protected boolean onLoginFailure(AuthenticationToken token, AuthenticationException e,
                                     ServletRequest request, ServletResponse response) {
        request.setAttribute(FAILURE, e);
        return false;
    }

    @Override
    protected boolean onLoginSuccess(AuthenticationToken token, Subject subject, ServletRequest request,
                                     ServletResponse response) {
        return true;
    }

    @Override
    protected boolean sendChallenge(ServletRequest request, ServletResponse response) {
        return AuthFailures.answer(request, response, "Basic realm=\"egov\", charset=\"UTF-8\"", request.getAttribute(FAILURE));
    }
}
