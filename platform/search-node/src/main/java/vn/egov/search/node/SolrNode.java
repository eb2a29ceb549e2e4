package vn.egov.search.node;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A standalone Solr 9 node over HTTP on 127.0.0.1, with its home (and so its index) in a folder that survives
 * restarts, holding the platform's one core, {@value #CORE}, from the configset in this jar. Run as its own
 * process ({@link #main}) by the run command when no Solr is configured; tests start it in-process.
 */
public final class SolrNode implements AutoCloseable {
    public static final String CORE = "egov";
    static final List<String> CONFIG = List.of("solrconfig.xml", "schema.xml");

    private final JettySolrRunner runner;

    private SolrNode(JettySolrRunner runner) {
        this.runner = runner;
    }

    /** Prepares {@code home} (solr.xml, the core and its configset, refreshed from this jar) and starts the node. */
    public static SolrNode start(Path home, int port) throws Exception {
        Objects.requireNonNull(home, "home");
        prepare(home);
        System.setProperty("solr.log.dir", home.resolve("logs").toString());
        JettySolrRunner runner = new JettySolrRunner(home.toString(),
                JettyConfig.builder().setPort(port).setContext("/solr").stopAtShutdown(true).build());
        runner.start();
        return new SolrNode(runner);
    }

    static void prepare(Path home) throws IOException {
        Files.createDirectories(home.resolve(CORE).resolve("conf"));
        copy("solr/solr.xml", home.resolve("solr.xml"));
        for (String file : CONFIG) {
            copy("solr/" + CORE + "/conf/" + file, home.resolve(CORE).resolve("conf").resolve(file));
        }
        Path properties = home.resolve(CORE).resolve("core.properties");
        if (!Files.exists(properties)) {
            Files.writeString(properties, "name=" + CORE + "\n");
        }
    }

    private static void copy(String resource, Path target) throws IOException {
        try (InputStream in = SolrNode.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing in the jar: " + resource);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The core's base URL, e.g. {@code http://127.0.0.1:8983/solr/egov}. */
    public String coreUrl() {
        return runner.getBaseUrl() + "/" + CORE;
    }

    public String baseUrl() {
        return runner.getBaseUrl().toString();
    }

    @Override
    public void close() throws Exception {
        runner.stop();
    }

    /** {@code SolrNode <home> <port>}: runs until killed. If the node cannot start, the JVM exits (else the port stays held). */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: SolrNode <home> <port>");
            System.exit(2);
        }
        try {
            SolrNode node = start(Path.of(args[0]), Integer.parseInt(args[1]));
            System.out.println("solr ready at " + node.coreUrl());
        } catch (Exception e) {
            System.err.println("solr could not start: " + e);
            System.exit(1);
        }
    }
}
