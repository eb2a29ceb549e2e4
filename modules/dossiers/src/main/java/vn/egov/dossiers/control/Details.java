package vn.egov.dossiers.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.words.Note;

/**
 * A dossier as JSON for whoever reads it, in the caller's transaction and scope: the state, the form as filled
 * in, the files (papers, supplements, results), the history, the notices (forms 02 to 05) and, for staff, the
 * handovers (form 06) and where the holder may move it next.
 */
@ApplicationScoped
public class Details {

    @Inject
    Db db;

    @Inject
    Processing processing;

    @Inject
    TenantDirectory directory;

    @Inject
    Payments payments;

    /** The dossiers the unit holds and has to act on (its own and those transferred to it), the oldest due first; in a transaction of their own. */
    @Transactional
    @TenantTransactional
    public List<Processing.State> held(long unitId) {
        return db.list("SELECT " + Processing.COLS + " FROM dossier WHERE holder_id = ? AND finished_at IS NULL ORDER BY due_date, id LIMIT 500",
                Processing::state, unitId);
    }

    /** The dossier {@code code} whole as its holder's staff see it (see {@link #json}), read in a transaction of its own. */
    @Transactional
    @TenantTransactional
    public Optional<JsonObject> forStaff(String code) {
        return processing.find(code).map(s -> json(s, true).build());
    }

    public JsonObjectBuilder json(Processing.State s, boolean staff) {
        LocalDate today = processing.today();
        JsonObjectBuilder o = summary(s, directory).add("overdue", !s.isFinal() && today.isAfter(s.owedOn()));
        String[] row = db.one("SELECT form::text, channel FROM dossier WHERE id = ?", rs -> new String[] {rs.getString(1), rs.getString(2)}, s.id())
                .orElse(new String[] {"{}", ""});
        o.add("form", Jsonp.createReader(new StringReader(row[0])).readObject()).add("channel", row[1]);
        o.add("files", files(s));
        o.add("history", history(s, staff));
        o.add("notices", notices(s));
        o.add("shipments", shipments(s));
        payments.json(s.id()).ifPresent(p -> o.add("payment", p));
        if (s.rating() != null) {
            o.add("rating", s.rating());
        }
        if (staff) {
            staffPart(o, s);
        }
        return o;
    }

    /** The files: papers, supplements, results. */
    private JsonArrayBuilder files(Processing.State s) {
        JsonArrayBuilder files = Jsonp.createArrayBuilder();
        db.list("SELECT id, paper_id, name, content_type, size_bytes, kind, added_at FROM dossier_file WHERE dossier_id = ? ORDER BY id",
                rs -> Jsonp.createObjectBuilder().add("id", rs.getLong(1)).add("paper", rs.getString(2)).add("name", rs.getString(3))
                        .add("contentType", rs.getString(4)).add("size", rs.getInt(5)).add("kind", rs.getString(6))
                        .add("addedAt", Db.instant(rs, "added_at").toString()).build(), s.id()).forEach(files::add);
        return files;
    }

    /** The history, oldest first; who did each step only for staff. */
    private JsonArrayBuilder history(Processing.State s, boolean staff) {
        JsonArrayBuilder history = Jsonp.createArrayBuilder();
        db.list("SELECT at, status, note, actor, note_key, note_args FROM dossier_event WHERE dossier_id = ? ORDER BY at, id", rs -> {
            Note note = rs.getString(5) == null ? Note.written(rs.getString(3))
                    : Note.stored(Wording.BUNDLE, rs.getString(5), List.of((String[]) rs.getArray(6).getArray()), null);
            String vi = note.in(Locale.forLanguageTag("vi"));
            JsonObjectBuilder e = Jsonp.createObjectBuilder().add("at", Db.instant(rs, "at").toString()).add("status", rs.getString(2))
                    .add("note", vi == null ? "" : vi);
            if (note.key() != null) {
                // the platform's words: the key and its arguments, for a reader in another language (pages say them in theirs)
                e.add("said", Jsonp.createObjectBuilder().add("key", note.key()).add("args", Jsonp.createArrayBuilder(note.args())));
            }
            if (staff) {
                e.add("actor", rs.getString(4));
            }
            return e.build();
        }, s.id()).forEach(history::add);
        return history;
    }

