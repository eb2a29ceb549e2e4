package vn.egov.documents.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import vn.egov.documents.control.Registers.Doc;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Fields;
import vn.egov.platform.web.files.FileCheck;

/**
 * A document's files: the main PDF and the attachments of an outgoing document (added while it is a draft), the scan of
 * an incoming paper one (PDF or image). Judged by their content, not their name: a "PDF" must start as one and open as
 * one. A new main PDF replaces the current one (the old one is kept, marked replaced). The receiver of a delivery reads
 * the sender's current files through it (row-level security: {@code sent_to_scope}), until it is recalled.
 */
@ApplicationScoped
public class Files {
    public static final List<String> KINDS = List.of("main", "attachment", "scan");

    @Inject
    Db db;

    @Inject
    Registers registers;

    @Inject
    Signatures signatures;

    /** A file's description (its content is read on its own). */
    public record FileInfo(long id, long documentId, String kind, String name, String contentType, int size, String sha256, String createdBy,
                           Instant createdAt, String signature) {
    }

    /** A file with its content. */
    public record Content(FileInfo info, byte[] bytes) {
    }

    static final String COLS = "id, document_id, kind, name, content_type, size_bytes, sha256, created_by, created_at, signature::text AS signature";

    static FileInfo info(ResultSet rs) throws SQLException {
        return new FileInfo(rs.getLong("id"), rs.getLong("document_id"), rs.getString("kind"), rs.getString("name"), rs.getString("content_type"),
                rs.getInt("size_bytes"), rs.getString("sha256"), rs.getString("created_by"), Db.instant(rs, "created_at"), rs.getString("signature"));
    }

    @Transactional
    @TenantTransactional
    public FileInfo add(Tenant unit, long documentId, String kind, String name, byte[] content, UserPrincipal actor) {
        Doc d = registers.lockedOwn(unit, documentId, null, actor);
        String k = kind == null ? "" : kind.strip();
        if (!KINDS.contains(k)) {
            throw Registers.invalid(new Fields().add("kind", "problem.field.kindMainAttachmentScan"));
        }
        if (d.register().equals("outgoing")) {
            if (k.equals("scan")) {
                throw Registers.invalid(new Fields().add("kind", "problem.field.outgoingDocumentHasMain"));
            }
            if (!d.status().equals("draft")) {
                throw Registers.conflict("problem.filesToDraftOnly", d.status());
            }
        } else if (!k.equals("scan")) {
            throw Registers.invalid(new Fields().add("kind", "problem.field.incomingDocumentTakesScan"));
        }
        String wrongType = k.equals("scan") ? "problem.field.wrongType.scan" : "problem.field.wrongType.pdf";
        FileCheck.Checked checked;
        try {
            checked = FileCheck.check(name, content);
        } catch (FileCheck.Refused r) {
            // the portal's check names every kind it takes (Word, Excel...); a document's file is a PDF, so say that instead
            // (the platform's check says its other refusals itself, in the reader's language)
            throw Registers.invalid(r.key().equals("platform.problem.file.kind") ? new Fields().add("file", wrongType)
                    : new Fields().add("file", "problem.field.fileCheck", Fields.said(r.key(), r.args())));
        }
        boolean pdf = checked.contentType().equals("application/pdf");
        if (!pdf && !(k.equals("scan") && checked.contentType().startsWith("image/"))) {
            throw Registers.invalid(new Fields().add("file", wrongType));
        }
        if (pdf) {
            requireReadablePdf(content);
        }
        if (k.equals("main")) {
            db.update("UPDATE document_file SET replaced_at = now() WHERE document_id = ? AND kind = 'main' AND replaced_at IS NULL", d.id());
        }
        FileInfo info = db.one("INSERT INTO document_file (tenant_id, document_id, kind, name, content_type, size_bytes, sha256, content, created_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING " + COLS, Files::info,
                unit.getId(), d.id(), k, checked.name(), checked.contentType(), content.length, sha256(content), content, actor.username()).orElseThrow();
        registers.event(d, "file", actor, k + ": " + info.name());
        if (d.register().equals("incoming")) {
            registers.index(d, unit); // a registered document is in search: its scan's text joins it
        }
        return info;
    }

