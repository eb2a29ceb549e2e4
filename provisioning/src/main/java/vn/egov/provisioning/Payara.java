package vn.egov.provisioning;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Payara Server 6 from its Maven Central zip, unpacked once under the work folder; one domain per
 * environment, with its own port base; the JDBC pool connects as the application role.
 */
public final class Payara {
    static final String POOL = "egov-pool";
    /** The server's heap. */
    static final String HEAP = "1536m";
    static final String JNDI = "jdbc/egov";

    private final Path work;
    private final Settings settings;
    private final Log log;

    public Payara(Path work, Settings settings, Log log) {
        this.work = work;
        this.settings = settings;
        this.log = log;
    }

    Path home() { return work.resolve("payara6"); }
    Path asadmin() { return home().resolve("bin/asadmin"); }
    Path domainDir() { return home().resolve("glassfish/domains").resolve(settings.domain()); }

    /** Unpacks Payara (once), creates the domain (once), puts the PostgreSQL driver in it and starts it. */
    public void ensureRunning(Path payaraZip, Path jdbcDriver) throws IOException, InterruptedException {
        if (!Files.exists(asadmin())) {
            log.say("payara.unpacking", payaraZip.getFileName());
            unzip(payaraZip, work);
            // zip entries carry no permissions: make the launch scripts executable again
            for (Path bin : List.of(home().resolve("bin"), home().resolve("glassfish/bin"))) {
                try (var scripts = Files.list(bin)) {
                    for (Path script : scripts.toList()) {
                        Files.setPosixFilePermissions(script, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE));
                    }
                }
            }
        }
        if (!Files.exists(domainDir())) {
            log.say("payara.creatingDomain", settings.domain(), settings.adminPort(), settings.httpPort());
            asadmin(false, "create-domain", "--nopassword=true", "--portbase", Integer.toString(settings.portBase()),
                    "--savelogin=false", settings.domain());
        }
        Path lib = domainDir().resolve("lib").resolve(jdbcDriver.getFileName());
        if (!Files.exists(lib)) {
            Files.createDirectories(lib.getParent());
            Files.copy(jdbcDriver, lib, StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Postgres.reachable("127.0.0.1", settings.adminPort())) {
            log.say("payara.starting", settings.domain());
            asadmin(false, "start-domain", settings.domain());
            configureOnce();
        } else {
            log.say("payara.running", settings.domain());
        }
    }

    /** Settings made once per domain, remembered by a marker file in the domain. */
    private void configureOnce() throws IOException, InterruptedException {
        cookiesSameSite();
        serverUnnamed();
        boolean gridChanged = gridMembers();
        boolean restart = immediateInvalidation();
        restart |= heap();
        Path marker = domainDir().resolve("config/egov-configured");
        Path tmpMarker = domainDir().resolve("config/egov-tmpdir");
        if (Files.exists(marker) && !Files.exists(tmpMarker)) {
            // a domain configured before it had its own temporary folder
            ownTmpDir(tmpMarker);
            asadmin(false, "restart-domain", settings.domain());
            return;
        }
        if (Files.exists(marker)) {
            if (gridChanged || restart) {
                asadmin(false, "restart-domain", settings.domain());
            }
            return;
        }
        ownTmpDir(tmpMarker);
        // each domain is its own data grid: the test domain must never join the one people use
        if (!gridChanged) {
            asadmin(true, "set-hazelcast-configuration", "--clustername", "egov-" + settings.env(), "--enabled", "true", "--dynamic", "true");
        }
        asadmin(true, "create-jvm-options", "-Dfile.encoding=UTF-8:-Duser.timezone=Asia/Ho_Chi_Minh");
        Files.writeString(marker, "configured\n");
        log.say("payara.configured");
        asadmin(false, "restart-domain", settings.domain());
    }

    /**
     * No cookie of ours goes with a cross-site POST: another site cannot make a logged-in administrator's browser
     * change anything through the API (the forms carry their own CSRF token as well).
     */
    private void cookiesSameSite() throws IOException, InterruptedException {
        Path sameSite = domainDir().resolve("config/egov-samesite");
        if (!Files.exists(sameSite)) {
            String http = "configs.config.server-config.network-config.protocols.protocol.http-listener-1.http.";
            asadmin(true, "set", http + "cookie-same-site-value=Lax");
            asadmin(true, "set", http + "cookie-same-site-enabled=true");
            Files.writeString(sameSite, "configured\n");
        }
    }

    /** The answers do not name the server or its version (Server: Payara Server 6..., X-Powered-By). */
    private void serverUnnamed() throws IOException, InterruptedException {
        Path headers = domainDir().resolve("config/egov-headers");
        if (!Files.exists(headers)) {
            String http = "configs.config.server-config.network-config.protocols.protocol.http-listener-1.http.";
            asadmin(true, "set", http + "server-header=false");
            asadmin(true, "set", http + "xpowered-by=false");
            Files.writeString(headers, "configured\n");
        }
    }

