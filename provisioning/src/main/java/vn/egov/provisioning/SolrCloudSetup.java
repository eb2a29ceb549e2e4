package vn.egov.provisioning;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Puts the platform's configset on a SolrCloud cluster and makes sure its collection exists, over Solr's HTTP
 * APIs only (no ZooKeeper client here): upload (overwrite) the configset {@value #NAME}, then create the
 * collection {@value #NAME} with 2 shards, or reload it so a changed configset takes effect.
 */
public final class SolrCloudSetup {
    public static final String NAME = "egov";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private SolrCloudSetup() {
    }

    public static void ensure(List<String> nodes, Path configset, Log log) throws IOException, InterruptedException {
        String node = nodes.get(0).strip().replaceAll("/+$", "");
        byte[] zip = zip(configset);
        HttpResponse<String> upload = HTTP.send(HttpRequest.newBuilder(URI.create(node + "/admin/configs?action=UPLOAD&name=" + NAME + "&overwrite=true&cleanup=true"))
                .header("Content-Type", "application/octet-stream").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip)).build(), HttpResponse.BodyHandlers.ofString());
        require(upload, "solrCloud.upload");
        log.say("solrCloud.uploaded", NAME, node);
        String list = require(get(node + "/admin/collections?action=LIST&wt=json"), "solrCloud.list");
        if (list.contains("\"" + NAME + "\"")) {
            require(get(node + "/admin/collections?action=RELOAD&name=" + NAME), "solrCloud.reload");
            log.say("solrCloud.reloaded", NAME);
        } else {
            require(get(node + "/admin/collections?action=CREATE&name=" + NAME + "&numShards=2&replicationFactor=1"
                    + "&collection.configName=" + URLEncoder.encode(NAME, StandardCharsets.UTF_8)), "solrCloud.create");
            log.say("solrCloud.created", NAME);
        }
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The answer's body, or an error saying {@code what} (a key of the tool's bundle) failed. */
    private static String require(HttpResponse<String> r, String what) throws IOException {
        if (r.statusCode() != 200) {
            throw new IOException(Said.text("solrCloud.failed", Said.text(what), r.statusCode(), r.body()));
        }
        return r.body();
    }

    static byte[] zip(Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes); Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                out.putNextEntry(new ZipEntry(f.getFileName().toString()));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
