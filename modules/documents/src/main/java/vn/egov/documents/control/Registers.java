package vn.egov.documents.control;

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
import vn.egov.platform.web.Fields;
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.words.Note;

/**
 * A unit's registers of official documents: a document and a delivery as the registers hold them, the reading of a
 * document, of a page of a register (the unit's own, or the closed one of a unit it took over) and of the deliveries;
 * and what the outgoing ({@link Outgoing}) and incoming ({@link Incoming}) registers' work shares: the numbering, the
 * locked document, its changes and their history, its place in search, and the refusals. Each public method is one
 * transaction in the acting unit's scope; a refused change changes nothing.
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

    /** A delivery as either end sees it. */
    public record Delivery(long id, long fromId, long toId, long documentId, String status, String reason, String numberSymbol, String issuer,
                           String docType, String urgency, String abstractText, String signer, LocalDate issuedOn, LocalDate dueDate,
                           Integer pageCount, String sentBy, Instant sentAt, Instant receivedAt, String answeredBy, Instant answeredAt, Long incomingId) {
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

    /** Moves a document to {@code status}, with extra assignments ({@code ", col = ?"}), and records the event. */
    Doc change(Doc d, String status, String action, UserPrincipal actor, String note, String assignments, List<Object> params) {
        return change(d, status, action, actor, Note.written(note), assignments, params);
    }

    /** The same, the event's note said by the platform or written by a person. */
    Doc change(Doc d, String status, String action, UserPrincipal actor, Note note, String assignments, List<Object> params) {
        List<Object> all = new ArrayList<>();
        all.add(status);
        all.addAll(params);
        all.add(d.id());
        Doc after = db.one("UPDATE document SET status = ?" + assignments + ", row_version = row_version + 1 WHERE id = ? RETURNING " + COLS,
                Registers::doc, all.toArray()).orElseThrow();
        event(after, action, actor, note);
        return after;
    }

    /** A line of the history with what a person wrote (or no note). */
    void event(Doc d, String action, UserPrincipal actor, String note) {
        event(d, action, actor, Note.written(note));
    }

    /**
     * A line of the history: the platform's words kept as their key and arguments (their Vietnamese text beside them,
     * for the readers of {@code note}), or what a person wrote.
     */
    void event(Doc d, String action, UserPrincipal actor, Note note) {
        String text = note.in(Wording.VI);
        db.update("INSERT INTO document_event (tenant_id, document_id, action, actor, note, note_key, note_args) VALUES (?, ?, ?, ?, ?, ?, ?)",
                d.tenantId(), d.id(), action, actor.username(), Db.orNull(text == null || text.length() <= 2000 ? text : text.substring(0, 2000)),
                Db.orNull(note.key()), note.args().toArray(String[]::new));
    }

    // ---- reading

    /** Whether the document's last change still waits to reach the search index (the page says "being indexed"). */
    @Transactional
    @TenantTransactional
    public boolean indexing(Tenant unit, long id) {
        return search.pending(unit.getId(), SearchDocument.idOf(SEARCH_TYPE, id));
    }

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

    /** The next number of a register's series for the year, counted in the unit's own register. */
    int next(Tenant unit, String register, String series, int year) {
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
                .orElseThrow(() -> ProblemException.notFound(Wording::in, "notFound.documentOfThisUnit", id));
    }

    /** The readers of a secret document: people of the unit by username (the one entering it always reads it). */
    List<Long> readers(Tenant unit, String secrecy, List<String> usernames, UserPrincipal actor, Fields problems) {
        if (secrecy == null) {
            if (!usernames.isEmpty()) {
                problems.add("readers", "problem.field.onlySecretDocumentNames");
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
                problems.add("readers", "problem.field.noActiveUserThis", n);
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

    /** A 400 naming each bad field, its messages said in the reader's language. */
    public static ProblemException invalid(Fields problems) {
        return new ProblemException(Problem.said(Wording::in, 400, "invalid-input", "problem.invalidInput",
                w -> w.text("problem.notRecorded"), problems::in));
    }

    static ProblemException conflict(String key, Object... args) {
        return new ProblemException(Problem.said(Wording::in, 409, "conflict", "problem.notPossibleNow",
                w -> w.text(key, args) + " " + w.text("problem.nothingChanged"), w -> Map.of()));
    }
}
