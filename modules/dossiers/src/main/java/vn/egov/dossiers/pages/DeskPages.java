package vn.egov.dossiers.pages;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.egov.dossiers.control.Colleagues;
import vn.egov.dossiers.control.Details;
import vn.egov.dossiers.control.Finishing;
import vn.egov.dossiers.control.Intake;
import vn.egov.dossiers.control.Notices;
import vn.egov.dossiers.control.Pickups;
import vn.egov.dossiers.control.Processing;
import vn.egov.dossiers.entity.Dossier;
import vn.egov.platform.persistence.ScopedWork;
import vn.egov.platform.tenancy.TenantScope;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Html;
import vn.egov.dossiers.control.Wording;
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.desk.Desk;
import vn.egov.platform.web.desk.DeskFrame;
import vn.egov.platform.web.desk.UnitChoices;
import vn.egov.platform.web.pages.Messages;
import vn.egov.procedures.api.OfferedProcedures.Offered;
import vn.egov.procedures.api.OfferedProcedures;

/**
 * {@code /t/{code}/admin/dossiers}: the unit's one-stop desk for its staff. The dossiers the unit holds (its own
 * and those transferred to it), oldest due first, and one dossier whole (papers, handovers, notices, history) with
 * the actions its process allows at its step: move it on (to a colleague, to another agency, or back to the
 * applicant for papers), return the result with its file, refuse, apologise with a new date, stop. Every action
 * goes through the dossiers' control code as the API's does; a refused one comes back with its message beside the form, nothing changed.
 * Receiving at the counter ({@code new}): the procedures the unit offers, then the chosen one's form (and the paper
 * dossiers the post brought). Made from the templates {@code inbox.jte}, {@code counter.jte} and {@code dossier.jte}.
 */
@Path("t/{code}/admin/dossiers")
@RequestScoped
@Produces(Desk.HTML)
public class DeskPages {
    static final int MAX_FILE = 10 * 1024 * 1024;
    static final int MAX_PARTS = 50;

    @Inject
    Desk layout;

    @Inject
    Access access;

    @Inject
    Processing processing;

    @Inject
    Colleagues colleagues;

    @Inject
    Notices notices;

    @Inject
    Finishing finishing;

    @Inject
    TenantDirectory directory;

    @Inject
    Pickups pickups;

    @Inject
    OfferedProcedures catalogue;

    @Inject
    Details details;

    @Inject
    Intake intake;

    @GET
    public Response inbox() {
        Tenant unit = layout.call(() -> access.require("dossiers", "read"));
        int arrived = layout.call(() -> pickups.arrivedAt(unit)).size();
        List<DeskViews.Held> rows = new ArrayList<>();
        for (Processing.State d : details.held(unit.getId())) {
            String from = d.tenantId() == unit.getId() ? null : directory.byId(d.tenantId()).map(Tenant::getName).orElse("");
            rows.add(new DeskViews.Held(d.code(), layout.url(unit, "dossiers/" + d.code()), from, d.procedureName(), d.applicantName(), d.stepName(),
                    d.stepDue() == null ? "" : Intake.DAY.format(d.stepDue()), Intake.DAY.format(d.dueDate()), d.status()));
        }
        DeskFrame.Page desk = layout.desk(unit, "dossiers", DossierTemplates.BUNDLE, "inbox.title");
        DeskViews.Inbox view = new DeskViews.Inbox(layout.url(unit, "dossiers/new"), layout.url(unit, "dossier-stats"), arrived, rows);
        return layout.okTemplate(DossierTemplates.TEMPLATES.render("inbox.jte", desk.page(), "desk", desk, "view", view));
    }

    @GET
    @Path("new")
    public Response counter(@QueryParam("procedure") String procedure) {
        Tenant unit = layout.call(() -> access.require("dossiers", "write"));
        return layout.okTemplate(counterPage(unit, procedure, Map.of(), Map.of()));
    }

