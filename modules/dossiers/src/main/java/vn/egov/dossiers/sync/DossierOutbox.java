package vn.egov.dossiers.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import vn.egov.platform.outbox.OutboxHandler;
import vn.egov.platform.web.mail.Mailer;
import vn.egov.platform.web.Jsonp;

/**
 * The dossier outbox, sent by the platform's one outbox worker: status changes to the national portal, e-mails to
 * applicants, bookings with the post. A dossier's changes go in the order they were made: the claim skips a row while
 * an older one of the same dossier is unsent, and a failure stops that dossier's later rows in this round. A failed
 * row waits 2^attempts seconds (at most {@link #MAX_DELAY_S}) and is sent again. The round's sent rows are marked
 * together at its end.
 */
@ApplicationScoped
public class DossierOutbox implements OutboxHandler {
    static final int BATCH = 200;
    static final int MAX_DELAY_S = 30;

    @Inject
    NationalPortalAdapter portal;

    @Inject
    Mailer mailer;

    @Inject
    PostAdapter post;

    private DataSource dataSource;

    @Override
    public String name() {
        return "dossiers";
    }

    /** The outside systems configured now (none: nothing to send to). */
    private List<String> targets() {
        List<String> targets = new ArrayList<>();
        portal.url().ifPresent(u -> targets.add("national-portal"));
        mailer.host().ifPresent(h -> targets.add("email"));
        post.url().ifPresent(h -> targets.add("vnpost"));
        return targets;
    }

    @Override
    public boolean ready() {
        return !targets().isEmpty();
    }

    @Override
    public boolean round(DataSource db) throws SQLException, InterruptedException {
        dataSource = db;
        drain(portal.url().orElse(null), targets());
        return false;
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
