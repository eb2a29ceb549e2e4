package vn.laocai.egov.rlsbench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import vn.laocai.egov.rlsbench.RlsBench.Config;
import vn.laocai.egov.rlsbench.RlsBench.Params;

import static vn.laocai.egov.rlsbench.RlsBench.APP;
import static vn.laocai.egov.rlsbench.RlsBench.OWNER;

/**
 * The benchmark's scratch database: the two roles, the schema, the load and the policy (the SQL under
 * {@code src/main/resources/sql/}), the {@code visible_tenants()} of {@code bench.function}, the parameters chosen from
 * the loaded data, and the drop at the end.
 */
final class ScratchDatabase {

    private ScratchDatabase() { }

    /** @return true if the database was (re)built in this run */
    static boolean prepare(Config cfg) throws Exception {
        try (Connection su = cfg.connect("postgres", cfg.user()); Statement st = su.createStatement()) {
            boolean exists;
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + cfg.db() + "'")) {
                exists = rs.next();
            }
            if (exists && !cfg.recreate()) {
                System.out.println("Reusing existing database " + cfg.db() + " (bench.recreate=false)");
                return false;
            }
            dropAll(st, cfg);
            st.execute("CREATE ROLE " + OWNER + " NOLOGIN NOSUPERUSER NOBYPASSRLS");
            st.execute("CREATE ROLE " + APP + " LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE");
            st.execute("CREATE DATABASE " + cfg.db() + " OWNER " + OWNER);
        }
        try (Connection su = cfg.connect(cfg.db(), cfg.user()); Statement st = su.createStatement()) {
            su.setAutoCommit(true);
            st.execute("CREATE EXTENSION IF NOT EXISTS ltree");
            st.execute("SET ROLE " + OWNER);                       // everything below is owned by the owner role
            long t0 = System.nanoTime();
            st.execute(resource("schema.sql"));
            st.execute(cfg.functionSql());                          // the policy in secure.sql needs it
            System.out.printf("Loading %,d rows into each table ...%n", cfg.rows());
            st.execute(resource("load.sql").replace("${rows}", Long.toString(cfg.rows())));
            st.execute(resource("secure.sql"));
            st.execute("VACUUM (ANALYZE) tenant");
            st.execute("VACUUM (ANALYZE) record_plain");
            st.execute("VACUUM (ANALYZE) record_rls");
            System.out.printf("Schema + load + index + vacuum analyze: %.1f s%n", (System.nanoTime() - t0) / 1e9);
        }
        return true;
    }

    /** (Re)creates visible_tenants() in the implementation chosen by bench.function, as the owner. */
    static void installFunction(Config cfg) throws Exception {
        try (Connection su = cfg.connect(cfg.db(), cfg.user()); Statement st = su.createStatement()) {
            su.setAutoCommit(true);
            st.execute("SET ROLE " + OWNER);
            st.execute(cfg.functionSql());
        }
    }

    static void drop(Config cfg) {
        try (Connection su = cfg.connect("postgres", cfg.user()); Statement st = su.createStatement()) {
            dropAll(st, cfg);
            System.out.println("Dropped database " + cfg.db() + " and roles " + OWNER + ", " + APP);
        } catch (SQLException e) {
            System.err.println("Could not drop " + cfg.db() + ": " + e.getMessage());
        }
    }

    private static void dropAll(Statement st, Config cfg) throws SQLException {
        st.execute("DROP DATABASE IF EXISTS " + cfg.db() + " WITH (FORCE)");
        st.execute("DROP ROLE IF EXISTS " + APP);
        st.execute("DROP ROLE IF EXISTS " + OWNER);
    }

    static String resource(String name) throws IOException {
        try (InputStream in = ScratchDatabase.class.getResourceAsStream("/sql/" + name)) {
            if (in == null) throw new IOException("missing resource sql/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The busiest commune, the first district (its subtree), one month, one status. */
    static Params chooseParams(Connection su) throws SQLException {
        OffsetDateTime from = OffsetDateTime.of(2025, 9, 1, 0, 0, 0, 0, ZoneOffset.ofHours(7));
        OffsetDateTime to = from.plusMonths(1);
        int status = 2;
        long commune = RlsBench.scalar(su, "SELECT r.tenant_id FROM record_plain r JOIN tenant t ON t.id = r.tenant_id"
                + " WHERE t.kind = 'commune' GROUP BY r.tenant_id ORDER BY count(*) DESC, r.tenant_id LIMIT 1");
        long communeRows = RlsBench.scalar(su, "SELECT count(*) FROM record_plain WHERE tenant_id = " + commune);
        long district = RlsBench.scalar(su, "SELECT min(id) FROM tenant WHERE kind = 'district'");
        Long[] subtree;
        try (Statement st = su.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT array_agg(c.id ORDER BY c.id) FROM tenant p JOIN tenant c ON c.path <@ p.path WHERE p.id = "
                        + district)) {
            rs.next();
            subtree = (Long[]) rs.getArray(1).getArray();
        }
        long monthRows;
        try (PreparedStatement ps = su.prepareStatement(
                "SELECT count(*) FROM record_plain WHERE tenant_id = ANY(?) AND created >= ? AND created < ?")) {
            ps.setArray(1, su.createArrayOf("int8", subtree));
            ps.setObject(2, from);
            ps.setObject(3, to);
            try (ResultSet rs = ps.executeQuery()) { rs.next(); monthRows = rs.getLong(1); }
        }
        return new Params(commune, communeRows, district, subtree, monthRows, from, to, status);
    }
}
