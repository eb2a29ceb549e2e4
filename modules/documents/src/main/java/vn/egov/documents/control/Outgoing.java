package vn.egov.documents.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.egov.documents.control.Registers.Doc;
import vn.egov.dossiers.api.DossierResults;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.search.SearchDocument;
import vn.egov.platform.search.control.SearchIndex;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Fields;
import vn.egov.platform.words.Note;

/**
 * The outgoing register's work: a draft is entered, submitted to the leader, approved and signed (or returned), issued
 * with the next number of the unit's outgoing register for the year and series ("05/UBND-VP"), sent to units of the
 * platform, recalled; a draft made as a dossier's result is returned to its applicant. Each method is one transaction
 * in the acting unit's scope; a refused change changes nothing. A secret document is never sent electronically.
 */
@ApplicationScoped
public class Outgoing {
    @Inject
    Db db;

    @Inject
    Registers registers;

    @Inject
    SearchIndex search;

    @Inject
    Files files;

    @Inject
    Signatures signatures;

    @Inject
    DossierResults results;

    @Inject
    UrgentMail urgentMail;

    /** An outgoing document to enter as a draft. Dates are dd/MM/yyyy. */
    public record Draft(String docType, String symbol, String abstractText, String signer, String place, String urgency, String secrecy,
                        String recipientsText, String dueDate, Integer pageCount, List<String> readers, String dossier) {
        public Draft {
            readers = readers == null ? List.of() : List.copyOf(readers);
        }
    }

    /** What a send did: the units it reached now, and those that had it already. */
    public record Sent(List<Long> delivered, List<Long> already) {
        public Sent {
            delivered = List.copyOf(delivered);
            already = List.copyOf(already);
        }
    }

    @Transactional
    @TenantTransactional
    public Doc draft(Tenant unit, Draft d, UserPrincipal actor) {
        Fields problems = new Fields();
        // drafted as a dossier's result: the dossier this unit holds, not finished; its abstract says so unless given
        String dossier = d.dossier() == null || d.dossier().isBlank() ? null : d.dossier().strip();
        String dossierAbstract = null;
        if (dossier != null) {
            Optional<String[]> held = db.one("SELECT procedure_name, applicant_name FROM dossier WHERE code = ? AND holder_id = ? AND finished_at IS NULL",
                    rs -> new String[] {rs.getString(1), rs.getString(2)}, dossier, unit.getId());
            if (held.isEmpty()) {
                problems.add("dossier", "problem.field.noDossierHeld", dossier);
            } else {
                dossierAbstract = "Kết quả giải quyết thủ tục " + held.get()[0] + " cho " + held.get()[1] + " (hồ sơ " + dossier + ")";
            }
        }
        String type = DocumentFields.required(d.docType(), 80, "docType", "problem.field.giveDocumentType", problems);
        String symbol = DocumentFields.required(d.symbol(), 40, "symbol", "problem.field.giveSymbol", problems);
        if (symbol != null && !Registers.SYMBOL.matcher(symbol).matches()) {
            problems.add("symbol", "problem.field.symbolPartsLettersDigits");
        }
        String abstractText = DocumentFields.required(d.abstractText() == null || d.abstractText().isBlank() ? dossierAbstract : d.abstractText(), 2000, "abstract", "problem.field.giveAbstract", problems);
        String signer = DocumentFields.optional(d.signer(), 200, "signer", problems);
        String place = DocumentFields.optional(d.place(), 100, "place", problems);
        String recipients = DocumentFields.optional(d.recipientsText(), 2000, "recipientsText", problems);
        String urgency = DocumentFields.urgency(d.urgency(), problems);
        String secrecy = DocumentFields.secrecy(d.secrecy(), problems);
        LocalDate due = DocumentFields.date(d.dueDate(), "dueDate", problems);
        Integer pages = DocumentFields.pages(d.pageCount(), problems);
        List<Long> readers = registers.readers(unit, secrecy, d.readers(), actor, problems);
        if (!problems.isEmpty()) {
            throw Registers.invalid(problems);
        }
        return db.one("INSERT INTO document (tenant_id, register, status, secrecy, urgency, doc_type, symbol, issuer, place, abstract, signer, "
                        + "recipients_text, due_date, page_count, readers, created_by, dossier_code) VALUES (?, 'outgoing', 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, CAST(? AS bigint[]), ?, ?) RETURNING " + Registers.COLS, Registers::doc,
                unit.getId(), Db.orNull(secrecy), urgency, type, symbol, unit.getName(), Db.orNull(place), abstractText, Db.orNull(signer),
                Db.orNull(recipients), due == null ? new Db.Typed(java.sql.Types.DATE) : due, pages == null ? new Db.Typed(java.sql.Types.INTEGER) : pages,
                Registers.array(readers), actor.username(), Db.orNull(dossier)).map(made -> {
                    registers.event(made, "drafted", actor, (String) null);
                    return made;
                }).orElseThrow();
    }

