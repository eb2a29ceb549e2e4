package vn.egov.platform.web;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.util.Optional;
import org.apache.shiro.subject.Subject;
import org.apache.shiro.web.filter.authc.LogoutFilter;
import org.apache.shiro.web.util.WebUtils;
import vn.egov.platform.web.signin.NationalSignOn;

/**
 * {@code /logout}: ends this site's session, and for a person who signed in with the national identity the provider's
 * too: the browser goes to the provider's end-session address with the ID token as its hint, and comes back to the
 * site's home. Others go straight to the home page, as Shiro's logout does.
 */
public class SignOutFilter extends LogoutFilter {

    @Override
    protected boolean preHandle(ServletRequest request, ServletResponse response) throws Exception {
        HttpServletRequest http = WebUtils.toHttp(request);
        HttpSession session = http.getSession(false);
        Object idToken = session == null ? null : session.getAttribute(NationalSignOn.ID_TOKEN);
        if (idToken == null) {
            return super.preHandle(request, response);
        }
        Subject subject = getSubject(request, response);
        subject.logout();
        String scheme = Optional.ofNullable(http.getHeader("X-Forwarded-Proto")).orElse(http.getScheme());
        String host = Optional.ofNullable(http.getHeader("X-Forwarded-Host")).orElse(http.getHeader("Host"));
        Optional<URI> end = CDI.current().select(NationalSignOn.class).get().endSession(idToken.toString(), scheme + "://" + host + "/");
        issueRedirect(request, response, end.map(URI::toString).orElse(getRedirectUrl()));
        return false;
    }
}
