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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import vn.egov.platform.security.Passwords;
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
    public static final int MIN_PASSWORD = 10;
    public static final int MAX_PASSWORD = 200;
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

    /** The person a usable invitation is for: their username and name, the unit, until when the link works. */
    public record Invitee(String username, String displayName, String unitName, Instant expiresAt) {
    }

    /** The invitee of {@code token} while its link works (not used, not expired); empty for an unknown or malformed token. */
    public Optional<Invitee> invitee(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT username, display_name, unit_name, expires_at, usable FROM auth_invitation(?1)")
                .setParameter(1, hash(token)).getResultList();
        if (rows.isEmpty() || !Boolean.TRUE.equals(rows.get(0)[4])) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        Instant expires = row[3] instanceof OffsetDateTime o ? o.toInstant()
                : row[3] instanceof java.sql.Timestamp t ? t.toInstant() : (Instant) row[3];
        return Optional.of(new Invitee((String) row[0], (String) row[1], (String) row[2], expires));
    }

    /**
     * Accepts the invitation with the password its invitee chose (checked by the caller: {@link #acceptable}): the
     * account's username, or null if the link is unknown, used or expired.
     */
    public String accept(String token, String password) {
        if (!wellFormed(token)) {
            return null;
        }
        List<?> r = em.createNativeQuery("SELECT auth_accept_invitation(?1, ?2)")
                .setParameter(1, hash(token)).setParameter(2, Passwords.hash(password)).getResultList();
        return r.isEmpty() ? null : (String) r.get(0);
    }

    /** Whether a chosen password is long enough, and not too long ({@value #MIN_PASSWORD} to {@value #MAX_PASSWORD} characters). */
    public static boolean acceptable(String password) {
        return password != null && password.length() >= MIN_PASSWORD && password.length() <= MAX_PASSWORD;
    }

    private static boolean wellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
