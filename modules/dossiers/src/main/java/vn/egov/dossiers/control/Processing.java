package vn.egov.dossiers.control;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import vn.egov.dossiers.control.ProcessModel.Step;
import vn.egov.dossiers.control.Processing.State;
import vn.egov.platform.calendar.control.CalendarStore;
import vn.egov.platform.calendar.control.WorkingCalendar;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.persistence.PublicReads;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Fields;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;

/**
 * Moving a dossier through its procedure version's process, in a transaction bound to the acting unit's scope.
 * Only the unit that holds the dossier moves it, and only along the process's transitions; each move writes a
 * handover (form 06) with the ended step's outcome against its deadline, an event for the history, and a status
 * change for the national portal (outbox), all in the move's transaction. The dossier's row is locked for the
 * move, so two staff acting at once are serialised and the second sees the first's result.
 *
 * <p>Where a step's performer says so the move is more than a step: to an {@code APPLICANT} step it is a request
 * to supplement (form 02: a reason and papers from the published list; the clock stops); to an
 * {@code OTHER_AGENCY} step it is an inter-agency transfer (the named unit becomes the holder and a party); to any
 * other step the receiving unit holds it again. Steps that pause the clock move the due date on by the working
 * days they lasted.
 *
 * <p>The rest of the work on a held dossier has its own classes, sharing this one's locking and move: the result
 * ({@link Finishing}), the papers of a supplement ({@link Supplements}), the notices that end or delay it
 * ({@link Notices}); and what every change tells ({@link Announcements}).
 */
@ApplicationScoped
public class Processing {
    static final Set<String> FINAL = Set.of("done", "refused", "stopped");
    private static final Map<String, JsonNode> DEFINITIONS = new ConcurrentHashMap<>();

    @Inject
    Db db;

    @Inject
    CalendarStore calendar;

    @Inject
    PublicReads reads;

    @Inject
    TenantDirectory directory;

    @Inject
    Payments payments;

    @Inject
    Announcements announcements;

    /** A dossier's processing state, as its row holds it. */
    public record State(long id, long tenantId, String code, long holderId, List<Long> parties, String status, String stepId, String stepName,
                        String assignee, LocalDate stepDue, LocalDate pausedOn, LocalDate dueDate, LocalDate newDueDate, int rowVersion,
                        long procedureId, int procedureVersion, String procedureCode, String procedureName, Long applicantId, String applicantName,
                        String returnBy, Instant receivedAt, Instant finishedAt, Integer rating, String contactEmail) {
        public State {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(status, "status");
            parties = List.copyOf(parties);
        }

        public boolean isFinal() { return FINAL.contains(status); }

        /** The day the result is owed: the apology's new day if one was given, else the due date. */
        public LocalDate owedOn() { return newDueDate != null ? newDueDate : dueDate; }
    }

    /** A move asked for by the holder's staff. */
    public record Move(String to, String assignee, String toUnit, String note, List<String> papers, Integer version) {
        public Move {
            papers = papers == null ? List.of() : List.copyOf(papers);
        }
    }

    public static final String COLS = "id, tenant_id, code, holder_id, parties, status, step_id, step_name, assignee, step_due, paused_on, due_date, "
            + "new_due_date, row_version, procedure_id, procedure_version, procedure_code, procedure_name, applicant_id, applicant_name, return_by, "
            + "received_at, finished_at, rating, contact_email";

    public static State state(ResultSet rs) throws SQLException {
        Object rating = rs.getObject("rating");
        return new State(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("code"), rs.getLong("holder_id"), Db.longs(rs, "parties"),
                rs.getString("status"), rs.getString("step_id"), rs.getString("step_name"), rs.getString("assignee"),
                Db.localDate(rs, "step_due"), Db.localDate(rs, "paused_on"), Db.localDate(rs, "due_date"),
                Db.localDate(rs, "new_due_date"), rs.getInt("row_version"), rs.getLong("procedure_id"), rs.getInt("procedure_version"),
                rs.getString("procedure_code"), rs.getString("procedure_name"), Db.longOrNull(rs, "applicant_id"), rs.getString("applicant_name"),
                rs.getString("return_by"), Db.instant(rs, "received_at"), Db.instant(rs, "finished_at"),
                rating == null ? null : ((Number) rating).intValue(), rs.getString("contact_email"));
    }

