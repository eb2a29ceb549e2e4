package vn.egov.provisioning;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The OpenID Connect provider that stands in for the national identity (VNeID) on this machine: Keycloak from its
 * distribution (Maven Central, {@code org.keycloak:keycloak-quarkus-dist}), unpacked in {@code work/keycloak/<env>},
 * started in development mode on 127.0.0.1 (port base + 70, management + 71; Payara holds + 86) with the realm {@value #REALM} imported:
 * the platform's client (confidential, authorisation code with PKCE S256, its redirect addresses this environment's),
 * and a mapper that puts the user name, which is the citizen's 12-digit identity number, in the claim
 * {@code identity_number}. The test environment always has one; {@code ./egov up} starts one when
 * {@code EGOV_OIDC=local}. {@code EGOV_OIDC_ISSUER} (with {@code EGOV_OIDC_CLIENT_ID}, {@code EGOV_OIDC_CLIENT_SECRET})
 * names a real provider instead. Keycloak 26 needs Java 21 or later: the JDK named by {@code EGOV_KEYCLOAK_JAVA_HOME},
 * else the first such JDK under /usr/lib/jvm (this machine has Temurin 25 beside the platform's Java 17).
 */
public final class Keycloak {
    public static final String REALM = "egov-national";
    public static final String CLIENT_ID = "egov-portal";
    public static final String ADMIN = "admin";
    private final Path project;
    private final Settings settings;
    private final Log log;

    public Keycloak(Path project, Settings settings, Log log) {
        this.project = project;
        this.settings = settings;
        this.log = log;
    }

    /** Whether this environment has a provider of its own: always for the tests, on request for a person's. */
    public boolean wanted() {
        String oidc = Settings.env("EGOV_OIDC", "it".equals(settings.env()) ? "local" : "off");
        return "local".equals(oidc) && Settings.env("EGOV_OIDC_ISSUER", "").isBlank();
    }

    public int port() { return settings.portBase() + 70; }

    /** The issuer the platform is told: the configured one, else this machine's. */
    public String issuer() {
        String given = Settings.env("EGOV_OIDC_ISSUER", "");
        return given.isBlank() ? "http://127.0.0.1:" + port() + "/realms/" + REALM : given;
    }

    public String clientId() { return Settings.env("EGOV_OIDC_CLIENT_ID", CLIENT_ID); }

    public String clientSecret() throws IOException {
        String given = Settings.env("EGOV_OIDC_CLIENT_SECRET", "");
        return given.isBlank() ? new Secrets(settings.secrets()).getOrCreate("oidc.client-secret") : given;
    }

    /** The password of the provider's own administrator (the tests make citizens through its admin API). */
    public String adminPassword() throws IOException {
        return new Secrets(settings.secrets()).getOrCreate("keycloak.admin");
    }

    /** Starts this machine's provider unless it answers already. */
    public void ensureRunning() throws IOException, InterruptedException {
        if (ping()) {
            log.say("oidc.running", port());
            return;
        }
        Path zip = project.resolve("provisioning/target/keycloak/keycloak.zip");
        if (!Files.exists(zip)) {
            throw new IOException(Said.text("oidc.notBuilt", zip));
        }
        Path java = javaHome().orElseThrow(() -> new IOException(Said.text("oidc.noJava")));
        Path home = unpack(zip, settings.work().resolve("keycloak").resolve(settings.env()));
        Files.createDirectories(home.resolve("data/import"));
        Files.writeString(home.resolve("data/import/" + REALM + "-realm.json"), realm());
        Path logs = Files.createDirectories(settings.work().resolve("logs"));
        Path logFile = logs.resolve("keycloak-" + settings.env() + ".log");
        List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev", "--http-host=127.0.0.1",
                "--http-port=" + port(), "--http-management-port=" + (port() + 1), "--import-realm", "--log-level=warn,org.keycloak.services:info");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        pb.environment().putAll(Map.of("JAVA_HOME", java.toString(), "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword(), "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                // Quarkus' thread-local reset needs this on Java 24 and later (its log says so otherwise)
                "JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED"));
        log.say("oidc.starting", port(), java);
        Process p = pb.start();
        Files.createDirectories(settings.envDir());
        Files.writeString(pidFile(), Long.toString(p.pid()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IOException(Said.text("oidc.exited", logFile));
            }
            if (ping()) {
                log.say("oidc.ready", issuer());
                return;
            }
            Thread.sleep(500);
        }
        p.destroy();
        throw new IOException(Said.text("oidc.slow", logFile));
    }

    /** Stops this machine's provider if this work folder started it. */
    public boolean stop() throws IOException {
        Path pid = pidFile();
        if (!Files.exists(pid)) {
            return false;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(Long.parseLong(Files.readString(pid).trim()));
        if (handle.isPresent()) {
            handle.get().descendants().forEach(ProcessHandle::destroy);
            handle.get().destroy();
            try {
                handle.get().onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.get().destroyForcibly();
            }
        }
        Files.deleteIfExists(pid);
        log.say("oidc.stopped");
        return true;
    }

    private Path pidFile() { return settings.envDir().resolve("keycloak.pid"); }

    boolean ping() {
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A JDK of version 21 or later: {@code EGOV_KEYCLOAK_JAVA_HOME}, this JVM, else one under /usr/lib/jvm. */
    static Optional<Path> javaHome() throws IOException {
        String given = Settings.env("EGOV_KEYCLOAK_JAVA_HOME", "");
        if (!given.isBlank()) {
            return Optional.of(Path.of(given));
        }
        if (Runtime.version().feature() >= 21) {
            return Optional.of(Path.of(System.getProperty("java.home")));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> all = Files.list(jvms)) {
            return all.filter(j -> Files.isExecutable(j.resolve("bin/java")) && feature(j) >= 21).sorted().findFirst();
        }
    }

    private static int feature(Path jdk) {
        try {
            for (String line : Files.readAllLines(jdk.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring(line.indexOf('"') + 1).replace("\"", "");
                    return Integer.parseInt(v.split("[.+-]")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** The distribution unpacked under {@code dir} once (kept between runs: its development database holds the realm). */
    private static Path unpack(Path zip, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> present = Files.list(dir)) {
            Optional<Path> done = present.filter(p -> Files.exists(p.resolve("bin/kc.sh"))).findFirst();
            if (done.isPresent()) {
                return done.get();
            }
        }
        Path top = null;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path target = dir.resolve(e.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException("entry outside the folder: " + e.getName());
                }
                if (top == null) {
                    top = dir.resolve(Path.of(e.getName()).getName(0));
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        for (String script : new String[] {"kc.sh", "kcadm.sh"}) {
            top.resolve("bin").resolve(script).toFile().setExecutable(true);
        }
        return top;
    }

    /** The realm: the platform's client with this environment's addresses, the identity-number claim. */
    String realm() throws IOException {
        List<String> origins = new ArrayList<>();
        for (int http : new int[] {settings.httpPort(), settings.httpPort() + 100}) {
            origins.add("\"http://localhost:" + http + "/*\"");
            origins.add("\"http://127.0.0.1:" + http + "/*\"");
        }
        try (InputStream in = Keycloak.class.getResourceAsStream("keycloak-realm.json")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("@REALM@", REALM).replace("@CLIENT_ID@", CLIENT_ID).replace("@CLIENT_SECRET@", clientSecret())
                    .replace("@REDIRECTS@", String.join(", ", origins));
        }
    }
}
