package vn.egov.tenantadmin.control;

import vn.egov.platform.persistence.ConnectionScope;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The statements a plan's run writes to the tree, its history and the plan's row, on the plan's connection (row-level
 * security still filters them; the scope is the caller's, or, for the operator, the root the plan works in).
 */
final class ReorgSql {
    private final Connection c;
    private final String actor;

    ReorgSql(Connection c, String actor) {
        this.c = c;
        this.actor = actor;
    }

    /** A new unit with its settings row (and its GSO code, taken from an ended unit if one held it). */
    long create(ReorgStep.Create k, Long parent) throws SQLException {
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

    /** A unit's path in the tree, as text. */
    String path(long unit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT path::text FROM tenant WHERE id = ?")) {
            ps.setLong(1, unit);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** (operator) a whole province goes under the new root: its paths are rewritten in one statement. */
    void attach(long root, long newRoot) throws SQLException {
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

    void rename(ReorgStep.Rename n, long planId) throws SQLException {
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
    }

    /** A GSO code an ended unit held goes to the unit that takes it (live units' codes were checked by the plan). */
    void freeGso(String gso, long taker) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE tenant SET gso_code = NULL WHERE gso_code = ? AND status = 'retired' AND id <> ?")) {
            ps.setString(1, gso);
            ps.setLong(2, taker);
            ps.executeUpdate();
        }
    }

    long insertPlan(long owner, String title, String describe) throws SQLException {
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

    void report(long planId, JsonObject done) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE reorg_plan SET report = ? WHERE id = ?")) {
            ps.setString(1, done.toString());
            ps.setLong(2, planId);
            ps.executeUpdate();
        }
    }

    void scope(long unit) throws SQLException {
        ConnectionScope.bind(c, unit, true);
    }

    void call(String sql, long a, long b) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, a);
            ps.setLong(2, b);
            ps.executeQuery().close();
        }
    }

    void history(long planId, long unit, String change, String oldCode, String oldName, String newCode, String newName,
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
