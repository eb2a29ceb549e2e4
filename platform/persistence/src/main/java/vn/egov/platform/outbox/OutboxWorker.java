package vn.egov.platform.outbox;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The one outbox worker: on every node a timer for each module's {@link OutboxHandler}; a data-grid lock per handler
 * lets one node at a time send its rows (the lock's lease, {@value #LOCK_LEASE_S} s, frees it if that node dies; the
 * rows' own lease, taken by the platform's claim, protects them besides). Under the lock the handler's rounds
 * ({@link OutboxRound}) run while they are full, for at most {@value #ROUNDS_FOR} s, then the lock goes to whoever
 * looks next. A handler with no target reachable is skipped unlocked; the data grid being away skips the round; a
 * round that throws is logged, and its rows come back when their lease ends.
 */
@ApplicationScoped
public class OutboxWorker {
    private static final Logger LOG = Logger.getLogger(OutboxWorker.class.getName());
    static final String LOCKS = "egov-outbox-locks";
    static final int LOCK_LEASE_S = 60;
    static final int ROUNDS_FOR = 20;

    @Inject
    @Any
    Instance<OutboxHandler> handlers;

    // looked up by their global names when the timers start: that happens while the EAR is being loaded, when
    // resource injection into a library's beans is not reliably done yet
    DataSource dataSource;
    HazelcastInstance grid;
    ManagedScheduledExecutorService scheduler;

    private final List<ScheduledFuture<?>> timers = new ArrayList<>();

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        startTimers();
    }

    /** Starts a timer for every handler (idempotent). */
    public synchronized void startTimers() {
        if (!timers.isEmpty()) {
            return;
        }
        try {
            javax.naming.InitialContext jndi = new javax.naming.InitialContext();
            dataSource = (DataSource) jndi.lookup("jdbc/egov");
            grid = (HazelcastInstance) jndi.lookup("payara/Hazelcast");
            scheduler = (ManagedScheduledExecutorService) jndi.lookup("concurrent/__defaultManagedScheduledExecutorService");
        } catch (javax.naming.NamingException e) {
            throw new IllegalStateException("the outbox worker cannot find its resources: " + e.getMessage(), e);
        }
        for (OutboxHandler h : handlers) {
            timers.add(scheduler.scheduleWithFixedDelay(() -> tick(h), 2000, h.everyMillis(), TimeUnit.MILLISECONDS));
        }
    }

    /**
     * The handler's rounds while they are full, for at most {@value #ROUNDS_FOR} s, then its idle work; an error that
     * ends them is told to the handler ({@link OutboxHandler#roundsFailed}) and thrown on.
     */
    static void rounds(DataSource db, OutboxHandler h, List<String> targets) throws Exception {
        try {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(ROUNDS_FOR);
            boolean more;
            do {
                more = OutboxRound.run(db, h, targets);
            } while (more && System.nanoTime() < until);
            if (!more) {
                h.idle(db);
            }
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            try {
                h.roundsFailed(e);
            } catch (RuntimeException told) {
                e.addSuppressed(told);
            }
            throw e;
        }
    }

    @PreDestroy
    synchronized void stop() {
        timers.forEach(t -> t.cancel(false));
        timers.clear();
    }

    void tick(OutboxHandler h) {
        List<String> targets;
        try {
            targets = h.targets();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, h.name() + " outbox: its targets", e);
            return;
        }
        if (targets != null && targets.isEmpty()) {
            return;
        }
        IMap<String, String> locks;
        boolean locked;
        try {
            locks = grid.getMap(LOCKS);
            locked = locks.tryLock(h.name(), 0, TimeUnit.SECONDS, LOCK_LEASE_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "data grid unavailable", e);
            return;
        }
        if (!locked) {
            return;
        }
        try {
            rounds(dataSource, h, targets);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            LOG.log(Level.WARNING, h.name() + " outbox", t);
        } finally {
            try {
                locks.unlock(h.name());
            } catch (IllegalMonitorStateException e) {
                // the lease ran out during a long round; the rows' own lease still protects them
            }
        }
    }
}