    @POST
    @Path("new")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response receive(@QueryParam("procedure") String procedure, List<EntityPart> parts) throws Exception {
        Map<String, String> values = new HashMap<>();
        List<Intake.Paper> papers = new ArrayList<>();
        for (EntityPart p : parts) {
            String name = p.getName();
            if (name.startsWith("paper.")) {
                byte[] content;
                try (InputStream in = p.getContent()) {
                    content = in.readNBytes(MAX_FILE + 1);
                }
                if (content.length > 0) {
                    papers.add(new Intake.Paper(name.substring(6), p.getFileName().orElse("tep"), content));
                }
            } else if (name.startsWith("form.")) {
                values.put(name.substring(5), p.getContent(String.class));
            } else {
                values.put("@" + name, p.getContent(String.class));
            }
        }
        layout.checkCsrf(values.get("@csrf"));
        Tenant unit = layout.call(() -> access.require("dossiers", "write"));
        Optional<Offered> proc = catalogue.offered(unit, procedure == null ? "" : procedure);
        if (proc.isEmpty()) {
            throw layout.refuseTemplate(404, counterPage(unit, null, Map.of(), Map.of()));
        }
        JsonNode definition = definition(proc.get());
        String pickup = values.getOrDefault("@pickup", "");
        String name = values.getOrDefault("@applicantName", "").strip();
        if (pickup.isEmpty() && (name.isEmpty() || name.length() > 200)) {
            throw layout.refuseTemplate(400, counterPage(unit, procedure, values, Map.of("applicantName", List.of(text("counter.nameMissing")))));
        }
        Intake.Applicant applicant = new Intake.Applicant(null, Normalizer.normalize(name.isEmpty() ? "-" : name, Normalizer.Form.NFC), access.username(),
                values.get("@email"), values.get("@postAddress"));
        try {
            Dossier d = ScopedWork.call(new TenantScope(unit.getId(), unit.getPath(), false), () -> intake.receive(unit, procedure,
                    Forms.formJson(definition, values), papers, applicant, "counter", values.getOrDefault("@returnBy", "online"),
                    pickup.isEmpty() ? null : Long.valueOf(pickup)));
            layout.flash(Html.escape(text("counter.received", d.code())));
            return layout.redirect("/t/" + unit.getCode() + "/admin/dossiers/" + d.code());
        } catch (ProblemException e) {
            Problem said = e.problem().in(layout.locale());
            Map<String, List<String>> errors = said.fieldErrors() == null || said.fieldErrors().isEmpty()
                    ? Map.of("", List.of(layout.en() ? said.detailEn() : said.detailVi())) : said.fieldErrors();
            throw layout.refuseTemplate(e.problem().status(), counterPage(unit, procedure, values, errors));
        }
    }

    /** Receiving at the counter: the procedures the unit offers, or the chosen one's form with the values kept and the messages. */
    private String counterPage(Tenant unit, String procedure, Map<String, String> values, Map<String, List<String>> errors) {
        DeskFrame.Page desk = layout.desk(unit, "dossiers", DossierTemplates.BUNDLE, "counter.title");
        Optional<Offered> proc = procedure == null ? Optional.empty() : catalogue.offered(unit, procedure);
        DeskViews.Counter view;
        if (proc.isEmpty()) {
            List<DeskViews.ProcedureLink> offered = new ArrayList<>();
            for (Offered p : catalogue.offered(unit)) {
                offered.add(new DeskViews.ProcedureLink(layout.url(unit, "dossiers/new?procedure=" + p.code()), p.name(), p.code()));
            }
            view = new DeskViews.Counter(layout.url(unit, "dossiers"), offered, null, null, null, List.of(), 0, List.of(), "", null, "", null, null);
        } else {
            Offered p = proc.get();
            boolean en = layout.en();
            List<DeskFrame.Option> arrived = new ArrayList<>();
            for (JsonObject x : layout.call(() -> pickups.arrivedAt(unit))) {
                if (x.getString("procedureCode").equals(p.code())) {
                    arrived.add(new DeskFrame.Option(String.valueOf(x.getJsonNumber("id").longValue()),
                            x.getString("applicantName") + " — " + x.getString("tracking", ""), false));
                }
            }
            view = new DeskViews.Counter(layout.url(unit, "dossiers"), List.of(), p.name(), p.code(), layout.url(unit, "dossiers/new?procedure=" + p.code()),
                    errors.getOrDefault("", List.of()), errors.size(), arrived, values.getOrDefault("@applicantName", ""),
                    Forms.error(errors, "applicantName", en), values.getOrDefault("@email", ""), Forms.error(errors, "email", en),
                    Forms.view(definition(p), values, errors, en));
        }
        return DossierTemplates.TEMPLATES.render("counter.jte", desk.page(), "desk", desk, "view", view);
    }

    private JsonNode definition(Offered p) {
        return catalogue.currentDefinition(p);
    }

    @GET
    @Path("{dossier}")
    public Response one(@PathParam("dossier") String code) {
        Tenant unit = layout.call(() -> access.require("dossiers", "read"));
        return layout.okTemplate(render(unit, code, null, null, null));
    }

