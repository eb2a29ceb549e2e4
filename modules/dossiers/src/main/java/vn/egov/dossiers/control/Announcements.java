package vn.egov.dossiers.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import vn.egov.dossiers.control.Processing.State;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.mail.Letters;
import vn.egov.platform.words.Note;

/**
 * What a dossier's change tells, in the change's transaction: the history's line (which the applicant reads), the
 * national portal's copy of the status and the applicant's e-mail, both through the outbox.
 */
@ApplicationScoped
public class Announcements {
    @Inject
    Db db;

    @Inject
    TenantDirectory directory;

    /**
     * The history's line, the national portal's status change and the applicant's e-mail (if the change matters to
     * them and they gave an address), in the change's transaction: one statement (this runs on every change).
     */
    void changed(long unitId, State s, String note, String actor, boolean byApplicant) {
        changed(unitId, s, Note.written(note), actor, byApplicant);
    }

    /** The same, the history's note said by the platform or written by a person. */
    void changed(long unitId, State s, Note note, String actor, boolean byApplicant) {
        String national = nationalPayload(s, NationalPortal.of(s.status(), byApplicant, s.returnBy()));
        String mail = mailPayload(s, tell(s));
        db.update("WITH history AS (INSERT INTO dossier_event (tenant_id, dossier_id, status, actor, note, note_key, note_args) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)) "
                        + "INSERT INTO dossier_outbox (tenant_id, dossier_id, target, payload) "
                        + "SELECT ?, ?, target, CAST(payload AS jsonb) FROM (VALUES (1, 'national-portal', ?), (2, 'email', ?)) AS o (n, target, payload) "
                        + "WHERE payload IS NOT NULL ORDER BY n",
                unitId, s.id(), s.status(), actor, historyNote(note.written()), Db.orNull(note.key()), note.args().toArray(String[]::new),
                unitId, s.id(), national, Db.orNull(mail));
    }

    /** The national portal's copy of a status, through the outbox. */
    void national(long unitId, State s, NationalPortal national) {
        db.insert("INSERT INTO dossier_outbox (tenant_id, dossier_id, target, payload) VALUES (?, ?, 'national-portal', CAST(? AS jsonb)) RETURNING id",
                unitId, s.id(), nationalPayload(s, national));
    }

    private String nationalPayload(State s, NationalPortal national) {
        String agency = directory.byId(s.holderId()).map(Tenant::getCode).orElse("");
        return Jsonp.createObjectBuilder().add("dossierCode", s.code()).add("procedureCode", s.procedureCode())
                .add("status", s.status()).add("nationalStatus", national.code).add("nationalStatusName", national.vietnamese)
                .add("agency", agency).add("step", s.stepName()).add("dueDate", s.owedOn().toString())
                .add("at", Instant.now().toString()).build().toString();
    }

    /** The applicant's e-mails: the template {@code applicant.jte}, texts in {@code vn/egov/dossiers/mail/mail_*.properties}. */
    static final Letters LETTERS = Letters.of("vn.egov.dossiers.jte.mail", "vn.egov.dossiers.mail.mail");

    /** What an e-mail to the applicant says: to whom, of which dossier, and its message (a key of the mail bundle). */
    public record Letter(String applicant, String code, String key, Object... args) {
    }

    /** What the applicant is told, by e-mail, of a change that matters to them (null: nothing). */
    static Letter tell(State s) {
        return switch (s.status()) {
            case "received" -> letter(s, "tell.received", s.code(), s.procedureName(), Intake.DAY.format(s.receivedAt().atZone(Intake.VIETNAM)),
                    Intake.DAY.format(s.owedOn()));
            case "supplement" -> letter(s, "tell.supplement", s.code());
            case "done" -> letter(s, "online".equals(s.returnBy()) ? "tell.done.online" : "tell.done.post", s.code());
            case "refused" -> letter(s, "tell.refused", s.code());
            case "stopped" -> letter(s, "tell.stopped", s.code());
            default -> null;
        };
    }

    static Letter letter(State s, String key, Object... args) {
        return new Letter(s.applicantName(), s.code(), key, args);
    }

    /** An e-mail to the dossier's contact address (if it has one), through the outbox, in the change's transaction. */
    void mail(long unitId, State s, String key, Object... args) {
        String payload = mailPayload(s, letter(s, key, args));
        if (payload != null) {
            db.insert("INSERT INTO dossier_outbox (tenant_id, dossier_id, target, payload) VALUES (?, ?, 'email', CAST(? AS jsonb)) RETURNING id",
                    unitId, s.id(), payload);
        }
    }

    /** The e-mail to the dossier's contact address, in Vietnamese; null when it has none or there is nothing to tell. */
    static String mailPayload(State s, Letter letter) {
        String to = s.contactEmail();
        if (to == null || to.isBlank() || letter == null) {
            return null;
        }
        String status = LETTERS.text("status." + s.status());
        return Jsonp.createObjectBuilder().add("to", to).add("subject", LETTERS.text("mail.subject", s.code(), status))
                .add("text", LETTERS.write("applicant.jte", "letter", letter))
                .add("dossierCode", s.code()).build().toString();
    }

    /** A history line's note: at most 2,000 characters (the staff's whole note stays on the handover or notice). */
    private static Object historyNote(String note) {
        return Db.orNull(note == null ? null : note.length() > 2000 ? note.substring(0, 2000) : note);
    }

    /** A line of the history that changes no status (a payment, a refund, a delivery, an apology). */
    void event(long unitId, long dossierId, String status, String actor, Note note) {
        db.insert("INSERT INTO dossier_event (tenant_id, dossier_id, status, actor, note, note_key, note_args) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                unitId, dossierId, status, actor, historyNote(note.written()), Db.orNull(note.key()), note.args().toArray(String[]::new));
    }
}
