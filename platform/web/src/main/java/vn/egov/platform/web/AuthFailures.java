package vn.egov.platform.web;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.shiro.authc.DisabledAccountException;
import org.apache.shiro.authc.ExpiredCredentialsException;
import vn.egov.platform.security.TenantRealm;
import vn.egov.platform.security.TokenRealm;

/**
 * The 401 the API's login filters answer: a problem that says why (disabled, revoked, expired) where the caller has shown
 * they hold the account; wrong, unknown and locked answer alike.
 */
final class AuthFailures {
    private AuthFailures() {
    }

    static boolean answer(ServletRequest request, ServletResponse response, String challenge, Object failure) {
        HttpServletResponse http = (HttpServletResponse) response;
        http.setStatus(401);
        http.setHeader("WWW-Authenticate", challenge);
        http.setContentType(Problem.MEDIA_TYPE_NAME);
        http.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try {
            http.getWriter().write(problem(failure, challenge.startsWith("Bearer")).toJson(Problem.language((HttpServletRequest) request),
                    ((HttpServletRequest) request).getRequestURI()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return false;
    }

    private static Problem problem(Object failure, boolean token) {
        // a locked account answers as an unknown name or a wrong password does (the realm makes all three cost the
        // same): saying "locked" would tell whoever guesses that the name exists
        if (failure instanceof TokenRealm.RevokedTokenException) {
            return ProblemException.platform(401, "token-revoked", "tokenRevoked");
        }
        if (failure instanceof ExpiredCredentialsException) {
            return ProblemException.platform(401, "token-expired", "tokenExpired");
        }
        if (failure instanceof DisabledAccountException && !(failure instanceof TenantRealm.LockedUntilException)) {
            return ProblemException.platform(401, "account-disabled", "accountDisabled");
        }
        return token ? ProblemException.platform(401, "bad-token", "badToken") : ProblemException.platform(401, "bad-credentials", "badCredentials");
    }
}
