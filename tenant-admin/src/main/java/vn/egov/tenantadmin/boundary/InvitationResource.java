package vn.egov.tenantadmin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import vn.egov.platform.security.Passwords;
import vn.egov.platform.web.Html;
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;
import vn.egov.tenantadmin.control.Invitations;

/**
 * Accepting an invitation: the invitee (not logged in, no scope) opens the link, chooses a password, and can log
 * in. {@code /invitation/{token}} is the page (Vietnamese; {@code ?lang=en}); {@code POST /api/invitations/{token}}
 * the same for programs. The token works once and expires; only its SHA-256 is looked up, through the two
 * functions owned by the auth role.
 */
@Path("")
@RequestScoped
@Transactional
public class InvitationResource {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    @PersistenceContext(unitName = "tenant-admin")
    EntityManager em;

    public record Choose(String password) {
    }

    public record Accepted(String username, String message) {
    }

    @GET
    @Path("invitation/{token}")
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public Response page(@PathParam("token") String token, @QueryParam("lang") String lang) {
        return form(token, "en".equals(lang), null);
    }

    @POST
    @Path("invitation/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public Response submit(@PathParam("token") String token, @QueryParam("lang") String lang,
                           @FormParam("password") String password, @FormParam("confirm") String confirm) {
        boolean en = "en".equals(lang);
        String problem = check(password, en);
        if (problem == null && !password.equals(confirm)) {
            problem = en ? "The two passwords differ." : "Hai lần nhập mật khẩu không khớp nhau.";
        }
        if (problem != null) {
            return form(token, en, problem);
        }
        String username = accept(token, password);
        if (username == null) {
            return form(token, en, null);
        }
        String body = en
                ? "<h1>Password set</h1><p>Your account <strong>" + Html.escape(username) + "</strong> is ready. <a href=\"/login\">Log in</a>.</p>"
                : "<h1>Đã đặt mật khẩu</h1><p>Tài khoản <strong>" + Html.escape(username) + "</strong> đã sẵn sàng. <a href=\"/login\">Đăng nhập</a>.</p>";
        return Response.ok(Html.page(en ? "en" : "vi", en ? "Password set" : "Đã đặt mật khẩu", body)).build();
    }

    @POST
    @Path("api/invitations/{token}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Accepted acceptJson(@PathParam("token") String token, Choose in) {
        String problem = check(in == null ? null : in.password(), false);
        if (problem != null) {
            throw new ProblemException(new Problem(400, "invalid-input", "Dữ liệu không hợp lệ", "Invalid input",
                    problem, "The password has 10 to 200 characters.", Map.of("password", List.of(problem))));
        }
        String username = accept(token, in.password());
        if (username == null) {
            throw gone();
        }
        return new Accepted(username, "Đã đặt mật khẩu; hãy đăng nhập.");
    }

    private static String check(String password, boolean en) {
        if (password == null || password.length() < 10 || password.length() > 200) {
            return en ? "The password has 10 to 200 characters." : "Mật khẩu dài từ 10 đến 200 ký tự.";
        }
        return null;
    }

    private String accept(String token, String password) {
        if (!wellFormed(token)) {
            return null;
        }
        List<?> r = em.createNativeQuery("SELECT auth_accept_invitation(?1, ?2)")
                .setParameter(1, Invitations.hash(token)).setParameter(2, Passwords.hash(password)).getResultList();
        return r.isEmpty() ? null : (String) r.get(0);
    }

    private Response form(String token, boolean en, String error) {
        Object[] row = null;
        if (wellFormed(token)) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT username, display_name, unit_name, expires_at, usable FROM auth_invitation(?1)")
                    .setParameter(1, Invitations.hash(token)).getResultList();
            row = rows.isEmpty() ? null : rows.get(0);
        }
        if (row == null || !Boolean.TRUE.equals(row[4])) {
            String body = en ? "<h1>Invitation not valid</h1><p>This invitation link is unknown, has been used or has expired. "
                    + "Ask your unit's administrator for a new one.</p>"
                    : "<h1>Lời mời không còn hiệu lực</h1><p>Đường dẫn mời này không đúng, đã được dùng hoặc đã hết hạn. "
                    + "Hãy đề nghị quản trị viên của đơn vị gửi lời mời mới.</p>";
            return Response.status(410).entity(Html.page(en ? "en" : "vi", en ? "Invitation not valid" : "Lời mời không còn hiệu lực", body)).build();
        }
        String expires = row[3] instanceof OffsetDateTime o ? o.atZoneSameInstant(ZoneId.of("Asia/Ho_Chi_Minh")).format(WHEN)
                : row[3] instanceof java.sql.Timestamp t ? t.toInstant().atZone(ZoneId.of("Asia/Ho_Chi_Minh")).format(WHEN) : String.valueOf(row[3]);
        String action = "/invitation/" + Html.escape(token) + (en ? "?lang=en" : "");
        String body = (en ? "<h1>Choose your password</h1><p>" + Html.escape((String) row[1]) + ", you are invited to administer <strong>"
                + Html.escape((String) row[2]) + "</strong>. Your username is <strong>" + Html.escape((String) row[0])
                + "</strong>. This link works once, until " + expires + ".</p>"
                : "<h1>Chọn mật khẩu</h1><p>" + Html.escape((String) row[1]) + ", bạn được mời làm quản trị <strong>"
                + Html.escape((String) row[2]) + "</strong>. Tên đăng nhập của bạn là <strong>" + Html.escape((String) row[0])
                + "</strong>. Đường dẫn này dùng được một lần, đến " + expires + ".</p>")
                + (error == null ? "" : "<p class=\"error\" role=\"alert\" id=\"error\">" + Html.escape(error) + "</p>")
                + "<form method=\"post\" action=\"" + action + "\">"
                + "<label for=\"password\">" + (en ? "New password (at least 10 characters)" : "Mật khẩu mới (ít nhất 10 ký tự)") + "</label>"
                + "<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"new-password\" required minlength=\"10\">"
                + "<label for=\"confirm\">" + (en ? "Repeat it" : "Nhập lại mật khẩu") + "</label>"
                + "<input type=\"password\" id=\"confirm\" name=\"confirm\" autocomplete=\"new-password\" required minlength=\"10\">"
                + "<p><button type=\"submit\">" + (en ? "Set password" : "Đặt mật khẩu") + "</button></p></form>";
        return Response.status(error == null ? 200 : 400)
                .entity(Html.page(en ? "en" : "vi", en ? "Choose your password" : "Chọn mật khẩu", body)).build();
    }

    private static boolean wellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }

    private static ProblemException gone() {
        return new ProblemException(Problem.of(410, "invitation-invalid", "Lời mời không còn hiệu lực", "Invitation not valid",
                "Lời mời không đúng, đã được dùng hoặc đã hết hạn; hãy đề nghị quản trị viên gửi lời mời mới.",
                "The invitation is unknown, used or expired; ask the administrator for a new one."));
    }
}
