package vn.egov.dossiers.sync;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import vn.egov.platform.web.Jsonp;

/**
 * Sends the dossier outbox: status changes to the national portal, e-mails to applicants. Every node runs the timer; a data-grid lock lets one node at a
 * time work and the rows are claimed with a lease besides. A dossier's changes go in the order they were made: the
 * claim skips a row while an older one of the same dossier is unsent, and a failure stops that dossier's later rows
 * in this round. A failed row waits 2^attempts seconds (at most {@link #MAX_DELAY_S}) and is sent again. The round's
 * sent rows are marked together at its end.
 */
@ApplicationScoped
public class SyncWorker {
    private static final Logger LOG = Logger.getLogger(SyncWorker.class.getName());
    static final String LOCKS = "egov-dossier-sync-worker";
    static final int BATCH = 200;
    static final int MAX_DELAY_S = 30;

    DataSource dataSource;
    HazelcastInstance grid;
    ManagedScheduledExecutorService scheduler;

    @Inject
    NationalPortalAdapter portal;

    @Inject
    Mailer mailer;

    @Inject
    PostAdapter post;

    private volatile ScheduledFuture<?> timer;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        startTimer();
    }

    public synchronized void startTimer() {
        if (timer == null) {
            try {
                javax.naming.InitialContext jndi = new javax.naming.InitialContext();
                dataSource = (DataSource) jndi.lookup("jdbc/egov");
                grid = (HazelcastInstance) jndi.lookup("payara/Hazelcast");
                scheduler = (ManagedScheduledExecutorService) jndi.lookup("concurrent/__defaultManagedScheduledExecutorService");
            } catch (javax.naming.NamingException e) {
                throw new IllegalStateException("the dossier sync worker cannot find its resources: " + e.getMessage(), e);
            }
            timer = scheduler.scheduleWithFixedDelay(this::tick, 3000, 500, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    void tick() {
        Optional<String> url = portal.url();
        List<String> targets = new ArrayList<>();
        url.ifPresent(u -> targets.add("national-portal"));
        mailer.host().ifPresent(h -> targets.add("email"));
        post.url().ifPresent(h -> targets.add("vnpost"));
        if (targets.isEmpty()) {
            return;
        }
        IMap<String, String> locks;
        boolean locked;
        try {
            locks = grid.getMap(LOCKS);
            locked = locks.tryLock("outbox", 0, TimeUnit.SECONDS, 60, TimeUnit.SECONDS);
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
            drain(url.orElse(null), targets);
        } catch (Throwable t) {
            LOG.log(Level.WARNING, "dossier sync worker", t);
        } finally {
            try {
                locks.unlock("outbox");
            } catch (IllegalMonitorStateException e) {
                // the lease ran out; the rows' own lease still protects them
            }
        }
    }

    record Claimed(long id, long dossierId, String target, String payload) {
    }

    void drain(String url, List<String> targets) throws SQLException, InterruptedException {
        List<Claimed> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, dossier_id, target, payload::text FROM dossier_outbox_claim_for(?, interval '2 minutes', ?) ORDER BY id")) {
            ps.setInt(1, BATCH);
            ps.setArray(2, c.createArrayOf("text", targets.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Claimed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        java.util.Set<String> failed = new java.util.HashSet<>();
        List<Long> sent = new ArrayList<>();
        try {
            send(url, rows, failed, sent);
        } finally {
            // the round's sent rows in one commit (a crash before it sends them again: delivery is at least once)
            if (!sent.isEmpty()) {
                try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT dossier_outbox_sent_all(?)")) {
                    ps.setArray(1, c.createArrayOf("bigint", sent.toArray()));
                    ps.execute();
                }
            }
        }
    }

    private void send(String url, List<Claimed> rows, java.util.Set<String> failed, List<Long> sent) throws SQLException, InterruptedException {
        for (Claimed r : rows) {
            if (failed.contains(r.target() + "/" + r.dossierId())) {
                // an older change of this dossier failed: this one waits for it (its claim lapses, it comes back in order)
                call("SELECT dossier_outbox_failed(?, ?, ?)", r.id(), "waits for an earlier change of the same dossier", 1);
                continue;
            }
            try {
                if (r.target().equals("email")) {
                    mailer.send(r.payload());
                } else if (r.target().equals("vnpost")) {
                    String tracking = post.ship(r.payload());
                    jakarta.json.JsonObject booked = Jsonp.createReader(new java.io.StringReader(r.payload())).readObject();
                    boolean pickup = "pickup".equals(booked.getString("kind", ""));
                    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(pickup
                            ? "SELECT dossier_pickup_accepted(?, ?)" : "SELECT dossier_shipment_accepted(?, ?)")) {
                        ps.setLong(1, booked.getJsonNumber(pickup ? "pickupId" : "shipmentId").longValue());
                        ps.setString(2, tracking);
                        ps.execute();
                    }
                } else {
                    portal.send(url, r.payload());
                }
                sent.add(r.id());
            } catch (java.io.IOException | jakarta.mail.MessagingException | RuntimeException e) {
                failed.add(r.target() + "/" + r.dossierId());
                call("SELECT dossier_outbox_failed(?, ?, ?)", r.id(), e.getClass().getSimpleName() + ": " + e.getMessage(), MAX_DELAY_S);
            }
        }
    }

    private void call(String sql, long id, Object... more) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            for (int i = 0; i < more.length; i++) {
                ps.setObject(i + 2, more[i]);
            }
            ps.execute();
        }
    }
}
