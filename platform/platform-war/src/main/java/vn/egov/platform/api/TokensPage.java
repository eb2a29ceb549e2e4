package vn.egov.platform.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.apache.shiro.SecurityUtils;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.web.Csrf;
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.UserTokens.TokenView;
import vn.egov.platform.web.pages.Messages;
import vn.egov.platform.web.pages.Page;
import vn.egov.platform.web.pages.Templates;

/**
 * {@code /me/tokens}: the logged-in user's API tokens in the browser: the list (name, last characters, made, expires,
 * last used, state), a form to make one (shown once, to copy), and a button to revoke each. The work is
 * {@link TokensResource}'s (the same checks); every form carries the session's CSRF token; a refused form is shown
 * again with the message beside its field and the values kept. Made from templates (src/main/jte), in the
 * request's language.
 */
@Path("me/tokens")
@RequestScoped
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class TokensPage {

    @Inject
    TokensResource tokens;

    @Context
    HttpServletRequest request;

    @GET
    public Response list() {
        if (me() == null) {
            return Response.seeOther(URI.create("/login")).build();
        }
        return page(200, null, Map.of(), "", "90");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("csrf") String csrf, @FormParam("name") String name, @FormParam("days") String days) {
        if (me() == null) {
            return Response.seeOther(URI.create("/login")).build();
        }
        if (!Csrf.valid(request, csrf)) {
            return refused();
        }
        Messages t = Page.of(request, null, "tokens.title").t();
        String keptName = name == null ? "" : name;
        String keptDays = days == null ? "" : days.strip();
        Integer d = keptDays.matches("[0-9]{1,3}") ? Integer.valueOf(keptDays) : null;
        if (d == null || d < 1 || d > 365) {
            return page(400, null, Map.of("days", t.text("tokens.daysRange")), keptName, keptDays);
        }
        try {
            TokenView made = (TokenView) tokens.create(new TokensResource.NewToken(name, d)).getEntity();
            return page(200, made, Map.of(), "", "90");
        } catch (ProblemException e) {
            // the problem said in the page's language (its field's message too)
            Problem said = e.problem().in(t.locale());
            Map<String, List<String>> fields = said.fieldErrors();
            if (fields != null && fields.containsKey("name")) {
                return page(400, null, Map.of("name", fields.get("name").get(0)), keptName, keptDays);
            }
            return page(said.status(), null, Map.of("form", t.english() ? said.detailEn() : said.detailVi()), keptName, keptDays);
        }
    }

    @POST
    @Path("{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("id") long id, @FormParam("csrf") String csrf) {
        if (me() == null) {
            return Response.seeOther(URI.create("/login")).build();
        }
        if (!Csrf.valid(request, csrf)) {
            return refused();
        }
        try {
            tokens.revoke(id);
        } catch (ProblemException e) {
            // not one of this user's tokens: the page again, saying so (never a JSON answer to a form)
            Messages t = Page.of(request, null, "tokens.title").t();
            Problem said = e.problem().in(t.locale());
            return page(said.status(), null, Map.of("form", t.english() ? said.detailEn() : said.detailVi()), "", "90");
        }
        Page page = Page.of(request, null, "tokens.title");
        return Response.seeOther(URI.create(page.link("/me/tokens?revoked=" + id))).build();
    }

    private static UserPrincipal me() {
        return SecurityUtils.getSubject().getPrincipals() == null ? null
                : SecurityUtils.getSubject().getPrincipals().oneByType(UserPrincipal.class);
    }

    private Response refused() {
        Page page = Page.of(request, null, "platform.refused.title");
        return PasswordPage.answer(403, Templates.PLATFORM.render("platform/refused.jte", page, "again", "/me/tokens"));
    }

    private Response page(int status, TokenView made, Map<String, String> errors, String name, String days) {
        Page page = Page.of(request, null, "tokens.title");
        String revoked = request.getParameter("revoked");
        return PasswordPage.answer(status, PagesResource.PAGES.render("tokens.jte", page, "tokens", tokens.list(), "made", made,
                "revoked", revoked != null && revoked.matches("[0-9]+"), "errors", errors, "name", name, "days", days));
    }
}
