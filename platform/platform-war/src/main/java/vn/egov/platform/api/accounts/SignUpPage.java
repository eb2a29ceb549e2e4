package vn.egov.platform.api.accounts;

import jakarta.inject.Inject;
import jakarta.enterprise.context.RequestScoped;
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
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.egov.platform.security.Accounts;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.web.Csrf;
import vn.egov.platform.web.pages.Page;
import vn.egov.platform.web.signin.Knocks;

/**
 * {@code /signup}: a citizen or business makes their own account (name, user name, e-mail address, password); it
 * cannot be used until the link mailed to the address is opened ({@code /signup/confirm}), which proves the address.
 * At most {@value Knocks#SIGN_UPS_PER_HOUR} sign-ups an hour from one network address. A mistake re-shows the form
 * with the message beside its field, and nothing is written.
 */
@Path("signup")
@RequestScoped
@Produces(AccountPages.HTML)
public class SignUpPage {
    static final String EMAIL = "^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$";
    static final String USERNAME = "^[a-z0-9][a-z0-9._-]{2,63}$";

    @Context
    HttpServletRequest request;

    @Inject
    TenantDirectory directory;

    @Inject
    Knocks knocks;

    private final Accounts accounts = new Accounts(AccountPages.DATA_SOURCE);

    /** What was typed, given back to the form (never the password). */
    public record Typed(String name, String username, String email, String unit) {
    }

    @GET
    public Response form(@QueryParam("unit") String unit) {
        return form(200, new Typed("", "", "", unit == null ? "" : unit), Map.of(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signUp(@FormParam("csrf") String csrf, @FormParam("name") String name, @FormParam("username") String username,
                           @FormParam("email") String email, @FormParam("password") String password,
                           @FormParam("confirm") String confirm, @FormParam("unit") String unit) throws SQLException {
        Typed typed = new Typed(nfc(name), Optional.ofNullable(username).orElse("").strip().toLowerCase(java.util.Locale.ROOT),
                Optional.ofNullable(email).orElse("").strip(), Optional.ofNullable(unit).orElse(""));
        if (!Csrf.valid(request, csrf)) {
            return form(403, typed, Map.of(), "account.csrf");
        }
        Map<String, String> wrong = new LinkedHashMap<>();
        if (typed.name().isEmpty() || typed.name().length() > 200) {
            wrong.put("name", "signup.name.invalid");
        }
        if (!typed.username().matches(USERNAME)) {
            wrong.put("username", "signup.username.invalid");
        }
        if (typed.email().length() > 254 || !typed.email().matches(EMAIL)) {
            wrong.put("email", "signup.email.invalid");
        }
        if (password == null || password.length() < 10 || password.length() > 200) {
            wrong.put("password", "password.length");
        } else if (!password.equals(confirm)) {
            wrong.put("confirm", "password.differ");
        }
        if (!wrong.isEmpty()) {
            return form(400, typed, wrong, null);
        }
        if (!knocks.allowed("signup", request.getRemoteAddr(), Knocks.SIGN_UPS_PER_HOUR)) {
            return form(429, typed, Map.of(), "signup.tooMany");
        }
        Page page = Page.of(request, null, "signup.title");
        String token = Accounts.newToken();
        String link = AccountPages.publicUrl(request) + "/signup/confirm?token=" + token;
        String mail = AccountPages.mail(typed.email(), page.t().text("signup.mail.subject"),
                page.t().text("signup.mail.text", typed.name(), typed.username(), link, Accounts.CONFIRM_VALID.toHours()));
        Optional<Long> made = accounts.signUpAndMail(AccountPages.home(directory, typed.unit()), typed.username(), typed.name(),
                typed.email(), password, Accounts.hash(token), mail);
        if (made.isEmpty()) {
            return form(409, typed, Map.of("username", "signup.username.taken"), null);
        }
        return AccountPages.answer(201, "account-notice.jte", Page.of(request, null, "signup.sent.title"),
                "text", page.t().text("signup.sent.text", typed.email()), "link", page.link("/"), "linkLabel", page.t().text("account.home"));
    }

    @GET
    @Path("confirm")
    public Response confirmForm(@QueryParam("token") String token) throws SQLException {
        // a mail client may open a link by itself to look at it: the address is confirmed by the button, not by opening
        Optional<Accounts.LinkState> state = token == null || token.isBlank() ? Optional.empty() : accounts.link(token, "confirm");
        if (state.isEmpty() || !state.get().usable()) {
            return AccountPages.notice(410, request, "link.gone.title", "link.gone.confirm", "/signup", "signup.title");
        }
        return AccountPages.answer(200, "signup-confirm.jte", Page.of(request, null, "signup.confirm.title"),
                "token", token, "username", state.get().username());
    }

    @POST
    @Path("confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@FormParam("csrf") String csrf, @FormParam("token") String token) throws SQLException {
        if (!Csrf.valid(request, csrf)) {
            return AccountPages.notice(403, request, "platform.refused.title", "account.csrf", "/login", "login.title");
        }
        Optional<String> confirmed = token == null || token.isBlank() ? Optional.empty() : accounts.confirm(token);
        if (confirmed.isEmpty()) {
            return AccountPages.notice(410, request, "link.gone.title", "link.gone.confirm", "/signup", "signup.title");
        }
        return AccountPages.notice(200, request, "signup.confirmed.title", "signup.confirmed.text", "/login", "login.title");
    }

    private Response form(int status, Typed typed, Map<String, String> wrongKeys, String errorKey) {
        Page page = Page.of(request, null, "signup.title");
        return AccountPages.answer(status, "signup.jte", page, "typed", typed, "errors", AccountPages.said(page, wrongKeys),
                "error", errorKey == null ? null : page.t().text(errorKey));
    }

    static String nfc(String s) {
        return s == null ? "" : Normalizer.normalize(s.strip().replaceAll("\\s+", " "), Normalizer.Form.NFC);
    }
}
