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
import vn.egov.platform.tenancy.UnitsReorganised;
import vn.egov.platform.tenancy.reorg.Conflict;
import vn.egov.platform.tenancy.reorg.Handover;
import vn.egov.platform.tenancy.reorg.RecordRule;
import vn.egov.platform.tenancy.reorg.RecordRules;
import vn.egov.platform.tenancy.reorg.Transferred;

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
            scope(owner);
        }
        planId = insertPlan(owner, title, describe);
        for (int i = 0; i < first; i++) {
            ReorgStep.Create k = (ReorgStep.Create) steps.get(i);
            long id = real.get(k.temp());
            if (acting == null) {
                scope(id);
            }
            history(id, "created", k.code(), k.name(), k.code(), k.name(), null, null, null);
        }
        if (acting == null && first > 0) {
            scope(owner);
        }
        for (ReorgStep raw : steps.subList(first, steps.size())) {
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
            history(id, "created", k.code(), k.name(), k.code(), k.name(), null, null, k.parent());
        } else if (s instanceof ReorgStep.Attach a) {
            attach(a.root(), a.newRoot());
        } else if (s instanceof ReorgStep.Move m) {
            call("SELECT reorg_move(?, ?)", m.unit(), m.to());
            history(m.unit(), "moved", m.code(), m.name(), m.code(), m.name(), null, m.from(), m.to());
            touched.add(m.unit());
        } else if (s instanceof ReorgStep.Transfer t) {
            transfer(t, trial);
        } else if (s instanceof ReorgStep.Retire r) {
            call("SELECT reorg_retire(?, ?)", r.unit(), r.successor());
            history(r.unit(), r.change(), r.code(), r.name(), r.successorCode(), r.successorName(), r.successor(), null, null);
            successors.put(r.unit(), r.successor());
        } else if (s instanceof ReorgStep.Rename n) {
            rename(n);
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
                            "Khóa duy nhất " + rs.getString(2) + " sẽ trùng khi chuyển dữ liệu của " + h.fromCode() + " sang " + h.toCode()
                                    + " / the unique key " + rs.getString(2) + " would collide", rs.getString(4), rs.getLong(3)), h));
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
                .add("unit", h.fromCode()).add("successor", k.successor()).add("rule", k.rule())
                .add("rows", k.rows() == null ? "" : k.rows()).add("count", k.count()).build();
    }

    // ---- the tree ---------------------------------------------------------------------------------------------

    private long create(ReorgStep.Create k, Long parent) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tenant (code, name, kind, parent_id) VALUES (?, ?, ?, ?) RETURNING id")) {
            ps.setString(1, k.code());
            ps.setString(2, k.name());
            ps.setString(3, k.kind());
            ps.setObject(4, parent, java.sql.Types.BIGINT);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        real.put(k.temp(), id);
        created.add(id);
        if (parent == null) {
            scope(id);
        }
        if (k.gso() != null) {
            freeGso(k.gso(), id);
            try (PreparedStatement ps = c.prepareStatement("UPDATE tenant SET gso_code = ? WHERE id = ?")) {
                ps.setString(1, k.gso());
                ps.setLong(2, id);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO unit_setting (tenant_id, display_name, mail_sender_name) VALUES (?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, k.name());
            ps.setString(3, k.name());
            ps.executeUpdate();
        }
        return id;
    }

    /** (operator) a whole province goes under the new root: its paths are rewritten in one statement. */
    private void attach(long root, long newRoot) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE tenant SET path = (SELECT path FROM tenant WHERE id = ?) || path, "
                + "parent_id = CASE WHEN id = ? THEN ? ELSE parent_id END "
                + "WHERE path <@ (SELECT path FROM tenant WHERE id = ?)")) {
            ps.setLong(1, newRoot);
            ps.setLong(2, root);
            ps.setLong(3, newRoot);
            ps.setLong(4, root);
            ps.executeUpdate();
        }
    }

    private void rename(ReorgStep.Rename n) throws SQLException {
        if (!n.code().equals(n.oldCode())) {
            // the code an ended predecessor held: it keeps its row under a code of its own (its id), the successor takes it
            try (PreparedStatement ps = c.prepareStatement("UPDATE tenant SET code = left(code, 50) || '-' || id WHERE code = ? AND status = 'retired'")) {
                ps.setString(1, n.code());
                ps.executeUpdate();
            }
        }
        if (n.gso() != null && !n.gso().equals(n.oldGso())) {
            freeGso(n.gso(), n.unit());
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE tenant SET code = ?, name = ?, kind = ?, gso_code = ? WHERE id = ?")) {
            ps.setString(1, n.code());
            ps.setString(2, n.name());
            ps.setString(3, n.kind());
            ps.setString(4, n.gso());
            ps.setLong(5, n.unit());
            if (ps.executeUpdate() != 1) {
                throw new SQLException("unit " + n.oldCode() + " could not be renamed", "42501");
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE unit_setting SET display_name = CASE WHEN display_name = ? THEN ? ELSE display_name END, "
                + "mail_sender_name = CASE WHEN mail_sender_name = ? OR mail_sender_name IS NULL THEN ? ELSE mail_sender_name END, "
                + "version = version + 1, updated_at = now() WHERE tenant_id = ? AND (display_name = ? OR mail_sender_name = ? OR mail_sender_name IS NULL)")) {
            ps.setString(1, n.oldName());
            ps.setString(2, n.name());
            ps.setString(3, n.oldName());
            ps.setString(4, n.name());
            ps.setLong(5, n.unit());
            ps.setString(6, n.oldName());
            ps.setString(7, n.oldName());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO unit_history (unit_id, change, old_code, old_name, new_code, new_name, "
                + "changed_by, plan_id, old_kind, new_kind, old_gso_code, new_gso_code) VALUES (?, 'renamed', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, n.unit());
            ps.setString(2, n.oldCode());
            ps.setString(3, n.oldName());
            ps.setString(4, n.code());
            ps.setString(5, n.name());
            ps.setString(6, actor);
            ps.setLong(7, planId);
            ps.setString(8, n.oldKind());
            ps.setString(9, n.kind());
            ps.setString(10, n.oldGso());
            ps.setString(11, n.gso());
            ps.executeUpdate();
        }
        touched.add(n.unit());
    }

    /** A GSO code an ended unit held goes to the unit that takes it (live units' codes were checked by the plan). */
    private void freeGso(String gso, long taker) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE tenant SET gso_code = NULL WHERE gso_code = ? AND status = 'retired' AND id <> ?")) {
            ps.setString(1, gso);
            ps.setLong(2, taker);
            ps.executeUpdate();
        }
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

    private long insertPlan(long owner, String title, String describe) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO reorg_plan (tenant_id, title, plan, report, applied_by) "
                + "VALUES (?, ?, ?, '{}', ?) RETURNING id")) {
            ps.setLong(1, owner);
            ps.setString(2, title);
            ps.setString(3, describe);
            ps.setString(4, actor);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    void report(JsonObject done) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE reorg_plan SET report = ? WHERE id = ?")) {
            ps.setString(1, done.toString());
            ps.setLong(2, planId);
            ps.executeUpdate();
        }
    }

    void scope(long unit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true), set_config('app.subtree', 'on', true)")) {
            ps.setString(1, Long.toString(unit));
            ps.executeQuery().close();
        }
    }

    private void call(String sql, long a, long b) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, a);
            ps.setLong(2, b);
            ps.executeQuery().close();
        }
    }

    private void history(long unit, String change, String oldCode, String oldName, String newCode, String newName,
                         Long successor, Long oldParent, Long newParent) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO unit_history (unit_id, change, old_code, old_name, new_code, "
                + "new_name, changed_by, plan_id, successor_id, old_parent_id, new_parent_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, unit);
            ps.setString(2, change);
            ps.setString(3, oldCode);
            ps.setString(4, oldName);
            ps.setString(5, newCode);
            ps.setString(6, newName);
            ps.setString(7, actor);
            ps.setLong(8, planId);
            ps.setObject(9, successor, java.sql.Types.BIGINT);
            ps.setObject(10, oldParent, java.sql.Types.BIGINT);
            ps.setObject(11, newParent, java.sql.Types.BIGINT);
            ps.executeUpdate();
        }
    }

    /** Rows per tenant table over the whole scope: the same before and after, or something was lost. */
    Map<String, Long> totals() throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT table_name, sum(n)::bigint FROM reorg_count(visible_tenants()) GROUP BY 1");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }
}
