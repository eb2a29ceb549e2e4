package vn.egov.documents.control;

import vn.egov.dossiers.api.DossierResults;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.search.SearchDocument;
import vn.egov.platform.search.Visibility;
import vn.egov.platform.search.control.SearchIndex;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;

/**
 * A unit's registers of official documents. Outgoing: a draft is entered, then issued, which gives it the next
 * number of the unit's outgoing register for the year and series ("05/UBND-VP"), then sent to other units of the
 * platform. Incoming: a delivery from another unit is accepted into the register (the next arrival number) or
 * returned with a reason; a paper document is registered from its metadata. Each method is one transaction in the
 * acting unit's scope; a refused change changes nothing.
 *
 * <p>A secret document (MẬT, TỐI MẬT, TUYỆT MẬT) is numbered in its own series, read only by the person who entered
 * it and the people named as its readers, and never sent electronically.
 */
@ApplicationScoped
public class Registers {
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    public static final List<String> URGENCIES = List.of("THUONG", "KHAN", "THUONG_KHAN", "HOA_TOC");
    public static final List<String> SECRECIES = List.of("MAT", "TOI_MAT", "TUYET_MAT");
    /** The symbol after the number: capitals (Vietnamese ones too) and digits in parts joined by hyphens, "UBND-VP". */
    /** Parts of letters and digits joined by hyphens, each part starting with a capital or a digit: UBND-VP, QĐ-UBND, TTr-SNV (Decree 30's own abbreviations). */
    static final Pattern SYMBOL = Pattern.compile("[\\p{Lu}\\p{Nd}][\\p{L}\\p{Nd}]*(-[\\p{Lu}\\p{Nd}][\\p{L}\\p{Nd}]*)*");
    /** Urgent documents first: the rank of an urgency (higher first). */
    static final String URGENCY_RANK = "CASE urgency WHEN 'HOA_TOC' THEN 3 WHEN 'THUONG_KHAN' THEN 2 WHEN 'KHAN' THEN 1 ELSE 0 END";
    public static final String SEARCH_TYPE = "document";

    public static final String COLS = "id, tenant_id, register, status, secrecy, urgency, doc_type, symbol, year, number, number_symbol, issuer, place, "
            + "issued_on, abstract, signer, recipients_text, due_date, page_count, readers, delivery_id, received_on, created_by, created_at, "
            + "registered_at, row_version, reviewed_by, review_note, signed_by, signed_at, issued_by, directed_by, direction, lead_handler, "
            + "support_handlers, handle_by, done_by, done_at, result_note, signature_warning, dossier_code";

    @Inject
    Db db;

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

    /** A document as its register holds it. */
    public record Doc(long id, long tenantId, String register, String status, String secrecy, String urgency, String docType, String symbol,
                      Integer year, Integer number, String numberSymbol, String issuer, String place, LocalDate issuedOn, String abstractText,
                      String signer, String recipientsText, LocalDate dueDate, Integer pageCount, List<Long> readers, Long deliveryId,
                      LocalDate receivedOn, String createdBy, Instant createdAt, Instant registeredAt, int rowVersion, Work work) {
        public Doc {
            Objects.requireNonNull(register, "register");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(work, "work");
            readers = List.copyOf(readers);
        }

        public boolean secret() { return secrecy != null; }

        /** Whether this person reads it: anyone of the unit's scope for an ordinary document, the named people for a secret one. */
        public boolean readableBy(UserPrincipal user) {
            return secrecy == null || user.username().equals(createdBy) || readers.contains(user.userId());
        }
    }

    /** Who worked on a document: the review and signature (outgoing), the direction and handling (incoming). */
    public record Work(String reviewedBy, String reviewNote, String signedBy, Instant signedAt, String issuedBy, String directedBy, String direction,
                       String leadHandler, List<String> supportHandlers, LocalDate handleBy, String doneBy, Instant doneAt, String resultNote,
                       String signatureWarning, String dossierCode) {
        public Work {
            supportHandlers = supportHandlers == null ? List.of() : List.copyOf(supportHandlers);
        }

        public static final Work NONE = new Work(null, null, null, null, null, null, null, null, List.of(), null, null, null, null, null, null);

        /** Whether this person handles it (as lead or in support). */
        public boolean handledBy(String username) {
            return username.equals(leadHandler) || supportHandlers.contains(username);
        }
    }

    /** An outgoing document to enter as a draft. Dates are dd/MM/yyyy. */
    public record Draft(String docType, String symbol, String abstractText, String signer, String place, String urgency, String secrecy,
                        String recipientsText, String dueDate, Integer pageCount, List<String> readers, String dossier) {
        public Draft {
            readers = readers == null ? List.of() : List.copyOf(readers);
        }
    }

    /** A paper document that arrived, to register in the incoming register. */
    public record Paper(String numberSymbol, String issuer, String docType, String abstractText, String signer, String issuedOn, String receivedOn,
                        String urgency, String secrecy, String dueDate, Integer pageCount, List<String> readers, boolean confirmDuplicate) {
        public Paper {
            readers = readers == null ? List.of() : List.copyOf(readers);
        }
    }

    /** A delivery as either end sees it. */
    public record Delivery(long id, long fromId, long toId, long documentId, String status, String reason, String numberSymbol, String issuer,
                           String docType, String urgency, String abstractText, String signer, LocalDate issuedOn, LocalDate dueDate,
                           Integer pageCount, String sentBy, Instant sentAt, Instant receivedAt, String answeredBy, Instant answeredAt, Long incomingId) {
    }

    /** What a send did: the units it reached now, and those that had it already. */
    public record Sent(List<Long> delivered, List<Long> already) {
        public Sent {
            delivered = List.copyOf(delivered);
            already = List.copyOf(already);
        }
    }

