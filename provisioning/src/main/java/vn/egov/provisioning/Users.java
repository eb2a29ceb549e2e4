package vn.egov.provisioning;

import vn.egov.platform.persistence.ConnectionScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import vn.egov.platform.security.Passwords;

/**
 * Creates users from provisioning. {@code app_user} is under FORCE row-level security, so even the owner
 * sets the unit's scope for the transaction first (with bound parameters, as the application does).
 */
public final class Users {
    private Users() {
    }

    /** Creates the user unless the username exists; returns true when created. */
    public static boolean create(Connection owner, String unitCode, String username, String displayName, String password,
                                 String[] roles, boolean subtreeRights) throws SQLException {
        return create(owner, unitCode, username, displayName, password, roles, subtreeRights, false);
    }

    /**
     * As above; {@code oneTime} marks a generated password that is shown once: the user must choose a new one
     * before doing anything else.
     */
    public static boolean create(Connection owner, String unitCode, String username, String displayName, String password,
                                 String[] roles, boolean subtreeRights, boolean oneTime) throws SQLException {
        boolean auto = owner.getAutoCommit();
        owner.setAutoCommit(false);
        try {
            long unitId;
            try (PreparedStatement ps = owner.prepareStatement("SELECT id FROM tenant WHERE code = ?")) {
                ps.setString(1, unitCode);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException(Said.text("addUser.noUnit", unitCode));
                    }
                    unitId = rs.getLong(1);
                }
            }
            ConnectionScope.bind(owner, unitId, false);
            int created;
            try (PreparedStatement ps = owner.prepareStatement(
                    "INSERT INTO app_user (tenant_id, username, display_name, password_hash, roles, subtree_rights, "
                            + "must_change_password) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING")) {
                ps.setLong(1, unitId);
                ps.setString(2, username.toLowerCase(Locale.ROOT));
                ps.setString(3, displayName);
                ps.setString(4, Passwords.hash(password));
                ps.setArray(5, owner.createArrayOf("text", roles));
                ps.setBoolean(6, subtreeRights);
                ps.setBoolean(7, oneTime);
                created = ps.executeUpdate();
            }
            owner.commit();
            return created == 1;
        } catch (SQLException | RuntimeException e) {
            owner.rollback();
            throw e;
        } finally {
            owner.setAutoCommit(auto);
        }
    }
}
