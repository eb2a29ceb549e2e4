package vn.egov.tenantadmin.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.egov.platform.persistence.OwnTransaction;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.desk.Desk;
import vn.egov.platform.web.desk.DeskFrame;
import vn.egov.tenantadmin.control.Reorganisations;

/**
 * {@code /t/{code}/admin/reorganise}: a reorganisation plan over the unit's subtree, written as CSV (one operation
 * per line, as in the README). "Chạy thử" (dry-run) shows what would happen, changing nothing; the result page
 * carries the plan and its basis so that "Áp dụng" (apply) does exactly what was shown, or is refused if a unit
 * changed meanwhile. The checks and the work are {@link Reorganisations}'s. Made from the template
 * {@code reorganise.jte}.
 */
@Path("t/{code}/admin/reorganise")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(Desk.HTML)
public class ReorganisationPage {
    static final String EXAMPLE = "operation,units,target,parent,code,name,kind\n";

    @Inject
    Desk layout;

    @Inject
    OwnTransaction ownTransaction;

    @Inject
    Reorganisations plans;

    /** What the officer typed, shown again as it was, with the messages of the fields that were refused. */
    public record Form(String title, String text, String effective, Map<String, List<String>> errors) {
        Form(String title, String text, String effective) {
            this(title == null ? "" : title, text, effective, Map.of());
        }

        Form withErrors(Map<String, List<String>> found) {
            return new Form(title, text, effective, found == null ? Map.of() : found);
        }

        public String effectiveError() {
            return errors.containsKey("effective") ? String.join(" ", errors.get("effective")) : null;
        }
    }

    /** A message about one line of the plan. */
    public record Line(int line, String text) {
    }

    /** A refused plan: why, and each bad line. */
    public record Refusal(String detail, List<Line> lines) {
    }

    /** A unit an operation ends: its successor, and what moves there. */
    public record Ending(String code, String successor, int users, long records, int subUnits) {
    }

    /** An operation of the dry-run: what it does, and the units it ends. */
    public record Operation(String summary, List<Ending> units) {
    }

    /** How a module's records follow the plan: its rule, in the page's language. */
    public record Rule(String module, String text) {
    }

    /**
     * What the plan would do, its conflicts (then there is nothing to apply), the basis the apply form carries, and how
     * each module's records follow.
     */
    public record DryRun(List<Operation> operations, int ended, int moved, int created, String effective, List<Line> conflicts,
                         String basis, List<Rule> rules) {
    }

    /** An applied plan: its number, the records given to successors, the records before and after. */
    public record Applied(String planId, String moved, String before, String after) {
    }

    /** The page: the form as typed, and a refusal, a dry-run or an applied plan. */
    public record View(Form form, Refusal refusal, DryRun dryRun, Applied applied, String formAction) {
    }

    @GET
    public Response form() {
        Tenant unit = layout.requireSubtree();
        return layout.okTemplate(page(unit, new View(new Form("", EXAMPLE, ""), null, null, null, null)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@FormParam("csrf") String csrf, @FormParam("action") String action, @FormParam("title") String title,
                           @FormParam("plan") String plan, @FormParam("basis") String basis,
                           @FormParam("effective") String effective) {
        layout.checkCsrf(csrf);
        Tenant unit = layout.requireSubtree();
        String text = plan == null ? "" : plan;
        Form form = new Form(title, text, effective == null ? "" : effective.strip());
        try {
            if ("apply".equals(action)) {
                JsonObject done = ownTransaction.call(() -> plans.applyCsv(text, title, basis, form.effective(), layout.locale()));
                return layout.okTemplate(page(unit, new View(form, null, null, applied(done), null)));
            }
            JsonObject report = ownTransaction.call(() -> plans.dryRunCsv(text, title, form.effective(), layout.locale()));
            return layout.okTemplate(page(unit, new View(form, null, dryRun(report), null, null)));
        } catch (ProblemException e) {
            if (e.problem().status() == 401 || e.problem().status() == 403) {
                throw layout.error(e.problem());
            }
            View view = new View(form.withErrors(e.problem().in(layout.locale()).fieldErrors()), refused(e), null, null, null);
            throw layout.refuseTemplate(e.problem().status(), page(unit, view));
        }
    }

    private Refusal refused(ProblemException e) {
        List<Line> lines = new ArrayList<>();
        // the plan's bad lines are said in the page's language; a list of a problem not said per language holds keys
        JsonArray errors = e.problem().in(layout.locale()).errors();
        if (errors != null) {
            for (JsonValue v : errors) {
                JsonObject err = v.asJsonObject();
                String reason = err.getString("reason");
                lines.add(new Line(err.getInt("line"), e.problem().perLanguage() ? reason : layout.message(reason)));
            }
        }
        return new Refusal(AdminPages.detail(layout, e), lines);
    }

    private static DryRun dryRun(JsonObject r) {
        List<Operation> operations = new ArrayList<>();
        for (JsonValue v : r.getJsonArray("operations")) {
            JsonObject op = v.asJsonObject();
            List<Ending> units = new ArrayList<>();
            if (op.containsKey("units")) {
                for (JsonValue u : op.getJsonArray("units")) {
                    JsonObject x = u.asJsonObject();
                    long records = x.getJsonObject("records").values().stream().mapToLong(n -> ((JsonNumber) n).longValue()).sum();
                    units.add(new Ending(x.getString("code"), x.getString("successor"), x.getInt("users"), records, x.getInt("subUnits")));
                }
            }
            operations.add(new Operation(op.getString("summary"), units));
        }
        List<Line> conflicts = new ArrayList<>();
        for (JsonValue v : r.getJsonArray("conflicts")) {
            JsonObject k = v.asJsonObject();
            conflicts.add(new Line(k.getInt("line"), k.containsKey("unit") ? k.getString("unit") + " → " + k.getString("successor") + " ("
                    + k.getString("module") + ", " + k.getString("table") + "): " + k.getString("rule")
                    + (k.getString("rows").isEmpty() ? "" : " [" + k.getString("rows") + "]") : k.getString("detail")));
        }
        List<Rule> rules = r.getJsonArray("rules").getValuesAs(JsonObject.class).stream()
                .map(x -> new Rule(x.getString("module"), x.getString("rule"))).toList();
        return new DryRun(operations, r.getInt("unitsEnded"), r.getInt("unitsMoved"), r.getInt("unitsCreated"), r.getString("effective", ""),
                conflicts, r.getString("basisToken", ""), rules);
    }

    private static Applied applied(JsonObject r) {
        return new Applied(r.getJsonNumber("planId").toString(), r.getJsonObject("moved").toString(), r.getJsonObject("before").toString(),
                r.getJsonObject("after").toString());
    }

    private String page(Tenant unit, View view) {
        DeskFrame.Page desk = layout.desk(unit, "reorganise", AdminPages.BUNDLE, "reorg.title");
        return AdminPages.render("reorganise.jte", desk, new View(view.form(), view.refusal(), view.dryRun(), view.applied(),
                layout.withLang("reorganise")));
    }
}
