package vn.laocai.egov.rlsbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

/**
 * Measures what the tenant RLS policy costs on realistic tenant-scoped queries.
 *
 * <p>Builds a scratch database with two identical 1M-row tables ({@code record_plain} without RLS,
 * {@code record_rls} with the project's policy, ENABLE + FORCE), then, connected as a non-owner,
 * non-superuser, NOBYPASSRLS application role, times the same queries against both. Every timed unit
 * is one transaction as the application runs it: for the RLS table {@code set_config(...)} + query + commit,
 * for the plain table query + commit. Variants are interleaved in a shuffled order each round so that
 * noise from other load on the machine hits all of them alike.
 *
 * <p>Configuration (system property, then environment, then default): pg.host/PGHOST (127.0.0.1),
 * pg.port/PGPORT (5432), pg.user/PGUSER (postgres, must be a superuser), PGPASSWORD (optional),
 * bench.db (egov_rlsbench), bench.rows (1000000), bench.warmup (100 rounds), bench.iterations
 * (1000 rounds), bench.recreate (true: drop and rebuild the database; false: reuse it if present),
 * bench.keep (false: drop the database and the two roles at the end), bench.function (kept: the
 * {@code visible_tenants()} the project's migrations install, reading each unit's kept subtree: the migration
 * {@code V8_11__tenant_subtree.sql} itself, run as it is; plpgsql: the earlier PL/pgSQL function that walks the
 * tree by path, copied into {@code sql/visible_tenants_plpgsql.sql}; sql: the STABLE SQL variant before that),
 * pg.options/PGOPTIONS (server options for every connection, e.g. {@code -c plan_cache_mode=force_generic_plan}),
 * bench.results (RESULTS.md path), bench.migration (the migration the PL/pgSQL copy is checked against;
 * set by the pom), bench.kept (the migration run for bench.function=kept; set by the pom).
 */
public final class RlsBench {

    static final String OWNER = "rlsbench_owner";
    static final String APP = "rlsbench_app";
    static final double GOAL = 1.10;

    // ---------------------------------------------------------------- configuration

