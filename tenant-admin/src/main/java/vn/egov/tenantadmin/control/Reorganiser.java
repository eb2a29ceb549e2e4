package vn.egov.tenantadmin.control;

import vn.egov.platform.persistence.ConnectionScope;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import vn.egov.platform.tenancy.reorg.RecordRule;

/**
 * Checks a {@link ReorgPlan} against the tree, tells what it would do (dry-run), and does it (apply), on one JDBC
 * connection inside the caller's transaction. Plain JDBC (no JTA, no CDI) so that the same code runs in the server
 * (the request's connection, scoped to the acting unit's subtree) and in the operator's tool (the owner's connection,
 * the only one that may create a root, as merging or adding provinces needs).
 * <p>
 * The plan is first played on an in-memory copy of the tree ({@link ReorgPlay}), which finds every error in the plan
 * itself and turns the operations into {@link ReorgStep}s. Then the steps run ({@link ReorgRun}): in a dry-run as a
 * trial under a savepoint that is rolled back, reporting every conflict and failure with its line, so that the
 * dry-run's verdict is the apply's; in apply for real, after locking the units named and refusing if any changed
 * since the dry-run ({@code basis}).
 */
public final class Reorganiser {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Connection c;
    private final String actor;
    /** The acting unit (the request's unit), or null for the operator (owner connection). */
    private final Long acting;

    /** The plan checked against the tree. */
    public record Checked(List<UnitCsvPlan.LineError> errors, JsonObject report) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /** A unit named in the plan changed since the dry-run (its version is not the basis's). */
    public static final class Stale extends Exception {
        private final List<String> units;

        Stale(List<String> units) {
            super("changed meanwhile: " + units);
            this.units = List.copyOf(units);
        }

        public List<String> units() {
            return units;
        }
    }

    /** What applying did: the plan's id, the report, and the units whose settings or state changed. */
    public record Applied(long planId, JsonObject report, Map<Long, Long> successors, Set<Long> touched,
                          List<Long> created) {
    }

    /**
     * @param connection the transaction's connection, its scope already set (API), or the owner's (operator)
     * @param actor      who carries out the plan (recorded in the history and the plan)
     * @param acting     the unit the plan is applied from (every unit it touches lies below it); null for the operator
     */
    public Reorganiser(Connection connection, String actor, Long acting) {
        this.c = Objects.requireNonNull(connection, "connection");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.acting = acting;
    }

    /**
     * Checks the plan and tells what it would do, by doing it under a savepoint that is then rolled back: every
     * conflict (which rows, which rule) and every failure comes back as an error with its line. Changes nothing.
     */
    public Checked dryRun(ReorgPlan plan) throws SQLException {
        ReorgPlay play = play(plan);
        if (!play.errors().isEmpty()) {
            return new Checked(List.copyOf(play.errors()), null);
        }
        Savepoint sp = c.setSavepoint();
        ReorgRun run = new ReorgRun(c, actor, acting, play.tree(), effective(plan));
        try {
            lockNamed(play.named());
            run.run(play.steps(), plan.title(), describe(plan), true);
            JsonObjectBuilder report = play.report(false).add("effective", ReorgPlan.DAY.format(effective(plan)))
                    .add("rules", rules(run.rules())).add("moved", counts(run.moved)).add("replaced", run.replaced)
                    .add("before", counts(play.tree().totals())).add("after", counts(run.totals()));
            JsonArrayBuilder conflicts = Json.createArrayBuilder();
            run.conflicts.forEach(conflicts::add);
            run.failures.forEach(conflicts::add);
            return new Checked(List.of(), report.add("conflicts", conflicts).build());
        } catch (ReorgRun.Refused e) {
            throw new IllegalStateException("a trial never stops at a refusal", e);
        } finally {
            c.rollback(sp);
        }
    }

