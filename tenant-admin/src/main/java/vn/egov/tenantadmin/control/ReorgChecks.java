package vn.egov.tenantadmin.control;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import vn.egov.platform.tenancy.entity.TenantKind;
import vn.egov.tenantadmin.control.ReorgTree.Unit;

/**
 * What a plan may name, checked against the tree as the plan has left it so far: the units it acts on (known, live,
 * and within the acting unit's reach), and new codes, GSO codes, names and kinds.
 */
final class ReorgChecks {
    private static final Pattern CODE = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Pattern GSO = Pattern.compile("^[0-9]{2,5}$");

    private final ReorgTree tree;
    private final List<UnitCsvPlan.LineError> errors;
    /** The acting unit's id (null for the operator). */
    private final Long acting;
    /** Every code the plan names as a unit to act on, as found. */
    private final Set<String> referenced;

    ReorgChecks(ReorgTree tree, List<UnitCsvPlan.LineError> errors, Long acting, Set<String> referenced) {
        this.tree = tree;
        this.errors = errors;
        this.acting = acting;
        this.referenced = referenced;
    }

    /** A unit the plan may end or move: live, and strictly below the acting unit. */
    Unit subject(String code, int line) {
        return find(code, line, false);
    }

    /** A unit the plan may put things under: live, and the acting unit or below it. */
    Unit receiver(String code, int line) {
        return find(code, line, true);
    }

    private Unit find(String code, int line, boolean actingAllowed) {
        if (code == null) {
            return null;
        }
        referenced.add(code);
        Unit u = tree.byCode(code);
        if (u == null) {
            error(line, "planError.noUnit", code);
            return null;
        }
        if (!u.live) {
            Unit s = tree.current(u);
            error(line, "planError.ended", code, s == null ? "?" : s.code);
            return null;
        }
        if (acting != null && (!tree.within(u, acting) || (!actingAllowed && u.id == acting))) {
            error(line, "planError.outside", code);
            return null;
        }
        return u;
    }

    boolean newCodeOk(String code, int line) {
        if (code == null || code.length() > 63 || !CODE.matcher(code).matches()) {
            error(line, "planError.code", code == null ? "" : code);
            return false;
        }
        if (tree.byCode(code) != null) {
            Unit holder = tree.byCode(code);
            if (holder.live) {
                error(line, "planError.codeTaken.live", code, holder.name);
            } else {
                error(line, "planError.codeTaken.ended", code);
            }
            return false;
        }
        return true;
    }

    /** A new code for {@code u}: free, or held by an ended unit that {@code u} succeeded (its code is taken back). */
    boolean codeFor(Unit u, String code, int line) {
        Unit holder = tree.byCode(code);
        if (holder != null && !holder.live && tree.current(holder) == u) {
            return CODE.matcher(code).matches();
        }
        return newCodeOk(code, line);
    }

    boolean gsoOk(String gso, Unit taker, int line) {
        if (gso == null) {
            return true;
        }
        if (!GSO.matcher(gso).matches()) {
            error(line, "planError.gso", gso);
            return false;
        }
        Unit holder = tree.byGso(gso);
        if (holder != null && holder != taker && holder.live) {
            error(line, "planError.gsoTaken", gso, holder.name, holder.code);
            return false;
        }
        return true;
    }

    boolean nameOk(String name, int line) {
        if (name == null || name.isBlank() || name.length() > 200) {
            error(line, "planError.name");
            return false;
        }
        return true;
    }

    boolean kindOk(String kind, int line) {
        for (TenantKind k : TenantKind.values()) {
            if (k.dbValue().equals(kind)) {
                return true;
            }
        }
        error(line, "planError.kind", kind == null ? "" : kind);
        return false;
    }

    String temporaryCode(String code) {
        String base = (code.length() > 50 ? code.substring(0, 50) : code) + "-moi";
        String c = base;
        for (int i = 2; tree.byCode(c) != null; i++) {
            c = base + "-" + i;
        }
        return c;
    }

    /** A bad line: the key of its text in the module's bundles ({@link Wording}) and the text's arguments. */
    private void error(int line, String key, Object... args) {
        errors.add(new UnitCsvPlan.LineError(line, key, args));
    }
}
