package vn.egov.platform.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The one place that tells PostgreSQL a scope: the statements {@link TenantScopeBinder} runs for the container's
 * transactions, and the same for a plain connection in a local transaction of its own (a timer's short write, the
 * reorganiser's connection, the operator's tools). Transaction-local ({@code is_local = true}): the setting ends with
 * the transaction and never reaches the pooled connection's next borrower. Needs the JDK only (the tools run it
 * without the container's APIs).
 */
public final class ConnectionScope {
    static final String UNIT_SQL = "SELECT set_config('app.tenant_id', ?, true), set_config('app.subtree', ?, true), "
            + "set_config('app.public', 'off', true), set_config('app.applicant_id', '', true)";
    static final String PUBLIC_SQL = "SELECT set_config('app.tenant_id', '', true), set_config('app.subtree', 'off', true), "
            + "set_config('app.public', 'on', true), set_config('app.applicant_id', '', true)";
    static final String APPLICANT_SQL = "SELECT set_config('app.tenant_id', '', true), set_config('app.subtree', 'off', true), "
            + "set_config('app.public', 'off', true), set_config('app.applicant_id', ?, true)";

    private ConnectionScope() {
    }

    /**
     * Binds unit {@code tenantId}'s scope (with everything under it if {@code subtree}) to the local transaction of
     * {@code c}, which must have auto-commit off (else the setting would end with this very statement).
     *
     * @throws SQLException when the connection is in auto-commit or the database did not take the setting
     */
    public static void bind(Connection c, long tenantId, boolean subtree) throws SQLException {
        if (c.getAutoCommit()) {
            throw new SQLException("a scope needs a transaction: the connection is in auto-commit");
        }
        String tenant = Long.toString(tenantId);
        String sub = subtree ? "on" : "off";
        try (PreparedStatement ps = c.prepareStatement(UNIT_SQL)) {
            ps.setString(1, tenant);
            ps.setString(2, sub);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !tenant.equals(rs.getString(1)) || !sub.equals(rs.getString(2))) {
                    throw new SQLException("the database did not take the unit's scope");
                }
            }
        }
    }
}
