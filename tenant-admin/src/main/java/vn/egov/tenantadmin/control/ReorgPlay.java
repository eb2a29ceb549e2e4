package vn.egov.tenantadmin.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import vn.egov.platform.tenancy.reorg.Handover;
import vn.egov.tenantadmin.control.ReorgTree.Unit;

/**
 * A plan played on an in-memory copy of the tree: finds every error of the plan itself, each with its line (unknown or
 * ended unit, a unit outside the acting unit's subtree, a unit merged into itself or its own sub-unit, a move under
 * its own descendant, a code or GSO code a live unit holds, a merge into a unit the same plan ends, a root operation
 * outside the operator's tool) and turns the operations into {@link ReorgStep}s.
 */
final class ReorgPlay {
    private final ReorgTree tree;
    private final Long acting;
    private final List<ReorgStep> steps = new ArrayList<>();
    private final List<UnitCsvPlan.LineError> errors = new ArrayList<>();
    private final Set<String> referenced = new LinkedHashSet<>();
    private final List<JsonObject> described = new ArrayList<>();
    /** Line at which a unit receives another's records, to catch a later operation that ends it. */
    private final Map<Long, Integer> receives = new TreeMap<>();
    private final ReorgPlan plan;
    private final ReorgChecks check;
    private final ReorgReport report;

    ReorgPlay(ReorgTree tree, Long acting, ReorgPlan plan) {
        this.tree = tree;
        this.acting = acting;
        this.plan = plan;
        this.check = new ReorgChecks(tree, errors, acting, referenced);
        this.report = new ReorgReport(tree);
    }

    /** The report of the plan as played (before or after it was applied). */
    JsonObjectBuilder report(boolean applied) {
        return report.report(plan, applied, referenced, described, steps);
    }

    ReorgTree tree() {
        return tree;
    }

    List<ReorgStep> steps() {
        return steps;
    }

    List<UnitCsvPlan.LineError> errors() {
        return errors;
    }

    Set<String> named() {
        return Reorganiser.named(plan);
    }

    void play() {
        boolean first = true;
        boolean roots = false;
        for (ReorgPlan.Operation op : plan.operations()) {
            if (op instanceof ReorgPlan.MergeProvinces && !first) {
                error(op.line(), "planError.mergeProvincesFirst");
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
            } else if (op instanceof ReorgPlan.AddProvince a) {
                addProvince(a);
                roots = true;
            }
            if (errors.size() > before) {
                // keep checking the rest, but this operation's steps are not part of the plan any more
                steps.subList(stepsBefore, steps.size()).clear();
            }
        }
        if (roots && plan.operations().stream().anyMatch(o -> !(o instanceof ReorgPlan.AddProvince))) {
            error(0, "planError.addProvinceAlone");
        }
        if (acting == null && errors.isEmpty() && !(steps.isEmpty() || steps.get(0) instanceof ReorgStep.Create k && k.parent() == null)) {
            Set<Long> trees = new LinkedHashSet<>();
            for (String code : referenced) {
                Unit u = tree.byCode(code);
                if (u != null && u.existing) {
                    trees.add(tree.rootOf(u.id));
                }
            }
            if (trees.size() > 1) {
                error(0, "planError.provinces");
            }
        }
    }

    /** Where records are counted (before the plan is played): the acting unit's subtree; for the operator, the trees the plan names. */
    List<Long> scopeRoots() {
        if (acting != null) {
            return List.of(acting);
        }
        Set<Long> roots = new LinkedHashSet<>();
        for (String code : named()) {
            Unit u = tree.byCode(code);
            if (u != null && u.existing) {
                roots.add(tree.rootOf(u.id));
            }
        }
        return List.copyOf(roots);
    }

    /** Units named in the plan whose version is not the basis's (changed since the dry-run). */
    List<String> stale(Map<String, Integer> basis) {
        List<String> out = new ArrayList<>();
        for (String code : referenced) {
            Unit u = tree.byCode(code);
            Integer seen = basis.get(code);
            if (u != null && u.existing && (seen == null || seen != u.version)) {
                out.add(code);
            }
        }
        return out;
    }

    // ---- operations ---------------------------------------------------------------------------------------------

