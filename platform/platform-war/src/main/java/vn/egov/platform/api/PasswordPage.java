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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.apache.shiro.SecurityUtils;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.web.Csrf;
import vn.egov.platform.web.Html;
import vn.egov.platform.web.ProblemException;

/**
 * {@code /me/password}: the page where a logged-in user chooses a new password; where a user on a one-time password
 * lands after logging in. The change itself is {@link PasswordResource}'s (the same checks); the form carries the
 * session's CSRF token. Vietnamese, {@code ?lang=en} for English.
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
    public Response form(@QueryParam("lang") String lang) {
        UserPrincipal me = SecurityUtils.getSubject().getPrincipals() == null ? null
                : SecurityUtils.getSubject().getPrincipals().oneByType(UserPrincipal.class);
        if (me == null) {
            return Response.seeOther(URI.create("/login")).build();
        }
        return Response.ok(page("en".equals(lang), me, null)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@QueryParam("lang") String lang, @FormParam("csrf") String csrf, @FormParam("current") String current,
                           @FormParam("password") String password, @FormParam("confirm") String confirm) {
        boolean en = "en".equals(lang);
        UserPrincipal me = SecurityUtils.getSubject().getPrincipals() == null ? null
                : SecurityUtils.getSubject().getPrincipals().oneByType(UserPrincipal.class);
        if (me == null) {
            return Response.seeOther(URI.create("/login")).build();
        }
        if (!Csrf.valid(request, csrf)) {
            return Response.status(403).entity(Html.page(en ? "en" : "vi", en ? "Refused" : "Bị từ chối",
                    en ? "<h1>Refused</h1><p>The form has expired or did not come from this site. Nothing changed. "
                            + "<a href=\"/me/password?lang=en\">Open it again</a>.</p>"
                            : "<h1>Bị từ chối</h1><p>Biểu mẫu đã hết hạn hoặc không đến từ trang này. Không có gì thay đổi. "
                            + "<a href=\"/me/password\">Mở lại biểu mẫu</a>.</p>")).build();
        }
        if (current == null || current.isEmpty()) {
            return Response.status(400).entity(page(en, me, en ? "Enter your current password." : "Hãy nhập mật khẩu hiện tại.")).build();
        }
        if (password == null || password.length() < 10 || password.length() > 200) {
            return Response.status(400).entity(page(en, me, en ? "The new password has 10 to 200 characters."
                    : "Mật khẩu mới dài từ 10 đến 200 ký tự.")).build();
        }
        if (!password.equals(confirm)) {
            return Response.status(400).entity(page(en, me, en ? "The two new passwords differ." : "Hai lần nhập mật khẩu mới không khớp nhau."))
                    .build();
        }
        try {
            passwords.change(new PasswordResource.Change(current, password));
        } catch (ProblemException e) {
            return Response.status(400).entity(page(en, me, en ? e.problem().detailEn() : e.problem().detailVi())).build();
        }
        return Response.ok(Html.page(en ? "en" : "vi", en ? "Password changed" : "Đã đổi mật khẩu",
                en ? "<h1>Password changed</h1><p>Log in again with the new password. <a href=\"/login?lang=en\">Log in</a>.</p>"
                        : "<h1>Đã đổi mật khẩu</h1><p>Hãy đăng nhập lại bằng mật khẩu mới. <a href=\"/login\">Đăng nhập</a>.</p>"))
                .build();
    }

    private String page(boolean en, UserPrincipal me, String error) {
        StringBuilder b = new StringBuilder("<h1>").append(en ? "Choose a new password" : "Đặt mật khẩu mới").append("</h1>");
        if (me.mustChangePassword()) {
            b.append("<p>").append(en ? "You logged in with a one-time password: choose your own before anything else."
                    : "Bạn đang dùng mật khẩu một lần: hãy đặt mật khẩu của riêng bạn trước khi làm việc khác.").append("</p>");
        }
        if (error != null) {
            b.append("<p class=\"error\" role=\"alert\" id=\"error\">").append(Html.escape(error)).append("</p>");
        }
        b.append("<form method=\"post\" action=\"/me/password").append(en ? "?lang=en" : "").append("\">").append(Csrf.field(request))
                .append("<label for=\"current\">").append(en ? "Current password" : "Mật khẩu hiện tại").append("</label>")
                .append("<input type=\"password\" id=\"current\" name=\"current\" autocomplete=\"current-password\" required>")
                .append("<label for=\"password\">").append(en ? "New password (at least 10 characters)" : "Mật khẩu mới (ít nhất 10 ký tự)")
                .append("</label><input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"new-password\" required minlength=\"10\">")
                .append("<label for=\"confirm\">").append(en ? "Repeat the new password" : "Nhập lại mật khẩu mới").append("</label>")
                .append("<input type=\"password\" id=\"confirm\" name=\"confirm\" autocomplete=\"new-password\" required minlength=\"10\">")
                .append("<p><button type=\"submit\">").append(en ? "Change the password" : "Đổi mật khẩu").append("</button></p></form>");
        return Html.page(en ? "en" : "vi", en ? "Choose a new password" : "Đặt mật khẩu mới", b.toString());
    }
}
