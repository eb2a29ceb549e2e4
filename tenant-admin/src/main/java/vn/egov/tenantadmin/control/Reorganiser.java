package vn.egov.tenantadmin.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import vn.egov.platform.tenancy.entity.TenantKind;

/**
 * Checks a {@link ReorgPlan} against the tree, tells what it would do (dry-run), and does it (apply), on one JDBC
 * connection inside the caller's transaction. Plain JDBC so that the same code runs in the server (the request's
 * connection, scoped to the acting unit's subtree) and in the operator's tool (the owner's connection, the only
 * one that may create a new root, as merging provinces needs).
 * <p>
 * The plan is first played on an in-memory copy of the tree, which finds every error (unknown or ended unit,
 * unit outside the acting unit's subtree, merging a unit into itself or into its own sub-unit, moving a unit
 * under its own descendant, a code already taken) and turns the operations into steps. Applying locks the units
 * named in the plan, refuses if any changed since the dry-run ({@code basis}), then runs the steps through the
 * {@code reorg_*} database functions: records of every tenant table (found in the catalogue) go to the successor.
 */
public final class Reorganiser {
    private static final Pattern CODE = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    private final Connection c;
    private final String actor;
    /** The acting unit (the request's unit), or null for the operator (owner connection). */
    private final Long acting;

    /** Units of the in-memory tree. */
    private static final class Unit {
        final long id;
        String code;
        String name;
        final String kind;
        Long parent;
        boolean live;
        final int version;
        final boolean existing;
        Map<String, Long> records = new TreeMap<>();

        Unit(long id, String code, String name, String kind, Long parent, boolean live, int version, boolean existing) {
            this.id = id;
            this.code = code;
            this.name = name;
            this.kind = kind;
            this.parent = parent;
            this.live = live;
            this.version = version;
            this.existing = existing;
        }
    }

    /** What carrying out the plan takes, in order. Ids below zero are units the plan creates. */
    sealed interface Step permits Create, Attach, Move, Demote, Transfer, Retire, Rename {
        int line();
    }

    record Create(int line, long temp, String code, String name, String kind, Long parent) implements Step {
    }

    /** (operator only) a province goes under the new root of a province merge */
    record Attach(int line, long root, long newRoot) implements Step {
    }

    record Move(int line, long unit, long from, long to) implements Step {
    }

    record Demote(int line, long unit) implements Step {
    }

    record Transfer(int line, long from, long to) implements Step {
    }

    record Retire(int line, long unit, long successor, String change) implements Step {
    }

    record Rename(int line, long unit, String oldCode, String oldName, String code, String name) implements Step {
    }

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

    private final Map<Long, Unit> units = new LinkedHashMap<>();
    private final Map<String, Unit> byCode = new HashMap<>();
    private final List<Step> steps = new ArrayList<>();
    private final List<UnitCsvPlan.LineError> errors = new ArrayList<>();
    private final Set<String> referenced = new LinkedHashSet<>();
    private final List<JsonObject> described = new ArrayList<>();
    private long nextTemp = -1;

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

    /** Checks the plan and tells what it would do; changes nothing. */
    public Checked dryRun(ReorgPlan plan) throws SQLException {
        load(named(plan));
        play(plan);
        if (!errors.isEmpty()) {
            return new Checked(List.copyOf(errors), null);
        }
        JsonArrayBuilder conflicts = conflicts();
        return new Checked(List.of(), report(plan, false).add("conflicts", conflicts).build());
    }

