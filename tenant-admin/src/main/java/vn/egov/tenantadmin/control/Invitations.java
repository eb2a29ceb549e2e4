package vn.egov.tenantadmin.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import vn.egov.platform.web.Access;

/**
 * Invitations instead of printed passwords: a random token (256 bits) goes to the invitee as a link; only its
 * SHA-256 is stored. It works once, for {@link #VALID}; accepting it sets the password the invitee chose. No
 * password hashing happens when inviting, which is what keeps provisioning many units fast.
 */
@RequestScoped
public class Invitations {
    public static final Duration VALID = Duration.ofDays(7);
    /** The password hash of an account whose invitation is not accepted yet: never matches anything. */
    public static final String NO_PASSWORD = "!invited";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "tenant-admin")
    EntityManager em;

    @Inject
    Access access;

    public record Invitation(String token, OffsetDateTime expiresAt) {
        public String path() {
            return "/invitation/" + token;
        }
    }

    /** Invites the (password-less) user: in the caller's transaction and scope. */
    public Invitation invite(long tenantId, long userId) {
        return invite(tenantId, userId, null);
    }

    /**
     * As above, with the token the caller made ({@link #newToken()} or the like: 32 random bytes, base64url) so that it
     * could keep the link before asking; null: a new one.
     */
    public Invitation invite(long tenantId, long userId, String givenToken) {
        String token = givenToken != null ? givenToken : newToken();
        OffsetDateTime expires = OffsetDateTime.now().plus(VALID);
        em.createNativeQuery("INSERT INTO user_invitation (tenant_id, user_id, token_hash, created_by, expires_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, tenantId).setParameter(2, userId).setParameter(3, hash(token))
                .setParameter(4, access.username()).setParameter(5, expires).executeUpdate();
        return new Invitation(token, expires);
    }

    /** 256 random bits, base64url without padding (43 characters). */
    public static String newToken() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