    /** The author (or anyone of the unit's staff) submits a draft to the leader. */
    @Transactional
    @TenantTransactional
    public Doc submit(Tenant unit, long id, UserPrincipal actor) {
        Doc d = registers.lockedOwn(unit, id, "outgoing", actor);
        if (!d.status().equals("draft")) {
            throw Registers.conflict("problem.submitDraftOnly", d.status());
        }
        return registers.change(d, "review", "submitted", actor, (String) null, "", List.of());
    }

    /**
     * The leader approves and signs a document submitted to them, or sends it back to draft with a note saying what to
     * change.
     */
    @Transactional
    @TenantTransactional
    public Doc review(Tenant unit, long id, boolean approve, String note, UserPrincipal actor) {
        Duty.require(unit, actor, Duty.LEADING, "problem.duty.approve");
        Doc d = registers.lockedOwn(unit, id, "outgoing", actor);
        if (!d.status().equals("review")) {
            throw Registers.conflict("problem.notSubmitted", d.status());
        }
        Fields problems = new Fields();
        String n = approve ? DocumentFields.optional(note, 2000, "note", problems)
                : DocumentFields.required(note, 2000, "note", "problem.field.draftReturnNote", problems);
        if (!problems.isEmpty()) {
            throw Registers.invalid(problems);
        }
        if (approve) {
            // the leader's signature on the document's PDF (its attachments are signed by the organisation at issue)
            files.currentPdfs(d.id()).stream().filter(f -> f.info().kind().equals("main")).forEach(f -> {
                byte[] signed = signatures.signAsPerson(unit, actor, f.bytes());
                files.replace(unit, f.info(), signed, Signatures.json(signatures.verify(signed)).toString(), actor);
            });
            return registers.change(d, "signed", "signed", actor, n, ", reviewed_by = ?, review_note = ?, signed_by = ?, signed_at = now(), signer = COALESCE(?, signer)",
                    List.of(actor.username(), Db.orNull(n), actor.username(), Db.orNull(actor.displayName())));
        }
        return registers.change(d, "draft", "returned", actor, n, ", reviewed_by = ?, review_note = ?", List.of(actor.username(), n));
    }