    /** The notices (forms 02 to 05). */
    private JsonArrayBuilder notices(Processing.State s) {
        JsonArrayBuilder notices = Jsonp.createArrayBuilder();
        db.list("SELECT id, form, reason, papers::text, new_due_date, by_applicant, at, answered_at FROM dossier_notice WHERE dossier_id = ? ORDER BY id",
                rs -> {
                    JsonObjectBuilder n = Jsonp.createObjectBuilder().add("id", rs.getLong(1)).add("form", rs.getInt(2)).add("reason", rs.getString(3))
                            .add("byApplicant", rs.getBoolean(6)).add("at", Db.instant(rs, "at").toString());
                    if (rs.getString(4) != null) {
                        n.add("papers", Jsonp.createReader(new StringReader(rs.getString(4))).readArray());
                    }
                    if (rs.getObject(5) != null) {
                        n.add("newDueDate", Intake.DAY.format(Db.localDate(rs, 5)));
                    }
                    if (rs.getObject(8) != null) {
                        n.add("answeredAt", Db.instant(rs, "answered_at").toString());
                    }
                    return n.build();
                }, s.id()).forEach(notices::add);
        return notices;
    }

    /** The result's shipments by post. */
    private JsonArrayBuilder shipments(Processing.State s) {
        JsonArrayBuilder shipments = Jsonp.createArrayBuilder();
        db.list("SELECT status, tracking, requested_at, delivered_at, address FROM dossier_shipment WHERE dossier_id = ? ORDER BY id", rs -> {
            JsonObjectBuilder sh = Jsonp.createObjectBuilder().add("status", rs.getString(1)).add("address", rs.getString(5))
                    .add("requestedAt", Db.instant(rs, "requested_at").toString());
            if (rs.getString(2) != null) {
                sh.add("tracking", rs.getString(2));
            }
            if (rs.getObject(4) != null) {
                sh.add("deliveredAt", Db.instant(rs, "delivered_at").toString());
            }
            return sh.build();
        }, s.id()).forEach(shipments::add);
        return shipments;
    }

    /**
     * What only staff see: the handovers (form 06), where the holder may move it next and who ends its current step,
     * the papers a request to supplement may ask for, the form's labels, its assignee.
     */
    private void staffPart(JsonObjectBuilder o, Processing.State s) {
        o.add("handovers", handovers(s));
        JsonArrayBuilder next = Jsonp.createArrayBuilder();
        ProcessModel model = processing.model(s);
        if (!s.isFinal() && !s.status().equals("supplement")) {
            model.next(s.stepId()).forEach(t -> model.step(t.to()).ifPresent(step -> next.add(Jsonp.createObjectBuilder().add("step", step.id())
                    .add("name", step.name()).add("role", step.role().name()).add("end", step.end()).add("days", step.days())
                    .add("label", t.name() == null ? step.name() : t.name()))));
        }
        o.add("next", next);
        if (!s.isFinal()) {
            // who ends the current step, and whether the one asking may (the desk shows the actions or says whose they are)
            model.step(s.stepId()).ifPresent(step -> {
                var duties = Duties.ending(step.role());
                JsonArrayBuilder roles = Jsonp.createArrayBuilder();
                JsonArrayBuilder names = Jsonp.createArrayBuilder();
                duties.forEach(r -> { roles.add(r.name()); names.add(r.vietnamese()); });
                o.add("duty", Jsonp.createObjectBuilder().add("roles", roles).add("names", names).add("mayEnd",
                        vn.egov.platform.security.SubjectScopeProvider.CurrentUser.get().map(u -> Duties.holds(u, s.holderId(), duties)).orElse(false)));
            });
        }
        // the papers the procedure version published: what a request to supplement may ask for
        JsonArrayBuilder papers = Jsonp.createArrayBuilder();
        processing.definition(s.procedureId(), s.procedureVersion()).path("papers").forEach(p -> papers.add(Jsonp.createObjectBuilder()
                .add("id", p.path("id").asText()).add("name", p.path("name").asText())));
        o.add("papers", papers);
        jakarta.json.JsonObjectBuilder labels = Jsonp.createObjectBuilder();
        processing.definition(s.procedureId(), s.procedureVersion()).path("form").path("fields").forEach(f -> labels.add(f.path("name").asText(),
                f.path("label").asText()));
        o.add("formLabels", labels);
        if (s.assignee() != null) {
            o.add("assignee", s.assignee());
        }
    }