    record Config(String host, int port, String user, String password, String db, long rows,
                  int warmup, int iterations, boolean recreate, boolean keep, String function, String pgOptions,
                  Path results, Path migration, Path kept) {

        static Config load() {
            return new Config(
                    opt("pg.host", "PGHOST", "127.0.0.1"),
                    Integer.parseInt(opt("pg.port", "PGPORT", "5432")),
                    opt("pg.user", "PGUSER", "postgres"),
                    opt("pg.password", "PGPASSWORD", null),
                    opt("bench.db", null, "egov_rlsbench"),
                    Long.parseLong(opt("bench.rows", null, "1000000")),
                    Integer.parseInt(opt("bench.warmup", null, "100")),
                    Integer.parseInt(opt("bench.iterations", null, "1000")),
                    Boolean.parseBoolean(opt("bench.recreate", null, "true")),
                    Boolean.parseBoolean(opt("bench.keep", null, "false")),
                    function(opt("bench.function", null, "kept")),
                    opt("pg.options", "PGOPTIONS", null),
                    Path.of(opt("bench.results", null, System.getProperty("bench.results.default", "RESULTS.md"))),
                    pathOrNull(opt("bench.migration", null, System.getProperty("bench.migration.default"))),
                    pathOrNull(opt("bench.kept", null, System.getProperty("bench.kept.default"))));
        }

        private static Path pathOrNull(String p) { return p == null ? null : Path.of(p); }

        /**
         * The SQL that creates visible_tenants() for bench.function: for kept, the migration itself (its roles named
         * by the benchmark's app role), after dropping what an earlier run of it left; else the resource.
         */
        String functionSql() throws java.io.IOException {
            if (function.equals("kept")) {
                if (kept == null || !java.nio.file.Files.isRegularFile(kept))
                    throw new java.io.IOException("bench.function=kept needs bench.kept, the migration file: " + kept);
                return "DROP TABLE IF EXISTS tenant_subtree CASCADE; DROP FUNCTION IF EXISTS tenant_subtree_follow() CASCADE;"
                        + " DROP FUNCTION IF EXISTS tenant_subtree_apply(jsonb); DROP FUNCTION IF EXISTS tenant_subtree_drift();\n"
                        + java.nio.file.Files.readString(kept).replace("${app_role}, ${auth_role}, ${indexer_role}", APP)
                                .replace("${app_role}", APP);
            }
            return ScratchDatabase.resource(function.equals("plpgsql") ? "visible_tenants_plpgsql.sql" : "visible_tenants.sql");
        }

        private static String function(String f) {
            if (!f.equals("sql") && !f.equals("plpgsql") && !f.equals("kept"))
                throw new IllegalArgumentException("bench.function must be kept, plpgsql or sql, not " + f);
            return f;
        }

        private static String opt(String prop, String env, String def) {
            String v = System.getProperty(prop);
            if ((v == null || v.isBlank()) && env != null) v = System.getenv(env);
            return (v == null || v.isBlank()) ? def : v;
        }

        Connection connect(String database, String role) throws SQLException {
            Properties p = new Properties();
            p.setProperty("user", role);
            // The app and owner roles have no password of their own: this expects trust (or similar) auth
            // for them, as on the project's dev/CI database. The superuser may use PGPASSWORD.
            if (password != null && role.equals(user)) p.setProperty("password", password);
            p.setProperty("ApplicationName", "rls-bench");
            if (pgOptions != null) p.setProperty("options", pgOptions);    // e.g. "-c plan_cache_mode=force_generic_plan"
            return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, p);
        }
    }

    // ---------------------------------------------------------------- the measured queries

    /** A scope as the application sets it per transaction; null = plain table, no set_config. */
    record Scope(long tenantId, boolean subtree) { }

    /**
     * One measured statement. {@code args} are bound in order: Long, Integer, OffsetDateTime or Long[] (bigint[]).
     * {@code baseline} names the query whose plain variant an RLS variant is compared with.
     */
    record Variant(String query, String name, String baseline, Scope scope, String sql, Object... args) {
        boolean rls() { return scope != null; }

        void bind(PreparedStatement ps) throws SQLException {
            for (int i = 0; i < args.length; i++) {
                Object a = args[i];
                if (a instanceof Long[] ids) ps.setArray(i + 1, ps.getConnection().createArrayOf("int8", ids));
                else ps.setObject(i + 1, a);
            }
        }

        /** The same arguments as SQL literals (for EXPLAIN EXECUTE, which takes no bind parameters). */
        String literalArgs() {
            List<String> out = new ArrayList<>();
            for (Object a : args) {
                if (a instanceof Long[] ids) out.add("'" + arrayLiteral(ids) + "'::bigint[]");
                else if (a instanceof OffsetDateTime t) out.add("'" + t + "'::timestamptz");
                else out.add(String.valueOf((Number) a));
            }
            return out.isEmpty() ? "" : "(" + String.join(", ", out) + ")";
        }
    }

    static final String COLS = "SELECT id, tenant_id, created, status, title FROM ";

    static List<Variant> variants(Params p) {
        Scope commune = new Scope(p.commune, false);
        Scope district = new Scope(p.district, true);
        String bWhere = " WHERE tenant_id = ANY(?) AND created >= ? AND created < ?";
        return List.of(
                new Variant("a", "plain, tenant_id = ?", null, null,
                        COLS + "record_plain WHERE tenant_id = ? ORDER BY created DESC LIMIT 20", p.commune),
                new Variant("a", "rls, scope commune + tenant_id = ?", "a", commune,
                        COLS + "record_rls WHERE tenant_id = ? ORDER BY created DESC LIMIT 20", p.commune),
                new Variant("a", "rls, scope commune, policy only", "a", commune,
                        COLS + "record_rls ORDER BY created DESC LIMIT 20"),
                new Variant("b", "plain, tenant_id = ANY(subtree)", null, null,
                        "SELECT count(*) FROM record_plain" + bWhere, p.districtSubtree, p.monthFrom, p.monthTo),
                new Variant("b", "rls, scope district subtree + ANY(subtree)", "b", district,
                        "SELECT count(*) FROM record_rls" + bWhere, p.districtSubtree, p.monthFrom, p.monthTo),
                new Variant("b", "rls, scope district subtree, policy only", "b", district,
                        "SELECT count(*) FROM record_rls WHERE created >= ? AND created < ?", p.monthFrom, p.monthTo),
                new Variant("c", "plain, tenant_id = ?", null, null,
                        "SELECT count(*) FROM record_plain WHERE tenant_id = ? AND status = ?", p.commune, p.status),
                new Variant("c", "rls, scope commune + tenant_id = ?", "c", commune,
                        "SELECT count(*) FROM record_rls WHERE tenant_id = ? AND status = ?", p.commune, p.status),
                new Variant("c", "rls, scope commune, policy only", "c", commune,
                        "SELECT count(*) FROM record_rls WHERE status = ?", p.status));
    }

    static final Map<String, String> QUERY_TITLES = Map.of(
            "a", "(a) one commune, latest 20 rows",
            "b", "(b) district subtree, one month, count(*)",
            "c", "(c) one commune, count(*) WHERE status = ?");

    /** Concrete parameters, chosen from the loaded data. */
    record Params(long commune, long communeRows, long district, Long[] districtSubtree, long subtreeMonthRows,
                  OffsetDateTime monthFrom, OffsetDateTime monthTo, int status) { }

    // ---------------------------------------------------------------- main

    public static void main(String[] args) throws Exception {
        Config cfg = Config.load();
        Report report = new Report();
        String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        report.line("Started " + started + ", load average " + loadAverage());

        boolean fresh = ScratchDatabase.prepare(cfg);
        try {
            ScratchDatabase.installFunction(cfg);
            Params params;
            try (Connection su = cfg.connect(cfg.db, cfg.user)) {
                su.setAutoCommit(true);
                params = ScratchDatabase.chooseParams(su);
                report.environment(su, cfg, params, fresh);
            }
            List<Variant> variants = variants(params);
            try (Connection app = cfg.connect(cfg.db, APP)) {
                report.checks(SanityChecks.run(app, cfg, params, variants));
                Map<Variant, Timings> timings = measure(app, variants, cfg);
                report.results(variants, timings, cfg);
                report.plans(app, variants);
            }
            report.line("Finished, load average " + loadAverage());
            report.write(cfg.results);
            System.out.println("\nWrote " + cfg.results.toAbsolutePath().normalize());
        } finally {
            if (!cfg.keep) ScratchDatabase.drop(cfg);
            else System.out.println("Kept database " + cfg.db + " (bench.keep=true)");
        }
    }

    static long scalar(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---------------------------------------------------------------- one transaction, as the app runs it

    static final String SET_SCOPE =
            "SELECT set_config('app.tenant_id', ?, true), set_config('app.subtree', ?, true)";

    /** Prepared statements kept per connection, as a statement cache / pgjdbc's server-side prepare would. */
    static final class Session implements AutoCloseable {
        final Connection c;
        final PreparedStatement setScope;
        final Map<Variant, PreparedStatement> stmts = new LinkedHashMap<>();

        Session(Connection c, List<Variant> variants) throws SQLException {
            this.c = c;
            c.setAutoCommit(false);
            setScope = c.prepareStatement(SET_SCOPE);
            for (Variant v : variants) stmts.put(v, c.prepareStatement(v.sql()));
        }

        void setScope(Scope s) throws SQLException {
            setScope.setString(1, Long.toString(s.tenantId()));
            setScope.setString(2, s.subtree() ? "on" : "off");
            try (ResultSet rs = setScope.executeQuery()) { while (rs.next()) { /* drain */ } }
        }

        /** Runs the query, reads every column of every row; returns a fingerprint of the result. */
        long run(Variant v) throws SQLException {
            PreparedStatement ps = stmts.get(v);
            v.bind(ps);
            long fp = 0;
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    if (n == 1) { fp = fp * 31 + rs.getLong(1); continue; }        // count(*)
                    fp = fp * 31 + rs.getLong(1);                                   // id
                    rs.getLong(2); rs.getObject(3, OffsetDateTime.class); rs.getInt(4); rs.getString(5);
                }
            }
            return fp;
        }

        @Override public void close() throws SQLException {
            c.rollback();
            for (PreparedStatement ps : stmts.values()) ps.close();
            setScope.close();
        }
    }

    /** Times of one variant, in nanoseconds: whole transaction and the set_config part. */
    static final class Timings {
        final long[] total, setConfig;
        int n;
        String planUse = "?";
        Timings(int size) { total = new long[size]; setConfig = new long[size]; }
        void add(long t, long s) { total[n] = t; setConfig[n] = s; n++; }
    }

    static Map<Variant, Timings> measure(Connection app, List<Variant> variants, Config cfg) throws SQLException {
        Map<Variant, Timings> out = new LinkedHashMap<>();
        for (Variant v : variants) out.put(v, new Timings(cfg.iterations));
        List<Variant> order = new ArrayList<>(variants);
        Random shuffle = new Random(42);
        try (Session s = new Session(app, variants)) {
            System.out.printf("Warm-up: %d rounds x %d variants ...%n", cfg.warmup, variants.size());
            for (int r = 0; r < cfg.warmup; r++) {
                Collections.shuffle(order, shuffle);
                for (Variant v : order) once(s, v, null);
            }
            System.out.printf("Measuring: %d rounds x %d variants ...%n", cfg.iterations, variants.size());
            for (int r = 0; r < cfg.iterations; r++) {
                Collections.shuffle(order, shuffle);
                for (Variant v : order) once(s, v, out.get(v));
                if ((r + 1) % Math.max(1, cfg.iterations / 10) == 0)
                    System.out.printf("  %d/%d rounds, load average %s%n", r + 1, cfg.iterations, loadAverage());
            }
            // Which plan did the server actually use for the timed statements (pgjdbc prepares them
            // server-side after 5 executions; PostgreSQL then may settle on a generic plan)?
            try (PreparedStatement ps = s.c.prepareStatement(
                    "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement = ?")) {
                for (Variant v : variants) {
                    ps.setString(1, dollarParams(v.sql()));
                    try (ResultSet rs = ps.executeQuery()) {
                        out.get(v).planUse = rs.next()
                                ? rs.getLong(1) + " generic / " + rs.getLong(2) + " custom" : "not server-prepared";
                    }
                }
                s.c.commit();
            }
        }
        return out;
    }

    /** JDBC '?' placeholders as the server sees them ($1, $2, ...); our SQL has no '?' inside literals. */
    static String dollarParams(String sql) {
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (char ch : sql.toCharArray()) {
            if (ch == '?') b.append('$').append(++n); else b.append(ch);
        }
        return b.toString();
    }

    private static void once(Session s, Variant v, Timings t) throws SQLException {
        long t0 = System.nanoTime();
        if (v.rls()) s.setScope(v.scope());
        long t1 = System.nanoTime();
        s.run(v);
        s.c.commit();
        long t2 = System.nanoTime();
        if (t != null) t.add(t2 - t0, t1 - t0);
    }

    static String arrayLiteral(Long[] ids) {
        return "{" + String.join(",", Arrays.stream(ids).map(String::valueOf).toList()) + "}";
    }

    // ---------------------------------------------------------------- helpers for the report

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    static double percentile(long[] sortedNanos, double q) {
        int idx = (int) Math.ceil(q * sortedNanos.length) - 1;         // nearest rank
        return sortedNanos[Math.max(0, Math.min(idx, sortedNanos.length - 1))] / 1e6;
    }
}