    @POST
    @Path("{dossier}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("dossier") String code, MultivaluedMap<String, String> form) {
        layout.checkCsrf(form.getFirst("csrf"));
        Tenant unit = layout.call(() -> access.require("dossiers", "write"));
        String action = String.valueOf(form.getFirst("action"));
        try {
            String done = switch (action) {
                case "move" -> {
                    List<String> papers = form.get("papers") == null ? List.of() : form.get("papers");
                    Integer version = text(form, "version").isEmpty() ? null : Integer.valueOf(text(form, "version"));
                    processing.move(unit, code, new Processing.Move(text(form, "to"), text(form, "assignee"), text(form, "toUnit"), text(form, "note"),
                            papers, version), access.username());
                    yield "act.moved";
                }
                case "refuse" -> {
                    notices.refuse(unit, code, text(form, "reason"), access.username());
                    yield "act.refused";
                }
                case "apology" -> {
                    notices.apologize(unit, code, text(form, "reason"), newDate(text(form, "newDate")), access.username());
                    yield "act.apologised";
                }
                case "stop" -> {
                    notices.stopHeld(unit, code, text(form, "reason"), form.getFirst("byApplicant") != null, access.username());
                    yield "act.stopped";
                }
                default -> throw ProblemException.notFound(Wording::in, "notFound.action", action);
            };
            layout.flash(Html.escape(text(done)));
        } catch (ProblemException | NumberFormatException e) {
            String message = e instanceof ProblemException p ? layout.detail(p) : text("act.badVersion");
            int status = e instanceof ProblemException p ? p.problem().status() : 400;
            String toUnitError = e instanceof ProblemException p ? layout.fieldError(p, "toUnit") : null;
            throw layout.refuseTemplate(status, render(unit, code, action, message, toUnitError));
        }
        return layout.redirect("/t/" + unit.getCode() + "/admin/dossiers/" + code);
    }

    @POST
    @Path("{dossier}/result")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response result(@PathParam("dossier") String code, List<EntityPart> parts) throws Exception {
        Map<String, String> fields = new HashMap<>();
        List<Intake.Paper> files = new ArrayList<>();
        for (EntityPart p : parts) {
            if (p.getName().startsWith("result")) {
                byte[] content;
                try (InputStream in = p.getContent()) {
                    content = in.readNBytes(MAX_FILE + 1);
                }
                if (content.length > 0) {
                    files.add(new Intake.Paper(p.getName(), p.getFileName().orElse("tep"), content));
                }
            } else {
                fields.put(p.getName(), p.getContent(String.class));
            }
        }
        layout.checkCsrf(fields.get("csrf"));
        Tenant unit = layout.call(() -> access.require("dossiers", "write"));
        try {
            if (parts.size() > MAX_PARTS) {
                throw invalid("result", "problem.tooManyParts", MAX_PARTS);
            }
            Integer version;
            try {
                version = fields.get("version") == null ? null : Integer.valueOf(fields.get("version").strip());
            } catch (NumberFormatException e) {
                throw invalid("version", "problem.versionNumber");
            }
            finishing.finish(unit, code, files, fields.get("note"), version, access.username());
        } catch (ProblemException e) {
            throw layout.refuseTemplate(e.problem().status(), render(unit, code, "result", layout.detail(e), null));
        }
        layout.flash(Html.escape(text("act.returned")));
        return layout.redirect("/t/" + unit.getCode() + "/admin/dossiers/" + code);
    }

    /** The new date of an apology ({@code dd/MM/yyyy}). */
    private static LocalDate newDate(String given) {
        try {
            return LocalDate.parse(given.strip(), Intake.DAY);
        } catch (DateTimeParseException e) {
            throw invalid("newDate", "problem.newDateForm");
        }
    }

    /** A refused request, its message beside {@code field} (as the API answers it). */
    private static ProblemException invalid(String field, String key, Object... args) {
        return new ProblemException(Problem.said(Wording::in, 400, "invalid-input", "problem.invalidRequest",
                w -> w.text(key, args) + " " + w.text("problem.nothingChanged"), w -> Map.of(field, List.of(w.text(key, args)))));
    }

    private static String text(MultivaluedMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null ? "" : v;
    }

    private String text(String key, Object... args) {
        return Messages.of(layout.locale(), DossierTemplates.BUNDLE).text(key, args);
    }

