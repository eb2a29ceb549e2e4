package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.egov.it.Fixtures.COMMUNE;
import static vn.egov.it.Fixtures.DISTRICT;
import static vn.egov.it.Fixtures.PROVINCE;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The public directory of units, the first unit page, custom domains, OpenAPI and health. */
class TenantsAndPagesIT extends DeployedEar {

    @Test
    void theTreeHasTheProvinceItsDepartmentsAndDistricts() {
        JsonArray roots = Api.anonymous().get("/api/tenants").array();
        // (other tests add roots of their own: copies of the tree to reorganise, merged provinces)
        JsonObject province = roots.stream().map(JsonObject.class::cast).filter(r -> PROVINCE.equals(r.getString("code")))
                .findFirst().orElseThrow(() -> new AssertionError("no root " + PROVINCE + " in " + roots));
        assertEquals(PROVINCE, province.getString("code"));
        assertEquals("Tỉnh Lào Cai", province.getString("name"));
        JsonArray children = province.getJsonArray("children");
        java.util.Map<String, String> kindByCode = new java.util.HashMap<>();
        children.stream().map(JsonObject.class::cast).forEach(c -> kindByCode.put(c.getString("code"), c.getString("kind")));
        // the reference tree: 18 departments, boards and agencies and 9 districts (other tests may add more units)
        java.util.List<String> reference = java.util.List.of("snv", "stp", "skhdt", "stc", "sct", "snnptnt", "sgtvt", "sxd",
                "stnmt", "stttt", "sldtbxh", "svhttdl", "skhcn", "sgddt", "syt", "sngv", "ttt", "bdt",
                "thanh-pho-lao-cai", "huyen-bat-xat", "huyen-muong-khuong", "huyen-si-ma-cai", "huyen-bac-ha",
                "huyen-bao-thang", "huyen-bao-yen", "thi-xa-sa-pa", "huyen-van-ban");
        assertEquals(27, reference.size());
        assertTrue(kindByCode.keySet().containsAll(reference), kindByCode.toString());
        assertEquals("city", kindByCode.get("thanh-pho-lao-cai"));
        assertEquals("town", kindByCode.get("thi-xa-sa-pa"));
        assertEquals("board", kindByCode.get("bdt"));
        JsonObject district = Api.anonymous().get("/api/tenants/" + DISTRICT).json();
        assertEquals("082", district.getString("gsoCode"));
        assertEquals(PROVINCE, district.getString("parent"));
        assertTrue(district.getJsonArray("children").size() > 10);
        JsonArray ancestors = Api.anonymous().get("/api/tenants/" + COMMUNE + "/ancestors").array();
        assertEquals(2, ancestors.size());
        assertEquals(PROVINCE, ancestors.getJsonObject(0).getString("code"));
        assertEquals(DISTRICT, ancestors.getJsonObject(1).getString("code"));
        assertEquals(district.getJsonArray("children").size(),
                Api.anonymous().get("/api/tenants/" + DISTRICT + "/children").array().size());
    }

    @Test
    void theUnitPageShowsItsNameParentAndChildrenInVietnamese() {
        Api.Response page = Api.anonymous().get("/t/" + DISTRICT + "/", "text/html");
        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("text/html"));
        assertTrue(page.body().contains("<html lang=\"vi\">"));
        assertTrue(page.body().contains("<h1>Huyện Bát Xát</h1>"), page.body());
        assertTrue(page.body().contains("Đơn vị cấp trên: <a href=\"/t/lao-cai/\">Tỉnh Lào Cai</a>"));
        assertTrue(page.body().contains("<a href=\"/t/xa-quang-kim/\">Xã Quang Kim</a>"));
        assertTrue(page.body().contains("href=\"#main\""), "skip link");
        Api.Response english = Api.anonymous().get("/t/" + DISTRICT + "/?lang=en", "text/html");
        assertTrue(english.body().contains("<html lang=\"en\">") && english.body().contains("Parent unit:"));
    }

    @Test
    void aCustomDomainResolvesToItsUnit() throws Exception {
        String domain = "xa-" + UUID.randomUUID().toString().substring(0, 8) + ".laocai.gov.vn";
        try (Connection c = Fixtures.db().owner();
             PreparedStatement ps = c.prepareStatement("UPDATE tenant SET custom_domain = ? WHERE code = ?")) {
            ps.setString(1, domain);
            ps.setString(2, Fixtures.COUSIN_COMMUNE);
            assertEquals(1, ps.executeUpdate());
        }
        Api.Response page = Api.anonymous().send("GET", "/", null, null, "text/html", domain);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<h1>Xã Bản Phiệt</h1>"), page.body());
        Api.Response plain = Api.anonymous().get("/", "text/html");
        assertTrue(plain.body().contains("Cổng dịch vụ công của tỉnh"), "without the domain, the province home");
    }

    @Test
    void openApiAndHealthAreServed() {
        Api.Response openapi = Api.anonymous().get("/openapi", "*/*");
        assertEquals(200, openapi.status(), openapi.toString());
        assertTrue(openapi.body().contains("/api/tenants"), openapi.body());
        // the whole API, the module jars' resources too (scanned at build time; ApiDescribedTest checks each one)
        jakarta.json.JsonObject doc = Api.anonymous().get("/openapi", "application/json").json();
        jakarta.json.JsonObject paths = doc.getJsonObject("paths");
        assertTrue(paths.size() >= 190, "paths published: " + paths.size());
        for (String p : new String[] {"/api/t/{unit}/documents/outgoing", "/api/t/{unit}/notices", "/api/t/{unit}/units",
                "/api/t/{unit}/users", "/api/t/{unit}/settings", "/api/invitations/{token}", "/api/t/{unit}/reorganisations/dry-run"}) {
            assertTrue(paths.containsKey(p), p + " is described");
        }
        jakarta.json.JsonObject outgoing = paths.getJsonObject("/api/t/{unit}/documents/outgoing").getJsonObject("post");
        assertTrue(outgoing.getJsonObject("responses").containsKey("400"), "its problems: " + outgoing);
        assertTrue(doc.getJsonObject("components").getJsonObject("securitySchemes").containsKey("token"), "how to log in");
        Api.Response health = Api.anonymous().get("/health/ready");
        assertEquals(200, health.status(), health.toString());
        assertTrue(health.body().contains("\"rlsEnforced\":\"true\""), health.body());
    }
}
