package vn.egov.documents.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.egov.documents.control.Registers.Delivery;
import vn.egov.documents.control.Registers.Doc;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Fields;
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.words.Note;

/**
 * The incoming register's work: what other units sent waits in the unit's queue, then is accepted into the register
 * (the next arrival number of the year; the signatures of its PDFs checked) or returned with a reason; a package from
 * outside the platform (checked by the exchange) and a paper document are registered too. Each method is one transaction
 * in the acting unit's scope; a refused change changes nothing.
 */
@ApplicationScoped
public class Incoming {
    @Inject
    Db db;

    @Inject
    Registers registers;

    @Inject
    Files files;

    @Inject
    Signatures signatures;

    /** A paper document that arrived, to register in the incoming register. */
    public record Paper(String numberSymbol, String issuer, String docType, String abstractText, String signer, String issuedOn, String receivedOn,
                        String urgency, String secrecy, String dueDate, Integer pageCount, List<String> readers, boolean confirmDuplicate) {
        public Paper {
            readers = readers == null ? List.of() : List.copyOf(readers);
        }
    }

    /** What other units sent to this one and it has not answered yet: the most urgent first, then the oldest. */
    @Transactional
    @TenantTransactional
    public List<Delivery> queue(Tenant unit) {
        return db.list("SELECT " + Registers.DELIVERY_COLS + " FROM document_delivery WHERE to_tenant_id = ? AND status = 'received' AND merged_on IS NULL ORDER BY "
                + Registers.URGENCY_RANK + " DESC, received_at, id LIMIT 500", Registers::delivery, unit.getId());
    }

    /** Accepts a delivery into the incoming register: the next arrival number of the year. */
    @Transactional
    @TenantTransactional
    public Doc accept(Tenant unit, long deliveryId, boolean despiteSignatures, UserPrincipal actor) {
        Duty.require(unit, actor, Duty.CLERKING, "problem.duty.register");
        Delivery v = lockedDelivery(unit, deliveryId);
        Map<String, byte[]> came = new LinkedHashMap<>();
        files.sentPdfs(v.id()).forEach(f -> came.put(f.info().name(), f.bytes()));
        String warning = signatureWarning(came, despiteSignatures);
        LocalDate today = Registers.today();
        int number = registers.next(unit, "incoming", "normal", today.getYear());
        Doc in = db.one("INSERT INTO document (tenant_id, register, status, urgency, doc_type, year, number, number_symbol, issuer, issued_on, abstract, "
                        + "signer, due_date, page_count, delivery_id, received_on, created_by, registered_at) "
                        + "SELECT ?, 'incoming', 'registered', urgency, doc_type, ?, ?, number_symbol, issuer, issued_on, abstract, signer, due_date, "
                        + "page_count, id, ?, ?, now() FROM document_delivery WHERE id = ? RETURNING " + Registers.COLS, Registers::doc,
                unit.getId(), today.getYear(), number, today, actor.username(), v.id()).orElseThrow();
        db.update("UPDATE document_delivery SET status = 'accepted', incoming_id = ?, answered_by = ?, answered_at = now() WHERE id = ?",
                in.id(), actor.username(), v.id());
        if (warning != null) {
            in = db.one("UPDATE document SET signature_warning = ? WHERE id = ? RETURNING " + Registers.COLS, Registers::doc, warning, in.id()).orElseThrow();
        }
        registers.event(in, "registered", actor, Note.said(Wording.BUNDLE, "history.receivedFromUnit"));
        registers.index(in, unit);
        return in;
    }