    /** The current PDFs of one of the unit's own documents, with their content (to sign them). */
    List<Content> currentPdfs(long documentId) {
        return db.list("SELECT " + COLS + ", content FROM document_file WHERE document_id = ? AND replaced_at IS NULL AND content_type = 'application/pdf' "
                + "ORDER BY id", rs -> new Content(info(rs), rs.getBytes("content")), documentId);
    }

    /** A file's new content (signed): a new row of the same kind and name, the old one kept, marked replaced. */
    FileInfo replace(Tenant unit, FileInfo old, byte[] content, String signatureJson, UserPrincipal actor) {
        db.update("UPDATE document_file SET replaced_at = now() WHERE id = ? AND replaced_at IS NULL", old.id());
        return db.one("INSERT INTO document_file (tenant_id, document_id, kind, name, content_type, size_bytes, sha256, content, created_by, signature) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb)) RETURNING " + COLS, Files::info,
                unit.getId(), old.documentId(), old.kind(), old.name(), old.contentType(), content.length, sha256(content), content, actor.username(),
                signatureJson).orElseThrow();
    }

    /** The PDFs a delivery brought (the sender's current files), with their content: what the receiver checks. */
    List<Content> sentPdfs(long deliveryId) {
        return db.list("SELECT f.id, f.document_id, f.kind, f.name, f.content_type, f.size_bytes, f.sha256, f.created_by, f.created_at, "
                + "f.signature::text AS signature, f.content "
                + "FROM document_file f JOIN document_delivery v ON v.document_id = f.document_id WHERE v.id = ? AND f.replaced_at IS NULL "
                + "AND f.content_type = 'application/pdf' ORDER BY f.id", rs -> new Content(info(rs), rs.getBytes("content")), deliveryId);
    }

    /** A file another unit sent, with what its signatures amount to now (null for a file that is not a PDF). */
    public record Checked(FileInfo info, jakarta.json.JsonObject check) {
    }

    /** The files of a delivery with each PDF's signatures checked against the trusted roots. */
    @Transactional
    @TenantTransactional
    public List<Checked> sentChecked(Tenant unit, long deliveryId) {
        long documentId = sentDocument(unit, deliveryId);
        return withChecks(db.list("SELECT " + COLS + ", content FROM document_file WHERE document_id = ? AND replaced_at IS NULL ORDER BY id",
                rs -> new Content(info(rs), rs.getBytes("content")), documentId));
    }

    /** One of the unit's documents' files with each PDF's signatures checked against the trusted roots. */
    @Transactional
    @TenantTransactional
    public List<Checked> checked(Tenant unit, long documentId, UserPrincipal reader) {
        registers.find(unit, documentId, reader).orElseThrow(() -> notFound(documentId));
        return withChecks(db.list("SELECT " + COLS + ", content FROM document_file WHERE tenant_id = ? AND document_id = ? AND replaced_at IS NULL "
                + "ORDER BY id", rs -> new Content(info(rs), rs.getBytes("content")), unit.getId(), documentId));
    }

    private List<Checked> withChecks(List<Content> files) {
        return files.stream().map(c -> new Checked(c.info(), c.info().contentType().equals("application/pdf")
                ? signatures.checked(sha256(c.bytes()), c.bytes()) : null)).toList(); // the bytes' own hash, never the stored one
    }

    /** At most this much text of a document's PDFs goes to search. */
    static final int MAX_TEXT = 100_000;

