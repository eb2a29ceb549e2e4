package vn.egov.documents.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import vn.egov.documents.control.Registers.Doc;
import vn.egov.documents.exchange.EdXml;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Fields;
import vn.egov.platform.words.Note;

/**
 * Sending an issued document to organisations outside the platform, through the national document axis. The clerk
 * names the recipients by their organ id ({@code 000.00.00.G22}); for each, one edXML package (QCVN 102:2016) addressed
 * to it and signed with the unit's organisation key is written to the documents outbox, with the recipient's status
 * {@code queued}, in the send's transaction. The outbox worker posts it to the axis; the status becomes {@code sent}
 * (with the axis's id), or {@code refused} (with the axis's reason), or {@code failed} after the retries. Secret
 * documents are never sent electronically; only an issued document is sent; an organisation is sent it once.
 */
@ApplicationScoped
public class Outbound {
    /** An organ id on the national exchange: three digits, two, two, then a letter and two digits (000.00.00.G22). */
    static final Pattern ORGAN_ID = Pattern.compile("[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}");

    @Inject
    Db db;

    @Inject
    vn.egov.documents.exchange.ExchangeIdentity identity;

    @Inject
    Registers registers;

    @Inject
    Files files;

    @Inject
    Signatures signatures;

    /** An organisation to send to: its organ id and its name (the id when no name is given). */
    public record Organ(String id, String name) {
    }

    /** One recipient outside the platform and where its package is. */
    public record Status(long id, long documentId, String organId, String organName, String status, String axisId, String reason, int attempts,
                         String lastError, String queuedBy, Instant queuedAt, Instant sentAt, Instant answeredAt) {
    }

    /** What a send did: the organisations queued now, and those that had it already. */
    public record Queued(List<String> queued, List<String> already) {
        public Queued {
            queued = List.copyOf(queued);
            already = List.copyOf(already);
        }
    }

    static final String COLS = "id, document_id, organ_id, organ_name, status, axis_id, reason, attempts, last_error, queued_by, queued_at, sent_at, "
            + "answered_at";

    static Status status(ResultSet rs) throws SQLException {
        return new Status(rs.getLong("id"), rs.getLong("document_id"), rs.getString("organ_id"), rs.getString("organ_name"), rs.getString("status"),
                rs.getString("axis_id"), rs.getString("reason"), rs.getInt("attempts"), rs.getString("last_error"), rs.getString("queued_by"),
                Db.instant(rs, "queued_at"), Db.instant(rs, "sent_at"), Db.instant(rs, "answered_at"));
    }

