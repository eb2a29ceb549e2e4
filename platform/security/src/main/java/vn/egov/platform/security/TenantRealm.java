package vn.egov.platform.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.authc.DisabledAccountException;
import org.apache.shiro.authc.IncorrectCredentialsException;
import org.apache.shiro.authc.LockedAccountException;
import org.apache.shiro.authc.SimpleAuthenticationInfo;
import org.apache.shiro.authc.UnknownAccountException;
import org.apache.shiro.authc.UsernamePasswordToken;
import org.apache.shiro.authc.credential.PasswordMatcher;
import org.apache.shiro.authz.AuthorizationInfo;
import org.apache.shiro.authz.SimpleAuthorizationInfo;
import org.apache.shiro.realm.AuthorizingRealm;
import org.apache.shiro.subject.PrincipalCollection;

/**
 * Authenticates against {@code app_user} through {@code auth_lookup}, and counts failures through
 * {@code auth_record_failure}: after {@code maxFailures} wrong passwords in a row the account is locked for
 * {@code lockMinutes}. The answers tell nothing about a name to whoever does not know its password: an unknown name, a
 * pending invitation, a locked account and a wrong password look alike to the caller (the filters say
 * {@code bad-credentials}); a disabled account or suspended unit is named only after the right password. Authorization comes from the principal itself (roles, unit path), with no query.
 */
public class TenantRealm extends AuthorizingRealm {
    private static final Logger LOG = Logger.getLogger(TenantRealm.class.getName());
    /** Compared against when the user does not exist, so both paths cost one hash. */
    private static final String DUMMY_HASH = Passwords.hash("not-a-real-password-" + System.nanoTime());

    private String dataSourceName = "jdbc/egov";
    private int maxFailures = 5;
    private int lockMinutes = 15;

    public TenantRealm() {
        PasswordMatcher matcher = new PasswordMatcher();
        matcher.setPasswordService(Passwords.service());
        setCredentialsMatcher(matcher);
        setAuthenticationTokenClass(UsernamePasswordToken.class);
        setAuthorizationCachingEnabled(false);
        setAuthenticationCachingEnabled(false);
    }

    public void setDataSourceName(String name) { this.dataSourceName = name; }
    public void setMaxFailures(int maxFailures) { this.maxFailures = maxFailures; }
    public void setLockMinutes(int lockMinutes) { this.lockMinutes = lockMinutes; }

    @Override
    protected AuthenticationInfo doGetAuthenticationInfo(AuthenticationToken token) {
        UsernamePasswordToken upt = (UsernamePasswordToken) token;
        String username = upt.getUsername() == null ? "" : upt.getUsername().trim();
        try (Connection c = AuthDatabase.named(dataSourceName).getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM auth_lookup(?)")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                // An unknown name, an invitation not accepted yet and a locked account answer alike, each after one
                // hash, so that neither the answer nor its time tells which names exist: a locked account's
                // password is not checked at all (else the answer would tell a right guess during the lock).
                if (!rs.next()) {
                    Passwords.matches(new String(upt.getPassword()), DUMMY_HASH);
                    throw new UnknownAccountException("unknown user");
                }
                if (rs.getString("password_hash").startsWith("!")) {
                    Passwords.matches(new String(upt.getPassword()), DUMMY_HASH);
                    throw new UnknownAccountException("invitation not accepted yet");
                }
                Timestamp lockedUntil = rs.getTimestamp("locked_until");
                if (lockedUntil != null && lockedUntil.toInstant().isAfter(Instant.now())) {
                    Passwords.matches(new String(upt.getPassword()), DUMMY_HASH);
                    throw new LockedUntilException(lockedUntil.toInstant());
                }
                // a disabled account or suspended unit is said so only to whoever gives its right password
                String refusal = !"active".equals(rs.getString("status")) ? "account disabled"
                        : !"active".equals(rs.getString("tenant_status")) ? "unit suspended" : null;
                UserPrincipal principal = AuthDatabase.principal(rs, username);
                return new Checked(principal, rs.getString("password_hash"), getName(), refusal);
            }
        } catch (SQLException e) {
            LOG.log(Level.SEVERE, "login lookup failed", e);
            throw new AuthenticationException("login is unavailable", e);
        }
    }

    @Override
    protected void assertCredentialsMatch(AuthenticationToken token, AuthenticationInfo info) {
        UserPrincipal principal = (UserPrincipal) info.getPrincipals().getPrimaryPrincipal();
        try {
            super.assertCredentialsMatch(token, info);
        } catch (IncorrectCredentialsException wrong) {
            Instant lockedUntil = recordFailure(principal.userId());
            if (lockedUntil != null) {
                throw new LockedUntilException(lockedUntil);
            }
            throw wrong;
        }
        if (info instanceof Checked checked && checked.refusal != null) {
            throw new DisabledAccountException(checked.refusal);
        }
        recordSuccess(principal.userId());
    }

    /** What the lookup found, with the refusal (disabled, suspended) that is given only once the password is right. */
    private static final class Checked extends SimpleAuthenticationInfo {
        private static final long serialVersionUID = 1L;
        private final String refusal;

        Checked(UserPrincipal principal, String hash, String realm, String refusal) {
            super(principal, hash, realm);
            this.refusal = refusal;
        }
    }

    @Override
    protected AuthorizationInfo doGetAuthorizationInfo(PrincipalCollection principals) {
        UserPrincipal user = principals.oneByType(UserPrincipal.class);
        SimpleAuthorizationInfo info = new SimpleAuthorizationInfo();
        if (user != null) {
            user.roles().forEach(r -> info.addRole(r.name()));
            info.setObjectPermissions(Set.copyOf(user.permissions()));
        }
        return info;
    }

    private Instant recordFailure(long userId) {
        try (Connection c = AuthDatabase.named(dataSourceName).getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT auth_record_failure(?, ?, make_interval(mins => ?))")) {
            ps.setLong(1, userId);
            ps.setInt(2, maxFailures);
            ps.setInt(3, lockMinutes);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp t = rs.getTimestamp(1);
                return t == null ? null : t.toInstant();
            }
        } catch (SQLException e) {
            throw new AuthenticationException("login is unavailable", e);
        }
    }

    private void recordSuccess(long userId) {
        try (Connection c = AuthDatabase.named(dataSourceName).getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT auth_record_success(?)")) {
            ps.setLong(1, userId);
            ps.executeQuery().close();
        } catch (SQLException e) {
            throw new AuthenticationException("login is unavailable", e);
        }
    }

    /** The account is locked; {@link #until()} says until when. */
    public static class LockedUntilException extends LockedAccountException {
        private final Instant until;

        public LockedUntilException(Instant until) {
            super("account locked until " + until);
            this.until = until;
        }

        public Instant until() { return until; }
    }
}
