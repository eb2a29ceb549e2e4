package vn.egov.documents.axis;

import jakarta.enterprise.context.ApplicationScoped;
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
import javax.sql.DataSource;
import vn.egov.platform.outbox.OutboxHandler;
import vn.egov.platform.outbox.OutboxRound;
import vn.egov.platform.outbox.OutboxRow;
import vn.egov.platform.persistence.ConnectionScope;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.mail.Mailer;

/**
 * The documents outbox ({@code document_outbox}), sent by the platform's one outbox worker: edXML packages to the
 * national document axis, status packages back to senders, e-mails of urgent documents. A package the axis takes
 * marks its recipient {@code sent} with the axis's id; one it refuses marks it {@code refused} with the reason and is
 * not sent again; one that could not be delivered (the axis down or failing) waits 2^attempts seconds (at most 30) and
 * goes again, and after {@link #MAX_ATTEMPTS} tries it is given up and its recipient shows {@code failed} with the last
 * reason (the row stays in the outbox; the recipient follows its row's tries by a trigger, V8_22). An e-mail goes to
 * each clerk and leader of the unit it names, read when it is sent.
 */
@ApplicationScoped
public class DocumentOutbox implements OutboxHandler {
    /** About ten minutes of tries at the longest delay before a recipient is shown failed. */
    static final int MAX_ATTEMPTS = 25;

    @Inject
    AxisAdapter axis;

    @Inject
    Mailer mailer;

    @Override
    public String name() {
        return "documents";
    }

    @Override
    public String table() {
        return "document_outbox";
    }

    @Override
    public int batch() {
        return 50;
    }

    @Override
    public int maxAttempts() {
        return MAX_ATTEMPTS;
    }

    @Override
    public List<String> targets() {
        List<String> targets = new ArrayList<>();
        if (axis.url().isPresent()) {
            targets.add("edxml-axis");
            targets.add("edxml-status");
        }
        mailer.host().ifPresent(h -> targets.add("email"));
        return targets;
    }

    record Recipient(String email, String name) {
    }

    @Override
    public void send(List<OutboxRow> rows, OutboxRound round) throws SQLException, InterruptedException {
        String url = axis.url().orElse(null);
        for (OutboxRow r : rows) {
            try {
                if (r.target().equals("email")) {
                    mail(round.db(), r);
                    round.sent(r);
                    continue;
                }
                // a document package to the axis, or a status package about one that came (the axis's status endpoint)
                AxisAdapter.Answer answer = axis.post(r.target().equals("edxml-status") ? url + "/status" : url, r.bytes("payload"));
                if (answer instanceof AxisAdapter.Accepted a) {
                    answered(round.db(), "SELECT document_outbound_accepted(?, ?)", r.id(), a.axisId());
                    round.sent(r);
                } else if (answer instanceof AxisAdapter.Refused refused) {
                    answered(round.db(), "SELECT document_outbound_refused(?, ?)", r.id(), refused.reason());
                    round.refused(r, refused.reason());
                }
            } catch (java.io.IOException | jakarta.mail.MessagingException | RuntimeException e) {
                round.failed(r, e);
            }
        }
    }

    /** What the axis answered, on the recipient of an outbox row (none for a status package). */
    private static void answered(DataSource db, String sql, long outboxId, String answer) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, outboxId);
            ps.setString(2, answer);
            ps.execute();
        }
    }

    /** One e-mail to each clerk and leader of the unit named; none when no one there has an address. */
    private void mail(DataSource db, OutboxRow r) throws SQLException, jakarta.mail.MessagingException {
        JsonObject m = Jsonp.createReader(new StringReader(new String(r.bytes("payload"), StandardCharsets.UTF_8))).readObject();
        List<Recipient> to = new ArrayList<>();
        long tenant = m.getJsonNumber("tenantId").longValue();
        try (Connection c = db.getConnection()) {
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
}
