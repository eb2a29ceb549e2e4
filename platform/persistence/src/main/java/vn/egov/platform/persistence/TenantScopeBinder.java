package vn.egov.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import vn.egov.platform.tenancy.TenantScope;

/**
 * Tells PostgreSQL the scope of the current JTA transaction. The settings are transaction-local
 * ({@code is_local = true}), so they end with the transaction and never leak to the next borrower of the
 * pooled connection. Every statement of the transaction runs on the same enlisted connection, whichever
 * persistence unit issues it. The statements are {@link ConnectionScope}'s, the one place that sets a scope.
 */
@ApplicationScoped
public class TenantScopeBinder {

    @Resource(lookup = "jdbc/egov")
    DataSource dataSource;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * Binds the scope (or the empty scope: nothing visible) to the running transaction.
     *
     * @throws ScopeNotSetException when there is no transaction or the database did not take the setting;
     *                              the request must fail rather than run unscoped
     */
    public void bind(Optional<TenantScope> scope) {
        requireTransaction();
        String tenant = scope.map(s -> Long.toString(s.tenantId())).orElse("");
        String subtree = scope.map(s -> s.subtree() ? "on" : "off").orElse("off");
        try (PreparedStatement ps = TxConnection.of(dataSource(), transactions()).prepareStatement(ConnectionScope.UNIT_SQL)) {
            ps.setString(1, tenant);
            ps.setString(2, subtree);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !tenant.equals(rs.getString(1)) || !subtree.equals(rs.getString(2))) {
                    throw new ScopeNotSetException("the database did not take the tenant scope");
                }
            }
        } catch (SQLException e) {
            throw new ScopeNotSetException("could not set the tenant scope: " + e.getMessage(), e);
        }
    }

    /**
     * Binds the public-reader scope to the running transaction: no unit at all, and the tables that have a public
     * policy answer only their public rows (published articles, public files...). What visitors' pages read with.
     */
    public void bindPublic() {
        requireTransaction();
        try (PreparedStatement ps = TxConnection.of(dataSource(), transactions()).prepareStatement(ConnectionScope.PUBLIC_SQL);
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next() || !"on".equals(rs.getString(3)) || !"".equals(rs.getString(1))) {
                throw new ScopeNotSetException("the database did not take the public scope");
            }
        } catch (SQLException e) {
            throw new ScopeNotSetException("could not set the public scope: " + e.getMessage(), e);
        }
    }

    /**
     * Binds the applicant scope: no unit, no public rows, only what the tables' applicant policies let the account
     * {@code userId} read (a citizen's or business's own dossiers).
     */
    public void bindApplicant(long userId) {
        requireTransaction();
        String id = Long.toString(userId);
        try (PreparedStatement ps = TxConnection.of(dataSource(), transactions()).prepareStatement(ConnectionScope.APPLICANT_SQL)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !id.equals(rs.getString(4)) || !"".equals(rs.getString(1))) {
                    throw new ScopeNotSetException("the database did not take the applicant scope");
                }
            }
        } catch (SQLException e) {
            throw new ScopeNotSetException("could not set the applicant scope: " + e.getMessage(), e);
        }
    }

    private void requireTransaction() {
        TransactionSynchronizationRegistry tx = transactions();
        if (tx.getTransactionKey() == null || tx.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new ScopeNotSetException("no active transaction to bind the tenant scope to");
        }
    }

    /*
     * This bean is application-wide: if the container first created it outside a web module's context (a timer
     * started at deployment), its resources were not injected, and every later request would fail. Looked up by
     * their global names then.
     */
    private DataSource dataSource() {
        if (dataSource == null) {
            dataSource = (DataSource) lookup("jdbc/egov");
        }
        return dataSource;
    }

    private TransactionSynchronizationRegistry transactions() {
        if (transactions == null) {
            transactions = (TransactionSynchronizationRegistry) lookup("java:comp/TransactionSynchronizationRegistry");
        }
        return transactions;
    }

    private static Object lookup(String name) {
        try {
            return new javax.naming.InitialContext().lookup(name);
        } catch (javax.naming.NamingException e) {
            throw new ScopeNotSetException("the tenant scope cannot be bound: " + name + " is not available (" + e.getMessage() + ")", e);
        }
    }
}
