package vn.egov.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.impl.CloudHttp2SolrClient;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform on SolrCloud: two Solr nodes (and ZooKeeper) on loopback; {@link SolrCloudSetup} uploads the
 * repository's configset and creates the 2-shard collection over HTTP only, as provisioning does with
 * {@code EGOV_SOLR_CLOUD}; then SolrJ's {@code CloudHttp2SolrClient}, built from the node URLs as the
 * application builds it, indexes and searches: Vietnamese folding, exact matches first across shards (scores
 * from the whole collection: ExactStatsCache), the subtree filter. Running the setup again updates the
 * configset and reloads the collection.
 */
class SolrCloudIT {
    static MiniSolrCloudCluster cluster;
    static CloudHttp2SolrClient client;
    static List<String> nodes = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Path base = Files.createTempDirectory("egov-solrcloud");
        cluster = new MiniSolrCloudCluster(2, base, JettyConfig.builder().build());
        for (JettySolrRunner j : cluster.getJettySolrRunners()) {
            nodes.add(j.getBaseUrl().toString());
        }
        SolrCloudSetup.ensure(nodes, Path.of("../platform/search-node/src/main/resources/solr/egov/conf"), new Log(System.out));
        cluster.waitForActiveCollection(SolrCloudSetup.NAME, 2, 2);
        client = new CloudHttp2SolrClient.Builder(nodes).withDefaultCollection(SolrCloudSetup.NAME)
                .withInternalClientBuilder(new Http2SolrClient.Builder()).build();
        List<SolrInputDocument> docs = new ArrayList<>();
        docs.add(doc("notice:1", 10, "1.5.10", "Đăng ký khai sinh", "Thủ tục đăng ký khai sinh cho trẻ em"));
        docs.add(doc("notice:2", 11, "1.5.11", "Dang ky ket hon", "Huong dan dang ky ket hon"));
        docs.add(doc("notice:3", 20, "1.6.20", Normalizer.normalize("Đăng ký thường trú", Normalizer.Form.NFD), "Công an xã tiếp nhận"));
        for (int i = 0; i < 40; i++) {
            docs.add(doc("notice:" + (100 + i), 30 + i % 3, "1.7." + (30 + i % 3), "Thông báo lịch họp số " + i, "Nội dung họp giao ban tuần " + i));
        }
        client.add(docs);
        client.commit();
    }

    @AfterAll
    static void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    static SolrInputDocument doc(String id, long unit, String path, String title, String body) {
        SolrInputDocument d = new SolrInputDocument();
        d.addField("id", id);
        d.addField("tenant_id", unit);
        d.addField("tenant_path", path);
        d.addField("type", "notice");
        d.addField("visibility", "public");
        d.addField("title", title);
        d.addField("body", body);
        return d;
    }

    static List<String> ids(String q, String... fq) throws Exception {
        SolrQuery query = new SolrQuery(q);
        query.addFilterQuery(fq);
        query.setRows(100);
        QueryResponse r = client.query(query);
        List<String> ids = new ArrayList<>();
        for (SolrDocument d : r.getResults()) {
            ids.add((String) d.getFieldValue("id"));
        }
        return ids;
    }

    @Test
    void theCollectionIsShardedOverBothNodes() {
        DocCollection c = cluster.getSolrClient().getClusterState().getCollection(SolrCloudSetup.NAME);
        assertEquals(2, c.getSlices().size());
        assertEquals(2, c.getReplicas().stream().map(r -> r.getNodeName()).distinct().count(), "one shard on each node");
    }

    @Test
    void vietnameseWithOrWithoutDiacriticsAndExactFirstAcrossShards() throws Exception {
        List<String> folded = ids("dang ky");
        assertEquals(3, folded.size(), folded.toString());
        List<String> exact = ids("đăng ký khai sinh");
        assertEquals("notice:1", exact.get(0), exact.toString());
        assertEquals(List.of("notice:3"), ids("thuong tru"), "NFD input, folded query");
        assertEquals(40, ids("hop giao ban").size());
    }

    @Test
    void theSubtreeFilterWorksAcrossShards() throws Exception {
        assertEquals(List.of("notice:1", "notice:2"), ids("dang ky", "tenant_path:\"1.5\"").stream().sorted().toList());
        assertEquals(List.of("notice:1"), ids("*:*", "tenant_path:\"1.5.10\""));
        assertEquals(40, ids("*:*", "tenant_path:\"1.7\"").size());
    }

    @Test
    void settingUpAgainUpdatesTheConfigsetAndReloads() throws Exception {
        SolrCloudSetup.ensure(nodes, Path.of("../platform/search-node/src/main/resources/solr/egov/conf"), new Log(System.out));
        assertTrue(CollectionAdminRequest.listCollections(client).contains(SolrCloudSetup.NAME));
        assertEquals(3, ids("dang ky").size(), "the data is still there after the reload");
    }
}