    /**
     * Returns an issued document drafted as a dossier's result to the applicant: its signed PDF becomes the dossier's
     * result, which ends the dossier (by whoever holds the duty of the dossier's current step, as any result).
     */
    @Transactional
    @TenantTransactional
    public DossierResults.Returned returnAsResult(Tenant unit, long id, UserPrincipal actor) {
        Doc d = registers.lockedOwn(unit, id, "outgoing", actor);
        if (d.work().dossierCode() == null) {
            throw Registers.conflict("problem.notAResult");
        }
        if (!d.status().equals("issued")) {
            throw Registers.conflict("problem.notIssued", d.status());
        }
        Files.Content main = files.currentPdfs(d.id()).stream().filter(f -> f.info().kind().equals("main")).findFirst()
                .orElseThrow(() -> Registers.conflict("problem.noMainPdf"));
        vn.egov.platform.signing.PdfVerifier.Result check = signatures.verify(main.bytes());
        if (check.verdict() != vn.egov.platform.signing.PdfVerifier.Verdict.VALID) {
            String verdict = check.verdict().name();
            throw new vn.egov.platform.web.ProblemException(vn.egov.platform.web.Problem.said(Wording::in, 409, "conflict", "problem.notPossibleNow",
                    w -> w.text("problem.resultUnsigned", Signatures.words(verdict, w), verdict) + " " + w.text("problem.nothingChanged"),
                    w -> java.util.Map.of()));
        }
        DossierResults.Returned done = results.returnResult(unit, d.work().dossierCode(), d.numberSymbol().replace('/', '-') + ".pdf",
                main.bytes(), "Kết quả là văn bản số " + d.numberSymbol() + " ngày " + Registers.DAY.format(d.issuedOn()) + ", đã ký số", actor.username());
        registers.event(d, "result", actor, Note.said(Wording.BUNDLE, "history.result", d.work().dossierCode()));
        return done;
    }

    /** Issues a draft: the next number of the unit's outgoing register for this year and the document's series. */
    @Transactional
    @TenantTransactional
    public Doc issue(Tenant unit, long id, UserPrincipal actor) {
        Duty.require(unit, actor, Duty.CLERKING, "problem.duty.number");
        Doc d = registers.lockedOwn(unit, id, "outgoing", actor);
        if (d.number() != null) {
            throw Registers.conflict("problem.numberedAlready", d.numberSymbol());
        }
        if (!d.status().equals("signed")) {
            throw Registers.conflict("problem.notSigned", d.status());
        }
        LocalDate today = Registers.today();
        int number = registers.next(unit, "outgoing", d.secret() ? "secret" : "normal", today.getYear());
        String printed = Registers.numberSymbol(number, d.symbol());
        // the organisation's signatures: its seal over the leader's on the document, its number and time on each attachment
        for (Files.Content f : files.currentPdfs(d.id())) {
            byte[] signed = f.info().kind().equals("main") ? signatures.sealAsOrganisation(unit, f.bytes())
                    : signatures.signAttachment(unit, f.bytes(), printed);
            files.replace(unit, f.info(), signed, Signatures.json(signatures.verify(signed)).toString(), actor);
        }
        Doc issued = registers.change(d, "issued", "issued", actor, (String) null, ", year = ?, number = ?, number_symbol = ?, issued_on = ?, registered_at = now(), issued_by = ?",
                List.of(today.getYear(), number, printed, today, actor.username()));
        registers.index(issued, unit);
        return issued;
    }

