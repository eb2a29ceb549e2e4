package vn.egov.provisioning;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.egov.tenantadmin.control.ReorgPlan;
import vn.egov.tenantadmin.control.ReorgSaid;
import vn.egov.tenantadmin.control.Reorganiser;
import vn.egov.tenantadmin.control.UnitCsvPlan;

/**
 * {@code egov reorganise}: the operator's way to carry out a reorganisation plan, as the database owner, with the
 * same checks and steps as the API. It is the only way to merge provinces (a new root is beyond any
 * administrator's scope). Without {@code --apply} it is a dry-run that prints the report and the basis to apply with.
 */
@Command(name = "reorganise")
final class Reorganise implements Callable<Integer> {
    /** The tool speaks Vietnamese: the report's words too. */
    private static final java.util.Locale VIETNAMESE = java.util.Locale.forLanguageTag("vi");

    @CommandLine.ParentCommand Egov parent;

    @Option(names = "--plan", required = true)
    Path plan;

    @Option(names = "--title")
    String title;

    @Option(names = "--apply")
    boolean apply;

    @Option(names = "--basis")
    String basis;

    @Option(names = "--actor", defaultValue = "operator")
    String actor;

    @Option(names = "--effective")
    String effective;

    @Override
    public Integer call() throws Exception {
        Log log = new Log(System.out);
        Settings settings = Settings.run(parent.work());
        Database db = new Database(Postgres.locate(parent.work(), log), settings);
        ReorgPlan parsed;
        try {
            parsed = read().withEffective(ReorgPlan.day(effective));
        } catch (ReorgPlan.Unreadable e) {
            return refuse(e.errors());
        } catch (IllegalArgumentException e) {
            System.err.println("egov: --effective: " + e.getMessage());
            return 2;
        }
        try (Connection owner = db.owner()) {
            owner.setAutoCommit(false);
            try {
                long t0 = System.nanoTime();
                return apply ? apply(owner, parsed, log, t0) : dryRun(owner, parsed, log, t0);
            } catch (Reorganiser.Stale e) {
                owner.rollback();
                System.err.println("egov: " + Said.text("reorganise.stale", String.join(", ", e.units())));
                return 1;
            } catch (Exception e) {
                owner.rollback();
                throw e;
            }
        }
    }

    /** Checks the plan and rolls back: the report and the basis to apply it with, or why it would not apply. */
    private int dryRun(Connection owner, ReorgPlan parsed, Log log, long t0) throws Exception {
        Reorganiser.Checked checked = new Reorganiser(owner, actor, null).dryRun(parsed);
        owner.rollback();
        log.say("reorganise.checked", parsed.operations().size(), String.format("%.0f", (System.nanoTime() - t0) / 1e6));
        if (!checked.valid()) {
            return refuse(checked.errors());
        }
        log.raw(pretty(ReorgSaid.in(checked.report(), VIETNAMESE)));
        if (!checked.report().getJsonArray("conflicts").isEmpty()) {
            System.err.println("egov: " + Said.text("reorganise.conflicts", checked.report().getJsonArray("conflicts").size()));
            return 1;
        }
        log.raw(Said.text("reorganise.dryRunOnly", ReorgPlan.basisToken(checked.report().getJsonObject("basis"))));
        return 0;
    }

    /** Applies the plan against the basis of its dry-run, with its audit entry, in one transaction. */
    private int apply(Connection owner, ReorgPlan parsed, Log log, long t0) throws Exception {
        if ((basis == null || basis.isBlank()) && !Reorganiser.named(parsed).isEmpty()) {
            System.err.println("egov: " + Said.text("reorganise.basisMissing"));
            return 2;
        }
        List<UnitCsvPlan.LineError> errors = new ArrayList<>();
        Map<String, Integer> versions;
        try {
            versions = ReorgPlan.parseBasisToken(basis);
        } catch (IllegalArgumentException e) {
            System.err.println("egov: " + Said.text("reorganise.basisForm", e.getMessage()));
            return 2;
        }
        Reorganiser.Applied applied = new Reorganiser(owner, actor, null).apply(parsed.withBasis(versions), errors);
        if (applied == null) {
            owner.rollback();
            return refuse(errors);
        }
        audit(owner, applied);
        owner.commit();
        log.say("reorganise.applied", parsed.operations().size(), String.format("%.0f", (System.nanoTime() - t0) / 1e6));
        log.raw(pretty(ReorgSaid.in(applied.report(), VIETNAMESE)));
        log.raw(Said.text("reorganise.appliedPlan", applied.planId()));
        log.raw(Said.text("reorganise.search"));
        return 0;
    }

    /** The audit trail of the plan's unit (the root it worked in), as the API's apply writes it. */
    private void audit(Connection owner, Reorganiser.Applied applied) throws java.sql.SQLException {
        JsonObject r = applied.report();
        String after = Json.createObjectBuilder().add("planId", applied.planId()).add("unitsEnded", r.getJsonNumber("unitsEnded"))
                .add("unitsMoved", r.getJsonNumber("unitsMoved")).add("unitsCreated", r.getJsonNumber("unitsCreated"))
                .add("moved", r.getJsonObject("moved")).add("tool", "egov reorganise").build().toString();
        try (java.sql.PreparedStatement ps = owner.prepareStatement("INSERT INTO audit_entry (tenant_id, actor, action, target, after_state) "
                + "SELECT tenant_id, ?, 'unit.reorganised', left(title, 200), ? FROM reorg_plan WHERE id = ?")) {
            ps.setString(1, actor);
            ps.setString(2, after);
            ps.setLong(3, applied.planId());
            if (ps.executeUpdate() != 1) {
                throw new java.sql.SQLException(Said.text("reorganise.auditFailed"));
            }
        }
    }

    private ReorgPlan read() throws Exception {
        String text = Files.readString(plan, StandardCharsets.UTF_8);
        if (plan.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
            try (JsonReader r = Json.createReader(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text))) {
                return ReorgPlan.fromJson(r.readObject());
            }
        }
        return ReorgPlan.fromCsv(title, text, Map.of());
    }

    private static int refuse(List<UnitCsvPlan.LineError> errors) {
        System.err.println("egov: " + Said.text("reorganise.invalid"));
        errors.forEach(e -> System.err.println("  " + Said.text("line", e.line(), e.reason())));
        return 1;
    }

    private static String pretty(JsonObject o) {
        JsonWriterFactory f = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
        StringWriter w = new StringWriter();
        f.createWriter(w).write(o);
        return w.toString();
    }
}
