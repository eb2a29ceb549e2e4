package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import vn.egov.platform.tenancy.reorg.RecordRule;
import vn.egov.platform.tenancy.reorg.RecordRules;

/**
 * Every table that holds a unit's data (a {@code tenant_id} column, read from the migrated database's catalogue) is
 * named by exactly one module's reorganisation rule, as carried by the rule or as accepting the generic move: a module
 * that adds a tenant table and says nothing of how its rows follow a merge fails here. The rules are the ones the
 * operator's tool finds ({@link java.util.ServiceLoader} over the module jars), which are the EAR's.
 */
class RecordRulesIT {

    @Test
    void everyTenantTableIsNamedByExactlyOneModulesRule() throws Exception {
        Set<String> tables = new TreeSet<>();
        try (Connection c = Fixtures.db().owner(); PreparedStatement ps = c.prepareStatement("SELECT reorg_tenant_tables()");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        assertTrue(tables.size() > 30, "the catalogue was read: " + tables);
        List<RecordRule> rules = RecordRules.all();
        assertEquals(Set.of("documents", "dossiers", "feedback", "notices", "portal", "procedures", "search", "units"),
                Set.copyOf(rules.stream().map(RecordRule::module).toList()), "every module's rule is found");
        assertEquals(Set.of(), RecordRules.undeclared(rules, tables), "tenant tables no module's reorganisation rule names");
        Map<String, String> claimed = new TreeMap<>();
        for (RecordRule r : rules) {
            for (String t : union(r.tables(), r.generic())) {
                String other = claimed.put(t, r.module());
                assertEquals(null, other, t + " is named by both " + other + " and " + r.module());
                assertTrue(tables.contains(t), r.module() + " names " + t + ", which is no tenant table");
            }
        }
    }

    /**
     * Every tenant table has an index led by {@code tenant_id}: a reorganisation moves each ended unit's rows by it
     * (without one, each hand-over scanned the whole table: quadratic on the national-scale reform bench), and
     * row-level security reads by it.
     */
    @Test
    void everyTenantTableIsFoundByItsUnitThroughAnIndex() throws Exception {
        Set<String> unindexed = new TreeSet<>();
        try (Connection c = Fixtures.db().owner(); PreparedStatement ps = c.prepareStatement("""
                SELECT t FROM reorg_tenant_tables() t
                 WHERE NOT EXISTS (SELECT 1 FROM pg_index x JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[0]
                                    WHERE x.indrelid = t::regclass AND a.attname = 'tenant_id' AND x.indpred IS NULL)""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                unindexed.add(rs.getString(1));
            }
        }
        assertEquals(Set.of(), unindexed, "tenant tables without an index that starts with tenant_id");
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.addAll(b);
        return out;
    }
}
