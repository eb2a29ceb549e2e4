package vn.egov.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * API tokens: {@code egov_} and 256 random bits (base64url), shown to their owner once. What is stored is the
 * SHA-256 of the whole token (a fast hash is enough for a secret that cannot be guessed), and a short hint (the
 * last characters) that lets a person tell their tokens apart.
 */
public final class ApiTokens {
    public static final String PREFIX = "egov_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int LENGTH = PREFIX.length() + 43;

    private ApiTokens() {
    }

    /** A new token (the secret the owner keeps). */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a string has a token's shape (checked before any lookup). */
    public static boolean looksLikeToken(String s) {
        return s != null && s.length() == LENGTH && s.startsWith(PREFIX)
                && s.substring(PREFIX.length()).chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_');
    }

    /** The hex SHA-256 a token is stored and found by. */
    public static String hash(String token) {
        Objects.requireNonNull(token, "token");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a list shows of a token: its last six characters. */
    public static String hint(String token) {
        return "…" + token.substring(token.length() - 6);
    }
}