    /**
     * The text of a document's current PDFs (for an accepted delivery, the sender's files), for search: at most
     * {@link #MAX_TEXT} characters; a PDF whose text cannot be read adds nothing.
     */
    public String text(Doc d) {
        List<byte[]> pdfs = d.deliveryId() != null
                ? db.list("SELECT f.content FROM document_file f JOIN document_delivery v ON v.document_id = f.document_id WHERE v.id = ? "
                        + "AND f.replaced_at IS NULL AND f.content_type = 'application/pdf' ORDER BY f.id", rs -> rs.getBytes(1), d.deliveryId())
                : db.list("SELECT content FROM document_file WHERE document_id = ? AND replaced_at IS NULL AND content_type = 'application/pdf' "
                        + "ORDER BY id", rs -> rs.getBytes(1), d.id());
        StringBuilder text = new StringBuilder();
        for (byte[] pdf : pdfs) {
            if (text.length() >= MAX_TEXT) {
                break;
            }
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                text.append(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).append('\n');
            } catch (java.io.IOException | RuntimeException unreadable) {
                // nothing of this one: search still has the metadata
            }
        }
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text.toString();
    }

    /** Keeps a file that came with a document from outside (its name made safe), as it came. */
    FileInfo store(Tenant unit, long documentId, String kind, String name, String contentType, byte[] content, UserPrincipal actor) {
        String safe = name == null || name.isBlank() ? "tep" : java.text.Normalizer.normalize(name.strip(), java.text.Normalizer.Form.NFC)
                .replaceAll("[\\p{Cntrl}\"/\\\\]", "_");
        return db.one("INSERT INTO document_file (tenant_id, document_id, kind, name, content_type, size_bytes, sha256, content, created_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING " + COLS, Files::info, unit.getId(), documentId, kind,
                safe.length() > 200 ? safe.substring(0, 200) : safe, contentType.length() > 100 ? "application/octet-stream" : contentType,
                content.length, sha256(content), content, actor.username()).orElseThrow();
    }

    /** A PDF that PDFBox opens (not encrypted against reading), with at least one page. */
    static void requireReadablePdf(byte[] content) {
        try (PDDocument pdf = Loader.loadPDF(content)) {
            if (pdf.getNumberOfPages() < 1) {
                throw new java.io.IOException("no page");
            }
        } catch (java.io.IOException e) {
            throw Registers.invalid(new Fields().add("file", "problem.field.fileStartsAsPdf"));
        }
    }

    /** The current files of one of the unit's documents (readable by this person). */
    @Transactional
    @TenantTransactional
    public List<FileInfo> list(Tenant unit, long documentId, UserPrincipal reader) {
        registers.find(unit, documentId, reader).orElseThrow(() -> notFound(documentId));
        return db.list("SELECT " + COLS + " FROM document_file WHERE tenant_id = ? AND document_id = ? AND replaced_at IS NULL ORDER BY id",
                Files::info, unit.getId(), documentId);
    }

    @Transactional
    @TenantTransactional
    public Optional<Content> read(Tenant unit, long documentId, long fileId, UserPrincipal reader) {
        registers.find(unit, documentId, reader).orElseThrow(() -> notFound(documentId));
        return db.one("SELECT " + COLS + ", content FROM document_file WHERE tenant_id = ? AND document_id = ? AND id = ?",
                rs -> new Content(info(rs), rs.getBytes("content")), unit.getId(), documentId, fileId);
    }

    /** The files of several deliveries to this unit, by delivery, in one query (the queue lists up to 500). */
    @Transactional
    @TenantTransactional
    public Map<Long, List<FileInfo>> sent(Tenant unit, List<Long> deliveryIds) {
        Map<Long, List<FileInfo>> byDelivery = new java.util.HashMap<>();
        if (!deliveryIds.isEmpty()) {
            db.list("SELECT v.id AS delivery_id, f.id, f.document_id, f.kind, f.name, f.content_type, f.size_bytes, f.sha256, f.created_by, f.created_at, "
                            + "f.signature::text AS signature FROM document_delivery v JOIN document_file f ON f.document_id = v.document_id "
                            + "AND f.replaced_at IS NULL WHERE v.to_tenant_id = ? AND v.id = ANY (CAST(? AS bigint[])) ORDER BY f.id",
                    rs -> Map.entry(rs.getLong("delivery_id"), info(rs)), unit.getId(), Registers.array(deliveryIds))
                    .forEach(e -> byDelivery.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
        }
        return byDelivery;
    }

    @Transactional
    @TenantTransactional
    public Optional<Content> readSent(Tenant unit, long deliveryId, long fileId) {
        long documentId = sentDocument(unit, deliveryId);
        return db.one("SELECT " + COLS + ", content FROM document_file WHERE document_id = ? AND id = ? AND replaced_at IS NULL",
                rs -> new Content(info(rs), rs.getBytes("content")), documentId, fileId);
    }

    private long sentDocument(Tenant unit, long deliveryId) {
        return db.one("SELECT document_id FROM document_delivery WHERE to_tenant_id = ? AND id = ?", rs -> rs.getLong(1), unit.getId(), deliveryId)
                .orElseThrow(() -> vn.egov.platform.web.ProblemException.notFound(Wording::in, "notFound.delivery", deliveryId));
    }

    static vn.egov.platform.web.ProblemException notFound(long id) {
        return vn.egov.platform.web.ProblemException.notFound(Wording::in, "notFound.documentOfThisUnit", id);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
