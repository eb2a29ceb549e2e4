package vn.egov.provisioning;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The search server of an environment: the Solr named by {@code EGOV_SOLR_URL} (a core URL) if set, else the
 * platform's own Solr node ({@code platform/search-node}) as a process of its own on 127.0.0.1, its home in
 * {@code work/solr/<env>} (kept between runs), stopped by {@code ./egov stop}.
 */
public final class Solr {
    private final Path project;
    private final Settings settings;
    private final Log log;

    public Solr(Path project, Settings settings, Log log) {
        this.project = project;
        this.settings = settings;
        this.log = log;
    }

    /** The core URL the platform uses. */
    public String coreUrl() {
        String given = Settings.env("EGOV_SOLR_URL", "");
        return given.isBlank() ? "http://127.0.0.1:" + settings.solrPort() + "/solr/egov" : given.replaceAll("/+$", "");
    }

    /** SolrCloud node URLs ({@code EGOV_SOLR_CLOUD}, comma separated), or empty for a standalone Solr. */
    public String cloudNodes() {
        return Settings.env("EGOV_SOLR_CLOUD", "").strip();
    }

    /** Checks the configured Solr, or starts (or finds running) the platform's own node. */
    public void ensureRunning() throws IOException, InterruptedException {
        if (!cloudNodes().isBlank()) {
            SolrCloudSetup.ensure(List.of(cloudNodes().split(",")), configset(), log);
            return;
        }
        if (!Settings.env("EGOV_SOLR_URL", "").isBlank()) {
            if (!ping()) {
                throw new IOException(Said.text("solr.silent", coreUrl()));
            }
            log.say("solr.answers", coreUrl());
            return;
        }
        if (ping()) {
            log.say("solr.running", settings.solrPort());
            return;
        }
        Path jar = project.resolve("platform/search-node/target/egov-search-node.jar");
        Path lib = project.resolve("platform/search-node/target/lib");
        if (!Files.exists(jar) || !Files.isDirectory(lib)) {
            throw new IOException(Said.text("solr.notBuilt", jar));
        }
        Path home = Files.createDirectories(settings.work().resolve("solr").resolve(settings.env()));
        Path logs = Files.createDirectories(settings.work().resolve("logs"));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dsolr.log.dir=" + logs, "-cp", jar + java.io.File.pathSeparator + lib + "/*",
                "vn.egov.search.node.SolrNode", home.toString(), Integer.toString(settings.solrPort()));
        log.say("solr.starting", settings.solrPort(), home);
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("solr-" + settings.env() + ".log").toFile())).start();
        Files.createDirectories(settings.envDir());
        Files.writeString(pidFile(), Long.toString(p.pid()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IOException(Said.text("solr.exited", logs.resolve("solr-" + settings.env() + ".log")));
            }
            if (ping()) {
                log.say("solr.ready", coreUrl());
                return;
            }
            Thread.sleep(250);
        }
        p.destroy();
        throw new IOException(Said.text("solr.slow", logs.resolve("solr-" + settings.env() + ".log")));
    }

    /** Stops the platform's own node if this work folder started it. */
    public boolean stop() throws IOException {
        Path pid = pidFile();
        if (!Files.exists(pid)) {
            return false;
        }
        var handle = ProcessHandle.of(Long.parseLong(Files.readString(pid).trim()));
        if (handle.isPresent()) {
            handle.get().destroy();
            try {
                handle.get().onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.get().destroyForcibly();
            }
            log.say("solr.stopped");
        }
        Files.delete(pid);
        return true;
    }

    /** The platform's configset (solrconfig.xml, schema.xml), as kept in the repository. */
    Path configset() {
        return project.resolve("platform/search-node/src/main/resources/solr/egov/conf");
    }

    public boolean ping() {
        try {
            HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build().send(
                    HttpRequest.newBuilder(URI.create(coreUrl() + "/select?q=*:*&rows=0")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Path pidFile() {
        return settings.envDir().resolve("solr.pid");
    }
}
