package vn.egov.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.egov.platform.persistence.Db;

/**
 * A user's API tokens as their owner and their unit's administrators see them (never the secret: only its SHA-256
 * is kept). Runs in the caller's transaction, under the scope the caller bound: the table's row-level security
 * keeps every other unit's tokens out whatever the arguments say. Revoking keeps the row (who revoked it, when).
 */
@ApplicationScoped
public class UserTokens {
    private static final String COLUMNS = "id, name, hint, created_at, expires_at, last_used_at, revoked_at, revoked_by";

    @Inject
    Db db;

    /**
     * A token as it is listed: {@code state} is active, expired or revoked; {@code token} is the secret, only in the
     * answer that made it (null everywhere else).
     */
    public record TokenView(long id, String name, String hint, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
                            Instant revokedAt, String revokedBy, String state, String token) {
    }

    /** The user's tokens, newest first. */
    public List<TokenView> list(long tenantId, long userId) {
        return db.list("SELECT " + COLUMNS + " FROM api_token WHERE tenant_id = ? AND user_id = ? ORDER BY id DESC",
                UserTokens::view, tenantId, userId);
    }

    public Optional<TokenView> one(long tenantId, long userId, long id) {
        return db.one("SELECT " + COLUMNS + " FROM api_token WHERE tenant_id = ? AND user_id = ? AND id = ?",
                UserTokens::view, tenantId, userId, id);
    }

    /**
     * Revokes one of the user's tokens, refused from the next request on; the token as it now is, or empty when the
     * user has no such token. Revoking a revoked token changes nothing (it keeps who revoked it first).
     */
    public Optional<TokenView> revoke(long tenantId, long userId, long id, String by) {
        db.update("UPDATE api_token SET revoked_at = now(), revoked_by = ? WHERE tenant_id = ? AND user_id = ? AND id = ? AND revoked_at IS NULL",
                by, tenantId, userId, id);
        return one(tenantId, userId, id);
    }

    private static TokenView view(ResultSet rs) throws SQLException {
        Instant expires = Db.instant(rs, "expires_at");
        Instant revoked = Db.instant(rs, "revoked_at");
        String state = revoked != null ? "revoked" : expires.isAfter(Instant.now()) ? "active" : "expired";
        return new TokenView(rs.getLong("id"), rs.getString("name"), rs.getString("hint"), Db.instant(rs, "created_at"), expires,
                Db.instant(rs, "last_used_at"), revoked, rs.getString("revoked_by"), state, null);
    }
}
