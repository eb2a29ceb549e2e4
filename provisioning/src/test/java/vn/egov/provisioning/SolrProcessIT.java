package vn.egov.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The run command's Solr: the platform's own node as a process of its own, started from the built search-node,
 * found running the second time, stopped by stop (its port freed), its index folder kept.
 */
class SolrProcessIT {

    @Test
    void theNodeStartsAnswersAndStops() throws Exception {
        Path project = Path.of(System.getProperty("egov.projectDir", "..")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("egov-solr-process");
        // a port base of its own, so that nothing else of the tests' is in the way
        Settings settings = new Settings(work, "it", "egov_it", "egov_it", "egov-it-solr", 27000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Solr solr = new Solr(project, settings, new Log(new PrintStream(out, true, StandardCharsets.UTF_8)));
        assertFalse(solr.ping());
        try {
            solr.ensureRunning();
            assertTrue(solr.ping(), out.toString(StandardCharsets.UTF_8));
            assertEquals("http://127.0.0.1:27083/solr/egov", solr.coreUrl());
            solr.ensureRunning();
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("Solr: nút ở cổng 27083 đang chạy sẵn"), out.toString(StandardCharsets.UTF_8));
            assertTrue(Files.exists(work.resolve("solr/it/egov/core.properties")));
        } finally {
            solr.stop();
        }
        assertFalse(solr.ping(), "stopped");
        assertFalse(Files.exists(work.resolve("it/solr.pid")));
        assertTrue(Files.isDirectory(work.resolve("solr/it/egov/data")), "the index stays for the next start");
    }
}
