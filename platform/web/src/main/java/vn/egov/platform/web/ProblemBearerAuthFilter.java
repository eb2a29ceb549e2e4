package vn.egov.platform.web;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.subject.Subject;
import org.apache.shiro.web.filter.authc.BearerHttpAuthenticationFilter;

/**
 * API tokens ({@code Authorization: Bearer egov_...}) for the API, configured {@code permissive}: a request without
 * a Bearer header goes on (to HTTP Basic, or as anonymous). A refused token is a 401 problem that says why: unknown,
 * revoked, expired, or its account disabled. No web session is made or read.
 */
public class ProblemBearerAuthFilter extends BearerHttpAuthenticationFilter {
    private static final String FAILURE = ProblemBearerAuthFilter.class.getName() + ".failure";

    public ProblemBearerAuthFilter() {
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
        return AuthFailures.answer(request, response, "Bearer realm=\"egov\"", request.getAttribute(FAILURE));
    }
}