    public static Doc doc(ResultSet rs) throws SQLException {
        return new Doc(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("register"), rs.getString("status"), rs.getString("secrecy"),
                rs.getString("urgency"), rs.getString("doc_type"), rs.getString("symbol"), intOrNull(rs, "year"), intOrNull(rs, "number"),
                rs.getString("number_symbol"), rs.getString("issuer"), rs.getString("place"), Db.localDate(rs, "issued_on"), rs.getString("abstract"),
                rs.getString("signer"), rs.getString("recipients_text"), Db.localDate(rs, "due_date"), intOrNull(rs, "page_count"),
                Db.longs(rs, "readers"), Db.longOrNull(rs, "delivery_id"), Db.localDate(rs, "received_on"), rs.getString("created_by"),
                Db.instant(rs, "created_at"), Db.instant(rs, "registered_at"), rs.getInt("row_version"),
                new Work(rs.getString("reviewed_by"), rs.getString("review_note"), rs.getString("signed_by"), Db.instant(rs, "signed_at"),
                        rs.getString("issued_by"), rs.getString("directed_by"), rs.getString("direction"), rs.getString("lead_handler"),
                        Db.strings(rs, "support_handlers"), Db.localDate(rs, "handle_by"), rs.getString("done_by"), Db.instant(rs, "done_at"),
                        rs.getString("result_note"), rs.getString("signature_warning"), rs.getString("dossier_code")));
    }

    static final String DELIVERY_COLS = "id, tenant_id, to_tenant_id, document_id, status, reason, number_symbol, issuer, doc_type, urgency, abstract, "
            + "signer, issued_on, due_date, page_count, sent_by, sent_at, received_at, answered_by, answered_at, incoming_id";

    static Delivery delivery(ResultSet rs) throws SQLException {
        return new Delivery(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("to_tenant_id"), rs.getLong("document_id"), rs.getString("status"),
                rs.getString("reason"), rs.getString("number_symbol"), rs.getString("issuer"), rs.getString("doc_type"), rs.getString("urgency"),
                rs.getString("abstract"), rs.getString("signer"), Db.localDate(rs, "issued_on"), Db.localDate(rs, "due_date"),
                intOrNull(rs, "page_count"), rs.getString("sent_by"), Db.instant(rs, "sent_at"), Db.instant(rs, "received_at"),
                rs.getString("answered_by"), Db.instant(rs, "answered_at"), Db.longOrNull(rs, "incoming_id"));
    }

    private static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    public static LocalDate today() {
        return Instant.now().atZone(VIETNAM).toLocalDate();
    }

    /** The number as printed: below 10 zero-padded ("05"), then the symbol: "05/UBND-VP". */
    public static String numberSymbol(int number, String symbol) {
        return (number < 10 ? "0" + number : Integer.toString(number)) + "/" + symbol;
    }

    // ---- outgoing

