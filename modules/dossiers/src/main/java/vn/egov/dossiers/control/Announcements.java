package vn.egov.dossiers.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import vn.egov.dossiers.control.Processing.State;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Jsonp;

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
        String national = nationalPayload(s, NationalPortal.of(s.status(), byApplicant, s.returnBy()));
        String mail = mailPayload(s, tell(s));
        db.update("WITH history AS (INSERT INTO dossier_event (tenant_id, dossier_id, status, actor, note) VALUES (?, ?, ?, ?, ?)) "
                        + "INSERT INTO dossier_outbox (tenant_id, dossier_id, target, payload) "
                        + "SELECT ?, ?, target, CAST(payload AS jsonb) FROM (VALUES (1, 'national-portal', ?), (2, 'email', ?)) AS o (n, target, payload) "
                        + "WHERE payload IS NOT NULL ORDER BY n",
                unitId, s.id(), s.status(), actor, historyNote(note),
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

    /** What the applicant is told, by e-mail, of a change that matters to them (null: nothing). */
    static String tell(State s) {
        return switch (s.status()) {
            case "received" -> "Hồ sơ " + s.code() + " (" + s.procedureName() + ") đã được tiếp nhận ngày "
                    + Intake.DAY.format(s.receivedAt().atZone(Intake.VIETNAM)) + ". Hẹn trả kết quả: " + Intake.DAY.format(s.owedOn()) + ".";
            case "supplement" -> "Hồ sơ " + s.code() + " cần bổ sung giấy tờ. Mời ông/bà xem phiếu yêu cầu bổ sung, hoàn thiện hồ sơ và nộp bổ sung "
                    + "trên cổng dịch vụ công; thời hạn giải quyết tạm dừng cho đến khi nhận đủ.";
            case "done" -> "Hồ sơ " + s.code() + " đã có kết quả. " + ("online".equals(s.returnBy())
                    ? "Mời ông/bà tải kết quả và đánh giá mức độ hài lòng trên cổng dịch vụ công." : "Kết quả được gửi đến ông/bà qua bưu chính công ích.");
            case "refused" -> "Hồ sơ " + s.code() + " bị từ chối giải quyết. Lý do ghi trong phiếu từ chối giải quyết hồ sơ trên cổng dịch vụ công.";
            case "stopped" -> "Hồ sơ " + s.code() + " đã dừng giải quyết.";
            default -> null;
        };
    }

    /** An e-mail to the dossier's contact address (if it has one), through the outbox, in the change's transaction. */
    void mail(long unitId, State s, String text) {
        String payload = mailPayload(s, text);
        if (payload != null) {
            db.insert("INSERT INTO dossier_outbox (tenant_id, dossier_id, target, payload) VALUES (?, ?, 'email', CAST(? AS jsonb)) RETURNING id",
                    unitId, s.id(), payload);
        }
    }

    /** The e-mail to the dossier's contact address; null when it has none or there is nothing to tell. */
    private static String mailPayload(State s, String text) {
        String to = s.contactEmail();
        if (to == null || to.isBlank() || text == null) {
            return null;
        }
        return Jsonp.createObjectBuilder().add("to", to).add("subject", "Hồ sơ " + s.code() + ": " + STATUS_WORDS.getOrDefault(s.status(), s.status()))
                .add("text", "Kính gửi ông/bà " + s.applicantName() + ",\n\n" + text + "\n\nMã hồ sơ: " + s.code()
                        + "\nThư này được gửi tự động từ hệ thống một cửa điện tử; xin đừng trả lời thư này.")
                .add("dossierCode", s.code()).build().toString();
    }

    static final Map<String, String> STATUS_WORDS = Map.of("received", "đã tiếp nhận", "in_progress", "đang giải quyết", "supplement", "cần bổ sung giấy tờ",
            "transferred", "đang giải quyết liên thông", "done", "đã có kết quả", "refused", "từ chối giải quyết", "stopped", "dừng giải quyết");

    /** A history line's note: at most 2,000 characters (the staff's whole note stays on the handover or notice). */
    private static Object historyNote(String note) {
        return Db.orNull(note == null ? null : note.length() > 2000 ? note.substring(0, 2000) : note);
    }

    void event(long unitId, long dossierId, String status, String actor, String note) {
        db.insert("INSERT INTO dossier_event (tenant_id, dossier_id, status, actor, note) VALUES (?, ?, ?, ?, ?) RETURNING id", unitId, dossierId, status,
                actor, historyNote(note));
    }
}
