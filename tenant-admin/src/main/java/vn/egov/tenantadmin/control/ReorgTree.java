package vn.egov.tenantadmin.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tree as a plan plays on it: every unit, live or ended, by id, code and GSO code, with its records per tenant
 * table as far as the scope reaches. Units the plan creates get ids below zero. Plain JDBC, like the rest of the
 * reorganisation, so that it runs in the server and in the operator's tool alike.
 */
final class ReorgTree {

    /** A unit of the tree (mutable: the plan plays on the copy). */
    static final class Unit {
        final long id;
        String code;
        String name;
        String kind;
        String gso;
        Long parent;
        boolean live;
        final int version;
        final boolean existing;
        final Map<String, Long> records = new TreeMap<>();

        Unit(long id, String code, String name, String kind, String gso, Long parent, boolean live, int version, boolean existing) {
            this.id = id;
            this.code = code;
            this.name = name;
            this.kind = kind;
            this.gso = gso;
            this.parent = parent;
            this.live = live;
            this.version = version;
            this.existing = existing;
        }
    }

    private final Map<Long, Unit> units = new LinkedHashMap<>();
    private final Map<String, Unit> byCode = new HashMap<>();
    private final Map<String, Unit> byGso = new HashMap<>();
    private final Map<Long, Long> successorOf = new HashMap<>();
    private final java.util.Set<Long> endedInPlan = new java.util.HashSet<>();
    private final Map<String, Long> totals = new TreeMap<>();
    private long nextTemp = -1;

    /** Reads every unit of the deployment (the tree is public) and their successors. */
    void load(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, code, name, kind, gso_code, parent_id, status, version, successor_id FROM tenant");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long parentId = rs.getLong(6);
                Long parent = rs.wasNull() ? null : parentId;
                Unit u = new Unit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), parent,
                        !"retired".equals(rs.getString(7)), rs.getInt(8), true);
                put(u);
                long successor = rs.getLong(9);
                if (!rs.wasNull()) {
                    successorOf.put(u.id, successor);
                }
            }
        }
    }

    /** Adds the records per table of {@code ids} (all in the connection's current scope) to their units. */
    void count(Connection c, List<Long> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT table_name, tenant_id, n FROM reorg_count(?)")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    units.get(rs.getLong(2)).records.merge(rs.getString(1), rs.getLong(3), Long::sum);
                    totals.merge(rs.getString(1), rs.getLong(3), Long::sum);
                }
            }
        }
    }

    private void put(Unit u) {
        units.put(u.id, u);
        byCode.put(u.code, u);
        if (u.gso != null) {
            byGso.put(u.gso, u);
        }
    }

    /** A unit the plan creates (its id below zero until it exists). */
    Unit create(String code, String name, String kind, String gso, Long parent) {
        Unit u = new Unit(nextTemp--, code, name, kind, gso, parent, true, 0, false);
        put(u);
        return u;
    }

    Unit get(long id) {
        return units.get(id);
    }

    Unit byCode(String code) {
        return byCode.get(code);
    }

    Unit byGso(String gso) {
        return byGso.get(gso);
    }

    void recode(Unit u, String code) {
        if (byCode.get(u.code) == u) {
            byCode.remove(u.code);
        }
        u.code = code;
        byCode.put(code, u);
    }

    void regso(Unit u, String gso) {
        if (u.gso != null && byGso.get(u.gso) == u) {
            byGso.remove(u.gso);
        }
        u.gso = gso;
        if (gso != null) {
            byGso.put(gso, u);
        }
    }

    Collection<Unit> all() {
        return units.values();
    }

    Map<String, Long> totals() {
        return totals;
    }

    void ended(Unit u, Unit successor) {
        u.live = false;
        successorOf.put(u.id, successor.id);
        endedInPlan.add(u.id);
        u.records.forEach((t, n) -> successor.records.merge(t, n, Long::sum));
    }

    boolean endedInPlan(Unit u) {
        return endedInPlan.contains(u.id);
    }

    /** The live unit an ended unit is part of now (following successors), or null. */
    Unit current(Unit u) {
        Unit x = u;
        for (int i = 0; i < 50 && x != null && !x.live; i++) {
            Long s = successorOf.get(x.id);
            x = s == null ? null : units.get(s);
        }
        return x;
    }

    boolean within(Unit u, long ancestor) {
        for (Unit x = u; x != null; x = x.parent == null ? null : units.get(x.parent)) {
            if (x.id == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** The root of {@code id}'s tree among existing units (a root the plan creates does not count). */
    long rootOf(long id) {
        Unit u = units.get(id);
        while (u.parent != null && units.containsKey(u.parent) && units.get(u.parent).existing) {
            u = units.get(u.parent);
        }
        return u.id;
    }

    List<Long> idsWithin(long root) {
        List<Long> ids = new ArrayList<>();
        for (Unit u : units.values()) {
            if (u.existing && within(u, root)) {
                ids.add(u.id);
            }
        }
        return ids;
    }

    long liveChildren(Unit u) {
        return units.values().stream().filter(x -> x.live && u.id == (x.parent == null ? Long.MIN_VALUE : x.parent)).count();
    }

    /** Once the plan has created a unit, its temporary id gives way to the real one. */
    void relabel(long temp, long id) {
        Unit t = units.remove(temp);
        Unit u = new Unit(id, t.code, t.name, t.kind, t.gso, t.parent, true, 1, true);
        put(u);
        for (Unit x : units.values()) {
            if (x.parent != null && x.parent == temp) {
                x.parent = id;
            }
        }
        successorOf.replaceAll((k, v) -> v == temp ? id : v);
    }
}
