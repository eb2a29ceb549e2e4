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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.apache.shiro.SecurityUtils;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.web.Csrf;
import vn.egov.platform.web.Html;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.TokenTable;
import vn.egov.platform.web.UserTokens.TokenView;

/**
 * {@code /me/tokens}: the logged-in user's API tokens in the browser: the list (name, last characters, made, expires,
 * last used, state), a form to make one (shown once, to copy), and a button to revoke each. The work is
 * {@link TokensResource}'s (the same checks); every form carries the session's CSRF token; a refused form is shown
 * again with the message beside its field and the values kept. Vietnamese, {@code ?lang=en} for English.
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
    public Response list(@QueryParam("lang") String lang) {
        if (me() == null) {
            return Response.seeOther(URI.create("/login")).build();
        }
        return Response.ok(page("en".equals(lang), null, Map.of(), "", "90")).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@QueryParam("lang") String lang, @FormParam("csrf") String csrf, @FormParam("name") String name,
                           @FormParam("days") String days) {
        boolean en = "en".equals(lang);
        if (me() == null) {
            return Response.seeOther(URI.create("/login")).build();
        }
        if (!Csrf.valid(request, csrf)) {
            return refused(en);
        }
        String keptName = name == null ? "" : name;
        String keptDays = days == null ? "" : days.strip();
        Integer d = keptDays.matches("[0-9]{1,3}") ? Integer.valueOf(keptDays) : null;
        if (d == null || d < 1 || d > 365) {
            return Response.status(400).entity(page(en, null, Map.of("days", en ? "A token lasts 1 to 365 days." : "Thời hạn từ 1 đến 365 ngày."),
                    keptName, keptDays)).build();
        }
        try {
            TokenView made = (TokenView) tokens.create(new TokensResource.NewToken(name, d)).getEntity();
            return Response.ok(page(en, made, Map.of(), "", "90")).build();
        } catch (ProblemException e) {
            String message = en ? e.problem().detailEn() : e.problem().detailVi();
            Map<String, List<String>> fields = e.problem().fieldErrors();
            if (fields != null && fields.containsKey("name")) {
                String both = fields.get("name").get(0);
                int slash = both.indexOf(" / ");
                message = slash < 0 ? both : en ? both.substring(slash + 3) : both.substring(0, slash);
                return Response.status(400).entity(page(en, null, Map.of("name", message), keptName, keptDays)).build();
            }
            return Response.status(e.problem().status()).entity(page(en, null, Map.of("form", message), keptName, keptDays)).build();
        }
    }

    @POST
    @Path("{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@QueryParam("lang") String lang, @PathParam("id") long id, @FormParam("csrf") String csrf) {
        boolean en = "en".equals(lang);
        if (me() == null) {
            return Response.seeOther(URI.create("/login")).build();
        }
        if (!Csrf.valid(request, csrf)) {
            return refused(en);
        }
        try {
            tokens.revoke(id);
        } catch (ProblemException e) {
            // not one of this user's tokens: the page again, saying so (never a JSON answer to a form)
            return Response.status(e.problem().status()).entity(page(en, null, Map.of("form", en ? e.problem().detailEn() : e.problem().detailVi()),
                    "", "90")).build();
        }
        return Response.seeOther(URI.create("/me/tokens?revoked=" + id + (en ? "&lang=en" : ""))).build();
    }

    private static UserPrincipal me() {
        return SecurityUtils.getSubject().getPrincipals() == null ? null
                : SecurityUtils.getSubject().getPrincipals().oneByType(UserPrincipal.class);
    }

    private static Response refused(boolean en) {
        return Response.status(403).entity(Html.page(en ? "en" : "vi", en ? "Refused" : "Bị từ chối",
                en ? "<h1>Refused</h1><p>The form has expired or did not come from this site. Nothing changed. "
                        + "<a href=\"/me/tokens?lang=en\">Open the page again</a>.</p>"
                        : "<h1>Bị từ chối</h1><p>Biểu mẫu đã hết hạn hoặc không đến từ trang này. Không có gì thay đổi. "
                        + "<a href=\"/me/tokens\">Mở lại trang</a>.</p>")).build();
    }

    private String page(boolean en, TokenView made, Map<String, String> errors, String name, String days) {
        String q = en ? "?lang=en" : "";
        String title = en ? "API tokens" : "Mã truy cập API";
        StringBuilder b = new StringBuilder("<h1>").append(title).append("</h1><p>")
                .append(en ? "A program (an integration, a script) that acts for you sends a token as <code>Authorization: Bearer …</code> "
                        + "instead of your password. It has your rights as they are at each request. Revoke a token you no longer use."
                        : "Một chương trình (phần mềm kết nối, kịch bản) làm việc thay bạn gửi mã truy cập trong tiêu đề "
                        + "<code>Authorization: Bearer …</code> thay cho mật khẩu. Mã có đúng quyền của bạn tại mỗi lần gọi. "
                        + "Hãy thu hồi mã không còn dùng.")
                .append("</p>");
        String revoked = request.getParameter("revoked");
        if (revoked != null && revoked.matches("[0-9]+")) {
            b.append("<p class=\"notice\" role=\"status\" id=\"revoked\">").append(en ? "The token was revoked." : "Đã thu hồi mã truy cập.")
                    .append("</p>");
        }
        if (made != null) {
            b.append("<div class=\"notice\" role=\"status\" id=\"made\"><p><strong>")
                    .append(en ? "Copy this token now: it is shown only once." : "Hãy sao chép mã này ngay: mã chỉ hiện một lần.")
                    .append("</strong></p><p><code id=\"token\">").append(Html.escape(made.token())).append("</code></p></div>");
        }
        if (errors.containsKey("form")) {
            b.append("<p class=\"error\" role=\"alert\" id=\"error\">").append(Html.escape(errors.get("form"))).append("</p>");
        }
        b.append("<h2>").append(en ? "Your tokens" : "Các mã của bạn").append("</h2>");
        List<TokenView> all = tokens.list();
        if (all.isEmpty()) {
            b.append("<p id=\"none\">").append(en ? "You have no API token." : "Bạn chưa có mã truy cập nào.").append("</p>");
        } else {
            b.append(TokenTable.html(all, en, t -> "/me/tokens/" + t.id() + "/revoke" + q, Csrf.field(request)));
        }
        b.append("<h2>").append(en ? "Make a token" : "Tạo mã mới").append("</h2><form method=\"post\" action=\"/me/tokens").append(q).append("\">")
                .append(Csrf.field(request))
                .append("<label for=\"name\">").append(en ? "What it is for" : "Dùng vào việc gì").append("</label>")
                .append("<input id=\"name\" name=\"name\" maxlength=\"100\" required value=\"").append(Html.escape(name)).append("\"")
                .append(errors.containsKey("name") ? " aria-invalid=\"true\" aria-describedby=\"name-error\"" : "").append(">");
        if (errors.containsKey("name")) {
            b.append("<p class=\"error\" role=\"alert\" id=\"name-error\">").append(Html.escape(errors.get("name"))).append("</p>");
        }
        b.append("<label for=\"days\">").append(en ? "Valid for (days, 1–365)" : "Thời hạn (ngày, 1–365)").append("</label>")
                .append("<input id=\"days\" name=\"days\" inputmode=\"numeric\" value=\"").append(Html.escape(days)).append("\"")
                .append(errors.containsKey("days") ? " aria-invalid=\"true\" aria-describedby=\"days-error\"" : "").append(">");
        if (errors.containsKey("days")) {
            b.append("<p class=\"error\" role=\"alert\" id=\"days-error\">").append(Html.escape(errors.get("days"))).append("</p>");
        }
        b.append("<p><button type=\"submit\" id=\"make\">").append(en ? "Make the token" : "Tạo mã").append("</button></p></form>");
        return Html.page(en ? "en" : "vi", title, b.toString());
    }
}
