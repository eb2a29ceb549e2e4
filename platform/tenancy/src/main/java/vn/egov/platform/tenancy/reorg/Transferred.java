package vn.egov.platform.tenancy.reorg;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a rule did for one ended unit: rows handed over per table, and rows a rule did not carry (the successor kept
 * its own) as JSON per table, so the plan's report keeps them: nothing is lost without trace.
 */
public record Transferred(Map<String, Long> moved, Map<String, String> replaced) {
    public Transferred {
        moved = Map.copyOf(moved);
        replaced = Map.copyOf(replaced);
    }

    public static Transferred of(Map<String, Long> moved) {
        return new Transferred(moved, Map.of());
    }

    /** Reads rows of (table, moved) or (table, moved, replaced count, replaced rows as JSON) from a rule's function. */
    public static Transferred read(java.sql.ResultSet rs) throws java.sql.SQLException {
        Map<String, Long> moved = new TreeMap<>();
        Map<String, String> replaced = new TreeMap<>();
        boolean withReplaced = rs.getMetaData().getColumnCount() >= 4;
        while (rs.next()) {
            moved.merge(rs.getString(1), rs.getLong(2), Long::sum);
            if (withReplaced && rs.getLong(3) > 0) {
                replaced.put(rs.getString(1), rs.getString(4));
            }
        }
        return new Transferred(moved, replaced);
    }
}
