package vn.egov.dossiers.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.egov.dossiers.control.Processing.State;
import vn.egov.platform.calendar.control.CalendarStore;
import vn.egov.platform.calendar.control.WorkingCalendar;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Fields;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.words.Note;

/**
 * The notices that end or delay a dossier, by the holder's staff with the duty to sign them: refusal (form 03), an
 * apology with a new date (form 04), a stop (form 05), at the agency's decision or the applicant's written request; and
 * the applicant's own withdrawal. Each in the acting unit's scope, in one transaction with its history and outbox.
 */
@ApplicationScoped
public class Notices {
    @Inject
    Db db;

    @Inject
    Processing processing;

    @Inject
    Announcements announcements;

    @Inject
    CalendarStore calendar;

    /** Refusal (form 03): the dossier ends without a result, for the reason given. */
    @Transactional
    @TenantTransactional
    public State refuse(Tenant unit, String code, String reason, String actor) {
        State s = processing.holding(unit, code, null);
        processing.model(s).step(s.stepId()).ifPresent(step -> Duties.require(unit.getId(), Duties.refusing(step.role()),
                "problem.duty.refuse", step.name(), step.id()));
        String r = Processing.required(reason, "reason", "problem.field.giveReasonForRefusal");
        db.insert("INSERT INTO dossier_notice (tenant_id, dossier_id, form, reason, actor) VALUES (?, ?, 3, ?, ?) RETURNING id", unit.getId(), s.id(), r, actor);
        return end(unit, s, "refused", Note.said(Wording.BUNDLE, "history.refused", r), actor, false);
    }

    /** Stop (form 05) by the holder's staff: at the applicant's written request (a withdrawal) or the agency's decision. */
    @Transactional
    @TenantTransactional
    public State stopHeld(Tenant unit, String code, String reason, boolean byApplicant, String actor) {
        State s = processing.holding(unit, code, null);
        Duties.require(unit.getId(), Duties.SIGNING, "problem.duty.stop");
        return stop(unit, s, reason, byApplicant, actor);
    }

    /** The applicant withdraws their dossier (form 05, asked by the applicant), in the holder's scope, before it ends. */
    @Transactional
    @TenantTransactional
    public State withdraw(Tenant unit, String code, long applicantId, String reason, String actor) {
        State s = processing.locked(code);
        if (s.applicantId() == null || s.applicantId() != applicantId) {
            throw ProblemException.notFound(Wording::in, "notFound.yourDossier", code);
        }
        if (s.isFinal()) {
            throw Processing.conflict("problem.ended", code);
        }
        return stop(unit, s, reason, true, actor);
    }

    private State stop(Tenant unit, State s, String reason, boolean byApplicant, String actor) {
        String r = Processing.required(reason, "reason", "problem.field.giveReasonForStopping");
        db.insert("INSERT INTO dossier_notice (tenant_id, dossier_id, form, reason, by_applicant, actor) VALUES (?, ?, 5, ?, ?, ?) RETURNING id",
                unit.getId(), s.id(), r, byApplicant, actor);
        return end(unit, s, "stopped", Note.said(Wording.BUNDLE, byApplicant ? "history.withdrawn" : "history.stopped", r), actor, byApplicant);
    }

    /**
     * Apology and new date (form 04) for a dossier that will not be done by its due date: the new day is a working
     * day after the day owed and not in the past. It changes the promise, not the lateness: the statistics still
     * measure against the due date.
     */
    @Transactional
    @TenantTransactional
    public State apologize(Tenant unit, String code, String reason, LocalDate newDate, String actor) {
        State s = processing.holding(unit, code, null);
        Duties.require(unit.getId(), Duties.SIGNING, "problem.duty.apology");
        String r = Processing.required(reason, "reason", "problem.field.giveReasonForDelay");
        WorkingCalendar cal = calendar.calendar();
        if (newDate == null || !newDate.isAfter(s.owedOn()) || newDate.isBefore(processing.today()) || !cal.isWorkingDay(newDate)) {
            throw Processing.invalid(new Fields().add("newDate", "problem.field.newDateMustWorking", Intake.DAY.format(s.owedOn()), s.owedOn()));
        }
        db.insert("INSERT INTO dossier_notice (tenant_id, dossier_id, form, reason, new_due_date, actor) VALUES (?, ?, 4, ?, ?, ?) RETURNING id",
                unit.getId(), s.id(), r, newDate, actor);
        db.update("UPDATE dossier SET new_due_date = ?, row_version = row_version + 1 WHERE id = ?", newDate, s.id());
        announcements.event(unit.getId(), s.id(), s.status(), actor, Note.said(Wording.BUNDLE, "history.apology", Intake.DAY.format(newDate)));
        State after = processing.locked(code);
        announcements.mail(unit.getId(), after, "tell.apology", code, Intake.DAY.format(s.owedOn()), Intake.DAY.format(newDate), r);
        return after;
    }

    private State end(Tenant unit, State s, String status, Note note, String actor, boolean byApplicant) {
        State after = db.one("UPDATE dossier SET status = ?, finished_at = now(), assignee = NULL, paused_on = NULL, row_version = row_version + 1 "
                + "WHERE id = ? RETURNING " + Processing.COLS, Processing::state, status, s.id()).orElseThrow();
        announcements.changed(unit.getId(), after, note, actor, byApplicant);
        return after;
    }
}
