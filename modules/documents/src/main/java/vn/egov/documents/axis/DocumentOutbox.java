package vn.egov.documents.axis;

import vn.egov.platform.persistence.ConnectionScope;
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
import vn.egov.platform.web.mail.Mailer;
import vn.egov.platform.web.Jsonp;

/**
 * The documents outbox, sent by the platform's one outbox worker: edXML packages to the national document axis,
 * e-mails of urgent documents. The rows are claimed with a lease (a node that dies mid-round leaves them to the next
 * claim). A package the axis takes marks its recipient {@code sent} with the axis's id; one it refuses marks it
 * {@code refused} with the reason and is not sent again; one that could not be delivered (the axis down or failing)
 * waits 2^attempts seconds (at most {@link #MAX_DELAY_S}) and goes again, and after {@link #MAX_ATTEMPTS} tries its
 * recipient shows {@code failed} with the last reason (the row stays in the outbox). An e-mail goes to each clerk and
 * leader of the unit it names, read when it is sent.
 */
@ApplicationScoped
public class DocumentOutbox implements OutboxHandler {
    static final int BATCH = 50;
    static final int MAX_DELAY_S = 30;
    /** About ten minutes of tries at the longest delay before a recipient is shown failed. */
    static final int MAX_ATTEMPTS = 25;

    @Inject
    AxisAdapter axis;

    @Inject
    Mailer mailer;

    private DataSource dataSource;

    @Override
    public String name() {
        return "documents";
    }

    /** The outside systems configured now (none: nothing to send to). */
    private List<String> targets() {
        List<String> targets = new ArrayList<>();
        if (axis.url().isPresent()) {
            targets.add("edxml-axis");
            targets.add("edxml-status");
        }
        mailer.host().ifPresent(h -> targets.add("email"));
        return targets;
    }

    @Override
    public boolean ready() {
        return !targets().isEmpty();
    }

    @Override
    public boolean round(DataSource db) throws SQLException, InterruptedException {
        dataSource = db;
        drain(axis.url().orElse(null), targets());
        return false;
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