    /** The nodes of this environment find each other by TCP/IP on known ports (two domains on one machine); true if set now. */
    private boolean gridMembers() throws IOException, InterruptedException {
        Path grid = domainDir().resolve("config/egov-grid-members");
        if (settings.gridMembers() != null && !Files.exists(grid)) {
            asadmin(true, "set-hazelcast-configuration", "--clustername", "egov-" + settings.env(), "--enabled", "true",
                    "--dynamic", "true", "--clustermode", "tcpip", "--tcpipmembers", settings.gridMembers(),
                    "--dasport", Integer.toString(settings.gridPort()));
            Files.writeString(grid, settings.gridMembers() + "\n");
            return true;
        }
        return false;
    }

    /**
     * Near caches (unit settings) are invalidated on the other nodes as soon as an entry changes, rather than in
     * Hazelcast's default batches (up to 10 s later); true if set now (the domain restarts).
     */
    private boolean immediateInvalidation() throws IOException, InterruptedException {
        Path immediate = domainDir().resolve("config/egov-invalidation-immediate");
        if (!Files.exists(immediate)) {
            asadmin(true, "create-jvm-options", "-Dhazelcast.map.invalidation.batch.enabled=false");
            Files.writeString(immediate, "configured\n");
            return true;
        }
        return false;
    }

    /**
     * 512 MB (Payara's default) is too little for this application with its data grid, Solr client, PDF fonts and ICU
     * data, and the tests redeploy it a dozen times into one server: bursts of Argon2 logins ran out of it. True if
     * set now (the domain restarts).
     */
    private boolean heap() throws IOException, InterruptedException {
        Path heap = domainDir().resolve("config/egov-heap");
        if (!Files.exists(heap)) {
            try {
                asadmin(true, "delete-jvm-options", "-Xmx512m");
            } catch (IOException absent) {
                // a domain whose heap was set otherwise
            }
            asadmin(true, "create-jvm-options", "-Xmx" + HEAP);
            Files.writeString(heap, HEAP + "\n");
            return true;
        }
        return false;
    }

    /**
     * Each domain uploads deployments into its own temporary folder: two domains on one machine (the one people
     * use and the tests', or two checkouts) deploying an archive of the same name must not overwrite each other's.
     */
    private void ownTmpDir(Path marker) throws IOException, InterruptedException {
        Path tmp = domainDir().resolve("tmp");
        Files.createDirectories(tmp);
        asadmin(true, "create-jvm-options", "-Djava.io.tmpdir=" + tmp.toAbsolutePath().toString().replace(":", "\\:"));
        Files.writeString(marker, "configured\n");
    }

    /**
     * Sets a system property of the server (read by the application through MicroProfile Config), if it is not
     * already set to this value; takes effect without a restart.
     */
    public void ensureSystemProperty(String name, String value) throws IOException, InterruptedException {
        Path domainXml = domainDir().resolve("config/domain.xml");
        String wanted = "name=\"" + name + "\" value=\"" + value + "\"";
        String wantedReversed = "value=\"" + value + "\" name=\"" + name + "\"";
        if (Files.exists(domainXml)) {
            String xml = Files.readString(domainXml);
            if (xml.contains(wanted) || xml.contains(wantedReversed)) {
                return;
            }
        }
        asadmin(true, "create-system-properties", name + "=" + value.replace(":", "\\:").replace("=", "\\="));
        log.say("payara.property", name, value);
    }

    /**
     * A pooled connection is checked ({@code SELECT 1}) at most once in this many seconds, not at every hand-out: the
     * dossier replay handed out ten connections per request, and checking each was 75,000 round trips per 7,350
     * requests. A connection that died in between fails its first statement, and {@code fail-all-connections}
     * then renews the whole pool.
     */
    static final int VALIDATE_EVERY_S = 30;

