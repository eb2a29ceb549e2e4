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
import vn.egov.platform.calendar.control.CalendarStore;
import vn.egov.platform.calendar.control.WorkingCalendar;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.persistence.PublicReads;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
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
            throw conflict("Hồ sơ " + code + " đang chờ người nộp bổ sung giấy tờ: chỉ chuyển tiếp được khi đã nhận phần bổ sung.",
                    "Dossier " + code + " waits for the applicant's supplement: it moves on once the papers have come.");
        }
        ProcessModel model = model(s);
        Map<String, List<String>> problems = new LinkedHashMap<>();
        Step from = model.step(s.stepId()).orElseThrow();
        Duties.require(unit.getId(), Duties.ending(from.role()), "Kết thúc bước \"" + from.name() + "\"", "Ending step \"" + from.id() + "\"");
        Step to = model.step(m.to() == null ? "" : m.to().strip()).orElse(null);
        if (to == null || !model.allows(from.id(), to.id())) {
            String allowed = String.join(", ", model.next(from.id()).stream().map(t -> t.to()).toList());
            throw invalid(Map.of("to", List.of("Từ bước \"" + from.name() + "\" chỉ chuyển được sang: " + allowed + ". / From \"" + from.id()
                    + "\" the dossier may go to: " + allowed + ".")));
        }
        if (to.end()) {
            throw invalid(Map.of("to", List.of("\"" + to.name() + "\" là bước trả kết quả: hãy dùng chức năng trả kết quả (kèm tệp kết quả). / "
                    + "That is the result step: return the result (with its files) instead.")));
        }
        payments.requirePaidBefore(s.id(), definition(s.procedureId(), s.procedureVersion()), to.id());
        String note = clean(m.note(), 2000);
        String assignee = clean(m.assignee(), 64, "assignee");
        long holder;
        String status;
        List<String> papers = List.of();
        switch (to.role()) {
            case APPLICANT -> {
                if (note == null) {
                    add(problems, "note", "Hãy ghi lý do yêu cầu bổ sung.", "Give the reason for asking for more papers.");
                }
                papers = requestedPapers(s, m.papers(), problems);
                holder = s.holderId();
                status = "supplement";
                assignee = null;
            }
            case OTHER_AGENCY -> {
                Tenant other = m.toUnit() == null ? null : directory.byCode(m.toUnit().strip()).orElse(null);
                if (other == null || !"active".equals(other.getStatus())) {
                    add(problems, "toUnit", "Hãy chọn đơn vị nhận hồ sơ liên thông (mã đơn vị đang hoạt động).",
                            "Choose the agency the dossier is transferred to (the code of an active unit).");
                    holder = s.holderId();
                } else if (other.getId().equals(unit.getId())) {
                    add(problems, "toUnit", "Không chuyển liên thông cho chính đơn vị mình.", "A unit does not transfer a dossier to itself.");
                    holder = s.holderId();
                } else {
                    holder = other.getId();
                }
                if (assignee != null) {
                    add(problems, "assignee", "Đơn vị nhận liên thông tự phân công người xử lý.", "The receiving agency assigns its own staff.");
                }
                status = "transferred";
            }
            default -> {
                holder = s.tenantId();
                status = "in_progress";
                if (assignee != null && holder != unit.getId()) {
                    add(problems, "assignee", "Hồ sơ trở về đơn vị tiếp nhận; đơn vị đó tự phân công.", "The dossier goes back to its receiving unit, which assigns it.");
                } else if (assignee != null && db.count("SELECT count(*) FROM app_user WHERE tenant_id = ? AND username = ? AND status = 'active' "
                        + "AND NOT ('CITIZEN' = ANY (roles))", unit.getId(), assignee) == 0) {
                    add(problems, "assignee", "Không có cán bộ \"" + assignee + "\" đang làm việc ở đơn vị này.", "No active staff member \"" + assignee + "\" in this unit.");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        State after = advance(unit, s, from, to, holder, status, assignee, note, actor);
        if (to.role() == ProcessModel.Role.APPLICANT) {
            db.insert("INSERT INTO dossier_notice (tenant_id, dossier_id, form, reason, papers, actor) VALUES (?, ?, 2, ?, CAST(? AS jsonb), ?) RETURNING id",
                    unit.getId(), s.id(), note, jsonArray(papers), actor);
        }
        return after;
    }

    /** The papers asked for: at least one, each from the list the procedure version published. */
    private List<String> requestedPapers(State s, List<String> asked, Map<String, List<String>> problems) {
        Set<String> published = new HashSet<>();
        definition(s.procedureId(), s.procedureVersion()).path("papers").forEach(p -> published.add(p.path("id").asText()));
        List<String> papers = new ArrayList<>();
        for (String p : asked) {
            String id = p == null ? "" : p.strip();
            if (!published.contains(id)) {
                add(problems, "papers", "\"" + id + "\" không có trong thành phần hồ sơ đã công bố của thủ tục.",
                        "\"" + id + "\" is not among the procedure's published papers.");
            } else if (!papers.contains(id)) {
                papers.add(id);
            }
        }
        if (papers.isEmpty() && !problems.containsKey("papers")) {
            add(problems, "papers", "Hãy chọn giấy tờ cần bổ sung (trong thành phần hồ sơ đã công bố).",
                    "Choose the papers to supplement (from the published list).");
        }
        return papers;
    }

    /**
     * The papers asked for have come (from the applicant, or at the counter on their behalf): they are stored, the
     * request is answered, the clock runs again and the dossier goes back to the unit that asked, at the step after
     * the wait. In the holder's scope.
     */
    @Transactional
    @TenantTransactional
    public State supplied(Tenant unit, String code, List<Intake.Paper> files, Long applicantId, String actor) {
        State s = locked(code);
        if (applicantId != null && !applicantId.equals(s.applicantId())) {
            throw ProblemException.notFound("hồ sơ " + code + " của bạn", "your dossier " + code);
        }
        if (s.holderId() != unit.getId()) {
            throw conflict("Hồ sơ " + code + " không do đơn vị này giữ.", "Dossier " + code + " is not held by this unit.");
        }
        if (!s.status().equals("supplement")) {
            throw conflict("Hồ sơ " + code + " không chờ bổ sung.", "Dossier " + code + " is not waiting for papers.");
        }
        if (applicantId == null) {
            Duties.require(unit.getId(), Duties.DESK, "Nhận giấy tờ bổ sung tại quầy", "Taking papers at the counter");
        }
        long noticeId = db.one("SELECT id FROM dossier_notice WHERE dossier_id = ? AND form = 2 AND answered_at IS NULL ORDER BY id DESC LIMIT 1",
                rs -> rs.getLong(1), s.id()).orElseThrow();
        List<String> asked = db.one("SELECT papers::text FROM dossier_notice WHERE id = ?", rs -> rs.getString(1), noticeId)
                .map(t -> { List<String> l = new ArrayList<>(); Intake.read(t).forEach(n -> l.add(n.asText())); return l; }).orElseThrow();
        com.fasterxml.jackson.databind.node.ArrayNode declared = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        definition(s.procedureId(), s.procedureVersion()).path("papers").forEach(p -> {
            if (asked.contains(p.path("id").asText())) {
                declared.add(((com.fasterxml.jackson.databind.node.ObjectNode) p.deepCopy()).put("required", true));
            }
        });
        Map<String, List<String>> problems = new LinkedHashMap<>();
        List<Object[]> checked = Intake.checkPapers(declared, files, problems);
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        Intake.store(db, s.holderId(), s.id(), checked, "supplement");
        db.update("UPDATE dossier_notice SET answered_at = now() WHERE id = ?", noticeId);
        ProcessModel model = model(s);
        Step from = model.step(s.stepId()).orElseThrow();
        Step to = model.step(model.next(from.id()).get(0).to()).orElseThrow();
        boolean elsewhere = s.holderId() != s.tenantId();
        Tenant holder = directory.byId(s.holderId()).orElseThrow();
        return advance(holder, s, from, to, s.holderId(), elsewhere ? "transferred" : "in_progress", null,
                "Đã nhận giấy tờ bổ sung (" + checked.size() + " tệp)", actor);
    }

    /**
     * The result: the dossier goes to an end step its current step leads to, with the result's files (required
     * when it is returned online). The receiving unit holds it again; it is done.
     */
    @Transactional
    @TenantTransactional
    public State finish(Tenant unit, String code, List<Intake.Paper> files, String note, Integer version, String actor) {
        State s = holding(unit, code, version);
        if (s.status().equals("supplement")) {
            throw conflict("Hồ sơ " + code + " đang chờ bổ sung.", "Dossier " + code + " waits for the applicant's papers.");
        }
        ProcessModel model = model(s);
        Step from = model.step(s.stepId()).orElseThrow();
        Duties.require(unit.getId(), Duties.ending(from.role()), "Kết thúc bước \"" + from.name() + "\" bằng kết quả", "Ending step \"" + from.id() + "\" with the result");
        Step end = model.next(from.id()).stream().map(t -> model.step(t.to()).orElseThrow()).filter(Step::end).findFirst().orElseThrow(() ->
                conflict("Từ bước \"" + from.name() + "\" chưa trả kết quả được; hồ sơ còn phải qua: "
                        + String.join(", ", model.next(from.id()).stream().map(t -> t.to()).toList()) + ".",
                        "The result cannot be returned from step \"" + from.id() + "\" yet."));
        payments.requirePaidBefore(s.id(), definition(s.procedureId(), s.procedureVersion()), end.id());
        Map<String, List<String>> problems = new LinkedHashMap<>();
        List<Object[]> checked = new ArrayList<>();
        for (Intake.Paper f : files) {
            Intake.checkFile(f, "result", problems).ifPresent(c -> checked.add(new Object[] {f, c}));
        }
        if (checked.isEmpty() && problems.isEmpty() && s.returnBy().equals("online")) {
            add(problems, "result", "Hãy đính kèm tệp kết quả (PDF hoặc ảnh): người nộp nhận kết quả trực tuyến.",
                    "Attach the result's file (PDF or image): the applicant receives the result online.");
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        Intake.store(db, unit.getId(), s.id(), checked, "result");
        State after = advance(unit, s, from, end, s.tenantId(), "done", null, clean(note, 2000) == null ? "Có kết quả giải quyết" : clean(note, 2000), actor);
        if (after.returnBy().equals("post")) {
            // the result goes by post: a shipment for the postal service, through the outbox (its adapter gives the tracking number)
            String address = db.one("SELECT coalesce(post_address, '') FROM dossier WHERE id = ?", rs -> rs.getString(1), s.id()).orElse("");
            long shipment = db.insert("INSERT INTO dossier_shipment (tenant_id, dossier_id, recipient, address) VALUES (?, ?, ?, ?) RETURNING id",
                    unit.getId(), s.id(), s.applicantName(), address.isEmpty() ? "(chưa có địa chỉ)" : address);
            String payload = Jsonp.createObjectBuilder().add("shipmentId", shipment).add("dossierCode", s.code()).add("recipient", s.applicantName())
                    .add("address", address).add("sender", directory.byId(s.tenantId()).map(Tenant::getName).orElse("")).add("service", "BCCI-TRA-KQ")
                    .build().toString();
            db.insert("INSERT INTO dossier_outbox (tenant_id, dossier_id, target, payload) VALUES (?, ?, 'vnpost', CAST(? AS jsonb)) RETURNING id",
                    unit.getId(), s.id(), payload);
        }
        return after;
    }

    /**
     * The postal service delivered the result ({@code tracking}): the shipment and the dossier say so, and the
     * national portal and the applicant hear that the result was returned. In the scope of the unit that shipped it.
     * A report repeated for the same shipment changes nothing.
     */
    @Transactional
    @TenantTransactional
    public boolean delivered(Tenant unit, String code, String tracking) {
        State s = locked(code);
        int n = db.update("UPDATE dossier_shipment SET status = 'delivered', delivered_at = now() WHERE dossier_id = ? AND tracking = ? AND status = 'accepted'",
                s.id(), tracking);
        if (n == 0) {
            return false;
        }
        db.update("UPDATE dossier SET returned_at = now(), row_version = row_version + 1 WHERE id = ?", s.id());
        State after = locked(code);
        event(unit.getId(), s.id(), after.status(), "vnpost", "Bưu chính đã phát kết quả (số hiệu " + tracking + ")");
        national(unit.getId(), after, NationalPortal.RESULT_RETURNED);
        mail(unit.getId(), after, "Kết quả giải quyết hồ sơ " + code + " đã được bưu chính phát đến ông/bà (số hiệu bưu gửi " + tracking + ").");
        return true;
    }

    /** Refusal (form 03): the dossier ends without a result, for the reason given. */
    @Transactional
    @TenantTransactional
    public State refuse(Tenant unit, String code, String reason, String actor) {
        State s = holding(unit, code, null);
        model(s).step(s.stepId()).ifPresent(step -> Duties.require(unit.getId(), Duties.refusing(step.role()),
                "Từ chối giải quyết ở bước \"" + step.name() + "\"", "Refusing at step \"" + step.id() + "\""));
        String r = required(reason, "reason", "Hãy ghi lý do từ chối.", "Give the reason for the refusal.");
        db.insert("INSERT INTO dossier_notice (tenant_id, dossier_id, form, reason, actor) VALUES (?, ?, 3, ?, ?) RETURNING id", unit.getId(), s.id(), r, actor);
        return end(unit, s, "refused", "Từ chối giải quyết: " + r, actor, false);
    }

    /** Stop (form 05) by the holder's staff: at the applicant's written request (a withdrawal) or the agency's decision. */
    @Transactional
    @TenantTransactional
    public State stopHeld(Tenant unit, String code, String reason, boolean byApplicant, String actor) {
        State s = holding(unit, code, null);
        Duties.require(unit.getId(), Duties.SIGNING, "Dừng giải quyết hồ sơ (mẫu 05)", "Stopping a dossier (form 05)");
        return stop(unit, s, reason, byApplicant, actor);
    }

    /** The applicant withdraws their dossier (form 05, asked by the applicant), in the holder's scope, before it ends. */
    @Transactional
    @TenantTransactional
    public State withdraw(Tenant unit, String code, long applicantId, String reason, String actor) {
        State s = locked(code);
        if (s.applicantId() == null || s.applicantId() != applicantId) {
            throw ProblemException.notFound("hồ sơ " + code + " của bạn", "your dossier " + code);
        }
        if (s.isFinal()) {
            throw conflict("Hồ sơ " + code + " đã kết thúc.", "Dossier " + code + " has already ended.");
        }
        return stop(unit, s, reason, true, actor);
    }

    /** Reads in the unit's scope (a fresh transaction): what an action's answer shows. */
    @Transactional
    @TenantTransactional
    public <T> T readAs(Tenant unit, java.util.function.Supplier<T> work) {
        return work.get();
    }

    private State stop(Tenant unit, State s, String reason, boolean byApplicant, String actor) {
        String r = required(reason, "reason", "Hãy ghi lý do dừng giải quyết.", "Give the reason for stopping.");
        db.insert("INSERT INTO dossier_notice (tenant_id, dossier_id, form, reason, by_applicant, actor) VALUES (?, ?, 5, ?, ?, ?) RETURNING id",
                unit.getId(), s.id(), r, byApplicant, actor);
        return end(unit, s, "stopped", (byApplicant ? "Người nộp rút hồ sơ: " : "Dừng giải quyết: ") + r, actor, byApplicant);
    }

    /**
     * Apology and new date (form 04) for a dossier that will not be done by its due date: the new day is a working
     * day after the day owed and not in the past. It changes the promise, not the lateness: the statistics still
     * measure against the due date.
     */
    @Transactional
    @TenantTransactional
    public State apologize(Tenant unit, String code, String reason, LocalDate newDate, String actor) {
        State s = holding(unit, code, null);
        Duties.require(unit.getId(), Duties.SIGNING, "Xin lỗi và hẹn lại ngày trả kết quả (mẫu 04)", "An apology with a new date (form 04)");
        String r = required(reason, "reason", "Hãy ghi lý do chậm trễ.", "Give the reason for the delay.");
        WorkingCalendar cal = calendar.calendar();
        if (newDate == null || !newDate.isAfter(s.owedOn()) || newDate.isBefore(today()) || !cal.isWorkingDay(newDate)) {
            throw invalid(Map.of("newDate", List.of("Ngày hẹn mới phải là một ngày làm việc sau ngày hẹn " + Intake.DAY.format(s.owedOn())
                    + " và không trước hôm nay (dd/MM/yyyy). / The new date must be a working day after " + s.owedOn() + ", not in the past.")));
        }
        db.insert("INSERT INTO dossier_notice (tenant_id, dossier_id, form, reason, new_due_date, actor) VALUES (?, ?, 4, ?, ?, ?) RETURNING id",
                unit.getId(), s.id(), r, newDate, actor);
        db.update("UPDATE dossier SET new_due_date = ?, row_version = row_version + 1 WHERE id = ?", newDate, s.id());
        event(unit.getId(), s.id(), s.status(), actor, "Xin lỗi và hẹn lại ngày trả kết quả: " + Intake.DAY.format(newDate));
        State after = locked(code);
        mail(unit.getId(), after, "Cơ quan giải quyết xin lỗi ông/bà vì hồ sơ " + code + " không kịp trả kết quả ngày " + Intake.DAY.format(s.owedOn())
                + ". Ngày hẹn trả kết quả mới: " + Intake.DAY.format(newDate) + ". Lý do: " + r);
        return after;
    }

    /** The applicant's rating of a dossier that is done: once, 1 (very dissatisfied) to 5 (very satisfied). */
    @Transactional
    @TenantTransactional
    public State rate(String code, long applicantId, int score, String note) {
        State s = locked(code);
        if (s.applicantId() == null || s.applicantId() != applicantId) {
            throw ProblemException.notFound("hồ sơ " + code + " của bạn", "your dossier " + code);
        }
        if (!s.status().equals("done")) {
            throw conflict("Chỉ đánh giá được khi hồ sơ đã có kết quả.", "A dossier is rated once it has its result.");
        }
        if (s.rating() != null) {
            throw conflict("Hồ sơ này đã được đánh giá.", "This dossier has been rated already.");
        }
        if (score < 1 || score > 5) {
            throw invalid(Map.of("score", List.of("Mức đánh giá từ 1 đến 5. / The score is 1 to 5.")));
        }
        db.update("UPDATE dossier SET rating = ?, rating_note = ?, rated_at = now(), row_version = row_version + 1 WHERE id = ?", score,
                Db.orNull(clean(note, 2000)), s.id());
        return locked(code);
    }

    private State end(Tenant unit, State s, String status, String note, String actor, boolean byApplicant) {
        State after = db.one("UPDATE dossier SET status = ?, finished_at = now(), assignee = NULL, paused_on = NULL, row_version = row_version + 1 "
                + "WHERE id = ? RETURNING " + COLS, Processing::state, status, s.id()).orElseThrow();
        changed(unit.getId(), after, note, actor, byApplicant);
        return after;
    }

    /** The one move every path shares: the handover, the dossier's new step, holder and clock, the history, the outbox. */
    private State advance(Tenant unit, State s, Step from, Step to, long holder, String status, String assignee, String note, String actor) {
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
        changed(unit.getId(), after, to.name(), actor, false);
        return after;
    }

    static String outcome(LocalDate done, LocalDate due) {
        return done.isBefore(due) ? "early" : done.isEqual(due) ? "on_time" : "late";
    }

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

    private State locked(String code) {
        return db.one("SELECT " + COLS + " FROM dossier WHERE code = ? FOR UPDATE", Processing::state, code)
                .orElseThrow(() -> ProblemException.notFound("hồ sơ " + code, "dossier " + code));
    }

    /** The dossier locked for a move: it must be visible, held by this unit, not ended, and (if asked) at the version the caller saw. */
    private State holding(Tenant unit, String code, Integer version) {
        State s = locked(code);
        if (s.holderId() != unit.getId()) {
            String holder = directory.byId(s.holderId()).map(Tenant::getName).orElse("?");
            throw conflict("Hồ sơ " + code + " đang do " + holder + " giữ: chỉ đơn vị đang giữ hồ sơ mới xử lý được.",
                    "Dossier " + code + " is held by " + holder + ": only the holder acts on it.");
        }
        if (s.isFinal()) {
            throw conflict("Hồ sơ " + code + " đã kết thúc.", "Dossier " + code + " has already ended.");
        }
        if (version != null && version != s.rowVersion()) {
            throw conflict("Hồ sơ " + code + " vừa được người khác xử lý: hãy tải lại để xem tình trạng mới.",
                    "Dossier " + code + " was just changed by someone else: reload to see where it is now.");
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
            throw invalid(Map.of(field, List.of("Tối đa " + max + " ký tự. / At most " + max + " characters.")));
        }
        return t;
    }

    private static String required(String value, String field, String vi, String en) {
        String v = clean(value, 2000, field);
        if (v == null) {
            throw invalid(Map.of(field, List.of(vi + " / " + en)));
        }
        return v;
    }

    private static String jsonArray(List<String> items) {
        jakarta.json.JsonArrayBuilder a = Jsonp.createArrayBuilder();
        items.forEach(a::add);
        return a.build().toString();
    }

    static void add(Map<String, List<String>> problems, String field, String vi, String en) {
        problems.computeIfAbsent(field, k -> new ArrayList<>()).add(vi + " / " + en);
    }

    static ProblemException invalid(Map<String, List<String>> problems) {
        return new ProblemException(new Problem(400, "invalid-input", "Yêu cầu chưa hợp lệ", "Invalid request",
                "Chưa xử lý được: có " + problems.size() + " chỗ cần sửa, xem từng mục. Không có gì thay đổi.",
                "Nothing was done: " + problems.size() + " thing(s) to correct, see each. Nothing changed.", problems));
    }

    static ProblemException conflict(String vi, String en) {
        return new ProblemException(Problem.of(409, "conflict", "Không thực hiện được", "Not possible now", vi + " Không có gì thay đổi.",
                en + " Nothing changed."));
    }
}