    /** The dossier by its code, as far as the caller's scope lets it be read. */
    public java.util.Optional<State> find(String code) {
        return db.one("SELECT " + COLS + " FROM dossier WHERE code = ?", Processing::state, code);
    }

    /** The process of the version a dossier was submitted under (versions never change: kept once read). */
    public ProcessModel model(State s) {
        return ProcessModel.of(definition(s.procedureId(), s.procedureVersion()).path("process"));
    }

    public JsonNode definition(long procedureId, int version) {
        return DEFINITIONS.computeIfAbsent(procedureId + "/" + version, k -> Intake.read(reads.read(() -> db.one(
                "SELECT definition::text FROM procedure_version WHERE procedure_id = ? AND version = ?", rs -> rs.getString(1), procedureId, version))
                .orElseThrow(() -> new IllegalStateException("procedure version " + k + " is missing"))));
    }

    public LocalDate today() {
        return Instant.now().atZone(Intake.VIETNAM).toLocalDate();
    }

    @Transactional
    @TenantTransactional
    public State move(Tenant unit, String code, Move m, String actor) {
        State s = holding(unit, code, m.version());
        if (s.status().equals("supplement")) {
            throw conflict("problem.waitsForSupplement", code);
        }
        ProcessModel model = model(s);
        Fields problems = new Fields();
        Step from = model.step(s.stepId()).orElseThrow();
        Duties.require(unit.getId(), Duties.ending(from.role()), "problem.duty.end", from.name(), from.id());
        Step to = model.step(m.to() == null ? "" : m.to().strip()).orElse(null);
        if (to == null || !model.allows(from.id(), to.id())) {
            String allowed = String.join(", ", model.next(from.id()).stream().map(t -> t.to()).toList());
            throw invalid(new Fields().add("to", "problem.field.fromDossierMayGo", from.name(), allowed, from.id()));
        }
        if (to.end()) {
            throw invalid(new Fields().add("to", "problem.field.thatResultStepReturn", to.name()));
        }
        payments.requirePaidBefore(s.id(), definition(s.procedureId(), s.procedureVersion()), to.id());
        String note = clean(m.note(), 2000);
        String assignee = clean(m.assignee(), 64, "assignee");
        Destination d = destination(unit, s, to, m, note, assignee, problems);
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        State after = advance(unit, s, from, to, d.holder(), d.status(), d.assignee(), note, actor);
        if (to.role() == ProcessModel.Role.APPLICANT) {
            db.insert("INSERT INTO dossier_notice (tenant_id, dossier_id, form, reason, papers, actor) VALUES (?, ?, 2, ?, CAST(? AS jsonb), ?) RETURNING id",
                    unit.getId(), s.id(), note, jsonArray(d.papers()), actor);
        }
        return after;
    }

    /** Where a move takes the dossier: its holder, status and assignee, and the papers a request to supplement asks for. */
    private record Destination(long holder, String status, String assignee, List<String> papers) {
    }

    /**
     * The destination by the next step's performer: to the applicant, a request to supplement (a reason and papers
     * from the published list); to another agency, a transfer to an active unit (which assigns its own staff); to any
     * other step, back to the receiving unit (an assignee of its own staff).
     */
    private Destination destination(Tenant unit, State s, Step to, Move m, String note, String asked, Fields problems) {
        long holder;
        String status;
        List<String> papers = List.of();
        String assignee = asked;
        switch (to.role()) {
            case APPLICANT -> {
                if (note == null) {
                    problems.add("note", "problem.field.giveReasonForAsking");
                }
                papers = requestedPapers(s, m.papers(), problems);
                holder = s.holderId();
                status = "supplement";
                assignee = null;
            }
            case OTHER_AGENCY -> {
                Tenant other = m.toUnit() == null ? null : directory.byCode(m.toUnit().strip()).orElse(null);
                if (other == null || !"active".equals(other.getStatus())) {
                    problems.add("toUnit", "problem.field.chooseAgencyDossierTransferred");
                    holder = s.holderId();
                } else if (other.getId().equals(unit.getId())) {
                    problems.add("toUnit", "problem.field.unitDoesNotTransfer");
                    holder = s.holderId();
                } else {
                    holder = other.getId();
                }
                if (assignee != null) {
                    problems.add("assignee", "problem.field.receivingAgencyAssignsOwn");
                }
                status = "transferred";
            }
            default -> {
                holder = s.tenantId();
                status = "in_progress";
                if (assignee != null && holder != unit.getId()) {
                    problems.add("assignee", "problem.field.dossierGoesBackReceiving");
                } else if (assignee != null && db.count("SELECT count(*) FROM app_user WHERE tenant_id = ? AND username = ? AND status = 'active' "
                        + "AND NOT ('CITIZEN' = ANY (roles))", unit.getId(), assignee) == 0) {
                    problems.add("assignee", "problem.field.noActiveStaffMember", assignee);
                }
            }
        }
        return new Destination(holder, status, assignee, papers);
    }

