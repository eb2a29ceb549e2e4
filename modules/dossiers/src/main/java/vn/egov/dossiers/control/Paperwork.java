package vn.egov.dossiers.control;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.ProblemException;

/**
 * The printed forms of a dossier (02 to 06) and a unit's register (07), from what the dossier's rows hold, in the
 * caller's transaction and scope (the applicant's or the staff's): nothing is printed that the caller cannot read.
 */
@ApplicationScoped
public class Paperwork {
    static final Map<String, String> STATUS = Map.of("received", "Mới tiếp nhận", "in_progress", "Đang giải quyết", "supplement", "Chờ bổ sung",
            "transferred", "Liên thông", "done", "Đã có kết quả", "refused", "Từ chối", "stopped", "Dừng giải quyết");

    @Inject
    Db db;

    @Inject
    Processing processing;

    @Inject
    TenantDirectory directory;

    /** Form {@code form} (2 to 5: the latest such notice; 6: the control sheet) of a dossier the caller reads. */
    public byte[] form(Processing.State s, int form) {
        OneStopForms.Heading h = new OneStopForms.Heading(unitName(s.tenantId()), s.code(), s.applicantName(), s.procedureName());
        if (form == 6) {
            List<OneStopForms.Handover> rows = db.list("SELECT from_name, given_by, assignee, to_unit, at, from_due, outcome, note "
                    + "FROM dossier_handover WHERE dossier_id = ? ORDER BY id", rs -> new OneStopForms.Handover(rs.getString(1), person(rs.getString(2)),
                    rs.getString(3) != null ? person(rs.getString(3)) : unitName(rs.getLong(4)), Db.instant(rs, "at"), Db.localDate(rs, 6),
                    rs.getString(7), rs.getString(8)), s.id());
            return OneStopForms.control(h, s.receivedAt(), s.dueDate(), rows);
        }
        record Notice(long unit, String reason, String papers, LocalDate newDue, boolean byApplicant, Instant at, String actor) {
        }
        Notice n = db.one("SELECT tenant_id, reason, papers::text, new_due_date, by_applicant, at, actor FROM dossier_notice "
                        + "WHERE dossier_id = ? AND form = ? ORDER BY id DESC LIMIT 1", rs -> new Notice(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Db.localDate(rs, 4), rs.getBoolean(5), Db.instant(rs, "at"), rs.getString(7)), s.id(), form)
                .orElseThrow(() -> ProblemException.notFound(Wording::in, "notFound.form0OfDossier", form, s.code()));
        OneStopForms.Heading issuer = new OneStopForms.Heading(unitName(n.unit()), s.code(), s.applicantName(), s.procedureName());
        String staff = person(n.actor());
        return switch (form) {
            case 2 -> {
                Map<String, String> names = new LinkedHashMap<>();
                processing.definition(s.procedureId(), s.procedureVersion()).path("papers").forEach(p -> names.put(p.path("id").asText(),
                        p.path("name").asText()));
                List<String> papers = new ArrayList<>();
                Intake.read(n.papers()).forEach((JsonNode id) -> papers.add(names.getOrDefault(id.asText(), id.asText())));
                yield OneStopForms.supplement(issuer, n.reason(), papers, n.at(), staff);
            }
            case 3 -> OneStopForms.refusal(issuer, n.reason(), n.at(), staff);
            case 4 -> OneStopForms.apology(issuer, n.reason(), s.dueDate(), n.newDue(), n.at(), staff);
            case 5 -> OneStopForms.stop(issuer, n.reason(), n.byApplicant(), n.at(), staff);
            default -> throw ProblemException.notFound(Wording::in, "notFound.form", form);
        };
    }

    /** Form 07: the dossiers the unit received from {@code from} to {@code to} (days in Vietnam), in the unit's scope. */
    public byte[] register(Tenant unit, LocalDate from, LocalDate to) {
        List<OneStopForms.RegisterRow> rows = db.list("SELECT " + Processing.COLS + " FROM dossier WHERE tenant_id = ? AND received_at >= ? "
                + "AND received_at < ? ORDER BY received_at, id", rs -> {
            Processing.State s = Processing.state(rs);
            String note = s.newDueDate() != null ? "Hẹn lại " + Intake.DAY.format(s.newDueDate()) : s.holderId() != s.tenantId()
                    ? "Đang ở " + unitName(s.holderId()) : null;
            return new OneStopForms.RegisterRow(s.code(), s.procedureName(), s.applicantName(), s.receivedAt(), s.dueDate(), s.finishedAt(),
                    STATUS.getOrDefault(s.status(), s.status()), note);
        }, unit.getId(), from.atStartOfDay(Intake.VIETNAM).toInstant(), to.plusDays(1).atStartOfDay(Intake.VIETNAM).toInstant());
        return OneStopForms.register(unit.getName(), from, to, rows);
    }

    private String unitName(long id) {
        return directory.byId(id).map(Tenant::getName).orElse("");
    }

    /** A staff member's name where the caller's scope can read it (their own unit), else their username. */
    private String person(String username) {
        return db.one("SELECT display_name FROM app_user WHERE username = ?", rs -> rs.getString(1), username).orElse(username);
    }
}
