package vn.egov.platform.api.accounts;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.shiro.SecurityUtils;
import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.DisabledAccountException;
import org.apache.shiro.subject.Subject;
import org.apache.shiro.web.util.SavedRequest;
import org.apache.shiro.web.util.WebUtils;
import vn.egov.platform.security.NationalIdentity;
import vn.egov.platform.security.Role;
import vn.egov.platform.security.SubjectScopeProvider.CurrentUser;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.web.Csrf;
import vn.egov.platform.web.FormLoginFilter;
import vn.egov.platform.web.signin.NationalSignOn;

/**
 * {@code /login/national}: signing in with the national identity. The browser goes to the provider with a new
 * attempt's state, nonce and PKCE challenge (kept in its session), comes back to {@code /login/national/back} with a
 * code, which this server exchanges and whose ID token it checks ({@link NationalSignOn}); the person's identity number
 * and name then sign them in to the one account linked to that number ({@code NationalIdentityRealm}), with a new
 * session id, and they go on to where they were going. Logging out ends the provider's session too
 * ({@code SignOutFilter}). A state that is not this browser's, a code used twice, a token that fails a check: the
 * page says so and nobody is signed in.
 */
@Path("login/national")
@RequestScoped
@Produces(AccountPages.HTML)
public class NationalLoginPage {
    private static final Logger LOG = Logger.getLogger(NationalLoginPage.class.getName());
    /** The session attribute of the attempt under way. */
    static final String ATTEMPT = "vn.egov.national.attempt";

    @Context
    HttpServletRequest request;

    @Inject
    NationalSignOn signOn;

    @Inject
    TenantDirectory directory;

    @GET
    public Response start(@QueryParam("unit") String unit, @QueryParam("to") String to) {
        if (!signOn.offered()) {
            return AccountPages.notice(404, request, "national.title", "national.unavailable", "/login", "login.title");
        }
        SavedRequest saved = WebUtils.getSavedRequest(request);
        String going = AccountPages.local(to) != null ? to : saved != null ? AccountPages.local(saved.getRequestUrl()) : null;
        // a new account belongs to the unit whose site the person came from: named, or the unit of the page they were going to
        String from = unit != null ? unit : going != null && going.matches("/t/[a-z0-9-]+/.*") ? going.split("/")[2] : null;
        NationalSignOn.Attempt attempt = signOn.attempt(AccountPages.origin(request) + "/login/national/back", going,
                AccountPages.home(directory, from));
        try {
            URI provider = signOn.address(attempt);
            request.getSession(true).setAttribute(ATTEMPT, attempt);
            return Response.seeOther(provider).header("Cache-Control", "no-store").build();
        } catch (NationalSignOn.Refused r) {
            return refused(503, r);
        }
    }

    @GET
    @Path("back")
    public Response back(@QueryParam("state") String state, @QueryParam("code") String code, @QueryParam("error") String error) {
        HttpSession session = request.getSession(false);
        NationalSignOn.Attempt attempt = session == null ? null : (NationalSignOn.Attempt) session.getAttribute(ATTEMPT);
        if (session != null) {
            session.removeAttribute(ATTEMPT); // an attempt is used once, whatever comes of it
        }
        NationalSignOn.Vouched vouched;
        try {
            vouched = signOn.finish(attempt, state, code, error);
        } catch (NationalSignOn.Refused r) {
            return refused(400, r);
        }
        UserPrincipal before = CurrentUser.get().orElse(null);
        Long link = before != null && before.has(Role.CITIZEN) ? before.userId() : null;
        Subject subject = SecurityUtils.getSubject();
        try {
            subject.login(new NationalIdentity(vouched.identityNumber(), vouched.name(), vouched.email(), attempt.homeTenant(), link));
        } catch (DisabledAccountException e) {
            return AccountPages.notice(403, request, "national.title", "login.disabled", "/", "account.home");
        } catch (AuthenticationException e) {
            LOG.log(Level.WARNING, "national identity sign-in failed", e);
            return AccountPages.notice(503, request, "national.title", "national.unavailable", "/login", "login.title");
        }
        request.changeSessionId();
        request.getSession().removeAttribute(Csrf.ATTRIBUTE);
        request.getSession().setAttribute(NationalSignOn.ID_TOKEN, vouched.idToken());
        WebUtils.getAndClearSavedRequest(request);
        String going = attempt.going() != null ? attempt.going() : FormLoginFilter.START;
        return Response.seeOther(URI.create(going)).header("Cache-Control", "no-store").build();
    }

    private Response refused(int status, NationalSignOn.Refused r) {
        LOG.log(Level.INFO, "national identity sign-in refused: {0}", r.getMessage());
        return AccountPages.notice(status, request, "national.title", r.key(), "/login", "login.title");
    }
}