    /** The handovers (form 06), in their order. */
    private JsonArrayBuilder handovers(Processing.State s) {
        JsonArrayBuilder handovers = Jsonp.createArrayBuilder();
        db.list("SELECT at, from_step, from_name, from_due, outcome, to_step, to_name, to_due, to_unit, given_by, assignee, note "
                + "FROM dossier_handover WHERE dossier_id = ? ORDER BY id", rs -> {
            java.util.Optional<Tenant> toUnit = directory.byId(rs.getLong(9));
            JsonObjectBuilder h = Jsonp.createObjectBuilder().add("at", Db.instant(rs, "at").toString()).add("fromStep", rs.getString(2))
                    .add("fromName", rs.getString(3)).add("toStep", rs.getString(6)).add("toName", rs.getString(7))
                    .add("toUnit", toUnit.map(Tenant::getCode).orElse("")).add("toUnitName", toUnit.map(Tenant::getName).orElse(""))
                    .add("givenBy", rs.getString(10));
            if (rs.getObject(4) != null) {
                h.add("fromDue", Intake.DAY.format(Db.localDate(rs, 4)));
            }
            if (rs.getString(5) != null) {
                h.add("outcome", rs.getString(5));
            }
            if (rs.getObject(8) != null) {
                h.add("toDue", Intake.DAY.format(Db.localDate(rs, 8)));
            }
            if (rs.getString(11) != null) {
                h.add("assignee", rs.getString(11));
            }
            if (rs.getString(12) != null) {
                h.add("note", rs.getString(12));
            }
            return h.build();
        }, s.id()).forEach(handovers::add);
        return handovers;
    }

    /** What a list shows of a dossier. */
    public static JsonObjectBuilder summary(Processing.State s, TenantDirectory directory) {
        JsonObjectBuilder o = Jsonp.createObjectBuilder().add("code", s.code()).add("procedureCode", s.procedureCode())
                .add("procedureName", s.procedureName()).add("procedureVersion", s.procedureVersion()).add("status", s.status())
                .add("step", s.stepId()).add("stepName", s.stepName()).add("applicantName", s.applicantName())
                .add("receivedAt", s.receivedAt().toString()).add("receivedDate", Intake.DAY.format(s.receivedAt().atZone(Intake.VIETNAM)))
                .add("dueDate", Intake.DAY.format(s.dueDate())).add("due", s.dueDate().toString()).add("returnBy", s.returnBy())
                .add("version", s.rowVersion())
                .add("unit", directory.byId(s.tenantId()).map(Tenant::getCode).orElse(""))
                .add("holder", directory.byId(s.holderId()).map(Tenant::getCode).orElse(""));
        if (s.newDueDate() != null) {
            o.add("newDueDate", Intake.DAY.format(s.newDueDate()));
        }
        if (s.stepDue() != null) {
            o.add("stepDue", Intake.DAY.format(s.stepDue()));
        }
        if (s.finishedAt() != null) {
            o.add("finishedAt", s.finishedAt().toString());
        }
        if (s.finishedAt() != null && s.status().equals("done")) {
            LocalDate done = s.finishedAt().atZone(Intake.VIETNAM).toLocalDate();
            o.add("outcome", Processing.outcome(done, s.dueDate()));
        }
        if (s.pausedOn() != null) {
            o.add("pausedOn", Intake.DAY.format(s.pausedOn()));
        }
        return o;
    }

}