    private void merge(ReorgPlan.Merge m) {
        int line = m.line();
        List<Unit> sources = mergedUnits(m);
        if (m.site() != null && !m.units().contains(m.site())) {
            error(line, "planError.site", m.site());
            return;
        }
        Unit target;
        String takeBack = null;
        if (m.into() != null) {
            if (m.units().contains(m.into())) {
                error(line, "planError.intoItself", m.into());
                return;
            }
            target = check.receiver(m.into(), line);
        } else {
            target = newSuccessor(m, sources);
            if (target == null) {
                return;
            }
            String code = m.newUnit().code();
            takeBack = code != null && m.units().contains(code) ? code : null;
        }
        if (target == null || sources.size() != m.units().size()) {
            return;
        }
        for (Unit s : sources) {
            if (tree.within(target, s.id)) {
                error(line, "planError.intoSubUnit", s.code, target.code);
                return;
            }
        }
        Handover.Admins admins = Handover.Admins.parse(m.admins());
        for (Unit s : sources) {
            end(line, s, target, "merged", admins, s.code.equals(m.site()));
        }
        if (takeBack != null) {
            takeBack(line, target, takeBack);
        }
        described.add(report.merged(line, sources, target, admins));
    }

    /** The units a merge ends that the plan may end, each named once (the others are errors). */
    private List<Unit> mergedUnits(ReorgPlan.Merge m) {
        List<Unit> sources = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String code : m.units()) {
            if (!seen.add(code)) {
                error(m.line(), "planError.twice", code);
                continue;
            }
            Unit u = check.subject(code, m.line());
            if (u != null) {
                sources.add(u);
            }
        }
        return sources;
    }

    /**
     * The new unit a merge creates, under the parent named or the first merged unit's; when it takes back the code of
     * a unit it replaces, it is created under another code first. Null when it cannot be (an error says why).
     */
    private Unit newSuccessor(ReorgPlan.Merge m, List<Unit> sources) {
        int line = m.line();
        ReorgPlan.NewUnit n = m.newUnit();
        Unit parent = n.parent() != null ? check.receiver(n.parent(), line)
                : sources.isEmpty() || sources.get(0).parent == null ? null : tree.get(sources.get(0).parent);
        boolean reuse = n.code() != null && m.units().contains(n.code());
        boolean ok = (reuse || check.newCodeOk(n.code(), line)) & check.nameOk(n.name(), line) & check.kindOk(n.kind(), line) & check.gsoOk(n.gso(), null, line);
        if (parent == null && errors.isEmpty()) {
            error(line, "planError.parent");
        }
        if (!ok || parent == null) {
            return null;
        }
        String code = reuse ? check.temporaryCode(n.code()) : n.code();
        return created(line, code, n.name(), n.kind(), n.gso(), parent.id);
    }

    private void move(ReorgPlan.Move m) {
        Unit u = check.subject(m.unit(), m.line());
        Unit parent = check.receiver(m.parent(), m.line());
        if (u == null || parent == null) {
            return;
        }
        if (u.parent == null) {
            error(m.line(), "planError.rootMove", u.code);
            return;
        }
        if (tree.within(parent, u.id)) {
            error(m.line(), "planError.moveCycle", u.code, parent.code);
            return;
        }
        if (Objects.equals(u.parent, parent.id)) {
            error(m.line(), "planError.alreadyUnder", u.code, parent.code);
            return;
        }
        steps.add(new ReorgStep.Move(m.line(), u.id, u.parent, parent.id, u.code, u.name));
        u.parent = parent.id;
        described.add(report.moved(m.line(), u, parent));
    }

    private void rename(ReorgPlan.Rename r) {
        Unit u = check.subject(r.unit(), r.line());
        if (u == null) {
            return;
        }
        String code = r.code() == null ? u.code : r.code();
        String name = r.name() == null ? u.name : r.name();
        String kind = r.kind() == null ? u.kind : r.kind();
        String gso = r.gso() == null ? u.gso : r.gso();
        boolean ok = (code.equals(u.code) || check.codeFor(u, code, r.line())) & check.nameOk(name, r.line())
                & (kind.equals(u.kind) || check.kindOk(kind, r.line())) & (Objects.equals(gso, u.gso) || check.gsoOk(gso, u, r.line()));
        if (!ok) {
            return;
        }
        if (code.equals(u.code) && name.equals(u.name) && kind.equals(u.kind) && Objects.equals(gso, u.gso)) {
            error(r.line(), "planError.sameNames");
            return;
        }
        rename(r.line(), u, code, name, kind, gso);
        described.add(ReorgReport.renamed(r.line(), r.unit(), code, name, kind, gso));
    }

    private void rename(int line, Unit u, String code, String name, String kind, String gso) {
        steps.add(new ReorgStep.Rename(line, u.id, u.code, u.name, u.kind, u.gso, code, name, kind, gso));
        Unit holder = tree.byCode(code);
        if (holder != null && holder != u) {
            tree.recode(holder, (code.length() > 50 ? code.substring(0, 50) : code) + "-" + holder.id);
        }
        Unit gsoHolder = gso == null ? null : tree.byGso(gso);
        if (gsoHolder != null && gsoHolder != u) {
            tree.regso(gsoHolder, null);
        }
        tree.recode(u, code);
        tree.regso(u, gso);
        u.name = name;
        u.kind = kind;
    }

    /** The successor takes back the code of a unit that just ended into it. */
    private void takeBack(int line, Unit target, String code) {
        rename(line, target, code, target.name, target.kind, target.gso);
    }

    private void dissolve(ReorgPlan.Dissolve d) {
        Unit u = check.subject(d.unit(), d.line());
        if (u == null) {
            return;
        }
        if (u.parent == null) {
            error(d.line(), "planError.rootDissolve", u.code);
            return;
        }
        Unit parent = tree.get(u.parent);
        Handover.Admins admins = Handover.Admins.parse(d.admins());
        end(d.line(), u, parent, "dissolved", admins, false);
        described.add(report.dissolved(d.line(), u, parent, admins));
    }

    private void mergeProvinces(ReorgPlan.MergeProvinces p) {
        int line = p.line();
        if (acting != null) {
            error(line, "planError.mergeProvincesTool");
            return;
        }
        List<Unit> roots = new ArrayList<>();
        for (String code : p.units()) {
            Unit u = check.receiver(code, line);
            if (u != null && u.parent != null) {
                error(line, "planError.notRoot", code);
            } else if (u != null) {
                roots.add(u);
            }
        }
        String kind = p.into().kind() == null ? "province" : p.into().kind();
        boolean reuse = p.units().contains(p.into().code());
        boolean ok = (reuse || check.newCodeOk(p.into().code(), line)) & check.nameOk(p.into().name(), line) & check.kindOk(kind, line)
                & check.gsoOk(p.into().gso(), null, line);
        if (!ok || roots.size() != p.units().size()) {
            return;
        }
        Unit root = created(line, reuse ? check.temporaryCode(p.into().code()) : p.into().code(), p.into().name(), kind, p.into().gso(), null);
        for (Unit r : roots) {
            steps.add(new ReorgStep.Attach(line, r.id, root.id));
            r.parent = root.id;
        }
        Handover.Admins admins = Handover.Admins.parse(p.admins());
        for (Unit r : roots) {
            end(line, r, root, "merged", admins, false);
        }
        if (reuse) {
            takeBack(line, root, p.into().code());
        }
        described.add(report.provincesMerged(line, roots, root));
    }

    private void addProvince(ReorgPlan.AddProvince a) {
        int line = a.line();
        if (acting != null) {
            error(line, "planError.addProvinceTool");
            return;
        }
        ReorgPlan.NewUnit n = a.unit();
        String kind = n.kind() == null ? "province" : n.kind();
        if (check.newCodeOk(n.code(), line) & check.nameOk(n.name(), line) & check.kindOk(kind, line) & check.gsoOk(n.gso(), null, line)) {
            Unit root = created(line, n.code(), n.name(), kind, n.gso(), null);
            described.add(ReorgReport.provinceAdded(line, root));
        }
    }

    /** A unit ends: its live sub-units move under the successor, its records go to it, it retires. */
    private void end(int line, Unit u, Unit successor, String change, Handover.Admins admins, boolean site) {
        Integer received = receives.get(u.id);
        if (received != null && received < line) {
            error(line, "planError.receivesThenEnds", u.code, received, line);
            return;
        }
        for (Unit child : List.copyOf(tree.all())) {
            if (child.live && Objects.equals(child.parent, u.id)) {
                steps.add(new ReorgStep.Move(line, child.id, u.id, successor.id, child.code, child.name));
                child.parent = successor.id;
            }
        }
        steps.add(new ReorgStep.Transfer(line, u.id, successor.id, u.code, successor.code, admins, site));
        steps.add(new ReorgStep.Retire(line, u.id, successor.id, change, u.code, u.name, successor.code, successor.name));
        receives.putIfAbsent(successor.id, line);
        tree.ended(u, successor);
    }

    private Unit created(int line, String code, String name, String kind, String gso, Long parent) {
        Unit u = tree.create(code, name, kind, gso, parent);
        steps.add(new ReorgStep.Create(line, u.id, code, name, kind, gso, parent));
        return u;
    }

    /** A bad line: the key of its text in the module's bundles ({@link Wording}) and the text's arguments. */
    private void error(int line, String key, Object... args) {
        errors.add(new UnitCsvPlan.LineError(line, key, args));
    }
}
