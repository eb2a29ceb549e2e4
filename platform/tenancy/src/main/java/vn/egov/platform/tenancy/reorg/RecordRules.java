package vn.egov.platform.tenancy.reorg;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/** The rules of every module on the class path (the EAR's {@code lib/}, or the operator's tool jar). */
public final class RecordRules {
    private RecordRules() {
    }

    /** Every rule, in the order of their modules' names. */
    public static List<RecordRule> all() {
        List<RecordRule> out = new ArrayList<>();
        ServiceLoader.load(RecordRule.class, RecordRule.class.getClassLoader()).forEach(out::add);
        out.sort(Comparator.comparing(RecordRule::module));
        return List.copyOf(out);
    }

    /** The tables some rule carries itself (the generic move skips these). */
    public static Set<String> carried(List<RecordRule> rules) {
        Set<String> out = new TreeSet<>();
        rules.forEach(r -> out.addAll(r.tables()));
        return out;
    }

    /** Tables of {@code tenantTables} that no rule names, as carried or as generic. */
    public static Set<String> undeclared(List<RecordRule> rules, Set<String> tenantTables) {
        Set<String> out = new TreeSet<>(tenantTables);
        for (RecordRule r : rules) {
            out.removeAll(r.tables());
            out.removeAll(r.generic());
        }
        return out;
    }
}
