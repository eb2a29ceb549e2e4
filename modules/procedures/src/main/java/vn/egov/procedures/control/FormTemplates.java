package vn.egov.procedures.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.persistence.PublicReads;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.audit.AuditLog;
import vn.egov.platform.web.files.FileCheck;
import vn.egov.procedures.entity.FormTemplate;
import vn.egov.procedures.entity.Procedure;

/**
 * The form templates of a procedure (table {@code procedure_template}, V8_60): attached and removed by the
 * administrators of the unit that publishes the procedure, under that unit's scope; read by anyone in the public-read
 * scope, as the procedure is, from the page of every unit that offers it. A file is judged by its content with the
 * platform's {@link FileCheck}, and only documents are taken (PDF, Word, Excel): a picture is no form to fill in.
 */
@ApplicationScoped
public class FormTemplates {
    static final String COLS = "id, procedure_id, name, content_type, size_bytes, sha256";

    /** A file refused, nothing stored: the reason, in a language. */
    public static final class Refused extends Exception {
        private final transient FileCheck.Refused check;

        Refused(FileCheck.Refused check) {
            super(check == null ? "not a document" : check.getMessage());
            this.check = check;
        }

        /** The reason in {@code locale}. */
        public String text(Locale locale) {
            return check != null ? check.text(locale) : Wording.in(locale).text("templates.notDocument");
        }
    }

    @Inject
    Db db;

    @Inject
    PublicReads reads;

    @Inject
    AuditLog audit;

    /** The templates of {@code p}, in the order they were attached. Public. */
    public List<FormTemplate> of(Procedure p) {
        return reads.read(() -> db.list("SELECT " + COLS + " FROM procedure_template WHERE tenant_id = ? AND procedure_id = ? ORDER BY id",
                FormTemplates::template, p.ownerId(), p.id()));
    }

    /** Template {@code id} of {@code p} with its bytes. Public. */
    public Optional<byte[]> content(Procedure p, long id) {
        return reads.read(() -> db.one("SELECT content FROM procedure_template WHERE tenant_id = ? AND procedure_id = ? AND id = ?",
                rs -> rs.getBytes(1), p.ownerId(), p.id(), id));
    }

    /** One template of {@code p}. Public. */
    public Optional<FormTemplate> one(Procedure p, long id) {
        return reads.read(() -> db.one("SELECT " + COLS + " FROM procedure_template WHERE tenant_id = ? AND procedure_id = ? AND id = ?",
                FormTemplates::template, p.ownerId(), p.id(), id));
    }

    /** {@code owner}'s own procedure {@code code} (not one it adopted), read under its scope. */
    public Optional<Procedure> own(Tenant owner, String code) {
        return db.one("SELECT " + Catalogue.COLS + " FROM procedure p WHERE p.tenant_id = ? AND p.code = ?", Catalogue::procedure, owner.getId(), code);
    }

    /** Attaches the file to {@code owner}'s procedure {@code p}; refused (nothing stored) when it is not a document. */
    public FormTemplate attach(Tenant owner, Procedure p, String name, byte[] content, String user) throws Refused {
        FileCheck.Checked checked;
        try {
            checked = FileCheck.check(name, content);
        } catch (FileCheck.Refused r) {
            throw new Refused(r);
        }
        if (checked.contentType().startsWith("image/")) {
            throw new Refused(null);
        }
        String sha = sha256(content);
        long id = db.insert("INSERT INTO procedure_template (tenant_id, procedure_id, name, content_type, size_bytes, sha256, content, uploaded_by) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", owner.getId(), p.id(), checked.name(), checked.contentType(), content.length, sha,
                content, user);
        audit.record(owner.getId(), "procedure.template.added", p.code(), null, Jsonp.createObjectBuilder().add("procedure", p.code())
                .add("name", checked.name()).add("bytes", content.length).add("sha256", sha).build());
        return new FormTemplate(id, p.id(), checked.name(), checked.contentType(), content.length, sha);
    }

    /** Removes template {@code id} of {@code owner}'s procedure {@code p}; false if it has none such. */
    public boolean remove(Tenant owner, Procedure p, long id) {
        boolean removed = db.update("DELETE FROM procedure_template WHERE tenant_id = ? AND procedure_id = ? AND id = ?", owner.getId(), p.id(), id) > 0;
        if (removed) {
            audit.record(owner.getId(), "procedure.template.removed", p.code(), Jsonp.createObjectBuilder().add("procedure", p.code())
                    .add("template", id).build(), null);
        }
        return removed;
    }

    private static FormTemplate template(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new FormTemplate(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
