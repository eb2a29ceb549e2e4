package vn.egov.tenantadmin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;
import vn.egov.tenantadmin.control.Invitations;

/**
 * Accepting an invitation, for programs: {@code POST /api/invitations/{token}} with the chosen password. The invitee's
 * page ({@code /invitation/{token}}) is {@code vn.egov.tenantadmin.pages.InvitationPage}; both go through
 * {@link Invitations}. The token works once and expires; only its SHA-256 is looked up, through the two functions owned
 * by the auth role.
 */
@Path("api/invitations")
@RequestScoped
@Transactional
public class InvitationResource {

    @Inject
    Invitations invitations;

    public record Choose(String password) {
    }

    public record Accepted(String username, String message) {
    }

    @POST
    @Path("{token}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Accepted acceptJson(@PathParam("token") String token, Choose in) {
        if (in == null || !Invitations.acceptable(in.password())) {
            String problem = "Mật khẩu dài từ 10 đến 200 ký tự.";
            throw new ProblemException(new Problem(400, "invalid-input", "Dữ liệu không hợp lệ", "Invalid input",
                    problem, "The password has 10 to 200 characters.", Map.of("password", List.of(problem))));
        }
        String username = invitations.accept(token, in.password());
        if (username == null) {
            throw gone();
        }
        return new Accepted(username, "Đã đặt mật khẩu; hãy đăng nhập.");
    }

    private static ProblemException gone() {
        return new ProblemException(Problem.of(410, "invitation-invalid", "Lời mời không còn hiệu lực", "Invitation not valid",
                "Lời mời không đúng, đã được dùng hoặc đã hết hạn; hãy đề nghị quản trị viên gửi lời mời mới.",
                "The invitation is unknown, used or expired; ask the administrator for a new one."));
    }
}
