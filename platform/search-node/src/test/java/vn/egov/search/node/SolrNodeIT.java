package vn.egov.search.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform's Solr node over real HTTP: Vietnamese with and without diacritics finds the same documents, exact
 * diacritics rank first, decomposed (NFD) text is found, the subtree filter selects a unit and everything under
 * it, and the index survives a restart of the node.
 */
class SolrNodeIT {
    static Path home;
    static SolrNode node;
    static Http2SolrClient solr;

    @BeforeAll
    static void start() throws Exception {
        home = Files.createTempDirectory("egov-solr-it");
        node = SolrNode.start(home, 0);
        solr = new Http2SolrClient.Builder(node.coreUrl()).build();
        solr.add(List.of(
                doc("a", "1.5.10", "Đăng ký khai sinh", "Thủ tục đăng ký khai sinh cho trẻ em tại Ủy ban nhân dân xã"),
                doc("b", "1.5.11", "Dang ky ket hon", "Huong dan dang ky ket hon (viet khong dau)"),
                doc("c", "1.6.20", Normalizer.normalize("Thủ tục cấp phép xây dựng", Normalizer.Form.NFD), "Sở Xây dựng tiếp nhận hồ sơ"),
                doc("d", "1.6", "Đường giao thông nông thôn", "Báo cáo tiến độ đường liên xã")));
        solr.commit();
    }

    @AfterAll
    static void stop() throws Exception {
        if (solr != null) {
            solr.close();
        }
        if (node != null) {
            node.close();
        }
    }

    static SolrInputDocument doc(String id, String path, String title, String body) {
        SolrInputDocument d = new SolrInputDocument();
        d.addField("id", id);
        d.addField("tenant_id", Long.parseLong(path.substring(path.lastIndexOf('.') + 1)));
        d.addField("tenant_path", path);
        d.addField("type", "test");
        d.addField("visibility", "public");
        d.addField("title", title);
        d.addField("body", body);
        return d;
    }

    static List<String> ids(String q, String... filters) throws Exception {
        SolrQuery query = new SolrQuery(q).setFields("id");
        for (String f : filters) {
            query.addFilterQuery(f);
        }
        return solr.query(query).getResults().stream().map(d -> (String) d.getFieldValue("id")).toList();
    }

    @Test
    void withOrWithoutDiacriticsTheSameDocumentsAndExactOnesFirst() throws Exception {
        assertEquals(List.of("a", "b"), ids("đăng ký"), "exact diacritics rank first");
        assertEquals(List.of("b", "a"), ids("dang ky"), "written without diacritics: the plain one first, the other found too");
        assertEquals(List.of("c", "a").stream().sorted().toList(), ids("thu tuc").stream().sorted().toList());
        assertEquals(List.of("d"), ids("duong"), "đ folds to d");
        assertTrue(ids("thủ tục").contains("c"), "the NFD-indexed title is found by NFC input");
        assertTrue(ids(Normalizer.normalize("thủ tục", Normalizer.Form.NFD)).contains("a"), "and NFD input finds NFC text");
    }

    @Test
    void theSubtreeFilterSelectsAUnitAndEverythingUnderIt() throws Exception {
        assertEquals(List.of("a", "b"), ids("*:*", "tenant_path:\"1.5\"").stream().sorted().toList());
        assertEquals(List.of("c", "d"), ids("*:*", "tenant_path:\"1.6\"").stream().sorted().toList());
        assertEquals(List.of("a"), ids("*:*", "tenant_path:\"1.5.10\""));
        assertEquals(4, ids("*:*", "tenant_path:\"1\"").size());
        assertEquals(List.of(), ids("*:*", "tenant_path:\"1.50\""), "a prefix of digits is not an ancestor");
    }

    @Test
    void theIndexSurvivesARestartOfTheNode() throws Exception {
        solr.close();
        node.close();
        node = SolrNode.start(home, 0);
        solr = new Http2SolrClient.Builder(node.coreUrl()).build();
        SolrDocument a = solr.getById("a");
        assertEquals("Đăng ký khai sinh", a.getFieldValue("title"));
        assertEquals(4, ids("*:*").size());
    }
}