    @Transactional
    @TenantTransactional
    public Doc draft(Tenant unit, Draft d, UserPrincipal actor) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        // drafted as a dossier's result: the dossier this unit holds, not finished; its abstract says so unless given
        String dossier = d.dossier() == null || d.dossier().isBlank() ? null : d.dossier().strip();
        String dossierAbstract = null;
        if (dossier != null) {
            Optional<String[]> held = db.one("SELECT procedure_name, applicant_name FROM dossier WHERE code = ? AND holder_id = ? AND finished_at IS NULL",
                    rs -> new String[] {rs.getString(1), rs.getString(2)}, dossier, unit.getId());
            if (held.isEmpty()) {
                add(problems, "dossier", "Đơn vị không giữ hồ sơ \"" + dossier + "\" đang giải quyết.", "This unit holds no dossier \"" + dossier
                        + "\" in progress.");
            } else {
                dossierAbstract = "Kết quả giải quyết thủ tục " + held.get()[0] + " cho " + held.get()[1] + " (hồ sơ " + dossier + ")";
            }
        }
        String type = required(d.docType(), 80, "docType", "Hãy ghi loại văn bản (ví dụ: Công văn, Quyết định).", "Give the document type.", problems);
        String symbol = required(d.symbol(), 40, "symbol", "Hãy ghi ký hiệu văn bản (ví dụ: UBND-VP).", "Give the document's symbol.", problems);
        if (symbol != null && !SYMBOL.matcher(symbol).matches()) {
            add(problems, "symbol", "Ký hiệu gồm các phần chữ và số bắt đầu bằng chữ in hoa, nối bằng dấu gạch nối (ví dụ: UBND-VP, TTr-UBND), "
                            + "không có số văn bản.",
                    "The symbol is parts of letters and digits, each starting with a capital, joined by hyphens (e.g. UBND-VP, TTr-UBND), "
                            + "without the number.");
        }
        String abstractText = required(d.abstractText() == null || d.abstractText().isBlank() ? dossierAbstract : d.abstractText(), 2000, "abstract",
                "Hãy ghi trích yếu nội dung.", "Give the abstract.", problems);
        String signer = optional(d.signer(), 200, "signer", problems);
        String place = optional(d.place(), 100, "place", problems);
        String recipients = optional(d.recipientsText(), 2000, "recipientsText", problems);
        String urgency = urgency(d.urgency(), problems);
        String secrecy = secrecy(d.secrecy(), problems);
        LocalDate due = date(d.dueDate(), "dueDate", problems);
        Integer pages = pages(d.pageCount(), problems);
        List<Long> readers = readers(unit, secrecy, d.readers(), actor, problems);
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return db.one("INSERT INTO document (tenant_id, register, status, secrecy, urgency, doc_type, symbol, issuer, place, abstract, signer, "
                        + "recipients_text, due_date, page_count, readers, created_by, dossier_code) VALUES (?, 'outgoing', 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, CAST(? AS bigint[]), ?, ?) RETURNING " + COLS, Registers::doc,
                unit.getId(), Db.orNull(secrecy), urgency, type, symbol, unit.getName(), Db.orNull(place), abstractText, Db.orNull(signer),
                Db.orNull(recipients), due == null ? new Db.Typed(java.sql.Types.DATE) : due, pages == null ? new Db.Typed(java.sql.Types.INTEGER) : pages,
                array(readers), actor.username(), Db.orNull(dossier)).map(made -> {
                    event(made, "drafted", actor, null);
                    return made;
                }).orElseThrow();
    }

    /** The author (or anyone of the unit's staff) submits a draft to the leader. */
    @Transactional
    @TenantTransactional
    public Doc submit(Tenant unit, long id, UserPrincipal actor) {
        Doc d = lockedOwn(unit, id, "outgoing", actor);
        if (!d.status().equals("draft")) {
            throw conflict("Chỉ trình được bản dự thảo (văn bản đang ở trạng thái " + d.status() + ").",
                    "Only a draft is submitted (this one is " + d.status() + ").");
        }
        return change(d, "review", "submitted", actor, null, "", List.of());
    }

    /**
     * The leader approves and signs a document submitted to them, or sends it back to draft with a note saying what to
     * change.
     */
    @Transactional
    @TenantTransactional
    public Doc review(Tenant unit, long id, boolean approve, String note, UserPrincipal actor) {
        Duty.require(unit, actor, Duty.LEADING, "Duyệt và ký văn bản đi", "Approving and signing an outgoing document");
        Doc d = lockedOwn(unit, id, "outgoing", actor);
        if (!d.status().equals("review")) {
            throw conflict("Văn bản chưa được trình duyệt (trạng thái " + d.status() + ").", "The document is not submitted for review (" + d.status() + ").");
        }
        Map<String, List<String>> problems = new LinkedHashMap<>();
        String n = approve ? optional(note, 2000, "note", problems)
                : required(note, 2000, "note", "Hãy ghi điều cần sửa khi trả lại dự thảo.", "Say what to change when returning the draft.", problems);
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        if (approve) {
            // the leader's signature on the document's PDF (its attachments are signed by the organisation at issue)
            files.currentPdfs(d.id()).stream().filter(f -> f.info().kind().equals("main")).forEach(f -> {
                byte[] signed = signatures.signAsPerson(unit, actor, f.bytes());
                files.replace(unit, f.info(), signed, Signatures.json(signatures.verify(signed)).toString(), actor);
            });
            return change(d, "signed", "signed", actor, n, ", reviewed_by = ?, review_note = ?, signed_by = ?, signed_at = now(), signer = COALESCE(?, signer)",
                    List.of(actor.username(), Db.orNull(n), actor.username(), Db.orNull(actor.displayName())));
        }
        return change(d, "draft", "returned", actor, n, ", reviewed_by = ?, review_note = ?", List.of(actor.username(), n));
    }

    /**
     * Returns an issued document drafted as a dossier's result to the applicant: its signed PDF becomes the dossier's
     * result, which ends the dossier (by whoever holds the duty of the dossier's current step, as any result).
     */
    @Transactional
    @TenantTransactional
    public DossierResults.Returned returnAsResult(Tenant unit, long id, UserPrincipal actor) {
        Doc d = lockedOwn(unit, id, "outgoing", actor);
        if (d.work().dossierCode() == null) {
            throw conflict("Văn bản này không được soạn làm kết quả của hồ sơ nào.", "This document was not drafted as a dossier's result.");
        }
        if (!d.status().equals("issued")) {
            throw conflict("Văn bản chưa được ký và ban hành (trạng thái " + d.status() + ").", "The document is not signed and issued yet (" + d.status() + ").");
        }
        Files.Content main = files.currentPdfs(d.id()).stream().filter(f -> f.info().kind().equals("main")).findFirst()
                .orElseThrow(() -> conflict("Văn bản không có tệp PDF chính để trả cho người nộp.", "The document has no main PDF to return."));
        vn.egov.platform.signing.PdfVerifier.Result check = signatures.verify(main.bytes());
        if (check.verdict() != vn.egov.platform.signing.PdfVerifier.Verdict.VALID) {
            throw conflict("Tệp của văn bản không mang chữ ký số hợp lệ: " + Signatures.words(check.verdict()) + ".",
                    "The document's PDF does not carry a valid signature (" + check.verdict() + ").");
        }
        DossierResults.Returned done = results.returnResult(unit, d.work().dossierCode(), d.numberSymbol().replace('/', '-') + ".pdf",
                main.bytes(), "Kết quả là văn bản số " + d.numberSymbol() + " ngày " + DAY.format(d.issuedOn()) + ", đã ký số", actor.username());
        event(d, "result", actor, "Trả kết quả hồ sơ " + d.work().dossierCode());
        return done;
    }

    /** Moves a document to {@code status}, with extra assignments ({@code ", col = ?"}), and records the event. */
    Doc change(Doc d, String status, String action, UserPrincipal actor, String note, String assignments, List<Object> params) {
        List<Object> all = new ArrayList<>();
        all.add(status);
        all.addAll(params);
        all.add(d.id());
        Doc after = db.one("UPDATE document SET status = ?" + assignments + ", row_version = row_version + 1 WHERE id = ? RETURNING " + COLS,
                Registers::doc, all.toArray()).orElseThrow();
        event(after, action, actor, note);
        return after;
    }

    void event(Doc d, String action, UserPrincipal actor, String note) {
        db.update("INSERT INTO document_event (tenant_id, document_id, action, actor, note) VALUES (?, ?, ?, ?, ?)", d.tenantId(), d.id(), action,
                actor.username(), Db.orNull(note));
    }

    /** Issues a draft: the next number of the unit's outgoing register for this year and the document's series. */
    @Transactional
    @TenantTransactional
    public Doc issue(Tenant unit, long id, UserPrincipal actor) {
        Duty.require(unit, actor, Duty.CLERKING, "Cấp số và ban hành văn bản", "Numbering and issuing a document");
        Doc d = lockedOwn(unit, id, "outgoing", actor);
        if (d.number() != null) {
            throw conflict("Văn bản này đã được cấp số " + d.numberSymbol() + ".", "This document has its number already: " + d.numberSymbol() + ".");
        }
        if (!d.status().equals("signed")) {
            throw conflict("Văn bản chưa được lãnh đạo duyệt, ký (trạng thái " + d.status() + "): chỉ cấp số văn bản đã ký.",
                    "The document is not approved and signed yet (" + d.status() + "): only a signed document is numbered.");
        }
        LocalDate today = today();
        int number = next(unit, "outgoing", d.secret() ? "secret" : "normal", today.getYear());
        String printed = numberSymbol(number, d.symbol());
        // the organisation's signatures: its seal over the leader's on the document, its number and time on each attachment
        for (Files.Content f : files.currentPdfs(d.id())) {
            byte[] signed = f.info().kind().equals("main") ? signatures.sealAsOrganisation(unit, f.bytes())
                    : signatures.signAttachment(unit, f.bytes(), printed);
            files.replace(unit, f.info(), signed, Signatures.json(signatures.verify(signed)).toString(), actor);
        }
        Doc issued = change(d, "issued", "issued", actor, null, ", year = ?, number = ?, number_symbol = ?, issued_on = ?, registered_at = now(), issued_by = ?",
                List.of(today.getYear(), number, printed, today, actor.username()));
        index(issued, unit);
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
        Duty.require(unit, actor, Duty.CLERKING, "Gửi văn bản đi", "Sending a document");
        Doc d = lockedOwn(unit, id, "outgoing", actor);
        if (d.secret()) {
            throw conflict("Văn bản mật không được gửi qua mạng: hãy chuyển bằng bản giấy theo quy định về bảo vệ bí mật nhà nước.",
                    "A secret document is never sent electronically: send it on paper, as the rules on state secrets require.");
        }
        if (!d.status().equals("issued")) {
            throw conflict(d.status().equals("draft") ? "Văn bản chưa được cấp số: hãy ban hành trước khi gửi." : "Văn bản đã bị thu hồi.",
                    d.status().equals("draft") ? "The document has no number yet: issue it before sending." : "The document was recalled.");
        }
        Set<Long> targets = new LinkedHashSet<>();
        Map<String, List<String>> problems = new LinkedHashMap<>();
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
                add(problems, "to", "Không có đơn vị đang hoạt động mã \"" + c + "\".", "No active unit has the code \"" + c + "\".");
            } else if (target.get().equals(unit.getId())) {
                add(problems, "to", "Không gửi văn bản cho chính đơn vị mình.", "A unit does not send a document to itself.");
            } else {
                targets.add(target.get());
            }
        }
        if (subtree) {
            targets.addAll(db.list("SELECT c.id FROM tenant p JOIN tenant c ON c.path <@ p.path AND c.id <> p.id WHERE p.id = ? AND c.status = 'active' "
                    + "ORDER BY c.path", rs -> rs.getLong(1), unit.getId()));
        }
        if (problems.isEmpty() && targets.isEmpty()) {
            add(problems, "to", "Hãy chọn ít nhất một đơn vị nhận.", "Choose at least one receiving unit.");
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        Long[] ids = targets.toArray(Long[]::new);
        List<Long> delivered = db.list("INSERT INTO document_delivery (tenant_id, document_id, to_tenant_id, status, number_symbol, issuer, doc_type, "
                        + "urgency, abstract, signer, issued_on, due_date, page_count, sent_by) "
                        + "SELECT ?, d.id, t.to_id, 'received', d.number_symbol, d.issuer, d.doc_type, d.urgency, d.abstract, d.signer, d.issued_on, "
                        + "d.due_date, d.page_count, ? FROM document d CROSS JOIN unnest(CAST(? AS bigint[])) AS t (to_id) WHERE d.id = ? "
                        + "ON CONFLICT (document_id, to_tenant_id) DO NOTHING RETURNING to_tenant_id",
                rs -> rs.getLong(1), unit.getId(), actor.username(), array(List.of(ids)), d.id());
        List<Long> already = new ArrayList<>(targets);
        already.removeAll(delivered);
        if (!delivered.isEmpty()) {
            event(d, "sent", actor, delivered.size() + " đơn vị");
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
        Duty.require(unit, actor, Duty.RECALLING, "Thu hồi văn bản", "Recalling a document");
        Doc d = lockedOwn(unit, id, "outgoing", actor);
        Map<String, List<String>> problems = new LinkedHashMap<>();
        String r = required(reason, 2000, "reason", "Hãy ghi lý do thu hồi.", "Give the reason for the recall.", problems);
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        if (!d.status().equals("issued")) {
            throw conflict("Chỉ thu hồi được văn bản đã ban hành.", "Only an issued document can be recalled.");
        }
        db.update("UPDATE document_delivery SET status = 'recalled', reason = ?, answered_by = ?, answered_at = now() "
                + "WHERE document_id = ? AND tenant_id = ? AND status <> 'returned'", r, actor.username(), d.id(), unit.getId());
        Doc recalled = change(d, "recalled", "recalled", actor, r, "", List.of());
        search.remove(unit.getId(), SearchDocument.idOf(SEARCH_TYPE, d.id()));
        return recalled;
    }

    // ---- incoming

    /** What other units sent to this one and it has not answered yet: the most urgent first, then the oldest. */
    @Transactional
    @TenantTransactional
    public List<Delivery> queue(Tenant unit) {
        return db.list("SELECT " + DELIVERY_COLS + " FROM document_delivery WHERE to_tenant_id = ? AND status = 'received' AND merged_on IS NULL ORDER BY "
                + URGENCY_RANK + " DESC, received_at, id LIMIT 500", Registers::delivery, unit.getId());
    }

    /** Accepts a delivery into the incoming register: the next arrival number of the year. */
    @Transactional
    @TenantTransactional
    public Doc accept(Tenant unit, long deliveryId, boolean despiteSignatures, UserPrincipal actor) {
        Duty.require(unit, actor, Duty.CLERKING, "Vào sổ văn bản đến", "Registering an incoming document");
        Delivery v = lockedDelivery(unit, deliveryId);
        Map<String, byte[]> came = new LinkedHashMap<>();
        files.sentPdfs(v.id()).forEach(f -> came.put(f.info().name(), f.bytes()));
        String warning = signatureWarning(came, despiteSignatures);
        LocalDate today = today();
        int number = next(unit, "incoming", "normal", today.getYear());
        Doc in = db.one("INSERT INTO document (tenant_id, register, status, urgency, doc_type, year, number, number_symbol, issuer, issued_on, abstract, "
                        + "signer, due_date, page_count, delivery_id, received_on, created_by, registered_at) "
                        + "SELECT ?, 'incoming', 'registered', urgency, doc_type, ?, ?, number_symbol, issuer, issued_on, abstract, signer, due_date, "
                        + "page_count, id, ?, ?, now() FROM document_delivery WHERE id = ? RETURNING " + COLS, Registers::doc,
                unit.getId(), today.getYear(), number, today, actor.username(), v.id()).orElseThrow();
        db.update("UPDATE document_delivery SET status = 'accepted', incoming_id = ?, answered_by = ?, answered_at = now() WHERE id = ?",
                in.id(), actor.username(), v.id());
        if (warning != null) {
            in = db.one("UPDATE document SET signature_warning = ? WHERE id = ? RETURNING " + COLS, Registers::doc, warning, in.id()).orElseThrow();
        }
        event(in, "registered", actor, "Nhận từ đơn vị gửi qua hệ thống");
        index(in, unit);
        return in;
    }

    /**
     * Checks the signatures of the PDFs that came: a file whose signature fails (changed after signing, a signer no
     * trusted authority vouches for) stops the registration with 409 {@code signature-invalid}, naming each file, unless
     * the clerk accepts it knowingly ({@code despite}); then the warning stays on the document for its handlers. An
     * unsigned PDF is shown as such, not refused.
     */
    String signatureWarning(Map<String, byte[]> pdfsByName, boolean despite) {
        List<String> bad = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : pdfsByName.entrySet()) {
            vn.egov.platform.signing.PdfVerifier.Result r = signatures.verify(f.getValue());
            if (r.verdict() == vn.egov.platform.signing.PdfVerifier.Verdict.INVALID
                    || r.verdict() == vn.egov.platform.signing.PdfVerifier.Verdict.UNKNOWN_SIGNER
                    || r.verdict() == vn.egov.platform.signing.PdfVerifier.Verdict.NOT_A_PDF) {
                bad.add(f.getKey() + ": " + Signatures.words(r.verdict()));
            }
        }
        if (bad.isEmpty()) {
            return null;
        }
        String list = String.join("; ", bad);
        if (!despite) {
            throw new ProblemException(Problem.of(409, "signature-invalid", "Chữ ký số không hợp lệ", "Invalid signature",
                    "Chưa vào sổ: " + list + ". Hãy liên hệ bên gửi; nếu vẫn cần vào sổ, xác nhận nhận văn bản dù chữ ký không hợp lệ (despiteSignatures). "
                            + "Không có gì thay đổi.",
                    "Not registered: " + list + ". Ask the sender; to register it all the same, confirm (despiteSignatures). Nothing changed."));
        }
        return list.length() > 2000 ? list.substring(0, 2000) : list;
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
        LocalDate today = today();
        int number = next(unit, "incoming", "normal", today.getYear());
        Doc in = db.one("INSERT INTO document (tenant_id, register, status, urgency, doc_type, year, number, number_symbol, issuer, place, issued_on, "
                        + "abstract, signer, due_date, page_count, inbound_id, received_on, created_by, registered_at, signature_warning) VALUES (?, 'incoming', "
                        + "'registered', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?) RETURNING " + COLS, Registers::doc,
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
        event(in, "registered", actor, "Nhận qua trục liên thông (edXML) từ " + from.fromName());
        index(in, unit);
        return in;
    }

    /** Returns a delivery to its sender with a reason; it never enters the register. */
    @Transactional
    @TenantTransactional
    public Delivery giveBack(Tenant unit, long deliveryId, String reason, UserPrincipal actor) {
        Duty.require(unit, actor, Duty.CLERKING, "Trả lại văn bản đến", "Returning an incoming document");
        Map<String, List<String>> problems = new LinkedHashMap<>();
        String r = required(reason, 2000, "reason", "Hãy ghi lý do trả lại văn bản.", "Give the reason for returning the document.", problems);
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        Delivery v = lockedDelivery(unit, deliveryId);
        return db.one("UPDATE document_delivery SET status = 'returned', reason = ?, answered_by = ?, answered_at = now() WHERE id = ? RETURNING "
                + DELIVERY_COLS, Registers::delivery, r, actor.username(), v.id()).orElseThrow();
    }

    /**
     * Registers a paper document that arrived. The same number and symbol from the same issuer already in this year's
     * register is answered 409 {@code possible-duplicate} (nothing written) unless {@code confirmDuplicate}.
     */
    @Transactional
    @TenantTransactional
    public Doc registerPaper(Tenant unit, Paper p, UserPrincipal actor) {
        Duty.require(unit, actor, Duty.CLERKING, "Vào sổ văn bản đến", "Registering an incoming document");
        Map<String, List<String>> problems = new LinkedHashMap<>();
        String numberSymbol = required(p.numberSymbol(), 60, "numberSymbol", "Hãy ghi số, ký hiệu của văn bản đến (ví dụ: 12/UBND-VP).",
                "Give the document's number and symbol.", problems);
        String issuer = required(p.issuer(), 300, "issuer", "Hãy ghi cơ quan ban hành.", "Give the issuing body.", problems);
        String type = required(p.docType(), 80, "docType", "Hãy ghi loại văn bản.", "Give the document type.", problems);
        String abstractText = required(p.abstractText(), 2000, "abstract", "Hãy ghi trích yếu nội dung.", "Give the abstract.", problems);
        String signer = optional(p.signer(), 200, "signer", problems);
        LocalDate issuedOn = date(p.issuedOn(), "issuedOn", problems);
        LocalDate receivedOn = date(p.receivedOn(), "receivedOn", problems);
        LocalDate today = today();
        if (receivedOn == null && !problems.containsKey("receivedOn")) {
            receivedOn = today;
        }
        if (receivedOn != null && receivedOn.isAfter(today)) {
            add(problems, "receivedOn", "Ngày đến không được sau hôm nay.", "The day it arrived cannot be after today.");
        }
        if (issuedOn != null && receivedOn != null && issuedOn.isAfter(receivedOn)) {
            add(problems, "issuedOn", "Ngày ban hành không được sau ngày đến.", "The day of issue cannot be after the day it arrived.");
        }
        String urgency = urgency(p.urgency(), problems);
        String secrecy = secrecy(p.secrecy(), problems);
        LocalDate due = date(p.dueDate(), "dueDate", problems);
        Integer pages = pages(p.pageCount(), problems);
        List<Long> readers = readers(unit, secrecy, p.readers(), actor, problems);
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        int year = receivedOn.getYear();
        if (!p.confirmDuplicate()) {
            Optional<Doc> same = db.one("SELECT " + COLS + " FROM document WHERE tenant_id = ? AND register = 'incoming' AND year = ? "
                    + "AND lower(number_symbol) = lower(?) AND lower(issuer) = lower(?) ORDER BY id LIMIT 1", Registers::doc, unit.getId(), year,
                    numberSymbol, issuer);
            if (same.isPresent()) {
                throw new ProblemException(Problem.of(409, "possible-duplicate", "Có thể trùng văn bản đã vào sổ", "Possibly registered already",
                        "Văn bản số " + numberSymbol + " của " + issuer + " đã vào sổ đến năm " + year + " với số đến " + same.get().number()
                                + ". Nếu đây là văn bản khác, hãy xác nhận để vào sổ (confirmDuplicate). Chưa có gì thay đổi.",
                        "Document " + numberSymbol + " from " + issuer + " is already in the " + year + " incoming register as number "
                                + same.get().number() + ". If it is another document, confirm (confirmDuplicate). Nothing changed."));
            }
        }
        int number = next(unit, "incoming", secrecy == null ? "normal" : "secret", year);
        Doc in = db.one("INSERT INTO document (tenant_id, register, status, secrecy, urgency, doc_type, year, number, number_symbol, issuer, issued_on, "
                        + "abstract, signer, due_date, page_count, readers, received_on, created_by, registered_at) VALUES (?, 'incoming', 'registered', ?, ?, "
                        + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS bigint[]), ?, ?, now()) RETURNING " + COLS, Registers::doc,
                unit.getId(), Db.orNull(secrecy), urgency, type, year, number, numberSymbol, issuer,
                issuedOn == null ? new Db.Typed(java.sql.Types.DATE) : issuedOn, abstractText, Db.orNull(signer),
                due == null ? new Db.Typed(java.sql.Types.DATE) : due, pages == null ? new Db.Typed(java.sql.Types.INTEGER) : pages, array(readers),
                receivedOn, actor.username()).orElseThrow();
        event(in, "registered", actor, "Văn bản giấy");
        index(in, unit);
        return in;
    }

    // ---- reading

    /** One document of the unit, if this person may read it. */
    @Transactional
    @TenantTransactional
    public Optional<Doc> find(Tenant unit, long id, UserPrincipal reader) {
        return db.one("SELECT " + COLS + " FROM document WHERE tenant_id = ? AND id = ?", Registers::doc, unit.getId(), id)
                .filter(d -> d.readableBy(reader));
    }

    /** The deliveries of an outgoing document (the sender's view: each receiver's status). */
    @Transactional
    @TenantTransactional
    public List<Delivery> deliveries(Tenant unit, long documentId) {
        return db.list("SELECT " + DELIVERY_COLS + " FROM document_delivery WHERE tenant_id = ? AND document_id = ? ORDER BY id",
                Registers::delivery, unit.getId(), documentId);
    }

    /** The delivery an incoming document came from, as the receiver sees it (its status shows a recall). */
    @Transactional
    @TenantTransactional
    public Optional<Delivery> origin(Tenant unit, long deliveryId) {
        return db.one("SELECT " + DELIVERY_COLS + " FROM document_delivery WHERE to_tenant_id = ? AND id = ?", Registers::delivery, unit.getId(), deliveryId);
    }

    /** A page of a register: {@code offset} and {@code limit} in its order (by number, or the newest first). */
    public record Slice(int offset, int limit, boolean newestFirst) {
    }

    /** A page of a register and how many entries the whole register holds for this reader. */
    public record RegisterPage(List<Doc> docs, long total) {
        public RegisterPage {
            docs = List.copyOf(docs);
        }
    }

    /**
     * A page of a year's register, in the order of its numbers or the newest first: the documents this person may read
     * (secret ones only if named), and how many there are in all.
     */
    @Transactional
    @TenantTransactional
    public RegisterPage register(Tenant unit, String register, int year, boolean drafts, UserPrincipal reader, Slice slice) {
        return register(unit, unit.getId(), register, year, drafts, reader, slice);
    }

    /**
     * A page of a register the unit keeps: its own ({@code registerUnit} is the unit), or the closed register of a unit
     * it took over in a reorganisation (the entries that unit numbered, now the unit's to read; none for any other).
     */
    @Transactional
    @TenantTransactional
    public RegisterPage register(Tenant unit, long registerUnit, String register, int year, boolean drafts, UserPrincipal reader, Slice slice) {
        String where = " FROM document WHERE tenant_id = ? AND register_unit_id = ? AND register = ? AND (year = ? OR (? AND status = 'draft')) "
                + "AND (secrecy IS NULL OR created_by = ? OR ? = ANY (readers))";
        List<Doc> docs = db.list("SELECT " + COLS + where + (slice.newestFirst() ? " ORDER BY number DESC NULLS FIRST, series, id DESC"
                        : " ORDER BY number NULLS FIRST, series, id") + " OFFSET ? LIMIT ?",
                Registers::doc, unit.getId(), registerUnit, register, year, drafts, reader.username(), reader.userId(), slice.offset(), slice.limit());
        long total = docs.size() < slice.limit() && slice.offset() == 0 ? docs.size()
                : db.one("SELECT count(*)" + where, rs -> rs.getLong(1), unit.getId(), registerUnit, register, year, drafts, reader.username(),
                reader.userId()).orElse(0L);
        return new RegisterPage(docs, total);
    }

    /** A register the unit holds that another unit numbered and that a reorganisation closed. */
    public record ClosedRegister(String unit, String unitName, String register, String series, int year, int last, java.time.LocalDate closedOn) {
    }

    /** The closed registers of the units this unit took over (Decree 30/2020: kept, as they were, readable). */
    @Transactional
    @TenantTransactional
    public List<ClosedRegister> closedRegisters(Tenant unit) {
        return db.list("SELECT t.code, t.name, c.register, c.series, c.year, c.last, c.closed_on FROM document_counter c "
                        + "JOIN tenant t ON t.id = c.register_unit_id WHERE c.tenant_id = ? AND c.register_unit_id <> c.tenant_id "
                        + "ORDER BY t.code, c.year, c.register, c.series",
                rs -> new ClosedRegister(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6),
                        rs.getObject(7, java.time.LocalDate.class)), unit.getId());
    }

    // ---- helpers

    private int next(Tenant unit, String register, String series, int year) {
        return db.one("INSERT INTO document_counter (tenant_id, register_unit_id, register, series, year, last) VALUES (?, ?, ?, ?, ?, 1) "
                        + "ON CONFLICT (register_unit_id, register, series, year) DO UPDATE SET last = document_counter.last + 1 RETURNING last",
                rs -> rs.getInt(1), unit.getId(), unit.getId(), register, series, year).orElseThrow();
    }

    /** One of the unit's documents (of that register; null: either), locked for a change, if this person may read it. */
    Doc lockedOwn(Tenant unit, long id, String register, UserPrincipal actor) {
        return (register == null
                ? db.one("SELECT " + COLS + " FROM document WHERE tenant_id = ? AND id = ? FOR UPDATE", Registers::doc, unit.getId(), id)
                : db.one("SELECT " + COLS + " FROM document WHERE tenant_id = ? AND id = ? AND register = ? FOR UPDATE", Registers::doc,
                        unit.getId(), id, register))
                .filter(d -> d.readableBy(actor))
                .orElseThrow(() -> ProblemException.notFound("văn bản số " + id + " của đơn vị này", "document " + id + " of this unit"));
    }

    private Delivery lockedDelivery(Tenant unit, long id) {
        Delivery v = db.one("SELECT " + DELIVERY_COLS + " FROM document_delivery WHERE to_tenant_id = ? AND id = ? AND merged_on IS NULL FOR UPDATE", Registers::delivery,
                unit.getId(), id).orElseThrow(() -> ProblemException.notFound("văn bản gửi đến số " + id, "delivery " + id));
        if (!v.status().equals("received")) {
            throw conflict(switch (v.status()) {
                case "accepted" -> "Văn bản này đã vào sổ đến.";
                case "returned" -> "Văn bản này đã được trả lại.";
                default -> "Bên gửi đã thu hồi văn bản này.";
            }, "This delivery is " + v.status() + " already.");
        }
        return v;
    }

    /** The readers of a secret document: people of the unit by username (the one entering it always reads it). */
    private List<Long> readers(Tenant unit, String secrecy, List<String> usernames, UserPrincipal actor, Map<String, List<String>> problems) {
        if (secrecy == null) {
            if (!usernames.isEmpty()) {
                add(problems, "readers", "Chỉ văn bản mật mới giới hạn người đọc.", "Only a secret document names its readers.");
            }
            return List.of();
        }
        Set<Long> ids = new LinkedHashSet<>();
        ids.add(actor.userId());
        for (String name : usernames) {
            String n = name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT);
            Optional<Long> id = db.one("SELECT id FROM app_user WHERE tenant_id = ? AND username = ? AND status = 'active'", rs -> rs.getLong(1),
                    unit.getId(), n);
            if (id.isEmpty()) {
                add(problems, "readers", "Không có người dùng \"" + n + "\" đang làm việc ở đơn vị này.", "No active user \"" + n + "\" in this unit.");
            } else {
                ids.add(id.get());
            }
        }
        return new ArrayList<>(ids);
    }

    /** Puts the document as it is now (its files' text too) in the search outbox, in the caller's transaction. */
    void index(Doc d, Tenant unit) {
        search.put(searchDocument(d, unit.getId(), unit.getPath(), unit.getCode(), files.text(d)));
    }

    /**
     * The document as search keeps it: the unit's staff find an ordinary one, only its readers a secret one. Its text is
     * its metadata and the text of its PDFs ({@code fileText}).
     */
    public static SearchDocument searchDocument(Doc d, long unitId, String unitPath, String unitCode, String fileText) {
        Set<String> readers = new LinkedHashSet<>();
        d.readers().forEach(r -> readers.add("user:" + r));
        Visibility visibility = d.secret() ? Visibility.RESTRICTED : Visibility.STAFF;
        String title = (d.numberSymbol() == null ? "" : d.numberSymbol() + " ") + d.docType() + ": " + d.abstractText();
        String body = String.join("\n", nonNull(d.abstractText(), d.issuer(), d.signer(), d.recipientsText(), fileText));
        return new SearchDocument(SearchDocument.idOf(SEARCH_TYPE, d.id()), unitId, unitPath, SEARCH_TYPE, visibility,
                visibility == Visibility.RESTRICTED ? readers : Set.of(), title.length() > 500 ? title.substring(0, 500) : title, body,
                "/api/t/" + unitCode + "/documents/" + d.id(), d.registeredAt() == null ? d.createdAt() : d.registeredAt());
    }

    private static List<String> nonNull(String... parts) {
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    static String array(List<Long> ids) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < ids.size(); i++) {
            b.append(i == 0 ? "" : ",").append(ids.get(i));
        }
        return b.append('}').toString();
    }

    private static String urgency(String given, Map<String, List<String>> problems) {
        String u = given == null || given.isBlank() ? "THUONG" : given.strip().toUpperCase(java.util.Locale.ROOT);
        if (!URGENCIES.contains(u)) {
            add(problems, "urgency", "Độ khẩn là một trong: THUONG (thường), KHAN (khẩn), THUONG_KHAN (thượng khẩn), HOA_TOC (hỏa tốc).",
                    "Urgency is one of THUONG, KHAN, THUONG_KHAN, HOA_TOC.");
        }
        return u;
    }

    private static String secrecy(String given, Map<String, List<String>> problems) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String s = given.strip().toUpperCase(java.util.Locale.ROOT);
        if (!SECRECIES.contains(s)) {
            add(problems, "secrecy", "Độ mật là một trong: MAT (mật), TOI_MAT (tối mật), TUYET_MAT (tuyệt mật), hoặc để trống.",
                    "Secrecy is one of MAT, TOI_MAT, TUYET_MAT, or none.");
            return null;
        }
        return s;
    }

    static LocalDate date(String given, String field, Map<String, List<String>> problems) {
        if (given == null || given.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(given.strip(), DAY);
        } catch (java.time.format.DateTimeParseException e) {
            add(problems, field, "Ngày viết theo dạng dd/MM/yyyy (ví dụ 05/01/2027).", "Write the date as dd/MM/yyyy.");
            return null;
        }
    }

    private static Integer pages(Integer given, Map<String, List<String>> problems) {
        if (given != null && (given < 1 || given > 10000)) {
            add(problems, "pageCount", "Số trang từ 1 đến 10.000.", "The page count is 1 to 10,000.");
        }
        return given;
    }

    static String required(String given, int max, String field, String vi, String en, Map<String, List<String>> problems) {
        String v = given == null ? null : java.text.Normalizer.normalize(given.strip(), java.text.Normalizer.Form.NFC);
        if (v == null || v.isEmpty()) {
            add(problems, field, vi, en);
            return null;
        }
        if (v.length() > max) {
            add(problems, field, "Tối đa " + max + " ký tự.", "At most " + max + " characters.");
        }
        return v;
    }

    static String optional(String given, int max, String field, Map<String, List<String>> problems) {
        String v = given == null ? null : java.text.Normalizer.normalize(given.strip(), java.text.Normalizer.Form.NFC);
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.length() > max) {
            add(problems, field, "Tối đa " + max + " ký tự.", "At most " + max + " characters.");
        }
        return v;
    }

    static void add(Map<String, List<String>> problems, String field, String vi, String en) {
        problems.computeIfAbsent(field, k -> new ArrayList<>()).add(vi + " / " + en);
    }

    public static ProblemException invalid(Map<String, List<String>> problems) {
        return new ProblemException(new Problem(400, "invalid-input", "Dữ liệu không hợp lệ", "Invalid input",
                "Văn bản chưa được ghi: hãy sửa các mục được nêu. Không có gì thay đổi.",
                "Nothing was recorded: correct the items named. Nothing changed.", problems));
    }

    static ProblemException conflict(String vi, String en) {
        return new ProblemException(Problem.of(409, "conflict", "Không thực hiện được", "Not possible now", vi + " Không có gì thay đổi.",
                en + " Nothing changed."));
    }
}
