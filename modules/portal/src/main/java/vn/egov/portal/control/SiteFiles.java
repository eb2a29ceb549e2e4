package vn.egov.portal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.files.FileCheck;
import vn.egov.portal.entity.StoredFile;

/**
 * A unit's uploaded files (images and documents its articles, pages and theme show), in the caller's transaction
 * and tenant scope: checked on upload (type, size, image thumbnail), listed, and deleted unless an article uses one.
 */
@ApplicationScoped
public class SiteFiles {
    @Inject
    Db db;

    @Inject
    PageCache cache;

    public StoredFile upload(Tenant unit, String name, byte[] content, boolean isPublic, String user) {
        FileCheck.Checked c;
        try {
            c = FileCheck.check(name, content);
        } catch (FileCheck.Refused r) {
            // the file check's reason (the platform's words) in the portal's frame, both in the reader's language
            java.util.function.Function<java.util.Locale, vn.egov.platform.words.Words> texts = locale -> {
                vn.egov.platform.words.Words portal = Wording.in(locale);
                String reason = r.text(locale);
                return (key, args) -> "problem.file.reason".equals(key) ? reason : portal.text(key, args);
            };
            throw new ProblemException(vn.egov.platform.web.Problem.said(texts, r.tooLarge ? 413 : 400, r.tooLarge ? "too-large" : "invalid-input",
                    r.tooLarge ? "problem.file.tooLarge" : "problem.file.invalid", w -> w.text("problem.file.refused", w.text("problem.file.reason")),
                    w -> java.util.Map.of("file", List.of(w.text("problem.file.reason")))));
        }
        String sha;
        try {
            sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long id = db.insert("INSERT INTO portal_file (tenant_id, name, content_type, size_bytes, content, sha256, width, height, thumbnail, "
                        + "is_public, uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", unit.getId(), c.name(), c.contentType(),
                content.length, content, sha, c.width() == null ? new Db.Typed(java.sql.Types.INTEGER) : c.width(),
                c.height() == null ? new Db.Typed(java.sql.Types.INTEGER) : c.height(),
                c.thumbnail() == null ? new Db.Typed(java.sql.Types.BINARY) : c.thumbnail(), isPublic, user);
        return file(unit, id);
    }

    public List<StoredFile> files(Tenant unit, int limit) {
        return db.list("SELECT " + SiteReader.FILE_COLS + " FROM portal_file WHERE tenant_id = ? ORDER BY id DESC LIMIT ?", SiteReader::file,
                unit.getId(), limit);
    }

    public Optional<StoredFile> fileIfAny(Tenant unit, long id) {
        return db.one("SELECT " + SiteReader.FILE_COLS + " FROM portal_file WHERE tenant_id = ? AND id = ?", SiteReader::file, unit.getId(), id);
    }

    public StoredFile file(Tenant unit, long id) {
        return db.one("SELECT " + SiteReader.FILE_COLS + " FROM portal_file WHERE tenant_id = ? AND id = ?", SiteReader::file, unit.getId(), id)
                .orElseThrow(() -> ProblemException.notFound(Wording::in, "notFound.fileOfThisUnit", id));
    }

    public void deleteFile(Tenant unit, long id) {
        file(unit, id);
        if (db.count("SELECT count(*) FROM portal_article WHERE tenant_id = ? AND (cover_file_id = ? OR ? = ANY (attachments))",
                unit.getId(), id, id) > 0) {
            throw Invalid.conflict("problem.fileInUse");
        }
        db.update("DELETE FROM portal_file WHERE tenant_id = ? AND id = ?", unit.getId(), id);
        cache.invalidateAfterCommit(unit);
    }
}