    /**
     * Sends an issued document to units of the platform: those named, and with {@code subtree} every active unit under
     * the sender. Each gets it in its queue in this transaction, acknowledged on arrival; a unit that had it already
     * is not sent it twice.
     */
    @Transactional
    @TenantTransactional
    public Sent send(Tenant unit, long id, List<String> to, boolean subtree, UserPrincipal actor) {
        Duty.require(unit, actor, Duty.CLERKING, "problem.duty.send");
        Doc d = registers.lockedOwn(unit, id, "outgoing", actor);
        if (d.secret()) {
            throw Registers.conflict("problem.secret");
        }
        if (!d.status().equals("issued")) {
            throw Registers.conflict(d.status().equals("draft") ? "problem.noNumberYet" : "problem.recalled");
        }
        Set<Long> targets = new LinkedHashSet<>();
        Fields problems = new Fields();
        // the named units in one query (a send to every commune names 166 of them)
        List<String> codes = to.stream().map(code -> code == null ? "" : code.strip()).toList();
        Map<String, Long> active = new java.util.HashMap<>();
        if (!codes.isEmpty()) {
            db.list("SELECT code, id FROM tenant WHERE code = ANY (CAST(? AS text[])) AND status = 'active'",
                    rs -> Map.entry(rs.getString(1), rs.getLong(2)), Handling.textArray(codes)).forEach(e -> active.put(e.getKey(), e.getValue()));
        }
        for (String c : codes) {
            Optional<Long> target = Optional.ofNullable(active.get(c));
            if (target.isEmpty()) {
                problems.add("to", "problem.field.noActiveUnitHas", c);
            } else if (target.get().equals(unit.getId())) {
                problems.add("to", "problem.field.unitDoesNotSend");
            } else {
                targets.add(target.get());
            }
        }
        if (subtree) {
            targets.addAll(db.list("SELECT c.id FROM tenant p JOIN tenant c ON c.path <@ p.path AND c.id <> p.id WHERE p.id = ? AND c.status = 'active' "
                    + "ORDER BY c.path", rs -> rs.getLong(1), unit.getId()));
        }
        if (problems.isEmpty() && targets.isEmpty()) {
            problems.add("to", "problem.field.chooseAtLeastOne");
        }
        if (!problems.isEmpty()) {
            throw Registers.invalid(problems);
        }
        Long[] ids = targets.toArray(Long[]::new);
        List<Long> delivered = db.list("INSERT INTO document_delivery (tenant_id, document_id, to_tenant_id, status, number_symbol, issuer, doc_type, "
                        + "urgency, abstract, signer, issued_on, due_date, page_count, sent_by) "
                        + "SELECT ?, d.id, t.to_id, 'received', d.number_symbol, d.issuer, d.doc_type, d.urgency, d.abstract, d.signer, d.issued_on, "
                        + "d.due_date, d.page_count, ? FROM document d CROSS JOIN unnest(CAST(? AS bigint[])) AS t (to_id) WHERE d.id = ? "
                        + "ON CONFLICT (document_id, to_tenant_id) DO NOTHING RETURNING to_tenant_id",
                rs -> rs.getLong(1), unit.getId(), actor.username(), Registers.array(List.of(ids)), d.id());
        List<Long> already = new ArrayList<>(targets);
        already.removeAll(delivered);
        if (!delivered.isEmpty()) {
            registers.event(d, "sent", actor, Note.said(Wording.BUNDLE, "history.sentToUnits", delivered.size()));
            // an urgent one is told to each receiver's clerks and leaders at once, in this transaction
            urgentMail.tell(unit.getId(), delivered, new UrgentMail.About(d.urgency(), d.numberSymbol(), d.issuer() == null ? unit.getName() : d.issuer(),
                    d.abstractText(), d.docType()), "/t/%s/admin/documents");
        }
        return new Sent(delivered, already);
    }

    /** Recalls an issued document: it is frozen, and every receiver's copy is withdrawn (accepted copies show it). */
    @Transactional
    @TenantTransactional
    public Doc recall(Tenant unit, long id, String reason, UserPrincipal actor) {
        Duty.require(unit, actor, Duty.RECALLING, "problem.duty.recall");
        Doc d = registers.lockedOwn(unit, id, "outgoing", actor);
        Fields problems = new Fields();
        String r = DocumentFields.required(reason, 2000, "reason", "problem.field.giveReasonForRecall", problems);
        if (!problems.isEmpty()) {
            throw Registers.invalid(problems);
        }
        if (!d.status().equals("issued")) {
            throw Registers.conflict("problem.recallIssuedOnly");
        }
        db.update("UPDATE document_delivery SET status = 'recalled', reason = ?, answered_by = ?, answered_at = now() "
                + "WHERE document_id = ? AND tenant_id = ? AND status <> 'returned'", r, actor.username(), d.id(), unit.getId());
        Doc recalled = registers.change(d, "recalled", "recalled", actor, r, "", List.of());
        search.remove(unit.getId(), SearchDocument.idOf(Registers.SEARCH_TYPE, d.id()));
        return recalled;
    }

}
