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
import java.util.List;
import java.util.Optional;
import vn.egov.platform.security.SubjectScopeProvider.CurrentUser;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.tenancy.TenantContext;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Html;

/**
 * Server-rendered pages: the home page (the roots of the tree), the first page of a unit, and the login
 * form. Vietnamese by default; {@code ?lang=en} for English. The portal module will replace the unit page.
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
    vn.egov.tenantadmin.control.SettingsRegistry settings;

    @GET
    public String home(@QueryParam("lang") String lang) {
        Optional<Tenant> byHost = context.tenant();
        if (byHost.isPresent()) {
            return unitPage(byHost.get(), en(lang));
        }
        boolean en = en(lang);
        StringBuilder b = new StringBuilder("<h1>").append(en ? "Provincial e-government portal" : "Cổng dịch vụ công của tỉnh")
                .append("</h1>").append(userLine(en)).append("<ul>");
        for (Tenant root : directory.roots()) {
            b.append("<li><a href=\"/t/").append(Html.escape(root.getCode())).append("/\">")
                    .append(Html.escape(root.getName())).append("</a></li>");
        }
        b.append("</ul>");
        return Html.page(en ? "en" : "vi", en ? "Portal" : "Cổng thông tin", b.toString());
    }

    @GET
    @Path("t/{code}/")
    public String unit(@PathParam("code") String code, @QueryParam("lang") String lang) {
        // the edge filter has resolved the code already (or answered 404)
        return unitPage(context.tenant().orElseThrow(), en(lang));
    }

    private String unitPage(Tenant t, boolean en) {
        List<Tenant> ancestors = directory.ancestors(t);
        List<Tenant> children = directory.children(t.getId());
        StringBuilder b = new StringBuilder();
        b.append("<nav aria-label=\"").append(en ? "Breadcrumb" : "Đường dẫn").append("\"><ol>");
        for (Tenant a : ancestors) {
            b.append("<li><a href=\"/t/").append(Html.escape(a.getCode())).append("/\">").append(Html.escape(a.getName()))
                    .append("</a></li>");
        }
        b.append("<li aria-current=\"page\">").append(Html.escape(t.getName())).append("</li></ol></nav>");
        var unitSettings = settings.of(t);
        String displayName = unitSettings.map(vn.egov.tenantadmin.control.UnitSettings::displayName).orElse(t.getName());
        unitSettings.map(vn.egov.tenantadmin.control.UnitSettings::logo).ifPresent(logo -> b.append("<img class=\"logo\" src=\"/t/")
                .append(Html.escape(t.getCode())).append("/logo?v=").append(Html.escape(logo)).append("\" alt=\"")
                .append(en ? "Logo of " : "Biểu trưng của ").append(Html.escape(displayName)).append("\" height=\"96\">"));
        b.append("<h1>").append(Html.escape(displayName)).append("</h1>");
        if (!displayName.equals(t.getName())) {
            b.append("<p>").append(Html.escape(t.getName())).append("</p>");
        }
        b.append("<p>").append(en ? "Kind: " + t.getKind().english() : "Loại đơn vị: " + t.getKind().vietnamese());
        if (t.getGsoCode() != null) {
            b.append(en ? " · GSO code: " : " · Mã đơn vị hành chính: ").append(Html.escape(t.getGsoCode()));
        }
        b.append("</p>");
        if (!t.isActive()) {
            b.append("<p class=\"error\" role=\"status\">").append(en ? "This unit is suspended." : "Đơn vị đang tạm dừng hoạt động.")
                    .append("</p>");
        }
        if (!ancestors.isEmpty()) {
            Tenant parent = ancestors.get(ancestors.size() - 1);
            b.append("<p>").append(en ? "Parent unit: " : "Đơn vị cấp trên: ").append("<a href=\"/t/")
                    .append(Html.escape(parent.getCode())).append("/\">").append(Html.escape(parent.getName())).append("</a></p>");
        }
        b.append("<h2>").append(en ? "Units under it" : "Đơn vị trực thuộc").append(" (").append(children.size()).append(")</h2>");
        if (children.isEmpty()) {
            b.append("<p>").append(en ? "None." : "Không có.").append("</p>");
        } else {
            b.append("<ul>");
            for (Tenant c : children) {
                b.append("<li><a href=\"/t/").append(Html.escape(c.getCode())).append("/\">").append(Html.escape(c.getName()))
                        .append("</a></li>");
            }
            b.append("</ul>");
        }
        unitSettings.ifPresent(s -> {
            if (s.address() != null || s.phone() != null || s.email() != null) {
                b.append("<address>");
                if (s.address() != null) {
                    b.append(en ? "Address: " : "Địa chỉ: ").append(Html.escape(s.address())).append("<br>");
                }
                if (s.phone() != null) {
                    b.append(en ? "Phone: " : "Điện thoại: ").append(Html.escape(s.phone())).append("<br>");
                }
                if (s.email() != null) {
                    b.append(en ? "Email: " : "Thư điện tử: ").append(Html.escape(s.email()));
                }
                b.append("</address>");
            }
        });
        b.append(userLine(en));
        b.append("<p><a href=\"?lang=").append(en ? "vi\">Tiếng Việt" : "en\">English").append("</a></p>");
        return Html.page(en ? "en" : "vi", displayName, b.toString());
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
                : failure.toString().contains("Locked") ? "Tài khoản đang bị khoá tạm thời do đăng nhập sai nhiều lần. Hãy thử lại sau 15 phút."
                : failure.toString().contains("Disabled") ? "Tài khoản hoặc đơn vị của tài khoản đang bị tạm dừng. Liên hệ quản trị đơn vị."
                : "Tên đăng nhập hoặc mật khẩu không đúng.";
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
