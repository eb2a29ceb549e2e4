package vn.egov.platform.persistence;

import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * One connection handle per JTA transaction for {@link Db} and {@link TenantScopeBinder}: taken from the pool at the
 * transaction's first statement, kept in the transaction's registry and closed when the transaction ends. The pool
 * would give the same enlisted physical connection to every {@code getConnection()} of the transaction anyway (so the
 * scope set at its start holds for all its statements); taking one handle per statement cost the container a whole
 * allocation each time (pool lookup, security mapping, enlistment checks): a sixth of the request CPU in the
 * replay's profile. Callers must not close the handle. A transaction begun inside one that holds a handle must be
 * marked {@link NewTransaction}: the container would enlist the held connection into it.
 */
final class TxConnection {
    private static final Logger LOG = Logger.getLogger(TxConnection.class.getName());
    /** The registry key: the platform's data source ({@code jdbc/egov}), whichever component looked it up. */
    private static final Object KEY = TxConnection.class.getName() + ":jdbc/egov";

    private TxConnection() {
    }

    /**
     * The running transaction's handle on the platform's data source {@code jdbc/egov} ({@code dataSource}); the
     * caller has checked that a transaction is active.
     */
    static Connection of(DataSource dataSource, TransactionSynchronizationRegistry transactions) throws SQLException {
        Object tx = transactions.getTransactionKey();
        if (transactions.getResource(KEY) instanceof Held held && held.transaction.equals(tx) && !held.released) {
            return held.connection;
        }
        Held held = new Held(tx, dataSource.getConnection());
        try {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    held.close();
                }
            });
        } catch (RuntimeException e) {
            held.close();
            throw e;
        }
        transactions.putResource(KEY, held);
        return held.connection;
    }

    /**
     * Gives back the running transaction's handle, if it took one ({@link NewTransaction}, before a transaction
     * begins inside it). Its next statement takes a new handle, which the pool gives on the same physical
     * connection (the one enlisted in the transaction).
     */
    static void release() {
        TransactionSynchronizationRegistry transactions = registry();
        if (transactions.getTransactionKey() != null && transactions.getResource(KEY) instanceof Held held) {
            held.close();
        }
    }

    private static volatile TransactionSynchronizationRegistry registry;

    private static TransactionSynchronizationRegistry registry() {
        TransactionSynchronizationRegistry r = registry;
        if (r == null) {
            try {
                r = (TransactionSynchronizationRegistry) new javax.naming.InitialContext().lookup("java:comp/TransactionSynchronizationRegistry");
            } catch (javax.naming.NamingException e) {
                throw new IllegalStateException("the transaction registry is not available: " + e.getMessage(), e);
            }
            registry = r;
        }
        return r;
    }

    /** A transaction's handle, closed once: when given back or when the transaction ends, whichever comes first. */
    private static final class Held {
        final Object transaction;
        final Connection connection;
        boolean released;

        Held(Object transaction, Connection connection) {
            this.transaction = transaction;
            this.connection = connection;
        }

        synchronized void close() {
            if (!released) {
                released = true;
                try {
                    connection.close();
                } catch (SQLException e) {
                    LOG.log(Level.FINE, "closing a transaction's connection handle", e);
                }
            }
        }
    }
}
