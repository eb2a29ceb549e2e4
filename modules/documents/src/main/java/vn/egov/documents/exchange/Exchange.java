package vn.egov.documents.exchange;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.egov.documents.control.Duty;
import vn.egov.documents.control.Incoming;
import vn.egov.documents.control.Registers.Doc;
import vn.egov.documents.control.Registers;
import vn.egov.documents.control.Signatures;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Fields;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.Problem;
import vn.egov.documents.control.Wording;
import vn.egov.platform.web.ProblemException;

/**
 * Documents from outside the platform: an edXML package reaches a unit (its clerk hands it in, as the national document
 * axis delivered it), is checked (complete, addressed to this unit, signed by a certificate that leads to a trusted
 * root, unchanged since), and waits for the clerk like a delivery from another unit: accepted into the incoming register
 * (its attachments become the document's files, their PDF signatures checked) or returned with a reason. A package that
 * fails a check is refused with every reason and nothing is kept. A unit's code on the exchange is its platform code.
 */
@ApplicationScoped
public class Exchange {

    @Inject
    Db db;

    @Inject
    Signatures signatures;

    @Inject
    Incoming incoming;

    @Inject
    vn.egov.documents.control.UrgentMail urgentMail;

    @Inject
    ExchangeIdentity identity;

    /** A package that arrived, as the unit's queue shows it. */
    public record Inbound(long id, String status, String fromId, String fromName, String documentId, String numberSymbol, String docType, String abstractText,
                          String signer, LocalDate issuedOn, LocalDate dueDate, String urgency, String signedBy, Instant receivedAt, String reason,
                          Long incomingId) {
        public Inbound {
            Objects.requireNonNull(status, "status");
        }
    }

    static final String COLS = "id, status, from_organ_id, from_organ_name, edxml_document_id, number_symbol, doc_type, abstract, signer, issued_on, "
            + "due_date, urgency, signed_by, received_at, reason, incoming_id";

    static Inbound inbound(ResultSet rs) throws SQLException {
        return new Inbound(rs.getLong("id"), rs.getString("status"), rs.getString("from_organ_id"), rs.getString("from_organ_name"),
                rs.getString("edxml_document_id"), rs.getString("number_symbol"), rs.getString("doc_type"), rs.getString("abstract"),
                rs.getString("signer"), Db.localDate(rs, "issued_on"), Db.localDate(rs, "due_date"), rs.getString("urgency"), rs.getString("signed_by"),
                Db.instant(rs, "received_at"), rs.getString("reason"), Db.longOrNull(rs, "incoming_id"));
    }

    static String urgency(int priority) {
        return switch (priority) {
            case 3 -> "HOA_TOC";
            case 2 -> "THUONG_KHAN";
            case 1 -> "KHAN";
            default -> "THUONG";
        };
    }

    /** Receives a package for the unit: 201 with what waits, or 422 {@code edxml-invalid} with every reason (nothing kept). */
    @Transactional
    @TenantTransactional
    public Inbound receive(Tenant unit, byte[] xml, UserPrincipal actor) {
        Duty.require(unit, actor, Duty.CLERKING, "problem.duty.receiveElectronic");
        if (xml == null || xml.length == 0) {
            throw refused(List.of(Refusal.of("edxml.empty")));
        }
        if (xml.length > 50 * 1024 * 1024) {
            throw refused(List.of(Refusal.of("edxml.tooLarge")));
        }
        EdXml.Read read = EdXml.read(xml, signatures.trustedRoots());
        if (!read.valid()) {
            throw refused(read.reasons());
        }
        EdXml.Package p = read.pkg();
        // addressed by the unit's organ id on the axis, or by its platform code
        java.util.Optional<String> organId = identity.of(unit);
        if (p.to().stream().noneMatch(o -> o.id().equals(unit.getCode()) || organId.map(o.id()::equals).orElse(false))) {
            throw refused(List.of(organId.map(id -> Refusal.of("edxml.notForThisUnitOrOrgan", id, unit.getCode()))
                    .orElseGet(() -> Refusal.of("edxml.notForThisUnit", unit.getCode()))));
        }
        if (db.count("SELECT count(*) FROM document_inbound WHERE tenant_id = ? AND from_organ_id = ? AND edxml_document_id = ?", unit.getId(),
                p.from().id(), p.documentId()) > 0) {
            throw new ProblemException(Problem.of(Wording::in, 409, "already-received", "problem.alreadyReceived.title", "problem.alreadyReceived",
                    p.numberSymbol(), p.documentId(), p.from().name()));
        }
        Inbound in = db.one("INSERT INTO document_inbound (tenant_id, status, from_organ_id, from_organ_name, edxml_document_id, number_symbol, doc_type, "
                        + "abstract, signer, issued_on, due_date, page_count, urgency, signed_by, package) VALUES (?, 'received', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?) RETURNING " + COLS, Exchange::inbound,
                unit.getId(), p.from().id(), p.from().name(), p.documentId(), p.numberSymbol(), p.typeName(), clip(p.subject(), 2000),
                Db.orNull(p.signerName()), p.promulgationDate(), p.dueDate() == null ? new Db.Typed(java.sql.Types.DATE) : p.dueDate(),
                p.pageAmount() == null ? new Db.Typed(java.sql.Types.INTEGER) : p.pageAmount(), urgency(p.priority()),
                clip(read.signer().getSubjectX500Principal().getName(), 500), xml).orElseThrow();
        // the sender hears at once that it arrived (a status package back through the axis, from the outbox); the status's
        // Description travels in the package to another agency's system: in Vietnamese, as the standard's other values
        acknowledge(unit, in, EdXml.ARRIVED, "Đã đến", actor);
        // an urgent one is told to the unit's clerks and leaders at once, in this transaction
        urgentMail.tell(unit.getId(), List.of(unit.getId()), new vn.egov.documents.control.UrgentMail.About(in.urgency(), in.numberSymbol(),
                in.fromName(), in.abstractText(), in.docType()), "/t/%s/admin/documents#edxml");
        return in;
    }

