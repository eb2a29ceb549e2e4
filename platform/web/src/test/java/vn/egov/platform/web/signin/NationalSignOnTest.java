package vn.egov.platform.web.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.util.Date;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The checks of an ID token, with keys made here: the provider's signature, its issuer, this client as audience, the
 * expiry, the attempt's nonce, a 12-digit identity number. A forged, expired or misdirected token signs nobody in.
 */
class NationalSignOnTest {
    static final String ISSUER = "https://vneid.example/realms/national";
    static RSAKey provider;
    static RSAKey forger;
    static IDTokenValidator validator;

    @BeforeAll
    static void keys() throws Exception {
        provider = new RSAKeyGenerator(2048).keyID("provider").generate();
        forger = new RSAKeyGenerator(2048).keyID("provider").generate(); // the same key id, another key
        validator = new IDTokenValidator(new Issuer(ISSUER), new ClientID("egov-portal"), JWSAlgorithm.RS256, new JWKSet(provider.toPublicJWK()));
    }

    static SignedJWT token(RSAKey key, Consumer<JWTClaimsSet.Builder> change) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject("s-1").audience("egov-portal")
                .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 300_000)).claim("nonce", "n-1")
                .claim("identity_number", "001099012345").claim("name", "Nguyễn Văn An").claim("email", "an@example.vn").claim("email_verified", true);
        change.accept(claims);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt;
    }

    @Test
    void aTokenOfTheProviderForThisClientAndAttemptVouchesForThePerson() throws Exception {
        NationalSignOn.Vouched v = NationalSignOn.vouched(validator, token(provider, c -> { }), "n-1", "identity_number");
        assertEquals("001099012345", v.identityNumber());
        assertEquals("Nguyễn Văn An", v.name());
        assertEquals("an@example.vn", v.email());
    }

    @Test
    void anUnverifiedAddressIsNotTaken() throws Exception {
        assertNull(NationalSignOn.vouched(validator, token(provider, c -> c.claim("email_verified", false)), "n-1", "identity_number").email());
    }

    @Test
    void forgedExpiredMisdirectedOrReplayedTokensAreRefused() throws Exception {
        assertRefused("national.token", token(forger, c -> { }), "n-1");
        assertRefused("national.token", token(provider, c -> c.expirationTime(new Date(System.currentTimeMillis() - 600_000))), "n-1");
        assertRefused("national.token", token(provider, c -> c.issuer("https://elsewhere.example/")), "n-1");
        assertRefused("national.token", token(provider, c -> c.audience("another-client")), "n-1");
        assertRefused("national.token", token(provider, c -> { }), "another attempt's nonce");
        assertRefused("national.identity", token(provider, c -> c.claim("identity_number", "12345")), "n-1");
        assertRefused("national.identity", token(provider, c -> c.claim("identity_number", null)), "n-1");
    }

    @Test
    void anUnsignedTokenIsRefused() throws Exception {
        PlainJWT plain = new PlainJWT(token(provider, c -> { }).getJWTClaimsSet());
        NationalSignOn.Refused r = assertThrows(NationalSignOn.Refused.class, () -> NationalSignOn.vouched(validator, plain, "n-1", "identity_number"));
        assertEquals("national.token", r.key());
    }

    static void assertRefused(String key, SignedJWT token, String nonce) {
        NationalSignOn.Refused r = assertThrows(NationalSignOn.Refused.class, () -> NationalSignOn.vouched(validator, token, nonce, "identity_number"));
        assertEquals(key, r.key(), r.getMessage());
    }
}
