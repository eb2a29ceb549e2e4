package vn.egov.platform.tenancy.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens (PostgreSQL {@code LISTEN egov_tenant_changed}, on one connection of the pool held by a thread of its
 * own) for the trigger's notice that the tenant tree changed, and tells {@link TenantDirectory} to forget what it
 * kept. While it is not connected, the directory keeps nothing and every lookup reads the database.
 */
@ApplicationScoped
public class TenantChangeListener {
    static final String CHANNEL = "egov_tenant_changed";
    private static final Logger LOG = Logger.getLogger(TenantChangeListener.class.getName());

    private volatile boolean running;
    private volatile Thread thread;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        DataSource dataSource;
        ManagedThreadFactory threads;
        try {
            javax.naming.InitialContext jndi = new javax.naming.InitialContext();
            dataSource = (DataSource) jndi.lookup("jdbc/egov");
            threads = (ManagedThreadFactory) lookup(jndi, "java:comp/DefaultManagedThreadFactory",
                    "concurrent/__defaultManagedThreadFactory", "java:comp/env/concurrent/__defaultManagedThreadFactory");
        } catch (javax.naming.NamingException e) {
            LOG.log(Level.WARNING, "no listener for tree changes; the tree is read from the database on every lookup", e);
            return;
        }
        running = true;
        thread = threads.newThread(() -> listen(dataSource));
        thread.setName("egov-tenant-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    private static Object lookup(javax.naming.InitialContext jndi, String... names) throws javax.naming.NamingException {
        javax.naming.NamingException last = null;
        for (String name : names) {
            try {
                return jndi.lookup(name);
            } catch (javax.naming.NamingException e) {
                last = e;
            }
        }
        throw last;
    }

    @PreDestroy
    void stop() {
        running = false;
        TenantDirectory.listening(false);
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    private void listen(DataSource dataSource) {
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                PGConnection pg = c.unwrap(PGConnection.class);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                TenantDirectory.listening(true);
                while (running) {
                    PGNotification[] notices = pg.getNotifications(1000);
                    if (notices != null && notices.length > 0) {
                        TenantDirectory.forget();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                TenantDirectory.listening(false);
                if (running) {
                    LOG.log(Level.WARNING, "listening for tree changes failed; lookups read the database until it is back", e);
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
        TenantDirectory.listening(false);
    }
}
