package vn.egov.documents.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.egov.documents.control.Registers.Doc;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Fields;
import vn.egov.platform.words.Note;

/**
 * Handling an incoming document: the leader directs it (a lead handler, supporting handlers, a deadline and what to do),
 * the handlers write notes, the lead handler closes it with its result. A leader may direct it again (another handler,
 * another deadline) until it is done. The handlers of a secret document become its readers.
 */
@ApplicationScoped
public class Handling {

    @Inject
    Db db;

    @Inject
    Registers registers;

    /** A history line of a document. */
    public record Event(String action, String actor, Note note, Instant at) {
    }

    @Transactional
    @TenantTransactional
    public Doc direct(Tenant unit, long id, String lead, List<String> support, String handleBy, String direction, UserPrincipal actor) {
        Duty.require(unit, actor, Duty.LEADING, "problem.duty.direct");
        Doc d = registers.lockedOwn(unit, id, "incoming", actor);
        if (d.status().equals("done")) {
            throw Registers.conflict("problem.done");
        }
        Fields problems = new Fields();
        String note = DocumentFields.optional(direction, 2000, "direction", problems);
        Optional<Long> leadId = Optional.empty();
        String leadName = lead == null ? "" : lead.strip().toLowerCase(java.util.Locale.ROOT);
        if (leadName.isEmpty()) {
            problems.add("leadHandler", "problem.field.chooseLeadHandler");
        } else {
            leadId = staff(unit, leadName);
            if (leadId.isEmpty()) {
                problems.add("leadHandler", "problem.field.noActiveStaffMember", leadName);
            }
        }
        Set<String> supporters = new LinkedHashSet<>();
        List<Long> supporterIds = supporters(unit, support, leadName, supporters, problems);
        LocalDate by = DocumentFields.date(handleBy, "handleBy", problems);
        if (by == null && !problems.containsKey("handleBy")) {
            by = d.dueDate();
        }
        if (by != null && by.isBefore(Registers.today())) {
            problems.add("handleBy", "problem.field.deadlineCannotBeforeToday");
        }
        if (!problems.isEmpty()) {
            throw Registers.invalid(problems);
        }
        List<Long> readers = new ArrayList<>(d.readers());
        if (d.secret()) {
            leadId.ifPresent(readers::add);
            readers.addAll(supporterIds);
        }
        // the platform's words (who leads, supports, by when) around the leader's direction as written
        Note summary = Note.said(Wording.BUNDLE, "history.directed" + (supporters.isEmpty() ? by == null ? "" : ".by" : by == null ? ".support" : ".supportBy"),
                leadName, String.join(", ", supporters), by == null ? "" : Registers.DAY.format(by), note == null ? "" : ". " + note);
        Doc after = registers.change(d, "directed", "directed", actor, summary,
                ", directed_by = ?, direction = ?, lead_handler = ?, support_handlers = CAST(? AS varchar[]), handle_by = ?, "
                        + "readers = COALESCE((SELECT array_agg(DISTINCT r) FROM unnest(CAST(? AS bigint[])) AS r), '{}')",
                List.of(actor.username(), Db.orNull(note), leadName, textArray(supporters),
                        by == null ? new Db.Typed(java.sql.Types.DATE) : by, Registers.array(readers)));
        if (after.secret()) {
            registers.index(after, unit); // its handlers are now among the readers search lets find it
        }
        return after;
    }

    /** The supporting handlers named (not the lead, each once), added to {@code names}; their ids. */
    private List<Long> supporters(Tenant unit, List<String> support, String leadName, Set<String> names, Fields problems) {
        List<Long> ids = new ArrayList<>();
        for (String s : support) {
            String name = s == null ? "" : s.strip().toLowerCase(java.util.Locale.ROOT);
            if (name.isEmpty() || name.equals(leadName)) {
                continue;
            }
            Optional<Long> sid = staff(unit, name);
            if (sid.isEmpty()) {
                problems.add("supportHandlers", "problem.field.noActiveStaffMember", name);
            } else if (names.add(name)) {
                ids.add(sid.get());
            }
        }
        return ids;
    }

