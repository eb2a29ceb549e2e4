package vn.egov.tenantadmin.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.ServiceLoader;
import vn.egov.platform.tenancy.UnitDefaults;
import vn.egov.platform.tenancy.UnitProvisioned;
import vn.egov.platform.tenancy.UnitsReorganised;
import vn.egov.platform.tenancy.reorg.Conflict;
import vn.egov.platform.tenancy.reorg.Handover;
import vn.egov.platform.tenancy.reorg.RecordRule;
import vn.egov.platform.tenancy.reorg.RecordRules;
import vn.egov.platform.tenancy.reorg.Transferred;
import vn.egov.platform.words.Phrase;

/**
 * Carries out a plan's steps on one JDBC connection, in the caller's transaction. Each ended unit's records go to its
 * successor module by module ({@link RecordRule}, found on the class path), then the generic move takes the tables no
 * rule carries. Before each hand-over the same checks run as in the dry-run (the rules' and the unique keys of the
 * generic tables, partial indexes with their predicates), against the successor as earlier steps left it.
 * <p>
 * A <em>trial</em> (the dry-run) runs every step under a savepoint and goes on after a refusal or a database error, so
 * that it reports them all; the caller then rolls the trial back. A dry-run that reports nothing is therefore a plan
 * that applies. A real run stops at the first refusal.
 */
final class ReorgRun {

    /** A hand-over the checks refuse (a real run stops there; the caller rolls back). */
    static final class Refused extends Exception {
        Refused() {
            super("refused");
        }
    }

    private final Connection c;
    private final String actor;
    private final Long acting;
    private final ReorgTree tree;
    private final LocalDate effective;
    private final List<RecordRule> rules = RecordRules.all();
    private final String[] carried;
    private final Map<Long, Long> real = new HashMap<>();
    private final ReorgSql sql;
    private long planId;

    final Map<String, Long> moved = new TreeMap<>();
    final JsonArrayBuilder replaced = Json.createArrayBuilder();
    final List<JsonObject> conflicts = new ArrayList<>();
    final List<JsonObject> failures = new ArrayList<>();
    final Map<Long, Long> successors = new LinkedHashMap<>();
    final Set<Long> touched = new LinkedHashSet<>();
    final List<Long> created = new ArrayList<>();

    ReorgRun(Connection c, String actor, Long acting, ReorgTree tree, LocalDate effective) {
        this.c = c;
        this.actor = actor;
        this.acting = acting;
        this.tree = tree;
        this.effective = effective;
        this.carried = RecordRules.carried(rules).toArray(String[]::new);
        this.sql = new ReorgSql(c, actor);
    }

    List<RecordRule> rules() {
        return rules;
    }

    long planId() {
        return planId;
    }

    /** Runs the steps; the plan's row (its history points to it) is written first, for {@code describe}d plan. */
    void run(List<ReorgStep> steps, String title, String describe, boolean trial) throws SQLException, Refused {
        int first = 0;
        Long owner = acting;
        // the operator's plan that makes a root: the root exists first, the plan is its own, everything runs in its scope
        for (; first < steps.size() && steps.get(first) instanceof ReorgStep.Create k && k.parent() == null; first++) {
            long id = create(k, null);
            owner = owner == null ? id : owner;
        }
        if (owner == null) {
            owner = tree.rootOf(firstExisting(steps));
        }
        if (acting == null) {
            sql.scope(owner);
        }
        planId = sql.insertPlan(owner, title, describe);
        for (int i = 0; i < first; i++) {
            ReorgStep.Create k = (ReorgStep.Create) steps.get(i);
            long id = real.get(k.temp());
            if (acting == null) {
                sql.scope(id);
            }
            sql.history(planId, id, "created", k.code(), k.name(), k.code(), k.name(), null, null, null);
        }
        if (acting == null && first > 0) {
            sql.scope(owner);
        }
        for (ReorgStep raw : steps.subList(first, steps.size())) {
            if (trial && !resolvable(raw)) {
                // a unit this step needs was not created, an earlier step having failed: that failure is reported already
                continue;
            }
            ReorgStep s = ReorgStep.resolve(raw, this::real);
            Savepoint sp = trial ? c.setSavepoint() : null;
            try {
                execute(s, trial);
                if (sp != null) {
                    c.releaseSavepoint(sp);
                }
            } catch (SQLException e) {
                if (!trial) {
                    throw e;
                }
                c.rollback(sp);
                failures.add(Json.createObjectBuilder().add("line", s.line()).add("rule", "database")
                        .add("detail", String.valueOf(e.getMessage())).build());
            }
        }
        UnitsReorganised outcome = new UnitsReorganised(planId, successors, List.copyOf(touched), created, actor);
        for (RecordRule r : rules) {
            r.finish(c, outcome, acting != null);
        }
    }

