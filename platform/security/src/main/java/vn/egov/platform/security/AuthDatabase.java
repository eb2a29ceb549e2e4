package vn.egov.platform.security;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.apache.shiro.authc.AccountException;

/**
 * What the realms share: the data source their narrow login functions are called through (looked up once, by its
 * global name, since Shiro creates realms outside any component), and the user a function's row describes.
 */
final class AuthDatabase {
    private static final java.util.Map<String, AuthDatabase> BY_NAME = new java.util.concurrent.ConcurrentHashMap<>();
    private final String name;
    private volatile DataSource dataSource;

    private AuthDatabase(String name) {
        this.name = name;
    }

    /** The data source of that global name (looked up on first use). */
    static DataSource named(String name) {
        return BY_NAME.computeIfAbsent(name, AuthDatabase::new).dataSource();
    }

    DataSource dataSource() {
        DataSource ds = dataSource;
        if (ds == null) {
            try {
                ds = (DataSource) new InitialContext().lookup(name);
                dataSource = ds;
            } catch (NamingException e) {
                throw new AccountException("data source " + name + " not found", e);
            }
        }
        return ds;
    }

    /** The user of a row with the columns {@code auth_lookup} and {@code auth_token_lookup} both return. */
    static UserPrincipal principal(ResultSet rs, String username) throws SQLException {
        return new UserPrincipal(rs.getLong("user_id"), username.toLowerCase(Locale.ROOT), rs.getString("display_name"),
                rs.getLong("tenant_id"), rs.getString("tenant_code"), rs.getString("tenant_path"), roles(rs.getArray("roles")),
                rs.getBoolean("subtree_rights"), rs.getBoolean("must_change_password"));
    }

    private static Set<Role> roles(Array array) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (array != null) {
            for (Object o : (Object[]) array.getArray()) {
                roles.add(Role.valueOf(o.toString()));
            }
        }
        return roles;
    }
}
