package vn.egov.provisioning;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The database of one environment and its three roles:
 * <ul>
 * <li>{@code <prefix>_owner}: owns the schema, runs the migrations, never used by the application;</li>
 * <li>{@code <prefix>_app}: what Payara connects as; not owner, not superuser, no BYPASSRLS;</li>
 * <li>{@code <prefix>_auth}: NOLOGIN, BYPASSRLS, owns only the two login functions.</li>
 * <li>{@code <prefix>_indexer}: NOLOGIN, BYPASSRLS, owns only the search outbox's worker functions (claim, done,
 *     failed: the worker serves every unit, and these functions touch nothing but the outbox).</li>
 * </ul>
 */
public final class Database {
    private final PgServer server;
    private final Settings settings;
    private final Secrets secrets;

    public Database(PgServer server, Settings settings) throws IOException {
        this.server = server;
        this.settings = settings;
        this.secrets = new Secrets(settings.secrets());
    }

    public String ownerPassword() throws IOException { return secrets.getOrCreate("owner.password"); }
    public String appPassword() throws IOException { return secrets.getOrCreate("app.password"); }

    /** Creates the roles and the database if missing, and (re)sets the role attributes and passwords. */
    public void ensure(Log log) throws SQLException, IOException {
        try (Connection c = server.admin("postgres"); Statement s = c.createStatement()) {
            role(s, settings.ownerRole(), "LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD " + literal(ownerPassword()));
            role(s, settings.appRole(), "LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD " + literal(appPassword()));
            role(s, settings.authRole(), "NOLOGIN NOSUPERUSER BYPASSRLS NOCREATEDB NOCREATEROLE");
            role(s, settings.indexerRole(), "NOLOGIN NOSUPERUSER BYPASSRLS NOCREATEDB NOCREATEROLE");
            // the owner hands the login functions to the auth role (and the search outbox's worker functions to
            // the indexer role), which needs membership
            s.execute("GRANT " + settings.authRole() + " TO " + settings.ownerRole());
            s.execute("GRANT " + settings.indexerRole() + " TO " + settings.ownerRole());
            if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", settings.database())) {
                s.execute("CREATE DATABASE " + settings.database() + " OWNER " + settings.ownerRole()
                        + " ENCODING 'UTF8' TEMPLATE template0");
                log.say("database.created", settings.database());
            }
            try (java.sql.ResultSet rs = s.executeQuery("SHOW autovacuum")) {
                if (rs.next() && "off".equals(rs.getString(1))) {
                    // nothing the platform can turn on for itself: say so where the operator looks
                    log.say("database.autovacuumOff");
                }
            }
            s.execute("REVOKE ALL ON DATABASE " + settings.database() + " FROM PUBLIC");
            s.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + settings.database() + " TO " + settings.appRole());
        }
    }

    /** Runs the migrations found on the class path (every platform and module jar) as the owner. */
    public MigrateResult migrate(Log log) throws IOException {
        Flyway flyway = Flyway.configure()
                .dataSource(server.url(settings.database()), settings.ownerRole(), ownerPassword())
                .locations("classpath:db/migration")
                .placeholders(Map.of("app_role", settings.appRole(), "auth_role", settings.authRole(),
                        "indexer_role", settings.indexerRole()))
                .load();
        MigrateResult result = flyway.migrate();
        log.say("database.migrated", result.migrationsExecuted,
                flyway.info().current() == null ? Said.text("database.noVersion") : flyway.info().current().getVersion());
        return result;
    }

    public Connection owner() throws SQLException, IOException {
        return server.connect(settings.database(), settings.ownerRole(), ownerPassword());
    }

    public Connection app() throws SQLException, IOException {
        return server.connect(settings.database(), settings.appRole(), appPassword());
    }

    public PgServer server() { return server; }

    private static void role(Statement s, String name, String attributes) throws SQLException {
        boolean exists;
        try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = " + literal(name))) {
            exists = rs.next();
        }
        s.execute((exists ? "ALTER ROLE " : "CREATE ROLE ") + name + " " + attributes);
    }

    private static boolean exists(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Role names are checked words; passwords are generated from a fixed alphabet. Both are quoted anyway. */
    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