    /**
     * Applies the plan atomically in the caller's transaction (the caller rolls back on any exception).
     *
     * @return null with {@code errorsOut} filled when the plan does not hold
     * @throws Stale when a unit changed since the dry-run that gave the plan's basis
     */
    public Applied apply(ReorgPlan plan, List<UnitCsvPlan.LineError> errorsOut) throws SQLException, Stale {
        vn.egov.platform.tenancy.control.TenantDirectory.forgetAfterCommit();
        lockNamed(plan);
        load(named(plan));
        play(plan);
        if (!errors.isEmpty()) {
            errorsOut.addAll(errors);
            return null;
        }
        List<String> stale = new ArrayList<>();
        for (String code : referenced) {
            Unit u = byCode.get(code);
            Integer seen = plan.basis().get(code);
            if (u != null && u.existing && (seen == null || seen != u.version)) {
                stale.add(code);
            }
        }
        if (!stale.isEmpty()) {
            throw new Stale(stale);
        }
        JsonArray conflictList = conflicts().build();
        if (!conflictList.isEmpty()) {
            errorsOut.add(new UnitCsvPlan.LineError(0, "Dữ liệu của các đơn vị sáp nhập trùng khóa duy nhất: " + conflictList
                    + " / records of merged units collide on a unique key"));
            return null;
        }
        Map<String, Long> before = loadedTotals;
        long planId = insertPlan(plan);
        Map<Long, Long> real = new HashMap<>();
        Map<Long, Long> successors = new LinkedHashMap<>();
        Set<Long> touched = new LinkedHashSet<>();
        JsonArrayBuilder replaced = Json.createArrayBuilder();
        Map<String, Long> moved = new TreeMap<>();
        for (Step s : steps) {
            if (s instanceof Create k) {
                long id = create(k, k.parent() == null ? null : resolve(real, k.parent()));
                real.put(k.temp(), id);
                createdIds.add(id);
                history(id, "created", k.code(), k.name(), k.code(), k.name(), planId, null,
                        null, k.parent() == null ? null : resolve(real, k.parent()));
                if (k.parent() == null) {
                    scope(id);
                }
            } else if (s instanceof Attach a) {
                attach(a.root(), resolve(real, a.newRoot()));
            } else if (s instanceof Move m) {
                long to = resolve(real, m.to());
                call("SELECT reorg_move(?, ?)", resolve(real, m.unit()), to);
                Unit u = units.get(m.unit());
                history(resolve(real, m.unit()), "moved", u.code, u.name, u.code, u.name, planId, null, resolve(real, m.from()), to);
                touched.add(resolve(real, m.unit()));
            } else if (s instanceof Demote d) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE app_user SET roles = array_remove(roles, 'UNIT_ADMIN'), "
                        + "subtree_rights = false WHERE tenant_id = ? AND ('UNIT_ADMIN' = ANY (roles) OR subtree_rights)")) {
                    ps.setLong(1, resolve(real, d.unit()));
                    ps.executeUpdate();
                }
            } else if (s instanceof Transfer t) {
                long to = resolve(real, t.to());
                try (PreparedStatement ps = c.prepareStatement("SELECT table_name, moved, replaced, replaced_rows FROM reorg_transfer(?, ?)")) {
                    ps.setLong(1, resolve(real, t.from()));
                    ps.setLong(2, to);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            moved.merge(rs.getString(1), rs.getLong(2), Long::sum);
                            if (rs.getLong(3) > 0) {
                                replaced.add(Json.createObjectBuilder().add("table", rs.getString(1))
                                        .add("unit", units.get(t.from()).code).add("rows", rs.getString(4)));
                            }
                        }
                    }
                }
                touched.add(resolve(real, t.from()));
                touched.add(to);
            } else if (s instanceof Retire r) {
                long to = resolve(real, r.successor());
                call("SELECT reorg_retire(?, ?)", resolve(real, r.unit()), to);
                Unit u = units.get(r.unit());
                Unit succ = units.get(r.successor());
                history(resolve(real, r.unit()), r.change(), u.code, u.name, succ.code, succ.name, planId, to, null, null);
                successors.put(resolve(real, r.unit()), to);
            } else if (s instanceof Rename n) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE tenant SET code = ?, name = ? WHERE id = ?")) {
                    ps.setString(1, n.code());
                    ps.setString(2, n.name());
                    ps.setLong(3, resolve(real, n.unit()));
                    if (ps.executeUpdate() != 1) {
                        throw new SQLException("unit " + n.oldCode() + " could not be renamed", "42501");
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE unit_setting SET display_name = ?, version = version + 1, "
                        + "updated_at = now() WHERE tenant_id = ? AND display_name = ?")) {
                    ps.setString(1, n.name());
                    ps.setLong(2, resolve(real, n.unit()));
                    ps.setString(3, n.oldName());
                    ps.executeUpdate();
                }
                history(resolve(real, n.unit()), "renamed", n.oldCode(), n.oldName(), n.code(), n.name(), planId, null, null, null);
                touched.add(resolve(real, n.unit()));
            }
        }
        Map<String, Long> after = totals();
        JsonObjectBuilder report = report(plan, true).add("planId", planId)
                .add("moved", counts(moved)).add("replaced", replaced)
                .add("before", counts(before)).add("after", counts(after));
        JsonObject done = report.build();
        try (PreparedStatement ps = c.prepareStatement("UPDATE reorg_plan SET report = ? WHERE id = ?")) {
            ps.setString(1, done.toString());
            ps.setLong(2, planId);
            ps.executeUpdate();
        }
        return new Applied(planId, done, successors, touched, List.copyOf(createdIds));
    }

    // ---- the in-memory tree -------------------------------------------------------------------------------

    private void load(Set<String> named) throws SQLException {
        units.clear();
        byCode.clear();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, code, name, kind, parent_id, status, version FROM tenant");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long parentId = rs.getLong(5);
                Long parent = rs.wasNull() ? null : parentId;
                Unit u = new Unit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        parent, !"retired".equals(rs.getString(6)), rs.getInt(7), true);
                units.put(u.id, u);
                byCode.put(u.code, u);
            }
        }
        // records per unit and table, as far as the scope reaches (for the operator: tree by tree)
        for (Long root : scopeRoots(named)) {
            if (acting == null) {
                scope(root);
            }
            List<Long> ids = new ArrayList<>();
            for (Unit u : units.values()) {
                if (within(u, root)) {
                    ids.add(u.id);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT table_name, tenant_id, n FROM reorg_count(?)")) {
                ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        units.get(rs.getLong(2)).records.merge(rs.getString(1), rs.getLong(3), Long::sum);
                        loadedTotals.merge(rs.getString(1), rs.getLong(3), Long::sum);
                    }
                }
            }
        }
    }

    private final Map<String, Long> loadedTotals = new TreeMap<>();

    /** Where records are counted: the acting unit's subtree; for the operator, the trees the plan names. */
    private List<Long> scopeRoots(Set<String> named) {
        if (acting != null) {
            return List.of(acting);
        }
        Set<Long> roots = new LinkedHashSet<>();
        for (String code : named) {
            Unit u = byCode.get(code);
            if (u != null) {
                roots.add(rootOf(u.id));
            }
        }
        return List.copyOf(roots);
    }

    private boolean within(Unit u, long ancestor) {
        for (Unit x = u; x != null; x = x.parent == null ? null : units.get(x.parent)) {
            if (x.id == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** A unit the plan may end or move: live, and strictly below the acting unit. */
    private Unit subject(String code, int line) {
        return find(code, line, false);
    }

    /** A unit the plan may put things under: live, and the acting unit or below it. */
    private Unit receiver(String code, int line) {
        return find(code, line, true);
    }

    private Unit find(String code, int line, boolean actingAllowed) {
        if (code == null) {
            return null;
        }
        referenced.add(code);
        Unit u = byCode.get(code);
        if (u == null) {
            error(line, "Không có đơn vị mã \"" + code + "\"", "no unit has the code \"" + code + "\"");
            return null;
        }
        if (!u.live) {
            Unit s = current(u);
            error(line, "Đơn vị \"" + code + "\" đã kết thúc (nay thuộc \"" + (s == null ? "?" : s.code) + "\")",
                    "unit \"" + code + "\" has ended (now part of \"" + (s == null ? "?" : s.code) + "\")");
            return null;
        }
        if (acting != null && (!within(u, acting) || (!actingAllowed && u.id == acting))) {
            error(line, "Đơn vị \"" + code + "\" nằm ngoài phạm vi quản trị của bạn", "unit \"" + code + "\" is outside your administration");
            return null;
        }
        return u;
    }

    private Unit current(Unit u) {
        Unit x = u;
        for (int i = 0; i < 50 && x != null && !x.live; i++) {
            Long s = successorOf.get(x.id);
            x = s == null ? null : units.get(s);
        }
        return x;
    }

    private final Map<Long, Long> successorOf = new HashMap<>();

    private boolean newCodeOk(String code, int line) {
        if (code == null || code.length() > 63 || !CODE.matcher(code).matches()) {
            error(line, "Mã mới \"" + (code == null ? "" : code) + "\" không hợp lệ (chữ thường không dấu, chữ số, gạch ngang; tối đa 63 ký tự)",
                    "new code \"" + (code == null ? "" : code) + "\" is invalid (lower-case letters, digits, single hyphens; at most 63)");
            return false;
        }
        if (byCode.containsKey(code)) {
            error(line, "Mã \"" + code + "\" đã được dùng (trùng mã)", "the code \"" + code + "\" is already taken");
            return false;
        }
        return true;
    }

    private boolean nameOk(String name, int line) {
        if (name == null || name.isBlank() || name.length() > 200) {
            error(line, "Tên đơn vị mới không được trống và dài tối đa 200 ký tự", "the new unit's name is required, at most 200 characters");
            return false;
        }
        return true;
    }

    private void play(ReorgPlan plan) {
        boolean first = true;
        for (ReorgPlan.Operation op : plan.operations()) {
            if (op instanceof ReorgPlan.MergeProvinces && !first) {
                error(op.line(), "Hợp nhất tỉnh phải là thao tác đầu tiên của kế hoạch", "merging provinces must be the plan's first operation");
            }
            first = false;
            int before = errors.size();
            int stepsBefore = steps.size();
            if (op instanceof ReorgPlan.Merge m) {
                merge(m);
            } else if (op instanceof ReorgPlan.Move m) {
                move(m);
            } else if (op instanceof ReorgPlan.Rename r) {
                rename(r);
            } else if (op instanceof ReorgPlan.Dissolve d) {
                dissolve(d);
            } else if (op instanceof ReorgPlan.MergeProvinces p) {
                mergeProvinces(p);
            }
            if (errors.size() > before) {
                // keep checking the rest, but this operation's steps are not part of the plan any more
                steps.subList(stepsBefore, steps.size()).clear();
            }
        }
        if (acting == null && errors.isEmpty() && !(steps.isEmpty() || steps.get(0) instanceof Create k && k.parent() == null)) {
            Set<Long> roots = new LinkedHashSet<>();
            for (String code : referenced) {
                Unit u = byCode.get(code);
                if (u != null && u.existing) {
                    roots.add(rootOf(u.id));
                }
            }
            if (roots.size() > 1) {
                error(0, "Kế hoạch trải trên nhiều tỉnh: hãy hợp nhất tỉnh trước", "the plan spans several provinces: merge them first");
            }
        }
    }

    private void merge(ReorgPlan.Merge m) {
        int line = m.line();
        List<Unit> sources = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String code : m.units()) {
            if (!seen.add(code)) {
                error(line, "Đơn vị \"" + code + "\" được nêu hai lần", "unit \"" + code + "\" is named twice");
                continue;
            }
            Unit u = subject(code, line);
            if (u != null) {
                sources.add(u);
            }
        }
        Unit target;
        if (m.into() != null) {
            if (m.units().contains(m.into())) {
                error(line, "Không thể sáp nhập đơn vị \"" + m.into() + "\" vào chính nó", "a unit cannot be merged into itself (\"" + m.into() + "\")");
                return;
            }
            target = receiver(m.into(), line);
        } else {
            ReorgPlan.NewUnit n = m.newUnit();
            Unit parent = n.parent() != null ? receiver(n.parent(), line)
                    : sources.isEmpty() || sources.get(0).parent == null ? null : units.get(sources.get(0).parent);
            boolean ok = newCodeOk(n.code(), line) & nameOk(n.name(), line) & kindOk(n.kind(), line);
            if (parent == null && errors.isEmpty()) {
                error(line, "Cần đơn vị cấp trên của đơn vị mới (parent)", "the new unit needs a parent");
            }
            if (!ok || parent == null) {
                return;
            }
            target = created(line, n.code(), n.name(), n.kind(), parent.id);
        }
        if (target == null || sources.size() != m.units().size()) {
            return;
        }
        for (Unit s : sources) {
            if (within(target, s.id)) {
                error(line, "Không thể sáp nhập \"" + s.code + "\" vào \"" + target.code + "\", vốn là đơn vị trực thuộc của nó",
                        "\"" + s.code + "\" cannot be merged into its own sub-unit \"" + target.code + "\"");
                return;
            }
        }
        for (Unit s : sources) {
            end(line, s, target, "merged", false);
        }
        described.add(Json.createObjectBuilder().add("line", line).add("op", "merge")
                .add("summary", "Sáp nhập " + names(sources) + " vào " + target.name + " (" + target.code + ")")
                .add("units", unitsJson(sources, target)).build());
    }

    private void move(ReorgPlan.Move m) {
        Unit u = subject(m.unit(), m.line());
        Unit parent = receiver(m.parent(), m.line());
        if (u == null || parent == null) {
            return;
        }
        if (u.parent == null) {
            error(m.line(), "Đơn vị gốc \"" + u.code + "\" chỉ hợp nhất được bằng merge-provinces", "a root moves only by merge-provinces");
            return;
        }
        if (within(parent, u.id)) {
            error(m.line(), "Không thể chuyển \"" + u.code + "\" vào dưới \"" + parent.code + "\": đó là chính nó hoặc đơn vị trực thuộc của nó (vòng lặp)",
                    "\"" + u.code + "\" cannot move under \"" + parent.code + "\", which is itself or one of its sub-units (a cycle)");
            return;
        }
        if (Objects.equals(u.parent, parent.id)) {
            error(m.line(), "\"" + u.code + "\" đã trực thuộc \"" + parent.code + "\"", "\"" + u.code + "\" is already under \"" + parent.code + "\"");
            return;
        }
        steps.add(new Move(m.line(), u.id, u.parent, parent.id));
        u.parent = parent.id;
        described.add(Json.createObjectBuilder().add("line", m.line()).add("op", "move")
                .add("summary", "Chuyển " + u.name + " (" + u.code + ") về trực thuộc " + parent.name)
                .add("units", Json.createArrayBuilder().add(unitJson(u, parent))).build());
    }

    private void rename(ReorgPlan.Rename r) {
        Unit u = subject(r.unit(), r.line());
        if (u == null) {
            return;
        }
        String code = r.code() == null ? u.code : r.code();
        String name = r.name() == null ? u.name : r.name();
        if (!code.equals(u.code) && !newCodeOk(code, r.line())) {
            return;
        }
        if (!nameOk(name, r.line())) {
            return;
        }
        if (code.equals(u.code) && name.equals(u.name)) {
            error(r.line(), "Mã và tên mới trùng với hiện tại", "the new code and name are the current ones");
            return;
        }
        steps.add(new Rename(r.line(), u.id, u.code, u.name, code, name));
        byCode.put(code, u);
        String oldCode = u.code;
        u.code = code;
        u.name = name;
        described.add(Json.createObjectBuilder().add("line", r.line()).add("op", "rename")
                .add("summary", "Đổi " + oldCode + " thành " + name + " (" + code + ")").build());
    }

    private void dissolve(ReorgPlan.Dissolve d) {
        Unit u = subject(d.unit(), d.line());
        if (u == null) {
            return;
        }
        if (u.parent == null) {
            error(d.line(), "Không thể giải thể đơn vị gốc \"" + u.code + "\"", "the root \"" + u.code + "\" cannot be dissolved");
            return;
        }
        Unit parent = units.get(u.parent);
        steps.add(new Demote(d.line(), u.id));
        end(d.line(), u, parent, "dissolved", true);
        described.add(Json.createObjectBuilder().add("line", d.line()).add("op", "dissolve")
                .add("summary", "Giải thể " + u.name + " (" + u.code + "); các đơn vị trực thuộc về " + parent.name
                        + "; quản trị viên của đơn vị giải thể mất quyền quản trị")
                .add("units", unitsJson(List.of(u), parent)).build());
    }

    private void mergeProvinces(ReorgPlan.MergeProvinces p) {
        int line = p.line();
        if (acting != null) {
            error(line, "Hợp nhất tỉnh chỉ thực hiện bằng công cụ vận hành (egov-cli reorganise)",
                    "provinces are merged with the operator's tool (egov-cli reorganise)");
            return;
        }
        List<Unit> roots = new ArrayList<>();
        for (String code : p.units()) {
            Unit u = find(code, line, true);
            if (u != null && u.parent != null) {
                error(line, "\"" + code + "\" không phải đơn vị gốc (tỉnh)", "\"" + code + "\" is not a root (province)");
            } else if (u != null) {
                roots.add(u);
            }
        }
        String kind = p.into().kind() == null ? "province" : p.into().kind();
        boolean ok = newCodeOk(p.into().code(), line) & nameOk(p.into().name(), line) & kindOk(kind, line);
        if (!ok || roots.size() != p.units().size()) {
            return;
        }
        Unit root = created(line, p.into().code(), p.into().name(), kind, null);
        for (Unit r : roots) {
            steps.add(new Attach(line, r.id, root.id));
            r.parent = root.id;
        }
        for (Unit r : roots) {
            end(line, r, root, "merged", false);
        }
        described.add(Json.createObjectBuilder().add("line", line).add("op", "merge-provinces")
                .add("summary", "Hợp nhất " + names(roots) + " thành " + root.name + " (" + root.code + ")")
                .add("units", unitsJson(roots, root)).build());
    }

    /** A unit ends: its live sub-units move under the successor, its records go to it, it retires. */
    private void end(int line, Unit u, Unit successor, String change, boolean demoted) {
        for (Unit child : List.copyOf(units.values())) {
            if (child.live && Objects.equals(child.parent, u.id)) {
                steps.add(new Move(line, child.id, u.id, successor.id));
                child.parent = successor.id;
            }
        }
        steps.add(new Transfer(line, u.id, successor.id));
        steps.add(new Retire(line, u.id, successor.id, change));
        u.records.forEach((t, n) -> successor.records.merge(t, n, Long::sum));
        u.live = false;
        successorOf.put(u.id, successor.id);
    }

    private Unit created(int line, String code, String name, String kind, Long parent) {
        Unit u = new Unit(nextTemp--, code, name, kind, parent, true, 0, false);
        units.put(u.id, u);
        byCode.put(code, u);
        steps.add(new Create(line, u.id, code, name, kind, parent));
        return u;
    }

    private boolean kindOk(String kind, int line) {
        for (TenantKind k : TenantKind.values()) {
            if (k.dbValue().equals(kind)) {
                return true;
            }
        }
        error(line, "Loại đơn vị \"" + (kind == null ? "" : kind) + "\" không hợp lệ", "unknown kind \"" + (kind == null ? "" : kind) + "\"");
        return false;
    }

    private void error(int line, String vi, String en) {
        errors.add(new UnitCsvPlan.LineError(line, vi + " / " + en));
    }

    // ---- reports ------------------------------------------------------------------------------------------

    private JsonObjectBuilder report(ReorgPlan plan, boolean applied) {
        JsonObjectBuilder basis = Json.createObjectBuilder();
        for (String code : referenced) {
            Unit u = byCode.get(code);
            if (u != null && u.existing) {
                basis.add(code, u.version);
            }
        }
        JsonArrayBuilder ops = Json.createArrayBuilder();
        described.forEach(ops::add);
        long ended = units.values().stream().filter(u -> u.existing && !u.live && successorOf.containsKey(u.id)).count();
        long moves = steps.stream().filter(s -> s instanceof Move).count();
        long creates = steps.stream().filter(s -> s instanceof Create).count();
        Map<String, Long> toMove = new TreeMap<>();
        for (Unit u : units.values()) {
            if (successorOf.containsKey(u.id)) {
                u.records.forEach((t, n) -> toMove.merge(t, n, Long::sum));
            }
        }
        return Json.createObjectBuilder().add("title", plan.title()).add("applied", applied)
                .add("operations", ops).add("basis", basis)
                .add("unitsEnded", ended).add("unitsMoved", moves).add("unitsCreated", creates)
                .add("recordsToTransfer", counts(toMove))
                .add("usernames", "Tên đăng nhập là duy nhất toàn tỉnh: người dùng của đơn vị sáp nhập giữ nguyên tài khoản, không thể trùng "
                        + "/ usernames are unique province-wide: users of merged units keep their accounts, no clash is possible");
    }

    private JsonArrayBuilder unitsJson(List<Unit> list, Unit successor) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        list.forEach(u -> a.add(unitJson(u, successor)));
        return a;
    }

    private JsonObjectBuilder unitJson(Unit u, Unit successor) {
        long sub = units.values().stream().filter(x -> x.live && Objects.equals(x.parent, u.id)).count();
        return Json.createObjectBuilder().add("code", u.code).add("name", u.name).add("successor", successor.code)
                .add("users", u.records.getOrDefault("app_user", 0L)).add("records", counts(u.records)).add("subUnits", sub);
    }

    private static JsonObjectBuilder counts(Map<String, Long> m) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        new TreeMap<>(m).forEach(b::add);
        return b;
    }

    private static String names(List<Unit> list) {
        return String.join(", ", list.stream().map(u -> u.name + " (" + u.code + ")").toList());
    }

    private JsonArrayBuilder conflicts() throws SQLException {
        JsonArrayBuilder out = Json.createArrayBuilder();
        Map<Long, List<Long>> groups = new LinkedHashMap<>();
        for (Step s : steps) {
            if (s instanceof Transfer t) {
                groups.computeIfAbsent(t.to(), k -> new ArrayList<>()).add(t.from());
            }
        }
        for (Map.Entry<Long, List<Long>> g : groups.entrySet()) {
            List<Long> from = g.getValue().stream().filter(id -> units.get(id).existing).toList();
            long to = g.getKey() > 0 ? g.getKey() : from.isEmpty() ? 0 : from.get(0);
            if (from.isEmpty() || to == 0 || (acting == null && !sameTree(from, to))) {
                continue;
            }
            if (acting == null) {
                scope(rootOf(to));
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT table_name, key_name, n FROM reorg_conflicts(?, ?)")) {
                ps.setArray(1, c.createArrayOf("bigint", from.toArray()));
                ps.setLong(2, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(Json.createObjectBuilder().add("successor", units.get(g.getKey()).code)
                                .add("table", rs.getString(1)).add("key", rs.getString(2)).add("values", rs.getLong(3)));
                    }
                }
            }
        }
        return out;
    }

    private boolean sameTree(List<Long> ids, long to) {
        long root = rootOf(to);
        return ids.stream().allMatch(id -> rootOf(id) == root);
    }

    private long rootOf(long id) {
        Unit u = units.get(id);
        while (u.parent != null && units.containsKey(u.parent) && units.get(u.parent).existing) {
            u = units.get(u.parent);
        }
        return u.id;
    }

    // ---- applying -----------------------------------------------------------------------------------------

    private void lockNamed(ReorgPlan plan) throws SQLException {
        Set<String> codes = named(plan);
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM tenant WHERE code = ANY (?) ORDER BY id FOR UPDATE")) {
            ps.setArray(1, c.createArrayOf("varchar", codes.toArray()));
            ps.executeQuery().close();
        }
    }

    /** The codes of existing units a plan names (and its basis). */
    private static Set<String> named(ReorgPlan plan) {
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

    /**
     * Writes the plan's row (its history rows point to it). It belongs to the acting unit; for the operator, to the
     * new root of a province merge (created here, first), else to the root of the tree the plan works in.
     */
    private long insertPlan(ReorgPlan plan) throws SQLException {
        long owner;
        Create root = null;
        if (acting != null) {
            owner = acting;
        } else if (!steps.isEmpty() && steps.get(0) instanceof Create k && k.parent() == null) {
            root = k;
            steps.remove(0);
            owner = create(k, null);
            for (int i = 0; i < steps.size(); i++) {
                steps.set(i, retarget(steps.get(i), k.temp(), owner));
            }
            units.put(owner, relabel(units.get(k.temp()), owner));
        } else {
            owner = rootOf(firstExisting());
            scope(owner);
        }
        long planId;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO reorg_plan (tenant_id, title, plan, report, applied_by) "
                + "VALUES (?, ?, ?, '{}', ?) RETURNING id")) {
            ps.setLong(1, owner);
            ps.setString(2, plan.title());
            ps.setString(3, describe(plan));
            ps.setString(4, actor);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                planId = rs.getLong(1);
            }
        }
        if (root != null) {
            createdIds.add(owner);
            history(owner, "created", root.code(), root.name(), root.code(), root.name(), planId, null, null, null);
        }
        return planId;
    }

    private final List<Long> createdIds = new ArrayList<>();

    private Unit relabel(Unit temp, long id) {
        Unit u = new Unit(id, temp.code, temp.name, temp.kind, temp.parent, true, 1, true);
        byCode.put(u.code, u);
        for (Unit x : units.values()) {
            if (Objects.equals(x.parent, temp.id)) {
                x.parent = id;
            }
        }
        return u;
    }

    private static Step retarget(Step s, long temp, long id) {
        if (s instanceof Attach a && a.newRoot() == temp) {
            return new Attach(a.line(), a.root(), id);
        } else if (s instanceof Move m && m.to() == temp) {
            return new Move(m.line(), m.unit(), m.from(), id);
        } else if (s instanceof Transfer t && t.to() == temp) {
            return new Transfer(t.line(), t.from(), id);
        } else if (s instanceof Retire r && r.successor() == temp) {
            return new Retire(r.line(), r.unit(), id, r.change());
        } else if (s instanceof Create k && k.parent() != null && k.parent() == temp) {
            return new Create(k.line(), k.temp(), k.code(), k.name(), k.kind(), id);
        }
        return s;
    }

    private long firstExisting() {
        for (String code : referenced) {
            Unit u = byCode.get(code);
            if (u != null && u.existing) {
                return u.id;
            }
        }
        throw new IllegalStateException("the plan names no existing unit");
    }

    private static String describe(ReorgPlan plan) {
        JsonArrayBuilder ops = Json.createArrayBuilder();
        for (ReorgPlan.Operation op : plan.operations()) {
            ops.add(op.toString());
        }
        return Json.createObjectBuilder().add("title", plan.title()).add("operations", ops).build().toString();
    }

    private long create(Create k, Long parent) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tenant (code, name, kind, parent_id) VALUES (?, ?, ?, ?) RETURNING id")) {
            ps.setString(1, k.code());
            ps.setString(2, k.name());
            ps.setString(3, k.kind());
            if (parent == null) {
                ps.setNull(4, java.sql.Types.BIGINT);
            } else {
                ps.setLong(4, parent);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        if (parent == null) {
            scope(id);
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

    private void scope(long unit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true), set_config('app.subtree', 'on', true)")) {
            ps.setString(1, Long.toString(unit));
            ps.executeQuery().close();
        }
    }

    private static long resolve(Map<Long, Long> real, long id) {
        if (id > 0) {
            return id;
        }
        Long r = real.get(id);
        if (r == null) {
            throw new IllegalStateException("unit " + id + " not created yet");
        }
        return r;
    }

    private void call(String sql, long a, long b) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, a);
            ps.setLong(2, b);
            ps.executeQuery().close();
        }
    }

    private void history(long unit, String change, String oldCode, String oldName, String newCode, String newName,
                         long planId, Long successor, Long oldParent, Long newParent) throws SQLException {
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
    private Map<String, Long> totals() throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT unnest(visible_tenants())"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT table_name, sum(n)::bigint FROM reorg_count(?) GROUP BY 1")) {
            Array a = c.createArrayOf("bigint", ids.toArray());
            ps.setArray(1, a);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }
}