    /** Creates the JDBC pool and resource, or updates the pool's connection settings. */
    public void ensurePool(PgServer pg, String appUser, String appPassword) throws IOException, InterruptedException {
        String listed = asadmin(true, "list-jdbc-connection-pools");
        if (!listed.contains(POOL)) {
            Path xml = settings.envDir().resolve("resources.xml");
            Files.createDirectories(xml.getParent());
            Files.writeString(xml, """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <!DOCTYPE resources PUBLIC "-//GlassFish.org//DTD GlassFish Application Server 3.1 Resource Definitions//EN" "http://glassfish.org/dtds/glassfish-resources_1_5.dtd">
                    <resources>
                      <jdbc-connection-pool name="%s" res-type="javax.sql.DataSource"
                          datasource-classname="org.postgresql.ds.PGSimpleDataSource"
                          steady-pool-size="2" max-pool-size="32" pool-resize-quantity="2"
                          is-connection-validation-required="true" connection-validation-method="custom-validation"
                          validation-classname="org.glassfish.api.jdbc.validation.PostgresConnectionValidation"
                          validate-atmost-once-period-in-seconds="%d"
                          fail-all-connections="true" statement-timeout-in-seconds="60">
                        <property name="serverName" value="%s"/>
                        <property name="portNumber" value="%d"/>
                        <property name="databaseName" value="%s"/>
                        <property name="user" value="%s"/>
                        <property name="password" value="%s"/>
                        <property name="ApplicationName" value="egov"/>
                      </jdbc-connection-pool>
                      <jdbc-resource pool-name="%s" jndi-name="%s"/>
                    </resources>
                    """.formatted(POOL, VALIDATE_EVERY_S, pg.host(), pg.port(), settings.database(), appUser, appPassword, POOL, JNDI));
            asadmin(true, "add-resources", xml.toString());
            Files.delete(xml);
            log.say("payara.pool", POOL, pg.host(), pg.port(), settings.database(), appUser);
        } else {
            String prefix = "resources.jdbc-connection-pool." + POOL + ".property.";
            asadmin(true, "set", prefix + "serverName=" + pg.host(), prefix + "portNumber=" + pg.port(),
                    prefix + "databaseName=" + settings.database(), prefix + "user=" + appUser, prefix + "password=" + appPassword,
                    "resources.jdbc-connection-pool." + POOL + ".validate-atmost-once-period-in-seconds=" + VALIDATE_EVERY_S);
        }
    }

    public boolean isDeployed(String name) throws IOException, InterruptedException {
        return asadmin(true, "list-applications").lines().anyMatch(l -> l.startsWith(name + " "));
    }

    public void deploy(Path ear, String name) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        // availability on: Payara keeps the web sessions in the Hazelcast data grid, visible to every node
        String[] deploy = {"deploy", "--force=true", "--availabilityenabled=true", "--name", name, ear.toString()};
        try {
            asadmin(true, deploy);
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            // both states live in the domain's memory only, and a restart clears them:
            // - seen after a start-up that failed to load the previous version: the name stays reserved
            //   although nothing is deployed;
            // - seen in CI when the tests' class loader had just been undeployed: EclipseLink's static
            //   registry kept the persistence unit "platform" against the old loader ("Unable to find the class
            //   named ...Tenant"), after which it stays DeployFailed for every later deploy of the domain
            boolean stuckName = message.contains("is already in use");
            boolean stuckUnit = message.contains("PersistenceUnit") && message.contains("EntityManagerSetupException");
            if (!stuckName && !stuckUnit) {
                throw e;
            }
            log.say(stuckName ? "payara.stuckName" : "payara.stuckUnit");
            if (stuckUnit && isDeployed(name)) {
                asadmin(true, "undeploy", name);
            }
            asadmin(false, "restart-domain", settings.domain());
            asadmin(true, deploy);
        }
        log.say("payara.deployed", ear.getFileName(), String.format("%.1f", (System.nanoTime() - t0) / 1e9));
    }

    public void undeploy(String name) throws IOException, InterruptedException {
        if (isDeployed(name)) {
            asadmin(true, "undeploy", name);
        }
    }

    public void stop() throws IOException, InterruptedException {
        if (Files.exists(asadmin()) && Postgres.reachable("127.0.0.1", settings.adminPort())) {
            asadmin(false, "stop-domain", settings.domain());
            log.say("payara.stopped", settings.domain());
        }
    }

    /** Waits until {@code url} answers 200, or fails after {@code timeout}. */
    public static void awaitHttp(String url, Duration timeout) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + r.statusCode();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(300);
        }
        throw new IOException(url + " did not answer 200 within " + timeout.toSeconds() + " s (last: " + last + ")");
    }

    /** Runs asadmin; remote commands go to this environment's admin port. Returns its output. */
    String asadmin(boolean remote, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(asadmin().toString());
        cmd.add("--interactive=false");
        if (remote) {
            cmd.add("--port");
            cmd.add(Integer.toString(settings.adminPort()));
        }
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException(Said.text("payara.asadminHung", args[0]));
        }
        if (p.exitValue() != 0) {
            throw new IOException(Said.text("payara.asadminFailed", String.join(" ", redact(args))) + "\n" + out);
        }
        return out;
    }

    private static List<String> redact(String... args) {
        return List.of(args).stream().map(a -> a.contains("password=") ? a.replaceAll("password=.*", "password=***") : a).toList();
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path out = target.resolve(e.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException(Said.text("payara.zipOutside", e.getName()));
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