    /**
     * Reads {@code "to"}: organ ids as strings, or objects {@code {"id", "name"?}}. Every bad entry is named in
     * {@code problems}; the same organ twice counts once.
     */
    public static List<Organ> organs(JsonValue to, Fields problems) {
        List<Organ> out = new ArrayList<>();
        if (to == null || to.getValueType() != JsonValue.ValueType.ARRAY || to.asJsonArray().isEmpty()) {
            problems.add("to", "problem.field.nameAtLeastOne");
            return out;
        }
        if (to.asJsonArray().size() > 200) {
            problems.add("to", "problem.field.atMostReceivingOrganisations");
            return out;
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (JsonValue v : to.asJsonArray()) {
            String id;
            String name = null;
            if (v instanceof JsonString s) {
                id = s.getString().strip();
            } else if (v instanceof JsonObject o && o.get("id") instanceof JsonString s) {
                id = s.getString().strip();
                name = o.get("name") instanceof JsonString n && !n.getString().isBlank() ? n.getString().strip() : null;
            } else {
                problems.add("to", "problem.field.organIdOrObject");
                continue;
            }
            if (!validOrganId(id)) {
                problems.add("to", "problem.field.organIdNotForm", clip(id, 40));
                continue;
            }
            if (name != null && name.length() > 300) {
                problems.add("to", "problem.field.organNameLength");
                continue;
            }
            if (seen.add(id)) {
                out.add(new Organ(id, name == null ? id : name));
            }
        }
        return out;
    }

    public static boolean validOrganId(String id) {
        return id != null && ORGAN_ID.matcher(id).matches();
    }

    /** The package's priority (QCVN 102:2016 OtherInfo/Priority) for an urgency: 3 hỏa tốc, 2 thượng khẩn, 1 khẩn, 0 thường. */
    public static int priority(String urgency) {
        return urgency == null ? 0 : switch (urgency) {
            case "HOA_TOC" -> 3;
            case "THUONG_KHAN" -> 2;
            case "KHAN" -> 1;
            default -> 0;
        };
    }

    /** The package's DocumentId: the same for every recipient of a document, unique on the exchange. */
    public static String edXmlDocumentId(Tenant unit, long documentId) {
        return unit.getCode() + "-" + documentId;
    }

    /** Queues the document for each organisation not sent it yet: its package in the outbox, its status {@code queued}. */
    @Transactional
    @TenantTransactional
    public Queued send(Tenant unit, long id, JsonValue to, UserPrincipal actor) {
        Duty.require(unit, actor, Duty.CLERKING, "problem.duty.sendOut");
        Fields problems = new Fields();
        List<Organ> organs = organs(to, problems);
        if (!problems.isEmpty()) {
            throw Registers.invalid(problems);
        }
        Doc d = registers.lockedOwn(unit, id, "outgoing", actor);
        if (d.secret()) {
            throw Registers.conflict("problem.secret");
        }
        if (!d.status().equals("issued")) {
            throw Registers.conflict(d.status().equals("recalled") ? "problem.recalled" : "problem.noNumberYet");
        }
        String from = identity.required(unit);
        Map<String, Status> had = new java.util.HashMap<>();
        db.list("SELECT " + COLS + " FROM document_outbound WHERE tenant_id = ? AND document_id = ?", Outbound::status, unit.getId(), d.id())
                .forEach(v -> had.put(v.organId(), v));
        List<String> queued = new ArrayList<>();
        List<String> already = new ArrayList<>();
        List<EdXml.Attachment> attachments = null;
        KeyStore.PrivateKeyEntry key = null;
        String documentId = edXmlDocumentId(unit, d.id());
        for (Organ o : organs) {
            Status before = had.get(o.id());
            if (before != null && before.status().equals("failed")) {
                // failed after every try: its package (kept in the outbox) is due again now, its tries counted anew
                db.update("UPDATE document_outbound SET status = 'queued', reason = NULL, attempts = 0 WHERE id = ? AND status = 'failed'", before.id());
                db.update("UPDATE document_outbox SET next_attempt_at = now(), attempts = 0 WHERE outbound_id = ? AND sent_at IS NULL", before.id());
                queued.add(o.id());
                continue;
            }
            if (before != null) {
                already.add(o.id());
                continue;
            }
            if (key == null) {
                key = signatures.organisationKey(unit);
                attachments = new ArrayList<>();
                for (Files.Content f : files.currentPdfs(d.id())) {
                    attachments.add(new EdXml.Attachment(f.info().name(), f.info().contentType(), f.bytes()));
                }
            }
            EdXml.Package p = new EdXml.Package(new EdXml.Organ(from, unit.getName()), List.of(new EdXml.Organ(o.id(), o.name())),
                    documentId, d.number(), d.symbol(), d.place(), d.issuedOn(), d.docType(), d.abstractText(), d.signer(), null, d.dueDate(),
                    d.recipientsText() == null ? List.of() : List.of(d.recipientsText()), priority(d.urgency()), d.pageCount(), List.of(), attachments);
            byte[] xml = EdXml.write(p, key.getPrivateKey(), (X509Certificate) key.getCertificate());
            long outbound = db.one("INSERT INTO document_outbound (tenant_id, document_id, organ_id, organ_name, edxml_document_id, queued_by) "
                    + "VALUES (?, ?, ?, ?, ?, ?) RETURNING id", rs -> rs.getLong(1), unit.getId(), d.id(), o.id(), o.name(), documentId,
                    actor.username()).orElseThrow();
            db.update("INSERT INTO document_outbox (tenant_id, target, outbound_id, payload) VALUES (?, 'edxml-axis', ?, ?)", unit.getId(), outbound, xml);
            queued.add(o.id());
        }
        if (!queued.isEmpty()) {
            registers.event(d, "sent", actor, Note.said(Wording.BUNDLE, "history.sentExternal", String.join(", ", queued)));
        }
        return new Queued(queued, already);
    }

    /**
     * The receiving organisation's answer, as the axis reports it for a package it took: {@code received} (after
     * {@code sent}) or {@code returned} with its reason (after {@code sent} or {@code received}). Answers whether the
     * status changed (an answer repeated or out of order changes nothing).
     */
    @Transactional
    @TenantTransactional
    public boolean answered(Tenant unit, String axisId, String status, String reason) {
        return db.update("UPDATE document_outbound SET status = ?, reason = ?, answered_at = now() WHERE tenant_id = ? AND axis_id = ? "
                + "AND (status = 'sent' OR (status = 'received' AND ? = 'returned'))", status, Db.orNull(reason), unit.getId(), axisId, status) == 1;
    }

    /** Each organisation outside the platform the document was sent to, with its status (the sender's view). */
    @Transactional
    @TenantTransactional
    public List<Status> statuses(Tenant unit, long documentId) {
        return db.list("SELECT " + COLS + " FROM document_outbound WHERE tenant_id = ? AND document_id = ? ORDER BY id", Outbound::status,
                unit.getId(), documentId);
    }

    private static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max) + "…" : s;
    }
}
