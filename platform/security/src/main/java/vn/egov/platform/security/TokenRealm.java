package vn.egov.platform.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.authc.BearerToken;
import org.apache.shiro.authc.DisabledAccountException;
import org.apache.shiro.authc.ExpiredCredentialsException;
import org.apache.shiro.authc.IncorrectCredentialsException;
import org.apache.shiro.authc.SimpleAuthenticationInfo;
import org.apache.shiro.authc.credential.AllowAllCredentialsMatcher;
import org.apache.shiro.realm.AuthenticatingRealm;
import org.apache.shiro.subject.SimplePrincipalCollection;

/**
 * Authenticates {@code Authorization: Bearer} API tokens through {@code auth_token_lookup}: the token's SHA-256
 * finds it (so finding it is the proof), then it must be neither revoked nor expired, and its user active in an
 * active unit. The principal is the same {@link UserPrincipal} a password login gives, built from the user as they
 * are now, so roles and duties apply at once; authorization stays with {@link TenantRealm}, which reads it from the
 * principal. No lockout: a token cannot be guessed, and a wrong one locks nobody out.
 */
public class TokenRealm extends AuthenticatingRealm {
    private static final Logger LOG = Logger.getLogger(TokenRealm.class.getName());

    private String dataSourceName = "jdbc/egov";

    public TokenRealm() {
        setAuthenticationTokenClass(BearerToken.class);
        // the lookup by the token's hash is the check; there is nothing left to compare
        setCredentialsMatcher(new AllowAllCredentialsMatcher());
        setAuthenticationCachingEnabled(false);
    }

    public void setDataSourceName(String name) { this.dataSourceName = name; }

    @Override
    protected AuthenticationInfo doGetAuthenticationInfo(AuthenticationToken token) {
        String secret = ((BearerToken) token).getToken();
        if (!ApiTokens.looksLikeToken(secret)) {
            throw new IncorrectCredentialsException("not a token");
        }
        try (Connection c = AuthDatabase.named(dataSourceName).getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM auth_token_lookup(?)")) {
            ps.setString(1, ApiTokens.hash(secret));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IncorrectCredentialsException("unknown token");
                }
                if (rs.getTimestamp("revoked_at") != null) {
                    throw new RevokedTokenException();
                }
                if (!rs.getTimestamp("expires_at").toInstant().isAfter(Instant.now())) {
                    throw new ExpiredCredentialsException("token expired");
                }
                if (!"active".equals(rs.getString("status")) || !"active".equals(rs.getString("tenant_status"))) {
                    throw new DisabledAccountException("account disabled or unit suspended");
                }
                SimplePrincipalCollection principals = new SimplePrincipalCollection(
                        List.of(AuthDatabase.principal(rs, rs.getString("username")), new TokenLogin(rs.getLong("token_id"))), getName());
                return new SimpleAuthenticationInfo(principals, secret);
            }
        } catch (SQLException e) {
            LOG.log(Level.SEVERE, "token lookup failed", e);
            throw new AuthenticationException("login is unavailable", e);
        }
    }

    /** The second principal of a token login (after the {@link UserPrincipal}): which token it was. */
    public record TokenLogin(long tokenId) implements java.io.Serializable {
    }

    /** The token was revoked by its owner or an administrator. */
    public static class RevokedTokenException extends DisabledAccountException {
        public RevokedTokenException() {
            super("token revoked");
        }
    }
}