    private boolean resolvable(ReorgStep step) {
        try {
            ReorgStep.resolve(step, this::real);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** A unit the plan creates, known from now on by its real id. */
    private long create(ReorgStep.Create k, Long parent) throws SQLException {
        long id = sql.create(k, parent);
        real.put(k.temp(), id);
        created.add(id);
        // what every new unit starts with (the portal's categories and introduction page, the welcome notice), as when
        // it is created any other way; records merged into it later join these (a category of the same slug is one)
        UnitProvisioned event = new UnitProvisioned(id, k.code(), sql.path(id), k.kind(), actor);
        for (UnitDefaults d : ServiceLoader.load(UnitDefaults.class, UnitDefaults.class.getClassLoader())) {
            d.apply(c, event);
        }
        return id;
    }

    void report(JsonObject done) throws SQLException {
        sql.report(planId, done);
    }

    Map<String, Long> totals() throws SQLException {
        return sql.totals();
    }

    private long real(long id) {
        if (id > 0) {
            return id;
        }
        Long r = real.get(id);
        if (r == null) {
            throw new IllegalStateException("unit " + id + " not created yet");
        }
        return r;
    }

    private void execute(ReorgStep s, boolean trial) throws SQLException, Refused {
        if (s instanceof ReorgStep.Create k) {
            long id = create(k, k.parent());
            sql.history(planId, id, "created", k.code(), k.name(), k.code(), k.name(), null, null, k.parent());
        } else if (s instanceof ReorgStep.Attach a) {
            sql.attach(a.root(), a.newRoot());
        } else if (s instanceof ReorgStep.Move m) {
            sql.call("SELECT reorg_move(?, ?)", m.unit(), m.to());
            sql.history(planId, m.unit(), "moved", m.code(), m.name(), m.code(), m.name(), null, m.from(), m.to());
            touched.add(m.unit());
        } else if (s instanceof ReorgStep.Transfer t) {
            transfer(t, trial);
        } else if (s instanceof ReorgStep.Retire r) {
            sql.call("SELECT reorg_retire(?, ?)", r.unit(), r.successor());
            sql.history(planId, r.unit(), r.change(), r.code(), r.name(), r.successorCode(), r.successorName(), r.successor(), null, null);
            successors.put(r.unit(), r.successor());
        } else if (s instanceof ReorgStep.Rename n) {
            sql.rename(n, planId);
            touched.add(n.unit());
        }
    }

    private void transfer(ReorgStep.Transfer t, boolean trial) throws SQLException, Refused {
        Handover h = new Handover(t.from(), t.fromCode(), t.to(), t.toCode(), planId, effective, t.admins(), t.site());
        List<JsonObject> found = check(h, t.line());
        if (!found.isEmpty()) {
            conflicts.addAll(found);
            if (!trial) {
                throw new Refused();
            }
            return;
        }
        for (RecordRule r : rules) {
            Transferred done = r.transfer(c, h);
            done.moved().forEach((table, n) -> moved.merge(table, n, Long::sum));
            done.replaced().forEach((table, rows) -> replaced.add(Json.createObjectBuilder().add("table", table)
                    .add("unit", t.fromCode()).add("rule", r.module()).add("rows", rows)));
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT table_name, moved, replaced, replaced_rows FROM reorg_transfer(?, ?, ?)")) {
            ps.setLong(1, t.from());
            ps.setLong(2, t.to());
            ps.setArray(3, c.createArrayOf("text", carried));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    moved.merge(rs.getString(1), rs.getLong(2), Long::sum);
                    if (rs.getLong(3) > 0) {
                        replaced.add(Json.createObjectBuilder().add("table", rs.getString(1)).add("unit", t.fromCode()).add("rule", "generic")
                                .add("rows", rs.getString(4)));
                    }
                }
            }
        }
        touched.add(t.from());
        touched.add(t.to());
    }

    /** The checks of one hand-over: every rule's, and the unique keys of the tables the generic move takes. */
    private List<JsonObject> check(Handover h, int line) throws SQLException {
        List<JsonObject> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT table_name, key_name, n, sample FROM reorg_conflicts(?, ?, ?)")) {
            ps.setArray(1, c.createArrayOf("bigint", new Long[] {h.from()}));
            ps.setLong(2, h.to());
            ps.setArray(3, c.createArrayOf("text", carried));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(conflict(line, new Conflict("generic", rs.getString(1), h.toCode(),
                            Phrase.of(Wording.BUNDLE, "report.keyCollides", rs.getString(2), h.fromCode(), h.toCode()), rs.getString(4), rs.getLong(3)), h));
                }
            }
        }
        for (RecordRule r : rules) {
            for (Conflict k : r.conflicts(c, h)) {
                out.add(conflict(line, k, h));
            }
        }
        return out;
    }

    private static JsonObject conflict(int line, Conflict k, Handover h) {
        return Json.createObjectBuilder().add("line", line).add("module", k.module()).add("table", k.table())
                .add("unit", h.fromCode()).add("successor", k.successor()).add(ReorgSaid.SAID, ReorgSaid.said("rule", k.rule()))
                .add("rows", k.rows() == null ? "" : k.rows()).add("count", k.count()).build();
    }

    private long firstExisting(List<ReorgStep> steps) {
        for (ReorgStep s : steps) {
            long id = s instanceof ReorgStep.Move m ? m.unit() : s instanceof ReorgStep.Transfer t ? t.from()
                    : s instanceof ReorgStep.Rename n ? n.unit() : s instanceof ReorgStep.Attach a ? a.root() : -1;
            if (id > 0) {
                return id;
            }
        }
        throw new IllegalStateException("the plan names no existing unit");
    }
}
