package vn.egov.tenantadmin.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
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
import java.util.Optional;
import vn.egov.platform.web.pages.Locales;
import vn.egov.platform.web.pages.Page;
import vn.egov.platform.web.pages.Templates;
import vn.egov.tenantadmin.control.Invitations;

/**
 * {@code /invitation/{token}}: the invitee (not logged in, no scope) opens the link, chooses a password, and can log in
 * (Vietnamese; {@code ?lang=en}). A link unknown, used or expired answers 410; a bad password re-shows the form (400).
 * Programs use {@code POST /api/invitations/{token}}. Made from the template {@code invitation.jte} in the bare layout.
 */
@Path("invitation/{token}")
@RequestScoped
@Transactional
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class InvitationPage {

    /** What the page shows: the invitee (null: the link does not work), the form's address, a refusal, or the account set up. */
    public record View(Invitations.Invitee invitee, String formAction, String error, String done) {
    }

    @Inject
    HttpServletRequest request;

    @Inject
    Invitations invitations;

    @GET
    public Response page(@PathParam("token") String token, @QueryParam("lang") String lang) {
        return form(token, "en".equals(lang), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@PathParam("token") String token, @QueryParam("lang") String lang,
                           @FormParam("password") String password, @FormParam("confirm") String confirm) {
        boolean en = "en".equals(lang);
        String problem = !Invitations.acceptable(password) ? "invitation.length" : !password.equals(confirm) ? "invitation.differ" : null;
        if (problem != null) {
            return form(token, en, problem);
        }
        String username = invitations.accept(token, password);
        if (username == null) {
            return form(token, en, null);
        }
        return answer(200, page(en, "invitation.done.title"), new View(null, null, null, username));
    }

    private Response form(String token, boolean en, String errorKey) {
        Optional<Invitations.Invitee> invitee = invitations.invitee(token);
        if (invitee.isEmpty()) {
            return answer(410, page(en, "invitation.invalid.title"), new View(null, null, null, null));
        }
        Page page = page(en, "invitation.title");
        String action = "/invitation/" + token + (en ? "?lang=en" : "");
        return answer(errorKey == null ? 200 : 400, page,
                new View(invitee.get(), action, errorKey == null ? null : page.t().text(errorKey), null));
    }

    private Page page(boolean en, String titleKey) {
        return Page.of(request, en ? Locales.ENGLISH : Locales.VIETNAMESE, AdminPages.BUNDLE, titleKey);
    }

    private static Response answer(int status, Page page, View view) {
        return Response.status(status).type(MediaType.TEXT_HTML + ";charset=utf-8")
                .header("Content-Security-Policy", Templates.CONTENT_SECURITY_POLICY)
                .entity(AdminPages.TEMPLATES.render("invitation.jte", page, "view", view)).build();
    }
}