    /**
     * Applies the plan atomically in the caller's transaction (the caller rolls back on any exception, and when
     * {@code errorsOut} is filled).
     *
     * @return null with {@code errorsOut} filled when the plan does not hold or its records collide
     * @throws Stale when a unit changed since the dry-run that gave the plan's basis
     */
    public Applied apply(ReorgPlan plan, List<UnitCsvPlan.LineError> errorsOut) throws SQLException, Stale {
        ReorgPlay first = play(plan);
        if (!first.errors().isEmpty()) {
            errorsOut.addAll(first.errors());
            return null;
        }
        lockNamed(first.named());
        ReorgPlay play = play(plan); // again, now that the units are locked
        if (!play.errors().isEmpty()) {
            errorsOut.addAll(play.errors());
            return null;
        }
        List<String> stale = play.stale(plan.basis());
        if (!stale.isEmpty()) {
            throw new Stale(stale);
        }
        ReorgRun run = new ReorgRun(c, actor, acting, play.tree(), effective(plan));
        Savepoint sp = c.setSavepoint();
        try {
            run.run(play.steps(), plan.title(), describe(plan), false);
        } catch (ReorgRun.Refused e) {
            c.rollback(sp); // the steps before the refusal are undone here, whatever the caller does
            for (JsonObject k : run.conflicts) {
                errorsOut.add(new UnitCsvPlan.LineError(k.getInt("line"), "planError.conflict", k.getString("unit"), k.getString("successor"),
                        k.getString("module"), k.getString("table"), ReorgSaid.phrase(k, "rule"),
                        k.getString("rows").isEmpty() ? "" : " [" + k.getString("rows") + "]"));
            }
            return null;
        }
        JsonObject done = play.report(true).add("planId", run.planId()).add("effective", ReorgPlan.DAY.format(effective(plan)))
                .add("rules", rules(run.rules())).add("moved", counts(run.moved)).add("replaced", run.replaced)
                .add("before", counts(play.tree().totals())).add("after", counts(run.totals())).build();
        run.report(done);
        return new Applied(run.planId(), done, run.successors, run.touched, List.copyOf(run.created));
    }

    private ReorgPlay play(ReorgPlan plan) throws SQLException {
        ReorgTree tree = new ReorgTree();
        tree.load(c);
        ReorgPlay play = new ReorgPlay(tree, acting, plan);
        // records per unit and table, as far as the scope reaches (for the operator: tree by tree), as they stand
        for (Long root : play.scopeRoots()) {
            if (acting == null) {
                scope(root);
            }
            tree.count(c, tree.idsWithin(root));
        }
        play.play();
        return play;
    }

    private LocalDate effective(ReorgPlan plan) {
        return plan.effective() != null ? plan.effective() : LocalDate.now(VIETNAM);
    }

    private static JsonArrayBuilder rules(List<RecordRule> rules) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (RecordRule r : rules) {
            a.add(Json.createObjectBuilder().add("module", r.module()).add(ReorgSaid.SAID, ReorgSaid.said("rule", r.description())));
        }
        return a;
    }

    static JsonObjectBuilder counts(Map<String, Long> m) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        new TreeMap<>(m).forEach(b::add);
        return b;
    }

    private void lockNamed(Set<String> codes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM tenant WHERE code = ANY (?) ORDER BY id FOR UPDATE")) {
            ps.setArray(1, c.createArrayOf("varchar", codes.toArray()));
            ps.executeQuery().close();
        }
    }

    private void scope(long unit) throws SQLException {
        ConnectionScope.bind(c, unit, true);
    }

    private static String describe(ReorgPlan plan) {
        JsonArrayBuilder ops = Json.createArrayBuilder();
        for (ReorgPlan.Operation op : plan.operations()) {
            ops.add(op.toString());
        }
        return Json.createObjectBuilder().add("title", plan.title()).add("operations", ops).build().toString();
    }

    /** The codes of existing units a plan names (and its basis). */
    public static Set<String> named(ReorgPlan plan) {
        Set<String> codes = new LinkedHashSet<>(plan.basis().keySet());
        for (ReorgPlan.Operation op : plan.operations()) {
            if (op instanceof ReorgPlan.Merge m) {
                codes.addAll(m.units());
                if (m.into() != null) {
                    codes.add(m.into());
                }
                if (m.newUnit() != null && m.newUnit().parent() != null) {
                    codes.add(m.newUnit().parent());
                }
            } else if (op instanceof ReorgPlan.Move m) {
                codes.add(m.unit());
                codes.add(m.parent());
            } else if (op instanceof ReorgPlan.Rename r) {
                codes.add(r.unit());
            } else if (op instanceof ReorgPlan.Dissolve d) {
                codes.add(d.unit());
            } else if (op instanceof ReorgPlan.MergeProvinces p) {
                codes.addAll(p.units());
            }
        }
        return codes;
    }

    /** Basis of the units a plan names, as a map (for tests and tools that hold a report). */
    public static Map<String, Integer> basis(JsonObject report) {
        Map<String, Integer> out = new LinkedHashMap<>();
        report.getJsonObject("basis").forEach((k, v) -> out.put(k, ((jakarta.json.JsonNumber) v).intValue()));
        return out;
    }
}