    /**
     * Checks the signatures of the PDFs that came: a file whose signature fails (changed after signing, a signer no
     * trusted authority vouches for) stops the registration with 409 {@code signature-invalid}, naming each file, unless
     * the clerk accepts it knowingly ({@code despite}); then the warning stays on the document for its handlers. An
     * unsigned PDF is shown as such, not refused.
     */
    String signatureWarning(Map<String, byte[]> pdfsByName, boolean despite) {
        Map<String, String> bad = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> f : pdfsByName.entrySet()) {
            vn.egov.platform.signing.PdfVerifier.Result r = signatures.verify(f.getValue());
            if (r.verdict() == vn.egov.platform.signing.PdfVerifier.Verdict.INVALID
                    || r.verdict() == vn.egov.platform.signing.PdfVerifier.Verdict.UNKNOWN_SIGNER
                    || r.verdict() == vn.egov.platform.signing.PdfVerifier.Verdict.NOT_A_PDF) {
                bad.put(f.getKey(), r.verdict().name());
            }
        }
        if (bad.isEmpty()) {
            return null;
        }
        // each file and its verdict, in the words of a language
        java.util.function.Function<vn.egov.platform.words.Words, String> list = w -> String.join("; ",
                bad.entrySet().stream().map(b -> b.getKey() + ": " + Signatures.words(b.getValue(), w)).toList());
        if (!despite) {
            throw new ProblemException(Problem.said(Wording::in, 409, "signature-invalid", "problem.signatureInvalid.title",
                    w -> w.text("problem.signatureInvalid", list.apply(w)), w -> Map.of()));
        }
        // kept on the document in Vietnamese (a stored text, read by its handlers as it was)
        String vi = list.apply(Wording.in(java.util.Locale.forLanguageTag("vi")));
        return vi.length() > 2000 ? vi.substring(0, 2000) : vi;
    }

    /**
     * Registers a package from outside the platform (checked by the exchange): the next arrival number, its attachments
     * as the document's files (the first PDF as the main one), their PDF signatures checked as for a delivery.
     */
    @Transactional
    @TenantTransactional
    public Doc registerInbound(Tenant unit, vn.egov.documents.exchange.Exchange.Inbound from, vn.egov.documents.exchange.EdXml.Package p,
                               boolean despiteSignatures, UserPrincipal actor) {
        Map<String, byte[]> pdfs = new LinkedHashMap<>();
        p.attachments().stream().filter(a -> a.contentType().equals("application/pdf")).forEach(a -> pdfs.put(a.name(), a.content()));
        String warning = signatureWarning(pdfs, despiteSignatures);
        LocalDate today = Registers.today();
        int number = registers.next(unit, "incoming", "normal", today.getYear());
        Doc in = db.one("INSERT INTO document (tenant_id, register, status, urgency, doc_type, year, number, number_symbol, issuer, place, issued_on, "
                        + "abstract, signer, due_date, page_count, inbound_id, received_on, created_by, registered_at, signature_warning) VALUES (?, 'incoming', "
                        + "'registered', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?) RETURNING " + Registers.COLS, Registers::doc,
                unit.getId(), from.urgency(), from.docType(), today.getYear(), number, from.numberSymbol(), from.fromName(), Db.orNull(p.place()),
                from.issuedOn(), from.abstractText(), Db.orNull(from.signer()), from.dueDate() == null ? new Db.Typed(java.sql.Types.DATE) : from.dueDate(),
                p.pageAmount() == null ? new Db.Typed(java.sql.Types.INTEGER) : p.pageAmount(), from.id(), today, actor.username(),
                Db.orNull(warning)).orElseThrow();
        boolean mainTaken = false;
        for (vn.egov.documents.exchange.EdXml.Attachment a : p.attachments()) {
            boolean main = !mainTaken && a.contentType().equals("application/pdf");
            mainTaken |= main;
            files.store(unit, in.id(), main ? "main" : "attachment", a.name(), a.contentType(), a.content(), actor);
        }
        registers.event(in, "registered", actor, Note.said(Wording.BUNDLE, "history.receivedByEdXml", from.fromName()));
        registers.index(in, unit);
        return in;
    }

    /** Returns a delivery to its sender with a reason; it never enters the register. */
    @Transactional
    @TenantTransactional
    public Delivery giveBack(Tenant unit, long deliveryId, String reason, UserPrincipal actor) {
        Duty.require(unit, actor, Duty.CLERKING, "problem.duty.returnIncoming");
        Fields problems = new Fields();
        String r = DocumentFields.required(reason, 2000, "reason", "problem.field.giveReasonForReturning", problems);
        if (!problems.isEmpty()) {
            throw Registers.invalid(problems);
        }
        Delivery v = lockedDelivery(unit, deliveryId);
        return db.one("UPDATE document_delivery SET status = 'returned', reason = ?, answered_by = ?, answered_at = now() WHERE id = ? RETURNING "
                + Registers.DELIVERY_COLS, Registers::delivery, r, actor.username(), v.id()).orElseThrow();
    }

    /**
     * Registers a paper document that arrived. The same number and symbol from the same issuer already in this year's
     * register is answered 409 {@code possible-duplicate} (nothing written) unless {@code confirmDuplicate}.
     */
    @Transactional
    @TenantTransactional
    public Doc registerPaper(Tenant unit, Paper p, UserPrincipal actor) {
        Duty.require(unit, actor, Duty.CLERKING, "problem.duty.register");
        Fields problems = new Fields();
        String numberSymbol = DocumentFields.required(p.numberSymbol(), 60, "numberSymbol", "problem.field.giveNumberSymbol", problems);
        String issuer = DocumentFields.required(p.issuer(), 300, "issuer", "problem.field.giveIssuingBody", problems);
        String type = DocumentFields.required(p.docType(), 80, "docType", "problem.field.giveType", problems);
        String abstractText = DocumentFields.required(p.abstractText(), 2000, "abstract", "problem.field.giveAbstract", problems);
        String signer = DocumentFields.optional(p.signer(), 200, "signer", problems);
        LocalDate issuedOn = DocumentFields.date(p.issuedOn(), "issuedOn", problems);
        LocalDate receivedOn = DocumentFields.date(p.receivedOn(), "receivedOn", problems);
        LocalDate today = Registers.today();
        if (receivedOn == null && !problems.containsKey("receivedOn")) {
            receivedOn = today;
        }
        if (receivedOn != null && receivedOn.isAfter(today)) {
            problems.add("receivedOn", "problem.field.dayItArrivedCannot");
        }
        if (issuedOn != null && receivedOn != null && issuedOn.isAfter(receivedOn)) {
            problems.add("issuedOn", "problem.field.dayIssueCannotAfter");
        }
        String urgency = DocumentFields.urgency(p.urgency(), problems);
        String secrecy = DocumentFields.secrecy(p.secrecy(), problems);
        LocalDate due = DocumentFields.date(p.dueDate(), "dueDate", problems);
        Integer pages = DocumentFields.pages(p.pageCount(), problems);
        List<Long> readers = registers.readers(unit, secrecy, p.readers(), actor, problems);
        if (!problems.isEmpty()) {
            throw Registers.invalid(problems);
        }
        int year = receivedOn.getYear();
        if (!p.confirmDuplicate()) {
            Optional<Doc> same = db.one("SELECT " + Registers.COLS + " FROM document WHERE tenant_id = ? AND register = 'incoming' AND year = ? "
                    + "AND lower(number_symbol) = lower(?) AND lower(issuer) = lower(?) ORDER BY id LIMIT 1", Registers::doc, unit.getId(), year,
                    numberSymbol, issuer);
            if (same.isPresent()) {
                throw new ProblemException(Problem.of(Wording::in, 409, "possible-duplicate", "problem.possibleDuplicate.title", "problem.possibleDuplicate",
                        numberSymbol, issuer, String.valueOf(year), String.valueOf(same.get().number())));
            }
        }
        int number = registers.next(unit, "incoming", secrecy == null ? "normal" : "secret", year);
        Doc in = db.one("INSERT INTO document (tenant_id, register, status, secrecy, urgency, doc_type, year, number, number_symbol, issuer, issued_on, "
                        + "abstract, signer, due_date, page_count, readers, received_on, created_by, registered_at) VALUES (?, 'incoming', 'registered', ?, ?, "
                        + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS bigint[]), ?, ?, now()) RETURNING " + Registers.COLS, Registers::doc,
                unit.getId(), Db.orNull(secrecy), urgency, type, year, number, numberSymbol, issuer,
                issuedOn == null ? new Db.Typed(java.sql.Types.DATE) : issuedOn, abstractText, Db.orNull(signer),
                due == null ? new Db.Typed(java.sql.Types.DATE) : due, pages == null ? new Db.Typed(java.sql.Types.INTEGER) : pages, Registers.array(readers),
                receivedOn, actor.username()).orElseThrow();
        registers.event(in, "registered", actor, Note.said(Wording.BUNDLE, "history.paper"));
        registers.index(in, unit);
        return in;
    }

    private Delivery lockedDelivery(Tenant unit, long id) {
        Delivery v = db.one("SELECT " + Registers.DELIVERY_COLS + " FROM document_delivery WHERE to_tenant_id = ? AND id = ? AND merged_on IS NULL FOR UPDATE", Registers::delivery,
                unit.getId(), id).orElseThrow(() -> ProblemException.notFound(Wording::in, "notFound.delivery", id));
        if (!v.status().equals("received")) {
            throw Registers.conflict(switch (v.status()) {
                case "accepted" -> "problem.delivery.accepted";
                case "returned" -> "problem.delivery.returned";
                default -> "problem.delivery.recalled";
            }, v.status());
        }
        return v;
    }

}
