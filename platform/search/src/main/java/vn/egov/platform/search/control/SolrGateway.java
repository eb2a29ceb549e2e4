package vn.egov.platform.search.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.impl.CloudHttp2SolrClient;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The one SolrJ client of the application, configured (MicroProfile Config, e.g. Payara system properties set
 * by provisioning) with either
 * <ul>
 * <li>{@code egov.solr.url}: a standalone Solr core, e.g. {@code http://127.0.0.1:8983/solr/egov}; or</li>
 * <li>{@code egov.solr.cloud}: SolrCloud nodes, comma separated ({@code http://h1:8983/solr,http://h2:8983/solr}),
 *     with the collection {@code egov.solr.collection} (default {@code egov}).</li>
 * </ul>
 * The same code serves both: SolrJ routes by the collection.
 */
@ApplicationScoped
public class SolrGateway {
    private volatile SolrClient client;
    private volatile String description = "not configured";

    public static final class NotConfigured extends IllegalStateException {
        NotConfigured() {
            super("no Solr configured: set egov.solr.url (a core URL) or egov.solr.cloud (node URLs)");
        }
    }

    /** The client; built on first use from the configuration. */
    public SolrClient client() {
        SolrClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = build(ConfigProvider.getConfig());
                }
                c = client;
            }
        }
        return c;
    }

    public String description() {
        return description;
    }

    private SolrClient build(Config config) {
        Optional<String> cloud = config.getOptionalValue("egov.solr.cloud", String.class).filter(s -> !s.isBlank());
        String collection = config.getOptionalValue("egov.solr.collection", String.class).orElse("egov");
        if (cloud.isPresent()) {
            List<String> nodes = Arrays.stream(cloud.get().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            description = "SolrCloud " + nodes + ", collection " + collection;
            return new CloudHttp2SolrClient.Builder(nodes).withDefaultCollection(collection)
                    .withInternalClientBuilder(http(null)).build();
        }
        String url = config.getOptionalValue("egov.solr.url", String.class).filter(s -> !s.isBlank())
                .orElseThrow(NotConfigured::new).replaceAll("/+$", "");
        int cut = url.lastIndexOf('/');
        description = "Solr " + url;
        return http(url.substring(0, cut)).withDefaultCollection(url.substring(cut + 1)).build();
    }

    private static Http2SolrClient.Builder http(String baseUrl) {
        Http2SolrClient.Builder b = baseUrl == null ? new Http2SolrClient.Builder() : new Http2SolrClient.Builder(baseUrl);
        return b.withConnectionTimeout(2, TimeUnit.SECONDS).withIdleTimeout(60, TimeUnit.SECONDS)
                .withRequestTimeout(60, TimeUnit.SECONDS);
    }

    @PreDestroy
    void close() {
        SolrClient c = client;
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                // closing at undeploy: nothing left to do
            }
        }
    }
}