    /** The papers asked for: at least one, each from the list the procedure version published. */
    private List<String> requestedPapers(State s, List<String> asked, Fields problems) {
        Set<String> published = new HashSet<>();
        definition(s.procedureId(), s.procedureVersion()).path("papers").forEach(p -> published.add(p.path("id").asText()));
        List<String> papers = new ArrayList<>();
        for (String p : asked) {
            String id = p == null ? "" : p.strip();
            if (!published.contains(id)) {
                problems.add("papers", "problem.field.notAmongProcedurePublished", id);
            } else if (!papers.contains(id)) {
                papers.add(id);
            }
        }
        if (papers.isEmpty() && !problems.containsKey("papers")) {
            problems.add("papers", "problem.field.choosePapersSupplementFrom");
        }
        return papers;
    }

    /** Reads in the unit's scope (a fresh transaction): what an action's answer shows. */
    @Transactional
    @TenantTransactional
    public <T> T readAs(Tenant unit, java.util.function.Supplier<T> work) {
        return work.get();
    }

    /** The applicant's rating of a dossier that is done: once, 1 (very dissatisfied) to 5 (very satisfied). */
    @Transactional
    @TenantTransactional
    public State rate(String code, long applicantId, int score, String note) {
        State s = locked(code);
        if (s.applicantId() == null || s.applicantId() != applicantId) {
            throw ProblemException.notFound(Wording::in, "notFound.yourDossier", code);
        }
        if (!s.status().equals("done")) {
            throw conflict("problem.rateAfterResult");
        }
        if (s.rating() != null) {
            throw conflict("problem.ratedAlready");
        }
        if (score < 1 || score > 5) {
            throw invalid(new Fields().add("score", "problem.field.score"));
        }
        db.update("UPDATE dossier SET rating = ?, rating_note = ?, rated_at = now(), row_version = row_version + 1 WHERE id = ?", score,
                Db.orNull(clean(note, 2000)), s.id());
        return locked(code);
    }

