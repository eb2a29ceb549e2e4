package vn.egov.platform.api.accounts;

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
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import vn.egov.platform.security.Accounts;
import vn.egov.platform.web.Csrf;
import vn.egov.platform.web.pages.Page;
import vn.egov.platform.web.signin.Knocks;

/**
 * A forgotten password: {@code /password/forgot} takes an e-mail address and always answers the same ("if an account
 * has this address, a link is on its way"), whether or not one has, so that nobody learns which addresses have
 * accounts; each active account with a password behind the address gets a one-time link, valid
 * {@code Accounts.RESET_VALID}, that works once ({@code /password/reset}). At most {@value Knocks#RESETS_PER_ADDRESS}
 * requests an hour from one network address and {@value Knocks#RESETS_PER_EMAIL} mails an hour to one e-mail address
 * (beyond that the answer is the same and nothing more is sent).
 */
@Path("password")
@RequestScoped
@Produces(AccountPages.HTML)
public class PasswordLinkPage {

    @Context
    HttpServletRequest request;

    @Inject
    Knocks knocks;

    private final Accounts accounts = new Accounts(AccountPages.DATA_SOURCE);

    @GET
    @Path("forgot")
    public Response forgotForm() {
        return forgot(200, "", Map.of(), null);
    }

    @POST
    @Path("forgot")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response forgot(@FormParam("csrf") String csrf, @FormParam("email") String email) throws SQLException {
        String address = Optional.ofNullable(email).orElse("").strip();
        if (!Csrf.valid(request, csrf)) {
            return forgot(403, address, Map.of(), "account.csrf");
        }
        if (address.length() > 254 || !address.matches(SignUpPage.EMAIL)) {
            return forgot(400, address, Map.of("email", "signup.email.invalid"), null);
        }
        if (!knocks.allowed("reset-from", request.getRemoteAddr(), Knocks.RESETS_PER_ADDRESS)) {
            return forgot(429, address, Map.of(), "forgot.tooMany");
        }
        if (knocks.allowed("reset-to", Accounts.hash(address.toLowerCase(java.util.Locale.ROOT)), Knocks.RESETS_PER_EMAIL)) {
            Page page = Page.of(request, null, "forgot.title");
            for (Accounts.Holder holder : accounts.byEmail(address)) {
                String token = Accounts.newToken();
                String link = AccountPages.publicUrl(request) + "/password/reset?token=" + token;
                accounts.issueReset(holder.userId(), Accounts.hash(token), AccountPages.mail(address, page.t().text("forgot.mail.subject"),
                        page.t().text("forgot.mail.text", holder.displayName(), holder.username(), link, Accounts.RESET_VALID.toMinutes())));
            }
        }
        Page page = Page.of(request, null, "forgot.sent.title");
        return AccountPages.answer(202, "account-notice.jte", page, "text", page.t().text("forgot.sent.text", address),
                "link", page.link("/login"), "linkLabel", page.t().text("login.title"));
    }

    @GET
    @Path("reset")
    public Response resetForm(@QueryParam("token") String token) throws SQLException {
        Optional<Accounts.LinkState> state = token == null || token.isBlank() ? Optional.empty() : accounts.link(token, "reset");
        if (state.isEmpty() || !state.get().usable()) {
            return gone();
        }
        return reset(200, token, state.get().username(), Map.of(), null);
    }

    @POST
    @Path("reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reset(@FormParam("csrf") String csrf, @FormParam("token") String token, @FormParam("password") String password,
                          @FormParam("confirm") String confirm) throws SQLException {
        Optional<Accounts.LinkState> state = token == null || token.isBlank() ? Optional.empty() : accounts.link(token, "reset");
        if (state.isEmpty() || !state.get().usable()) {
            return gone();
        }
        if (!Csrf.valid(request, csrf)) {
            return reset(403, token, state.get().username(), Map.of(), "account.csrf");
        }
        if (password == null || password.length() < 10 || password.length() > 200) {
            return reset(400, token, state.get().username(), Map.of("password", "password.length"), null);
        }
        if (!password.equals(confirm)) {
            return reset(400, token, state.get().username(), Map.of("confirm", "password.differ"), null);
        }
        if (accounts.reset(token, password).isEmpty()) {
            return gone();
        }
        return AccountPages.notice(200, request, "password.changed.title", "reset.done.text", "/login", "login.title");
    }

    private Response gone() {
        return AccountPages.notice(410, request, "link.gone.title", "link.gone.reset", "/password/forgot", "forgot.title");
    }

    private Response forgot(int status, String email, Map<String, String> wrongKeys, String errorKey) {
        Page page = Page.of(request, null, "forgot.title");
        return AccountPages.answer(status, "forgot.jte", page, "email", email, "errors", AccountPages.said(page, wrongKeys),
                "error", errorKey == null ? null : page.t().text(errorKey));
    }

    private Response reset(int status, String token, String username, Map<String, String> wrongKeys, String errorKey) {
        Page page = Page.of(request, null, "reset.title");
        return AccountPages.answer(status, "reset.jte", page, "token", token, "username", username,
                "errors", AccountPages.said(page, wrongKeys), "error", errorKey == null ? null : page.t().text(errorKey));
    }
}
