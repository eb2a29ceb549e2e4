package vn.egov.platform.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import vn.egov.platform.security.SubjectScopeProvider.CurrentUser;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.tenancy.TenantContext;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Html;

/**
 * Server-rendered pages: the home page (the roots of the tree, or a unit's site on its custom domain) and the
 * login form. Vietnamese by default; {@code ?lang=en} for English. A unit's site is the portal module's.
 */
@Path("")
@RequestScoped
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class PagesResource {
    static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";

    @Inject
    TenantDirectory directory;

    @Inject
    TenantContext context;

    @Inject
    vn.egov.portal.control.Site site;

    @Inject
    vn.egov.portal.control.VisitCounter visits;

    /** The platform's root: on a unit's custom domain, that unit's site; else the list of the tree's roots. */
    @GET
    public Response home(@QueryParam("lang") String lang) {
        Optional<Tenant> byHost = context.tenant();
        if (byHost.isPresent()) {
            visits.site(byHost.get().getId());
            return Response.ok(site.home(byHost.get(), en(lang)), HTML).build();
        }
        boolean en = en(lang);
        StringBuilder b = new StringBuilder("<h1>").append(en ? "Provincial e-government portal" : "Cổng dịch vụ công của tỉnh")
                .append("</h1>").append(userLine(en)).append("<ul>");
        for (Tenant root : directory.roots()) {
            b.append("<li><a href=\"/t/").append(Html.escape(root.getCode())).append("/\">")
                    .append(Html.escape(root.getName())).append("</a></li>");
        }
        b.append("</ul>");
        return Response.ok(Html.page(en ? "en" : "vi", en ? "Portal" : "Cổng thông tin", b.toString()), HTML).build();
    }

    @GET
    @Path("login")
    public String loginForm(@QueryParam("lang") String lang) {
        return loginPage(en(lang), null, "");
    }

    /** Reached only when Shiro's form filter did not log the user in: re-show the form with the reason. */
    @POST
    @Path("login")
    public Response loginFailed(@Context HttpServletRequest request) {
        Object failure = request.getAttribute("shiroLoginFailure");
        String reason = failure == null ? "Hãy nhập tên đăng nhập và mật khẩu."
                // a locked account answers as a wrong password does (the API's bad-credentials), so that the page
                // does not tell a guesser which names exist
                : failure.toString().contains("Disabled") && !failure.toString().contains("Locked")
                        ? "Tài khoản hoặc đơn vị của tài khoản đang bị tạm dừng. Liên hệ quản trị đơn vị."
                : "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang bị khoá tạm thời (sau 5 lần sai liên tiếp, 15 phút).";
        String username = Optional.ofNullable(request.getParameter("username")).orElse("");
        return Response.status(401).type(HTML).entity(loginPage(false, reason, username)).build();
    }

    private static String loginPage(boolean en, String error, String username) {
        StringBuilder b = new StringBuilder("<h1>").append(en ? "Log in" : "Đăng nhập").append("</h1>");
        if (error != null) {
            b.append("<p class=\"error\" role=\"alert\">").append(Html.escape(error)).append("</p>");
        }
        b.append("<form method=\"post\" action=\"/login\">")
                .append("<label for=\"username\">").append(en ? "Username" : "Tên đăng nhập").append("</label>")
                .append("<input id=\"username\" name=\"username\" autocomplete=\"username\" required value=\"")
                .append(Html.escape(username)).append("\">")
                .append("<label for=\"password\">").append(en ? "Password" : "Mật khẩu").append("</label>")
                .append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>")
                .append("<p><button type=\"submit\">").append(en ? "Log in" : "Đăng nhập").append("</button></p></form>");
        return Html.page(en ? "en" : "vi", en ? "Log in" : "Đăng nhập", b.toString());
    }

    private static String userLine(boolean en) {
        Optional<UserPrincipal> user = CurrentUser.get();
        if (user.isEmpty()) {
            return "<p><a href=\"/login\">" + (en ? "Log in" : "Đăng nhập") + "</a></p>";
        }
        UserPrincipal u = user.get();
        return "<p>" + (en ? "Logged in as " : "Đang đăng nhập: ") + Html.escape(u.displayName())
                + " · <a href=\"/t/" + Html.escape(u.tenantCode()) + "/\">" + (en ? "my unit" : "đơn vị của tôi") + "</a>"
                + " · <a href=\"/logout\">" + (en ? "Log out" : "Đăng xuất") + "</a></p>";
    }

    private static boolean en(String lang) {
        return "en".equalsIgnoreCase(lang);
    }
}
