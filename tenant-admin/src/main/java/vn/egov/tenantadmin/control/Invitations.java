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
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        OffsetDateTime expires = OffsetDateTime.now().plus(VALID);
        em.createNativeQuery("INSERT INTO user_invitation (tenant_id, user_id, token_hash, created_by, expires_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, tenantId).setParameter(2, userId).setParameter(3, hash(token))
                .setParameter(4, access.username()).setParameter(5, expires).executeUpdate();
        return new Invitation(token, expires);
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