    /** A handling note by a handler of the document (lead or supporting) or a leader. */
    @Transactional
    @TenantTransactional
    public Event note(Tenant unit, long id, String text, UserPrincipal actor) {
        Doc d = registers.lockedOwn(unit, id, "incoming", actor);
        mayWork(unit, d, actor, true);
        Fields problems = new Fields();
        String note = DocumentFields.required(text, 2000, "note", "problem.field.writeNote", problems);
        if (!problems.isEmpty()) {
            throw Registers.invalid(problems);
        }
        registers.event(d, "note", actor, note);
        return new Event("note", actor.username(), Note.written(note), Instant.now());
    }

    /** The lead handler closes the document with its result. */
    @Transactional
    @TenantTransactional
    public Doc finish(Tenant unit, long id, String result, UserPrincipal actor) {
        Doc d = registers.lockedOwn(unit, id, "incoming", actor);
        mayWork(unit, d, actor, false);
        Fields problems = new Fields();
        String r = DocumentFields.required(result, 2000, "result", "problem.field.writeResultHandling", problems);
        if (!problems.isEmpty()) {
            throw Registers.invalid(problems);
        }
        return registers.change(d, "done", "done", actor, r, ", done_by = ?, done_at = now(), result_note = ?", List.of(actor.username(), r));
    }

    /** What this person handles in the unit (lead or support), not done yet: the most urgent first, then the nearest deadline. */
    @Transactional
    @TenantTransactional
    public List<Doc> work(Tenant unit, UserPrincipal actor) {
        return db.list("SELECT " + Registers.COLS + " FROM document WHERE tenant_id = ? AND status = 'directed' AND (lead_handler = ? OR ? = ANY "
                        + "(support_handlers)) ORDER BY " + Registers.URGENCY_RANK + " DESC, handle_by NULLS LAST, id LIMIT 500", Registers::doc,
                unit.getId(), actor.username(), actor.username());
    }

    /** A document's history, oldest first. */
    @Transactional
    @TenantTransactional
    public List<Event> history(Tenant unit, long id, UserPrincipal reader) {
        registers.find(unit, id, reader).orElseThrow(() -> Files.notFound(id));
        return db.list("SELECT action, actor, note, at, note_key, note_args FROM document_event WHERE tenant_id = ? AND document_id = ? ORDER BY id",
                rs -> new Event(rs.getString(1), rs.getString(2), rs.getString(5) == null ? Note.written(rs.getString(3))
                        : Note.stored(Wording.BUNDLE, rs.getString(5), List.of((String[]) rs.getArray(6).getArray()), null), Db.instant(rs, "at")), unit.getId(), id);
    }

    private void mayWork(Tenant unit, Doc d, UserPrincipal actor, boolean supportToo) {
        if (!d.status().equals("directed")) {
            throw Registers.conflict(d.status().equals("done") ? "problem.done" : "problem.notDirected");
        }
        boolean lead = actor.username().equals(d.work().leadHandler());
        boolean ok = supportToo ? lead || d.work().supportHandlers().contains(actor.username()) || Duty.holds(actor, unit, Duty.LEADING) : lead;
        if (!ok) {
            throw new vn.egov.platform.web.ProblemException(vn.egov.platform.web.Problem.of(Wording::in, 403, "not-your-document",
                    "problem.notYourDocument.title", supportToo ? "problem.notYourDocument.note" : "problem.notYourDocument.close"));
        }
    }

    private Optional<Long> staff(Tenant unit, String username) {
        return db.one("SELECT id FROM app_user WHERE tenant_id = ? AND username = ? AND status = 'active' AND NOT ('CITIZEN' = ANY (roles))",
                rs -> rs.getLong(1), unit.getId(), username);
    }

    /** A PostgreSQL text array literal of these strings, each quoted. */
    static String textArray(java.util.Collection<String> names) {
        StringBuilder b = new StringBuilder("{");
        int i = 0;
        for (String n : names) {
            b.append(i++ == 0 ? "" : ",").append('"').append(n.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return b.append('}').toString();
    }
}
