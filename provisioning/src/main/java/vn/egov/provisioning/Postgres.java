package vn.egov.provisioning;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds the PostgreSQL server to use, in this order: the one named by the {@code PG*} variables
 * ({@code PGHOST}, {@code PGPORT}, {@code PGUSER}, {@code PGPASSWORD}); one on 127.0.0.1:5432 if it answers;
 * otherwise an embedded PostgreSQL from Maven, started in its own background process on a fixed data folder
 * under the work folder, so its data survives restarts. {@code EGOV_PG=embedded} asks for the embedded one
 * even when another server is reachable.
 */
public final class Postgres {
    static final int EMBEDDED_PORT = Settings.intEnv("EGOV_EMBEDDED_PG_PORT", 15432);

    private Postgres() {
    }

    public static PgServer locate(Path work, Log log) throws IOException, InterruptedException {
        if ("embedded".equals(System.getenv("EGOV_PG"))) {
            return startEmbedded(work, log);
        }
        String host = System.getenv("PGHOST");
        String user = Settings.env("PGUSER", "postgres");
        String password = System.getenv("PGPASSWORD");
        if (host != null && !host.isBlank()) {
            int port = Settings.intEnv("PGPORT", 5432);
            log.say("postgres.pghost", host, port);
            return new PgServer(host, port, user, password, "PGHOST");
        }
        if (reachable("127.0.0.1", 5432)) {
            PgServer local = new PgServer("127.0.0.1", 5432, user, password, "localhost");
            try (Connection c = local.admin("postgres")) {
                log.say("postgres.local", c.getMetaData().getDatabaseProductVersion());
                return local;
            } catch (SQLException e) {
                log.say("postgres.refused", user, e.getMessage());
            }
        }
        return startEmbedded(work, log);
    }

    static PgServer startEmbedded(Path work, Log log) throws IOException, InterruptedException {
        return startEmbedded(work, log, EMBEDDED_PORT);
    }

    /** Starts (or finds running) the embedded server of this work folder on {@code port}. */
    public static PgServer startEmbedded(Path work, Log log, int port) throws IOException, InterruptedException {
        PgServer embedded = new PgServer("127.0.0.1", port, "postgres", null, "embedded");
        if (reachable("127.0.0.1", port)) {
            log.say("postgres.embeddedRunning", port);
            return embedded;
        }
        Path data = work.resolve("pgdata");
        Path logs = Files.createDirectories(work.resolve("logs"));
        Files.createDirectories(data.getParent());
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL refuses to run as root; in a user namespace it sees an unprivileged uid
            command.add("unshare");
            command.add("-U");
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(EmbeddedPostgresMain.class.getName());
        command.add(data.toAbsolutePath().toString());
        command.add(Integer.toString(port));
        log.say("postgres.embeddedStarting", port, data);
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("postgres.log").toFile()))
                .start();
        Files.writeString(work.resolve("pg.pid"), Long.toString(p.pid()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IOException(Said.text("postgres.embeddedExited", logs.resolve("postgres.log")));
            }
            if (reachable("127.0.0.1", port)) {
                try (Connection c = embedded.admin("postgres")) {
                    return embedded;
                } catch (SQLException starting) {
                    // still starting up
                }
            }
            Thread.sleep(250);
        }
        throw new IOException(Said.text("postgres.embeddedSlow", logs.resolve("postgres.log")));
    }

    /** Stops the embedded server if this work folder started one. */
    public static boolean stopEmbedded(Path work, Log log) throws IOException, InterruptedException {
        Path pidFile = work.resolve("pg.pid");
        if (!Files.exists(pidFile)) {
            return false;
        }
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        var handle = ProcessHandle.of(pid);
        if (handle.isPresent()) {
            handle.get().destroy();
            try {
                handle.get().onExit().get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IOException(Said.text("postgres.embeddedStuck", pid), e);
            }
            log.say("postgres.embeddedStopped");
        }
        Files.delete(pidFile);
        return true;
    }

    static boolean reachable(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
