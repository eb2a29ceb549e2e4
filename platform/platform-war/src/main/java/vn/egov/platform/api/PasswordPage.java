package vn.egov.platform.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.apache.shiro.SecurityUtils;
import org.apache.shiro.web.util.SavedRequest;
import org.apache.shiro.web.util.WebUtils;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.web.Csrf;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.pages.Page;
import vn.egov.platform.web.pages.Templates;

/**
 * {@code /me/password}: the page where a logged-in user chooses a new password; where a user on a one-time password
 * lands after logging in. The change itself is {@link PasswordResource}'s (the same checks); the form carries the
 * session's CSRF token. Made from templates (src/main/jte), in the request's language.
 */
@Path("me/password")
@RequestScoped
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class PasswordPage {

    @Inject
    PasswordResource passwords;

    @Context
    HttpServletRequest request;

    @GET
    public Response form() {
        UserPrincipal me = me();
        if (me == null) {
            return Response.seeOther(URI.create("/login")).build();
        }
        return form(200, me, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@FormParam("csrf") String csrf, @FormParam("current") String current,
                           @FormParam("password") String password, @FormParam("confirm") String confirm) {
        UserPrincipal me = me();
        if (me == null) {
            return Response.seeOther(URI.create("/login")).build();
        }
        if (!Csrf.valid(request, csrf)) {
            Page page = Page.of(request, null, "platform.refused.title");
            return answer(403, Templates.PLATFORM.render("platform/refused.jte", page, "again", "/me/password"));
        }
        if (current == null || current.isEmpty()) {
            return form(400, me, "password.currentMissing");
        }
        if (password == null || password.length() < 10 || password.length() > 200) {
            return form(400, me, "password.length");
        }
        if (!password.equals(confirm)) {
            return form(400, me, "password.differ");
        }
        // the page they were going to when the login asked for a password of their own: the change logs them out
        // (a new login with the new password), and the new session keeps it for that login
        SavedRequest going = WebUtils.getSavedRequest(request);
        try {
            passwords.change(new PasswordResource.Change(current, password));
        } catch (ProblemException e) {
            Page page = Page.of(request, null, "password.title");
            vn.egov.platform.web.Problem said = e.problem().in(page.t().locale());
            return answer(400, PagesResource.PAGES.render("password.jte", page, "oneTime", me.mustChangePassword(),
                    "error", page.t().english() ? said.detailEn() : said.detailVi()));
        }
        if (going != null) {
            SecurityUtils.getSubject().getSession(true).setAttribute(WebUtils.SAVED_REQUEST_KEY, going);
        }
        return answer(200, PagesResource.PAGES.render("password-changed.jte", Page.of(request, null, "password.changed.title")));
    }

    private Response form(int status, UserPrincipal me, String errorKey) {
        Page page = Page.of(request, null, "password.title");
        return answer(status, PagesResource.PAGES.render("password.jte", page, "oneTime", me.mustChangePassword(),
                "error", errorKey == null ? null : page.t().text(errorKey)));
    }

    static Response answer(int status, String html) {
        return Response.status(status).type(PagesResource.HTML).header("Content-Security-Policy", Templates.CONTENT_SECURITY_POLICY)
                .entity(html).build();
    }

    private static UserPrincipal me() {
        return SecurityUtils.getSubject().getPrincipals() == null ? null
                : SecurityUtils.getSubject().getPrincipals().oneByType(UserPrincipal.class);
    }
}
