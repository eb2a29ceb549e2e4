package vn.egov.platform.web.signin;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.Serializable;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The national identity provider, as provincial portals use the national single sign-on: OpenID Connect's authorisation
 * code flow with PKCE (S256), a state and a nonce per attempt, the code exchanged by this server with the client's
 * secret, the ID token's signature (the provider's published keys), issuer, audience, expiry and nonce checked by the
 * Nimbus SDK. Configured by {@code egov.oidc.issuer}, {@code egov.oidc.client-id}, {@code egov.oidc.client-secret} and
 * {@code egov.oidc.identity-claim} (the claim that carries the 12-digit identity number: {@code identity_number}); without
 * an issuer the door is not offered. The provider's metadata is read once and kept.
 */
@ApplicationScoped
public class NationalSignOn {
    /** Why a sign-in through the provider did not happen: the key of the page's message. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final String key;

        public Refused(String key, String detail, Throwable cause) {
            super(detail, cause);
            this.key = key;
        }

        public String key() { return key; }
    }

    /** One attempt, kept in the browser's session until the provider sends the browser back. */
    public record Attempt(String state, String nonce, String verifier, String redirectUri, String going, long homeTenant)
            implements Serializable {
    }

    /** The person the provider vouched for. */
    public record Vouched(String identityNumber, String name, String email, String idToken) {
    }

    /** The session attribute of the ID token of a person signed in through the provider (the hint when logging out). */
    public static final String ID_TOKEN = "vn.egov.national.idToken";

    private volatile OIDCProviderMetadata metadata;

    /** Whether a provider is configured. */
    public boolean offered() {
        return issuer().isPresent();
    }

    private static Optional<String> issuer() {
        return ConfigProvider.getConfig().getOptionalValue("egov.oidc.issuer", String.class).filter(s -> !s.isBlank());
    }

    private OIDCProviderMetadata metadata() throws Refused {
        OIDCProviderMetadata m = metadata;
        if (m == null) {
            try {
                m = OIDCProviderMetadata.resolve(new Issuer(issuer().orElseThrow(() -> new Refused("national.unavailable", "no provider", null))), 5000, 10000);
                metadata = m;
            } catch (Refused r) {
                throw r;
            } catch (Exception e) {
                throw new Refused("national.unavailable", "the provider's metadata could not be read", e);
            }
        }
        return m;
    }

    /** A new attempt (its state, nonce and PKCE verifier), for the browser's session. */
    public Attempt attempt(String redirectUri, String going, long homeTenant) {
        return new Attempt(new State().getValue(), new Nonce().getValue(), new CodeVerifier().getValue(), redirectUri, going, homeTenant);
    }

    /** The provider's address the browser is sent to for an attempt. */
    public URI address(Attempt attempt) throws Refused {
        return new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid", "profile", "email"), clientId(),
                URI.create(attempt.redirectUri())).endpointURI(metadata().getAuthorizationEndpointURI())
                .state(new State(attempt.state())).nonce(new Nonce(attempt.nonce()))
                .codeChallenge(new CodeVerifier(attempt.verifier()), CodeChallengeMethod.S256).build().toURI();
    }

    /**
     * The end of an attempt: the state the browser brought back must be the attempt's, the code is exchanged, the ID
     * token checked. Refused otherwise, with the reason's message key.
     */
    public Vouched finish(Attempt attempt, String state, String code, String error) throws Refused {
        if (attempt == null || state == null || !attempt.state().equals(state)) {
            throw new Refused("national.state", "the state does not match this browser's attempt", null);
        }
        if (error != null && !error.isBlank()) {
            throw new Refused("national.cancelled", "the provider answered " + error, null);
        }
        if (code == null || code.isBlank()) {
            throw new Refused("national.state", "no code", null);
        }
        OIDCProviderMetadata m = metadata();
        JWT idToken;
        try {
            TokenRequest request = new TokenRequest(m.getTokenEndpointURI(), new ClientSecretBasic(clientId(), new Secret(secret())),
                    new AuthorizationCodeGrant(new AuthorizationCode(code), URI.create(attempt.redirectUri()), new CodeVerifier(attempt.verifier())));
            HTTPResponse answer = request.toHTTPRequest().send();
            TokenResponse parsed = OIDCTokenResponseParser.parse(answer);
            if (!parsed.indicatesSuccess()) {
                throw new Refused("national.code", "the provider refused the code: " + parsed.toErrorResponse().getErrorObject(), null);
            }
            idToken = ((OIDCTokenResponse) parsed.toSuccessResponse()).getOIDCTokens().getIDToken();
        } catch (Refused r) {
            throw r;
        } catch (Exception e) {
            throw new Refused("national.unavailable", "the code could not be exchanged", e);
        }
        try {
            IDTokenValidator validator = new IDTokenValidator(m.getIssuer(), clientId(), JWSAlgorithm.RS256, m.getJWKSetURI().toURL());
            return vouched(validator, idToken, attempt.nonce(), identityClaim());
        } catch (java.net.MalformedURLException e) {
            throw new Refused("national.unavailable", "the provider's keys have no address", e);
        }
    }

    /** The checks of an ID token against the nonce of its attempt, and what it says of the person (tested on its own). */
    static Vouched vouched(IDTokenValidator validator, JWT idToken, String nonce, String identityClaim) throws Refused {
        IDTokenClaimsSet claims;
        try {
            claims = validator.validate(idToken, new Nonce(nonce));
        } catch (Exception e) {
            throw new Refused("national.token", "the ID token did not pass: " + e.getMessage(), e);
        }
        String number = claims.getStringClaim(identityClaim);
        if (number == null || !number.matches("[0-9]{12}")) {
            throw new Refused("national.identity", "the ID token carries no 12-digit " + identityClaim, null);
        }
        String name = claims.getStringClaim("name");
        String email = Boolean.TRUE.equals(claims.getBooleanClaim("email_verified")) ? claims.getStringClaim("email") : null;
        return new Vouched(number, name, email, idToken.getParsedString());
    }

    /** Where the browser goes to end the provider's session too, then comes back to {@code back}; empty without one. */
    public Optional<URI> endSession(String idToken, String back) {
        try {
            OIDCProviderMetadata m = metadata();
            if (m.getEndSessionEndpointURI() == null) {
                return Optional.empty();
            }
            return Optional.of(new LogoutRequest(m.getEndSessionEndpointURI(), JWTParser.parse(idToken), URI.create(back), null).toURI());
        } catch (Refused | java.text.ParseException e) {
            return Optional.empty();
        }
    }

    private static ClientID clientId() {
        return new ClientID(config().getOptionalValue("egov.oidc.client-id", String.class).orElse("egov-portal"));
    }

    private static String secret() {
        return config().getOptionalValue("egov.oidc.client-secret", String.class).orElse("");
    }

    private static String identityClaim() {
        return config().getOptionalValue("egov.oidc.identity-claim", String.class).orElse("identity_number");
    }

    private static Config config() {
        return ConfigProvider.getConfig();
    }
}
