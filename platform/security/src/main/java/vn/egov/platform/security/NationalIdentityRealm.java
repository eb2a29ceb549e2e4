package vn.egov.platform.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.authc.DisabledAccountException;
import org.apache.shiro.authc.SimpleAuthenticationInfo;
import org.apache.shiro.authc.credential.AllowAllCredentialsMatcher;
import org.apache.shiro.realm.AuthenticatingRealm;

/**
 * Signs in a person the national identity provider vouched for ({@link NationalIdentity}): the account their identity
 * number is linked to, else the local citizen account they are signed in with (now linked), else a new citizen account
 * of the unit they came from, through {@code account_national_identity} (V8_32). A disabled account or a suspended unit
 * is refused as for a password. Authorization stays with {@link TenantRealm}, which reads it from the principal.
 */
public class NationalIdentityRealm extends AuthenticatingRealm {
    private static final Logger LOG = Logger.getLogger(NationalIdentityRealm.class.getName());
    private String dataSourceName = "jdbc/egov";

    public NationalIdentityRealm() {
        setCredentialsMatcher(new AllowAllCredentialsMatcher());
        setAuthenticationTokenClass(NationalIdentity.class);
        setAuthenticationCachingEnabled(false);
    }

    public void setDataSourceName(String name) { this.dataSourceName = name; }

    @Override
    protected AuthenticationInfo doGetAuthenticationInfo(AuthenticationToken token) {
        NationalIdentity who = (NationalIdentity) token;
        try (Connection c = AuthDatabase.named(dataSourceName).getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM account_national_identity(?, ?, ?, ?, ?)")) {
            ps.setString(1, who.identityNumber());
            ps.setString(2, who.displayName());
            ps.setString(3, who.email());
            ps.setLong(4, who.homeTenant());
            if (who.linkUser() == null) {
                ps.setNull(5, Types.BIGINT);
            } else {
                ps.setLong(5, who.linkUser());
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new AuthenticationException("no account for the national identity");
                }
                if (!"active".equals(rs.getString("status")) || !"active".equals(rs.getString("tenant_status"))) {
                    throw new DisabledAccountException("account disabled or unit suspended");
                }
                return new SimpleAuthenticationInfo(AuthDatabase.principal(rs, rs.getString("username")), who.identityNumber(), getName());
            }
        } catch (SQLException e) {
            LOG.log(Level.SEVERE, "national identity sign-in failed", e);
            throw new AuthenticationException("sign-in is unavailable", e);
        }
    }
}
