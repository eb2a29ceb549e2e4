package vn.egov.platform.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.apache.shiro.SecurityUtils;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.persistence.TenantScopeBinder;
import vn.egov.platform.security.ApiTokens;
import vn.egov.platform.security.TokenRealm;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.tenancy.TenantScope;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Fields;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.UserTokens;
import vn.egov.platform.web.UserTokens.TokenView;

/**
 * {@code /api/me/tokens}: the logged-in user's API tokens, for programs that act for them ({@code Authorization:
 * Bearer egov_...}) without a password or a web session. A token is shown once, when it is made; it expires after
 * 1–365 days (90 unless asked) and can be revoked at any time. A token acts with its user's rights as they are at
 * each request. Making a token takes the password or the web session: a token cannot make another token (a stolen
 * token must not outlive its own expiry). At most {@value #MAX_ACTIVE} usable tokens per user.
 */
@Path("api/me/tokens")
@ApplicationScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
public class TokensResource {
    static final int MAX_ACTIVE = 10;

    @Inject
    Access access;

    @Inject
    TenantScopeBinder scope;

    @Inject
    Db db;

    @Inject
    UserTokens tokens;

    public record NewToken(String name,
                           @Min(value = 1, message = "{invalid.from-1-to-365-days}")
                           @Max(value = 365, message = "{invalid.from-1-to-365-days}")
                           Integer days) {
    }

    @GET
    public List<TokenView> list() {
        UserPrincipal me = own();
        return tokens.list(me.tenantId(), me.userId());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull(message = "{invalid.the-body-is-missing}") NewToken in) {
        UserPrincipal me = own();
        if (SecurityUtils.getSubject().getPrincipals().oneByType(TokenRealm.TokenLogin.class) != null) {
            throw new ProblemException(ProblemException.platform(403, "token-cannot-make-tokens", "tokenCannotMakeTokens"));
        }
        String name = in.name() == null ? "" : Normalizer.normalize(in.name().strip(), Normalizer.Form.NFC);
        if (name.isEmpty() || name.length() > 100) {
            throw invalid("name", name.isEmpty() ? "tokenName" : "tokenNameLength");
        }
        long active = db.count("SELECT count(*) FROM api_token WHERE tenant_id = ? AND user_id = ? AND revoked_at IS NULL AND expires_at > now()",
                me.tenantId(), me.userId());
        if (active >= MAX_ACTIVE) {
            throw new ProblemException(ProblemException.platform(409, "too-many-tokens", "tooManyTokens", MAX_ACTIVE));
        }
        String token = ApiTokens.newToken();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant expires = now.plus(Duration.ofDays(in.days() == null ? 90 : in.days()));
        long id = db.insert("INSERT INTO api_token (tenant_id, user_id, name, token_hash, hint, created_at, expires_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                me.tenantId(), me.userId(), name, ApiTokens.hash(token), ApiTokens.hint(token), now, expires);
        TokenView made = new TokenView(id, name, ApiTokens.hint(token), now, expires, null, null, null, "active", token);
        return Response.created(URI.create("/api/me/tokens/" + id)).entity(made).build();
    }

    @GET
    @Path("{id}")
    public TokenView one(@PathParam("id") long id) {
        UserPrincipal me = own();
        return tokens.one(me.tenantId(), me.userId(), id)
                .orElseThrow(() -> ProblemException.notFound(ProblemException::platformTexts, "platform.notFound.token"));
    }

    /** Revokes one of the user's tokens: refused from the next request on. Revoking a revoked token changes nothing. */
    @DELETE
    @Path("{id}")
    public TokenView revoke(@PathParam("id") long id) {
        UserPrincipal me = own();
        return tokens.revoke(me.tenantId(), me.userId(), id, me.username())
                .orElseThrow(() -> ProblemException.notFound(ProblemException::platformTexts, "platform.notFound.token"));
    }

    /** The user's own unit, exactly (whatever their roles: citizens too may run a program for their account). */
    private UserPrincipal own() {
        UserPrincipal me = access.working();
        scope.bind(Optional.of(new TenantScope(me.tenantId(), me.tenantPath(), false)));
        return me;
    }

    /** A field refused: its message is {@code platform.problem.field.<why>} of the platform's texts. */
    private static ProblemException invalid(String field, String why) {
        return ProblemException.invalid(new Fields().add(field, ProblemException.PLATFORM + "field." + why), "invalidInput.aField");
    }
}
