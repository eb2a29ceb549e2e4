package vn.egov.dossiers.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import vn.egov.platform.outbox.OutboxHandler;
import vn.egov.platform.outbox.OutboxRound;
import vn.egov.platform.outbox.OutboxRow;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.mail.Mailer;

/**
 * The dossier outbox ({@code dossier_outbox}), sent by the platform's one outbox worker: status changes to the
 * national portal, e-mails to applicants, bookings with the post. A dossier's changes go in the order they were made:
 * the claim skips a row while an older one of the same dossier and target is unsent (the table's key rule), and a
 * failure stops that dossier's later rows in this round. A failed row waits 2^attempts seconds (at most 30) and is
 * sent again.
 */
@ApplicationScoped
public class DossierOutbox implements OutboxHandler {
    @Inject
    NationalPortalAdapter portal;

    @Inject
    Mailer mailer;

    @Inject
    PostAdapter post;

    @Override
    public String name() {
        return "dossiers";
    }

    @Override
    public String table() {
        return "dossier_outbox";
    }

    @Override
    public int batch() {
        return 200;
    }

    @Override
    public List<String> targets() {
        List<String> targets = new ArrayList<>();
        portal.url().ifPresent(u -> targets.add("national-portal"));
        mailer.host().ifPresent(h -> targets.add("email"));
        post.url().ifPresent(h -> targets.add("vnpost"));
        return targets;
    }

    @Override
    public void send(List<OutboxRow> rows, OutboxRound round) throws SQLException, InterruptedException {
        String url = portal.url().orElse(null);
        Set<String> failed = new HashSet<>();
        for (OutboxRow r : rows) {
            String dossier = r.target() + "/" + r.number("dossier_id");
            if (failed.contains(dossier)) {
                // an older change of this dossier failed: this one waits for it (it comes back in order)
                round.failed(r, "waits for an earlier change of the same dossier", 1);
                continue;
            }
            try {
                switch (r.target()) {
                    case "email" -> mailer.send(r.text("payload"));
                    case "vnpost" -> book(round.db(), r.text("payload"));
                    default -> portal.send(url, r.text("payload"));
                }
                round.sent(r);
            } catch (java.io.IOException | jakarta.mail.MessagingException | RuntimeException e) {
                failed.add(dossier);
                round.failed(r, e);
            }
        }
    }

    /** A shipment or a pickup booked with the post: its tracking number goes on the booking. */
    private void book(DataSource db, String payload) throws java.io.IOException, InterruptedException, SQLException {
        String tracking = post.ship(payload);
        JsonObject booked = Jsonp.createReader(new StringReader(payload)).readObject();
        boolean pickup = "pickup".equals(booked.getString("kind", ""));
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(pickup
                ? "SELECT dossier_pickup_accepted(?, ?)" : "SELECT dossier_shipment_accepted(?, ?)")) {
            ps.setLong(1, booked.getJsonNumber(pickup ? "pickupId" : "shipmentId").longValue());
            ps.setString(2, tracking);
            ps.execute();
        }
    }
}
