package vn.egov.documents.axis;

import vn.egov.platform.persistence.ConnectionScope;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
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
import vn.egov.dossiers.sync.Mailer;
import vn.egov.platform.web.Jsonp;

/**
 * Sends the documents outbox: edXML packages to the national document axis, e-mails of urgent documents. Every node
 * runs the timer; a data-grid lock lets one node at a time work, and the rows are claimed with a lease besides (a node
 * that dies mid-round leaves them to the next claim). A package the axis takes marks its recipient {@code sent} with the
 * axis's id; one it refuses marks it {@code refused} with the reason and is not sent again; one that could not be
 * delivered (the axis down or failing) waits 2^attempts seconds (at most {@link #MAX_DELAY_S}) and goes again, and after
 * {@link #MAX_ATTEMPTS} tries its recipient shows {@code failed} with the last reason (the row stays in the outbox).
 * An e-mail goes to each clerk and leader of the unit it names, read when it is sent.
 */
@ApplicationScoped
public class OutboxWorker {
    private static final Logger LOG = Logger.getLogger(OutboxWorker.class.getName());
    static final String LOCKS = "egov-document-outbox-worker";
    static final int BATCH = 50;
    static final int MAX_DELAY_S = 30;
    /** About ten minutes of tries at the longest delay before a recipient is shown failed. */
    static final int MAX_ATTEMPTS = 25;

    DataSource dataSource;
    HazelcastInstance grid;
    ManagedScheduledExecutorService scheduler;

    @Inject
    AxisAdapter axis;

    @Inject
    Mailer mailer;

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
                throw new IllegalStateException("the documents outbox worker cannot find its resources: " + e.getMessage(), e);
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
        Optional<String> url = axis.url();
        List<String> targets = new ArrayList<>();
        url.ifPresent(u -> {
            targets.add("edxml-axis");
            targets.add("edxml-status");
        });
        mailer.host().ifPresent(h -> targets.add("email"));
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
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            LOG.log(Level.WARNING, "documents outbox worker", t);
        } finally {
            try {
                locks.unlock("outbox");
            } catch (IllegalMonitorStateException e) {
                // the lease ran out; the rows' own lease still protects them
            }
        }
    }

    record Claimed(long id, long tenantId, String target, Long outboundId, byte[] payload) {
    }

    record Recipient(String email, String name) {
    }

    void drain(String url, List<String> targets) throws SQLException, InterruptedException {
        List<Claimed> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, tenant_id, target, outbound_id, payload FROM document_outbox_claim(?, interval '2 minutes', ?) "
                     + "ORDER BY id")) {
            ps.setInt(1, BATCH);
            ps.setArray(2, c.createArrayOf("text", targets.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long ob = rs.getLong(4);
                    rows.add(new Claimed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.wasNull() ? null : ob, rs.getBytes(5)));
                }
            }
        }
        for (Claimed r : rows) {
            try {
                if (r.target().equals("email")) {
                    mail(r);
                    call("SELECT document_outbox_sent(?, ?)", r.id(), null);
                } else {
                    // a document package to the axis, or a status package about one that came (the axis's status endpoint)
                    AxisAdapter.Answer answer = axis.post(r.target().equals("edxml-status") ? url + "/status" : url, r.payload());
                    if (answer instanceof AxisAdapter.Accepted a) {
                        call("SELECT document_outbox_sent(?, ?)", r.id(), a.axisId());
                    } else if (answer instanceof AxisAdapter.Refused refused) {
                        call("SELECT document_outbox_refused(?, ?)", r.id(), refused.reason());
                    }
                }
            } catch (java.io.IOException | jakarta.mail.MessagingException | RuntimeException e) {
                call("SELECT document_outbox_failed(?, ?, ?, ?)", r.id(), e.getClass().getSimpleName() + ": " + e.getMessage(), MAX_DELAY_S, MAX_ATTEMPTS);
            }
        }
    }

    /** One e-mail to each clerk and leader of the unit named; none when no one there has an address. */
    private void mail(Claimed r) throws SQLException, jakarta.mail.MessagingException {
        JsonObject m = Jsonp.createReader(new StringReader(new String(r.payload(), StandardCharsets.UTF_8))).readObject();
        List<Recipient> to = new ArrayList<>();
        long tenant = m.getJsonNumber("tenantId").longValue();
        try (Connection c = dataSource.getConnection()) {
            // the addresses are answered inside the unit's own scope only (V7_5): set it for this short transaction
            c.setAutoCommit(false);
            try {
                ConnectionScope.bind(c, tenant, false);
                try (PreparedStatement ps = c.prepareStatement("SELECT email, display_name FROM document_mail_recipients(?)")) {
                    ps.setLong(1, tenant);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            to.add(new Recipient(rs.getString(1), rs.getString(2)));
                        }
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
        for (Recipient p : to) {
            // delivery is at least once: a failure after some addresses sends the whole notice again
            mailer.send(Jsonp.createObjectBuilder().add("to", p.email()).add("subject", m.getString("subject")).add("text", m.getString("text"))
                    .add("dossierCode", "").build().toString());
        }
    }

    private void call(String sql, long id, Object... more) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            for (int i = 0; i < more.length; i++) {
                if (more[i] == null) {
                    ps.setNull(i + 2, java.sql.Types.VARCHAR);
                } else {
                    ps.setObject(i + 2, more[i]);
                }
            }
            ps.execute();
        }
    }
}
