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
import vn.egov.tenantadmin.control.Wording;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.pages.Locales;
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

    /** The request, for its language ({@code ?lang=}, then the cookie, then {@code Accept-Language}). */
    @jakarta.ws.rs.core.Context
    jakarta.servlet.http.HttpServletRequest request;

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
            throw new ProblemException(Problem.said(Wording::in, 400, "invalid-input", "problem.invalidInput",
                    w -> w.text("problem.passwordLength"), w -> Map.of("password", List.of(w.text("problem.passwordLength")))));
        }
        String username = invitations.accept(token, in.password());
        if (username == null) {
            throw gone();
        }
        return new Accepted(username, Wording.in(Locales.of(request)).text("invitation.accepted"));
    }

    private static ProblemException gone() {
        return new ProblemException(Problem.of(Wording::in, 410, "invitation-invalid", "problem.invitationInvalid.title",
                "problem.invitationInvalid"));
    }
}
