package vn.egov.portal.control;

import vn.egov.platform.persistence.ConnectionScope;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Visits of sites and articles. A view only adds to a counter in this node's memory (a hot page never writes);
 * every second the node adds what it counted to the grid map (key {@code s:<unit>} or {@code a:<unit>:<article>}),
 * and every {@value #FLUSH_SECONDS} s one node (the holder of a grid lock) takes the grid's counts and adds them
 * to the database, one transaction per unit, under that unit's scope. A failed write puts the counts back.
 */
@ApplicationScoped
public class VisitCounter {
    static final String MAP = "egov-portal-visits";
    static final String LOCK = "egov-portal-visit-flush";
    static final int FLUSH_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(VisitCounter.class.getName());

    private final ConcurrentHashMap<String, LongAdder> local = new ConcurrentHashMap<>();
    private volatile HazelcastInstance grid;
    private volatile DataSource dataSource;
    private volatile ScheduledFuture<?> push;
    private volatile ScheduledFuture<?> flush;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        try {
            javax.naming.InitialContext jndi = new javax.naming.InitialContext();
            dataSource = (DataSource) jndi.lookup("jdbc/egov");
            grid = (HazelcastInstance) jndi.lookup("payara/Hazelcast");
            ManagedScheduledExecutorService scheduler =
                    (ManagedScheduledExecutorService) jndi.lookup("concurrent/__defaultManagedScheduledExecutorService");
            push = scheduler.scheduleWithFixedDelay(this::pushToGrid, 1, 1, TimeUnit.SECONDS);
            flush = scheduler.scheduleWithFixedDelay(this::flushToDatabase, FLUSH_SECONDS, FLUSH_SECONDS, TimeUnit.SECONDS);
        } catch (javax.naming.NamingException e) {
            throw new IllegalStateException("the visit counter cannot find its resources: " + e.getMessage(), e);
        }
    }

    @PreDestroy
    void stop() {
        if (push != null) {
            push.cancel(false);
        }
        if (flush != null) {
            flush.cancel(false);
        }
        pushToGrid(); // what this node counted is not lost on undeploy
    }

    public void site(long unitId) {
        local.computeIfAbsent("s:" + unitId, k -> new LongAdder()).increment();
    }

    public void article(long unitId, long articleId) {
        local.computeIfAbsent("a:" + unitId + ":" + articleId, k -> new LongAdder()).increment();
    }

    /** Counted but not yet in the database (this node's memory plus the grid), for tests and the admin page. */
    public long pending(String key) {
        LongAdder a = local.get(key);
        Long g = grid == null ? null : grid.<String, Long>getMap(MAP).get(key);
        return (a == null ? 0 : a.sum()) + (g == null ? 0 : g);
    }

    void pushToGrid() {
        try {
            if (grid == null) {
                return;
            }
            IMap<String, Long> map = grid.getMap(MAP);
            for (Map.Entry<String, LongAdder> e : local.entrySet()) {
                long n = e.getValue().sumThenReset();
                if (n > 0) {
                    add(map, e.getKey(), n);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "visit counts could not reach the grid; they will be retried", e);
        }
    }

    private static void add(IMap<String, Long> map, String key, long n) {
        for (;;) {
            Long old = map.putIfAbsent(key, n);
            if (old == null || map.replace(key, old, old + n)) {
                return;
            }
        }
    }

    void flushToDatabase() {
        if (grid == null) {
            return;
        }
        IMap<String, String> locks = grid.getMap(LOCK);
        boolean locked;
        try {
            // a lease, so that a node that dies holding it does not stop the flushing
            locked = locks.tryLock("flush", 0, TimeUnit.SECONDS, 60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (!locked) {
            return;
        }
        try {
            IMap<String, Long> map = grid.getMap(MAP);
            Map<Long, Map<Long, Long>> byUnit = new HashMap<>(); // unit -> (article or 0 for the site) -> count
            for (String key : map.keySet()) {
                Long n = map.remove(key);
                if (n == null || n <= 0) {
                    continue;
                }
                String[] p = key.split(":");
                long unit = Long.parseLong(p[1]);
                long article = p[0].equals("a") ? Long.parseLong(p[2]) : 0L;
                byUnit.computeIfAbsent(unit, u -> new HashMap<>()).merge(article, n, Long::sum);
            }
            for (Map.Entry<Long, Map<Long, Long>> u : byUnit.entrySet()) {
                try {
                    write(u.getKey(), u.getValue());
                } catch (SQLException | RuntimeException e) {
                    LOG.log(Level.WARNING, "visit counts of unit " + u.getKey() + " not written; kept for the next flush", e);
                    u.getValue().forEach((article, n) -> add(map, article == 0 ? "s:" + u.getKey() : "a:" + u.getKey() + ":" + article, n));
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "visit flush failed; it will run again", e);
        } finally {
            try {
                locks.unlock("flush");
            } catch (IllegalMonitorStateException e) {
                // the lease ran out first
            }
        }
    }

    private void write(long unit, Map<Long, Long> counts) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                ConnectionScope.bind(c, unit, false);
                long site = counts.getOrDefault(0L, 0L);
                if (site > 0) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO portal_site_visit (tenant_id, views) VALUES (?, ?) "
                            + "ON CONFLICT (tenant_id) DO UPDATE SET views = portal_site_visit.views + EXCLUDED.views, updated_at = now()")) {
                        ps.setLong(1, unit);
                        ps.setLong(2, site);
                        ps.executeUpdate();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE portal_article SET views = views + ? WHERE tenant_id = ? AND id = ?")) {
                    for (Map.Entry<Long, Long> a : counts.entrySet()) {
                        if (a.getKey() != 0L) {
                            ps.setLong(1, a.getValue());
                            ps.setLong(2, unit);
                            ps.setLong(3, a.getKey());
                            ps.addBatch();
                        }
                    }
                    ps.executeBatch();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }
}