    /**
     * The page of one dossier, {@code failure} (the message of the refused {@code failedAction}) above it, that action's form
     * open, {@code toUnitError} beside the agency of a refused transfer (or null).
     */
    private String render(Tenant unit, String code, String failedAction, String failure, String toUnitError) {
        JsonObject d = details.forStaff(code).orElseThrow(() -> layout.error(ProblemException.notFound(Wording::in, "notFound.dossier", code).problem()));
        String base = "/api/t/" + unit.getCode() + "/dossiers/" + code;
        boolean mine = d.getString("holder").equals(unit.getCode());
        String status = d.getString("status");
        boolean open = !List.of("done", "refused", "stopped").contains(status);
        String mode = mine && open && !status.equals("supplement") ? "act" : !mine && open ? "readOnly" : status.equals("supplement") ? "supplement" : "";
        Tenant holder = directory.byCode(d.getString("holder")).orElse(unit);
        DeskFrame.Page desk = layout.desk(unit, "dossiers", DossierTemplates.BUNDLE, "dossier.heading", code);
        DeskViews.Dossier view = new DeskViews.Dossier(code, layout.url(unit, "dossiers"), failure,
                d.getString("procedureName") + " (" + d.getString("procedureCode") + ")", d.getString("applicantName"), status, d.getString("stepName"),
                d.getString("stepDue", null), holder.getName(), d.getString("receivedDate"), d.getString("dueDate"), d.getString("newDueDate", null),
                d.getBoolean("overdue"), base + "/receipt.pdf", base + "/forms/6.pdf", DeskViews.form(d), DeskViews.files(d, base), mode,
                mode.equals("act") ? actions(unit, d, failedAction, toUnitError) : null, DeskViews.handovers(d), DeskViews.history(d, desk.page().t()));
        return DossierTemplates.TEMPLATES.render("dossier.jte", desk.page(), "desk", desk, "view", view);
    }

    /** The forms of the actions the dossier's step allows. */
    private DeskViews.Actions actions(Tenant unit, JsonObject d, String failedAction, String toUnitError) {
        String action = layout.withLang("/t/" + unit.getCode() + "/admin/dossiers/" + d.getString("code"));
        List<JsonObject> next = d.getJsonArray("next").stream().map(JsonValue::asJsonObject).toList();
        JsonObject duty = d.getJsonObject("duty");
        String dutyNames = null;
        if (duty != null && !duty.getBoolean("mayEnd")) {
            // the step is someone else's duty: say whose, and offer no move (the server would refuse it anyway)
            dutyNames = String.join(" " + text("act.or") + " ", duty.getJsonArray("roles").getValuesAs(JsonString::getString).stream()
                    .map(role -> text("duty.role." + role)).toList());
            next = List.of();
        }
        List<DeskViews.Move> moves = DeskViews.moves(next);
        return new DeskViews.Actions(action, layout.withLang("/t/" + unit.getCode() + "/admin/dossiers/" + d.getString("code") + "/result"),
                d.getInt("version"), dutyNames, moves, moves.stream().anyMatch(m -> m.role().equals("OTHER_AGENCY")) ? agencies(unit, d) : null,
                moves.stream().anyMatch(m -> m.role().equals("APPLICANT")) ? DeskViews.papers(d) : null, next.stream().anyMatch(n -> n.getBoolean("end")),
                failedAction == null ? "" : failedAction, toUnitError, moves.isEmpty() ? List.of() : people(unit));
    }

    /** The unit's staff a step can be given to: "name (user name): roles", by name; the first choice leaves it to the step's role. */
    private List<DeskFrame.Option> people(Tenant unit) {
        List<DeskFrame.Option> options = new ArrayList<>();
        options.add(new DeskFrame.Option("", text("act.assignee.anyone"), true));
        for (Colleagues.Colleague c : colleagues.of(unit)) {
            String roles = String.join(", ", c.roles().stream().filter(r -> !r.equals("STAFF")).map(r -> text("role." + r)).toList());
            options.add(new DeskFrame.Option(c.username(), c.displayName() + " (" + c.username() + ")" + (roles.isEmpty() ? "" : ": " + roles), false));
        }
        return options;
    }

    /** The agencies a dossier may be transferred to: the province's active units but communes (its own commune aside), by district. */
    private List<UnitChoices.Group> agencies(Tenant unit, JsonObject d) {
        long receiver = directory.byCode(d.getString("unit")).map(Tenant::getId).orElse(-1L);
        List<Tenant> agencies = new ArrayList<>();
        for (Tenant t : directory.subtree(directory.ancestors(unit).isEmpty() ? unit : directory.ancestors(unit).get(0))) {
            if (t.getId().equals(unit.getId()) || !"active".equals(t.getStatus())
                    || (t.getKind().name().equalsIgnoreCase("commune") && !t.getId().equals(receiver))) {
                continue;
            }
            agencies.add(t);
        }
        return UnitChoices.of(agencies, directory, java.util.Set.of());
    }
}
