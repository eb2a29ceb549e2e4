package vn.egov.platform.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import vn.egov.platform.tenancy.TenantContext;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.UnitSites;
import vn.egov.platform.web.pages.Locales;
import vn.egov.platform.web.pages.Page;
import vn.egov.platform.web.pages.Templates;

/**
 * Server-rendered pages: the home page (the roots of the tree, or a unit's site on its custom domain) and the
 * login form, from templates (src/main/jte), in the language {@code Locales} resolves. A unit's site comes from the
 * module that implements {@link UnitSites}.
 */
@Path("")
@RequestScoped
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class PagesResource {
    static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";

    /** This WAR's templates (src/main/jte). */
    public static final Templates PAGES = new Templates("vn.egov.platform.api.jte");

    @Context
    HttpServletRequest request;

    @Inject
    TenantDirectory directory;

    @Inject
    TenantContext context;

    @Inject
    vn.egov.platform.web.signin.NationalSignOn national;

    /** The module that makes units' public sites, if the EAR has one (the platform knows no more of it). */
    @Inject
    Instance<UnitSites> sites;

    /** The platform's root: on a unit's custom domain, that unit's site; else the list of the tree's roots. */
    @GET
    public Response home() {
        Optional<Tenant> byHost = context.tenant();
        if (byHost.isPresent() && sites.isResolvable()) {
            return Response.ok(sites.get().home(byHost.get(), Locales.of(request)), HTML).header("Vary", Locales.VARY)
                    .header("Content-Security-Policy", Templates.CONTENT_SECURITY_POLICY).build();
        }
        Page page = Page.of(request, null, "home.title");
        return Response.ok(PAGES.render("home.jte", page, "roots", directory.roots()), HTML)
                .header("Content-Security-Policy", Templates.CONTENT_SECURITY_POLICY).build();
    }

    @GET
    @Path("login")
    public Response loginForm() {
        return login(200, null, "");
    }

    /** Reached only when Shiro's form filter did not log the user in: re-show the form with the reason. */
    @POST
    @Path("login")
    public Response loginFailed() {
        Object failure = request.getAttribute("shiroLoginFailure");
        String reason = failure == null ? "login.empty"
                // a locked account answers as a wrong password does (the API's bad-credentials), so that the page
                // does not tell a guesser which names exist
                : failure.toString().contains("Disabled") && !failure.toString().contains("Locked") ? "login.disabled"
                : "login.wrong";
        return login(401, reason, Optional.ofNullable(request.getParameter("username")).orElse(""));
    }

    private Response login(int status, String reasonKey, String username) {
        Page page = Page.of(request, null, "login.title");
        return Response.status(status).type(HTML).header("Content-Security-Policy", Templates.CONTENT_SECURITY_POLICY)
                .entity(PAGES.render("login.jte", page, "error", reasonKey == null ? null : page.t().text(reasonKey), "username", username,
                        "national", national.offered()))
                .build();
    }
}