    /** What came from outside and waits for the clerk: the most urgent first, then the oldest. */
    @Transactional
    @TenantTransactional
    public List<Inbound> waiting(Tenant unit) {
        return db.list("SELECT " + COLS + " FROM document_inbound WHERE tenant_id = ? AND status = 'received' ORDER BY "
                + "CASE urgency WHEN 'HOA_TOC' THEN 3 WHEN 'THUONG_KHAN' THEN 2 WHEN 'KHAN' THEN 1 ELSE 0 END DESC, received_at, id LIMIT 500",
                Exchange::inbound, unit.getId());
    }

    /** Accepts a package into the incoming register: the next arrival number, its attachments as the document's files. */
    @Transactional
    @TenantTransactional
    public Doc accept(Tenant unit, long id, boolean despiteSignatures, UserPrincipal actor) {
        Duty.require(unit, actor, Duty.CLERKING, "problem.duty.register");
        Inbound in = locked(unit, id);
        byte[] xml = db.one("SELECT package FROM document_inbound WHERE id = ?", rs -> rs.getBytes(1), in.id()).orElseThrow();
        EdXml.Read read = EdXml.read(xml, signatures.trustedRoots()); // checked again: the roots may have changed since
        if (!read.valid()) {
            throw refused(read.reasons());
        }
        Doc doc = incoming.registerInbound(unit, in, read.pkg(), despiteSignatures, actor);
        db.update("UPDATE document_inbound SET status = 'accepted', incoming_id = ?, answered_by = ?, answered_at = now() WHERE id = ?", doc.id(),
                actor.username(), in.id());
        acknowledge(unit, in, EdXml.ACCEPTED, "Đã vào sổ văn bản đến số " + doc.number() + "/" + doc.year(), actor);
        return doc;
    }

    /** Returns a package to its sender with a reason; it never enters the register. */
    @Transactional
    @TenantTransactional
    public Inbound giveBack(Tenant unit, long id, String reason, UserPrincipal actor) {
        Duty.require(unit, actor, Duty.CLERKING, "problem.duty.returnIncoming");
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty() || r.length() > 2000) {
            throw Registers.invalid(new Fields().add("reason", "problem.field.giveReasonAtMost"));
        }
        Inbound in = locked(unit, id);
        Inbound returned = db.one("UPDATE document_inbound SET status = 'returned', reason = ?, answered_by = ?, answered_at = now() WHERE id = ? RETURNING "
                + COLS, Exchange::inbound, r, actor.username(), in.id()).orElseThrow();
        acknowledge(unit, in, EdXml.REFUSED, r, actor);
        return returned;
    }

    /**
     * Tells the sender, through the national axis, what this unit did with its package (QCVN 102:2016 status): a signed
     * status package in the documents outbox, in the caller's transaction, sent by the outbox worker.
     */
    private void acknowledge(Tenant unit, Inbound in, String statusCode, String description, UserPrincipal actor) {
        java.security.KeyStore.PrivateKeyEntry key = signatures.organisationKey(unit);
        byte[] status = EdXml.writeStatus(new EdXml.Status(new EdXml.Organ(identity.of(unit).orElse(unit.getCode()), unit.getName()), in.fromId(), in.documentId(), in.numberSymbol(),
                statusCode, description, java.time.Instant.now(), actor.displayName()), key.getPrivateKey(),
                (java.security.cert.X509Certificate) key.getCertificate());
        db.update("INSERT INTO document_outbox (tenant_id, target, payload) VALUES (?, 'edxml-status', ?)", unit.getId(), status);
    }

    private Inbound locked(Tenant unit, long id) {
        Inbound in = db.one("SELECT " + COLS + " FROM document_inbound WHERE tenant_id = ? AND id = ? FOR UPDATE", Exchange::inbound, unit.getId(), id)
                .orElseThrow(() -> ProblemException.notFound(Wording::in, "notFound.inboundPackage", id));
        if (!in.status().equals("received")) {
            throw new ProblemException(Problem.of(Wording::in, 409, "conflict", "problem.notPossibleNow",
                    in.status().equals("accepted") ? "problem.package.accepted" : "problem.package.returned", in.status()));
        }
        return in;
    }

    /** 422 {@code edxml-invalid}: every reason in the detail and in {@code errors}, said in the reader's language. */
    static ProblemException refused(List<Refusal> reasons) {
        return new ProblemException(Problem.said(Wording::in, 422, "edxml-invalid", "problem.edxmlInvalid.title",
                w -> w.text("problem.edxmlInvalid", String.join(" ", reasons.stream().map(r -> r.in(w)).toList())), w -> Map.of(), w -> {
                    JsonArrayBuilder errors = Jsonp.createArrayBuilder();
                    reasons.forEach(r -> errors.add(r.in(w)));
                    return errors.build();
                }));
    }

    private static String clip(String s, int max) {
        return s == null ? null : s.length() > max ? s.substring(0, max) : s;
    }
}
