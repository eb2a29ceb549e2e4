package vn.laocai.egov.rlsbench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import vn.laocai.egov.rlsbench.RlsBench.Config;
import vn.laocai.egov.rlsbench.RlsBench.Params;
import vn.laocai.egov.rlsbench.RlsBench.Scope;
import vn.laocai.egov.rlsbench.RlsBench.Session;
import vn.laocai.egov.rlsbench.RlsBench.Variant;

import static vn.laocai.egov.rlsbench.RlsBench.arrayLiteral;
import static vn.laocai.egov.rlsbench.RlsBench.scalar;

/**
 * What must hold before anything is timed, checked as the application role; the first that fails ends the run: the
 * role can neither bypass nor own the policy, each scope shows exactly its rows (none without a scope, also in the next
 * transaction of the same connection), an insert outside the scope is refused, and every RLS variant answers as its
 * plain baseline.
 */
final class SanityChecks {

    private SanityChecks() { }

    /** Each check as "PASS ..." (printed as it passes). */
    static List<String> run(Connection app, Config cfg, Params p, List<Variant> variants) throws SQLException {
        List<String> out = new ArrayList<>();
        roles(app, out);
        try (Session s = new Session(app, variants)) {
            scopes(app, s, cfg, p, out);
            withCheck(app, s, p, out);
            sameAnswers(s, variants, out);
        }
        return out;
    }

    /** The application role is no superuser, has no BYPASSRLS and does not own the table, whose RLS is forced. */
    private static void roles(Connection app, List<String> out) throws SQLException {
        try (Statement st = app.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT current_user, r.rolsuper, r.rolbypassrls, c.relowner::regrole::text, c.relrowsecurity,"
                        + " c.relforcerowsecurity FROM pg_roles r, pg_class c"
                        + " WHERE r.rolname = current_user AND c.oid = 'record_rls'::regclass")) {
            rs.next();
            check(out, "app role " + rs.getString(1) + " is not superuser", !rs.getBoolean(2));
            check(out, "app role has no BYPASSRLS", !rs.getBoolean(3));
            check(out, "record_rls is owned by " + rs.getString(4) + ", not the app role",
                    !rs.getString(4).equals(rs.getString(1)));
            check(out, "record_rls has ENABLE and FORCE ROW LEVEL SECURITY", rs.getBoolean(5) && rs.getBoolean(6));
        }
    }

    /** No scope, a commune's, a district's subtree, and no scope again: each shows exactly its rows. */
    private static void scopes(Connection app, Session s, Config cfg, Params p, List<String> out) throws SQLException {
        check(out, "no scope set: record_rls shows 0 rows", count(app, "record_rls", "true") == 0);
        s.c.commit();
        long plainTotal = count(app, "record_plain", "true");
        s.c.commit();
        check(out, "record_plain shows all " + plainTotal + " rows", plainTotal == cfg.rows());

        s.setScope(new Scope(p.commune(), false));
        long seen = count(app, "record_rls", "true");
        s.c.commit();
        check(out, "scope commune " + p.commune() + ": record_rls shows exactly its " + p.communeRows() + " rows",
                seen == p.communeRows());

        s.setScope(new Scope(p.district(), true));
        long inSubtree = count(app, "record_plain", "tenant_id = ANY('" + arrayLiteral(p.districtSubtree()) + "')");
        seen = count(app, "record_rls", "true");
        s.c.commit();
        check(out, "scope district " + p.district() + " subtree (" + p.districtSubtree().length
                + " tenants): record_rls shows exactly its " + inSubtree + " rows", seen == inSubtree);

        check(out, "next transaction on the same connection, no set_config (setting is now ''): 0 rows",
                count(app, "record_rls", "true") == 0);
        s.c.commit();
    }

    /** An insert for a tenant outside the scope is refused by the policy's WITH CHECK. */
    private static void withCheck(Connection app, Session s, Params p, List<String> out) throws SQLException {
        s.setScope(new Scope(p.commune(), false));
        String err = null;
        try (Statement st = app.createStatement()) {
            st.executeUpdate("INSERT INTO record_rls (tenant_id, created, status, title)"
                    + " VALUES (" + p.district() + ", now(), 1, 'out of scope')");
        } catch (SQLException e) {
            err = e.getSQLState();
        }
        s.c.rollback();
        check(out, "WITH CHECK: insert for a tenant outside the scope is rejected (SQLSTATE 42501)",
                "42501".equals(err));
    }

    /** The same question gives the same answer on both tables. */
    private static void sameAnswers(Session s, List<Variant> variants, List<String> out) throws SQLException {
        for (Variant v : variants) {
            if (!v.rls()) continue;
            Variant base = variants.stream().filter(x -> !x.rls() && x.query().equals(v.baseline()))
                    .findFirst().orElseThrow();
            long expected = s.run(base);
            s.c.commit();
            s.setScope(v.scope());
            long actual = s.run(v);
            s.c.commit();
            check(out, "(" + v.query() + ") '" + v.name() + "' returns the same result as '" + base.name() + "'",
                    expected == actual);
        }
    }

    private static long count(Connection c, String table, String where) throws SQLException {
        return scalar(c, "SELECT count(*) FROM " + table + " WHERE " + where);
    }

    private static void check(List<String> out, String what, boolean ok) {
        String line = (ok ? "PASS " : "FAIL ") + what;
        System.out.println(line);
        out.add(line);
        if (!ok) throw new IllegalStateException("Sanity check failed: " + what);
    }
}
