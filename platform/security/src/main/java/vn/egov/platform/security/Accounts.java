package vn.egov.platform.security;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Citizens' own accounts, before anyone is signed in (so, like login, through functions of V8_32 that touch exactly the
 * account or link they are given): sign-up with an e-mail address confirmed by a one-time link, and a new password by a
 * one-time link. A link's token is 32 random bytes; only its SHA-256 is kept; its mail is written in the same
 * transaction, to the platform's outbox ({@code account_mail}).
 */
public final class Accounts {
    /** How long a link to confirm an address works. */
    public static final Duration CONFIRM_VALID = Duration.ofHours(24);
    /** How long a link to choose a new password works. */
    public static final Duration RESET_VALID = Duration.ofMinutes(30);

    private static final SecureRandom RANDOM = new SecureRandom();
    private final String dataSourceName;

    public Accounts(String dataSourceName) {
        this.dataSourceName = dataSourceName;
    }

    /** A link's token: what the e-mailed address carries. */
    public static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The SHA-256 of a token, as kept (as an API token's). */
    public static String hash(String token) {
        return ApiTokens.hash(token);
    }

    /**
     * A new account and the mail of its confirmation link in one transaction: either both are written or neither.
     * Empty when the name is taken.
     */
    public Optional<Long> signUpAndMail(long tenant, String username, String displayName, String email, String password,
                                        String tokenHash, String mail) throws SQLException {
        try (Connection c = AuthDatabase.named(dataSourceName).getConnection()) {
            c.setAutoCommit(false);
            try {
                Long id = null;
                try (PreparedStatement ps = c.prepareStatement("SELECT account_sign_up(?, ?, ?, ?, ?)")) {
                    ps.setLong(1, tenant);
                    ps.setString(2, username);
                    ps.setString(3, displayName);
                    ps.setString(4, email);
                    ps.setString(5, Passwords.hash(password));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        long v = rs.getLong(1);
                        id = rs.wasNull() ? null : v;
                    }
                }
                if (id != null) {
                    issue(c, id, "confirm", tokenHash, CONFIRM_VALID, mail);
                }
                c.commit();
                return Optional.ofNullable(id);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** A reset link for an account and its mail (one transaction); earlier unused reset links of the account stop working. */
    public void issueReset(long userId, String tokenHash, String mail) throws SQLException {
        try (Connection c = AuthDatabase.named(dataSourceName).getConnection()) {
            issue(c, userId, "reset", tokenHash, RESET_VALID, mail);
        }
    }

    private static void issue(Connection c, long userId, String purpose, String tokenHash, Duration valid, String mail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT account_issue_link(?, ?, ?, make_interval(secs => ?), ?)")) {
            ps.setLong(1, userId);
            ps.setString(2, purpose);
            ps.setString(3, tokenHash);
            ps.setLong(4, valid.toSeconds());
            ps.setString(5, mail);
            ps.executeQuery().close();
        }
    }

    /** An account a reset link may be sent for. */
    public record Holder(long userId, String username, String displayName) {
    }

    /** The active accounts with a password behind an address (at most five). */
    public List<Holder> byEmail(String email) throws SQLException {
        List<Holder> found = new ArrayList<>();
        try (Connection c = AuthDatabase.named(dataSourceName).getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM account_by_email(?)")) {
            ps.setString(1, email);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Holder(rs.getLong("user_id"), rs.getString("username"), rs.getString("display_name")));
                }
            }
        }
        return found;
    }

    /** Whose a link is and whether it still works; empty for a link that never was. */
    public record LinkState(String username, String displayName, boolean usable) {
    }

    public Optional<LinkState> link(String token, String purpose) throws SQLException {
        try (Connection c = AuthDatabase.named(dataSourceName).getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM account_link_state(?, ?)")) {
            ps.setString(1, hash(token));
            ps.setString(2, purpose);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new LinkState(rs.getString(1), rs.getString(2), rs.getBoolean(3))) : Optional.empty();
            }
        }
    }

    /** Confirms an address; the user name, or empty for an unknown, used or expired link. */
    public Optional<String> confirm(String token) throws SQLException {
        return one("SELECT account_confirm(?)", hash(token), null);
    }

    /** Sets a new password through a reset link; the user name, or empty for an unknown, used or expired link. */
    public Optional<String> reset(String token, String password) throws SQLException {
        return one("SELECT account_reset_password(?, ?)", hash(token), Passwords.hash(password));
    }

    private Optional<String> one(String sql, String first, String second) throws SQLException {
        try (Connection c = AuthDatabase.named(dataSourceName).getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, first);
            if (second != null) {
                ps.setString(2, second);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Optional.ofNullable(rs.getString(1));
            }
        }
    }
}