    /** The one move every path shares: the handover, the dossier's new step, holder and clock, the history, the outbox. */
    State advance(Tenant unit, State s, Step from, Step to, long holder, String status, String assignee, String note, String actor) {
        WorkingCalendar cal = calendar.calendar();
        LocalDate today = today();
        LocalDate due = s.dueDate();
        LocalDate newDue = s.newDueDate();
        LocalDate pausedOn = s.pausedOn();
        if (pausedOn != null && !to.pausesClock()) {
            int paused = Math.max(0, cal.workingDaysBetween(pausedOn, today));
            due = cal.plusWorkingDays(due, paused);
            newDue = newDue == null ? null : cal.plusWorkingDays(newDue, paused);
            pausedOn = null;
        } else if (pausedOn == null && to.pausesClock()) {
            pausedOn = today;
        }
        LocalDate toDue = to.pausesClock() || status.equals("done") ? null : cal.plusWorkingDays(today, to.wholeDays());
        String outcome = s.stepDue() == null ? null : outcome(today, s.stepDue());
        // the handover record (form 06) and the dossier's new state in one statement; the dossier as the change left it
        // comes back from the change itself (no second read); a failed version check rolls both back
        State after = db.one("WITH handover AS (INSERT INTO dossier_handover (tenant_id, dossier_id, from_step, from_name, from_due, outcome, to_step, "
                        + "to_name, to_due, to_unit, given_by, assignee, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)) "
                        + "UPDATE dossier SET status = ?, step_id = ?, step_name = ?, holder_id = ?, "
                        + "parties = CASE WHEN ?::bigint = ANY (parties) THEN parties ELSE parties || ?::bigint END, assignee = ?, step_due = ?, paused_on = ?, "
                        + "due_date = ?, new_due_date = ?, finished_at = CASE WHEN ? THEN now() ELSE NULL END, row_version = row_version + 1 "
                        + "WHERE id = ? AND row_version = ? RETURNING " + COLS, Processing::state,
                unit.getId(), s.id(), from.id(), from.name(), s.stepDue() == null ? new Db.Typed(java.sql.Types.DATE) : s.stepDue(), Db.orNull(outcome),
                to.id(), to.name(), toDue == null ? new Db.Typed(java.sql.Types.DATE) : toDue, holder, actor, Db.orNull(assignee), Db.orNull(note),
                status, to.id(), to.name(), holder, holder, holder,
                Db.orNull(assignee), toDue == null ? new Db.Typed(java.sql.Types.DATE) : toDue,
                pausedOn == null ? new Db.Typed(java.sql.Types.DATE) : pausedOn, due, newDue == null ? new Db.Typed(java.sql.Types.DATE) : newDue,
                status.equals("done"), s.id(), s.rowVersion())
                .orElseThrow(() -> new IllegalStateException("dossier " + s.code() + " changed under its row lock"));
        // the history (which the applicant reads) names the step; the staff's note stays on the handover
        announcements.changed(unit.getId(), after, to.name(), actor, false);
        return after;
    }

    static String outcome(LocalDate done, LocalDate due) {
        return done.isBefore(due) ? "early" : done.isEqual(due) ? "on_time" : "late";
    }

    State locked(String code) {
        return db.one("SELECT " + COLS + " FROM dossier WHERE code = ? FOR UPDATE", Processing::state, code)
                .orElseThrow(() -> ProblemException.notFound(Wording::in, "notFound.dossier", code));
    }

    /** The dossier locked for a move: it must be visible, held by this unit, not ended, and (if asked) at the version the caller saw. */
    State holding(Tenant unit, String code, Integer version) {
        State s = locked(code);
        if (s.holderId() != unit.getId()) {
            String holder = directory.byId(s.holderId()).map(Tenant::getName).orElse("?");
            throw conflict("problem.heldElsewhere", code, holder);
        }
        if (s.isFinal()) {
            throw conflict("problem.ended", code);
        }
        if (version != null && version != s.rowVersion()) {
            throw conflict("problem.changedMeanwhile", code);
        }
        return s;
    }

    static String clean(String s, int max) {
        return clean(s, max, "note");
    }

    /** Trimmed and NFC, null when empty; longer than {@code max} is refused beside {@code field}. */
    static String clean(String s, int max, String field) {
        if (s == null) {
            return null;
        }
        String t = java.text.Normalizer.normalize(s.strip(), java.text.Normalizer.Form.NFC);
        if (t.isEmpty()) {
            return null;
        }
        if (t.length() > max) {
            throw invalid(new Fields().add(field, "problem.field.atMostCharacters2", max));
        }
        return t;
    }

    static String required(String value, String field, String key) {
        String v = clean(value, 2000, field);
        if (v == null) {
            throw invalid(new Fields().add(field, key));
        }
        return v;
    }

    private static String jsonArray(List<String> items) {
        jakarta.json.JsonArrayBuilder a = Jsonp.createArrayBuilder();
        items.forEach(a::add);
        return a.build().toString();
    }

    static ProblemException invalid(Fields problems) {
        int count = problems.size();
        return new ProblemException(Problem.said(Wording::in, 400, "invalid-input", "problem.invalidRequest",
                w -> w.text("problem.notDone", count), problems::in));
    }

    static ProblemException conflict(String key, Object... args) {
        return new ProblemException(Problem.said(Wording::in, 409, "conflict", "problem.notPossibleNow",
                w -> w.text(key, args) + " " + w.text("problem.nothingChanged"), w -> Map.of()));
    }
}
