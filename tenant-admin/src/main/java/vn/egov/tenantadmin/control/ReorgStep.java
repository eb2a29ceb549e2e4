package vn.egov.tenantadmin.control;

import vn.egov.platform.tenancy.reorg.Handover;

/**
 * What carrying out a plan takes, in order: the plan's operations played on the tree become these steps. Ids below
 * zero are units the plan creates; {@code line} is the operation's place in the plan, for messages.
 */
sealed interface ReorgStep {
    int line();

    /** A new unit (a root when {@code parent} is null). */
    record Create(int line, long temp, String code, String name, String kind, String gso, Long parent) implements ReorgStep {
    }

    /** (operator only) a province goes under the new root of a province merge */
    record Attach(int line, long root, long newRoot) implements ReorgStep {
    }

    /** Codes and names are as the plan had them at that step (history records them so). */
    record Move(int line, long unit, long from, long to, String code, String name) implements ReorgStep {
    }

    /** The ended unit's records go to its successor, each module by its own rule. */
    record Transfer(int line, long from, long to, String fromCode, String toCode, Handover.Admins admins, boolean site) implements ReorgStep {
    }

    record Retire(int line, long unit, long successor, String change, String code, String name, String successorCode,
                  String successorName) implements ReorgStep {
    }

    /** A unit's code, name, kind or GSO code changes; a code or GSO code an ended predecessor held is freed first. */
    record Rename(int line, long unit, String oldCode, String oldName, String oldKind, String oldGso,
                  String code, String name, String kind, String gso) implements ReorgStep {
    }

    /** Resolves the ids of units created meanwhile. */
    static ReorgStep resolve(ReorgStep s, java.util.function.LongUnaryOperator real) {
        if (s instanceof Create k) {
            return new Create(k.line(), k.temp(), k.code(), k.name(), k.kind(), k.gso(),
                    k.parent() == null ? null : real.applyAsLong(k.parent()));
        } else if (s instanceof Attach a) {
            return new Attach(a.line(), real.applyAsLong(a.root()), real.applyAsLong(a.newRoot()));
        } else if (s instanceof Move m) {
            return new Move(m.line(), real.applyAsLong(m.unit()), real.applyAsLong(m.from()), real.applyAsLong(m.to()), m.code(), m.name());
        } else if (s instanceof Transfer t) {
            return new Transfer(t.line(), real.applyAsLong(t.from()), real.applyAsLong(t.to()), t.fromCode(), t.toCode(), t.admins(), t.site());
        } else if (s instanceof Retire r) {
            return new Retire(r.line(), real.applyAsLong(r.unit()), real.applyAsLong(r.successor()), r.change(), r.code(), r.name(),
                    r.successorCode(), r.successorName());
        } else if (s instanceof Rename n) {
            return new Rename(n.line(), real.applyAsLong(n.unit()), n.oldCode(), n.oldName(), n.oldKind(), n.oldGso(), n.code(), n.name(),
                    n.kind(), n.gso());
        }
        return s;
    }
}
