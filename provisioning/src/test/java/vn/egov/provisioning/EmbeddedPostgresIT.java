package vn.egov.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fallback for a machine with no PostgreSQL: the embedded server from Maven starts in its own process
 * (inside a user namespace when run as root), runs with durability on, keeps its data across a stop and a
 * start, and stops when asked.
 */
class EmbeddedPostgresIT {
    static final int PORT = 15499;

    @Test
    void startsDurableKeepsItsDataAcrossRestartsAndStops(@TempDir Path work) throws Exception {
        Log log = new Log(System.out);
        PgServer pg = Postgres.startEmbedded(work, log, PORT);
        try {
            try (Connection c = pg.admin("postgres"); Statement s = c.createStatement()) {
                assertEquals("on", value(s, "SHOW fsync"));
                assertEquals("on", value(s, "SHOW synchronous_commit"));
                assertTrue(Integer.parseInt(value(s, "SHOW server_version_num")) >= 150000, "PostgreSQL 15 or later");
                s.execute("CREATE TABLE kept (note text)");
                s.execute("INSERT INTO kept VALUES ('Dữ liệu còn nguyên sau khi khởi động lại')");
            }
            assertTrue(Postgres.stopEmbedded(work, log));
            assertFalse(Postgres.reachable("127.0.0.1", PORT), "stopped");

            pg = Postgres.startEmbedded(work, log, PORT);
            try (Connection c = pg.admin("postgres"); Statement s = c.createStatement()) {
                assertEquals("Dữ liệu còn nguyên sau khi khởi động lại", value(s, "SELECT note FROM kept"));
            }
        } finally {
            Postgres.stopEmbedded(work, log);
        }
        assertFalse(Postgres.reachable("127.0.0.1", PORT));
    }

    private static String value(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
