package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A unit's logo and custom domain, set by its administrators, shown to everyone, never by a sibling. */
class LogoAndDomainIT extends DeployedEar {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static HttpResponse<byte[]> bytes(String method, String path, String user, byte[] body, String type, String ifNoneMatch)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Api.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + Fixtures.PASSWORD)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        if (type != null) {
            b.header("Content-Type", type);
        }
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String unit(Api province, String prefix) {
        String code = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response r = province.post("/api/t/" + Fixtures.DISTRICT + "/units", """
                {"code":"%s","name":"Xã Biểu Trưng %s","kind":"commune","firstAdmin":{"username":"qt.%s","displayName":"QT"}}
                """.formatted(code, code, code));
        assertEquals(201, r.status(), r.toString());
        return code;
    }

    @Test
    void aLogoIsSetCheckedShownAndRemoved() throws Exception {
        Api province = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"), Fixtures.PASSWORD);
        String code = unit(province, "xa-logo");
        String admin = Fixtures.user(code, false, "UNIT_ADMIN");
        byte[] png = ItEnvironment.png(64, 32);

        HttpResponse<byte[]> set = bytes("PUT", "/api/t/" + code + "/settings/logo", admin, png, "image/png", null);
        assertEquals(200, set.statusCode(), new String(set.body(), StandardCharsets.UTF_8));
        HttpResponse<byte[]> shown = bytes("GET", "/t/" + code + "/logo", null, null, null, null);
        assertEquals(200, shown.statusCode());
        // (the container appends the WAR-wide response charset to every type; browsers ignore it for images)
        assertTrue(shown.headers().firstValue("Content-Type").orElse("").startsWith("image/png"));
        assertArrayEquals(png, shown.body());
        String etag = shown.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, bytes("GET", "/t/" + code + "/logo", null, null, null, etag).statusCode());
        String page = Api.anonymous().get("/t/" + code + "/", "text/html").body();
        assertTrue(page.contains("/t/" + code + "/logo?v="), "the unit's page shows it");
        assertTrue(Api.as(admin, Fixtures.PASSWORD).get("/api/t/" + code + "/settings").json().containsKey("logo"));

        // refused, each with nothing changed: not an image, SVG, too many pixels, a sibling's admin
        HttpResponse<byte[]> fake = bytes("PUT", "/api/t/" + code + "/settings/logo", admin,
                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), "image/png", null);
        assertEquals(400, fake.statusCode());
        assertTrue(new String(fake.body(), StandardCharsets.UTF_8).contains("PNG"));
        assertEquals(415, bytes("PUT", "/api/t/" + code + "/settings/logo", admin,
                "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8), "image/svg+xml", null).statusCode());
        HttpResponse<byte[]> huge = bytes("PUT", "/api/t/" + code + "/settings/logo", admin, ItEnvironment.png(3000, 4), "image/png", null);
        assertEquals(400, huge.statusCode());
        assertTrue(new String(huge.body(), StandardCharsets.UTF_8).contains("3000"));
        String sibling = Fixtures.user(Fixtures.SIBLING_COMMUNE, false, "UNIT_ADMIN");
        assertEquals(403, bytes("PUT", "/api/t/" + code + "/settings/logo", sibling, ItEnvironment.png(8, 8), "image/png", null).statusCode());
        assertEquals(403, bytes("DELETE", "/api/t/" + code + "/settings/logo", sibling, null, null, null).statusCode());
        assertArrayEquals(png, bytes("GET", "/t/" + code + "/logo", null, null, null, null).body(), "still the same logo");

        assertEquals(204, bytes("DELETE", "/api/t/" + code + "/settings/logo", admin, null, null, null).statusCode());
        assertEquals(404, bytes("GET", "/t/" + code + "/logo", null, null, null, null).statusCode());
        assertTrue(Api.as(admin, Fixtures.PASSWORD).get("/api/t/" + code + "/audit?action=unit.logo.changed").array().size() == 1);
    }

    @Test
    void aCustomDomainIsTheUnitsAndOnlyItsOwn() throws Exception {
        Api province = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"), Fixtures.PASSWORD);
        String code = unit(province, "xa-mien");
        String other = unit(province, "xa-mien");
        Api admin = Api.as(Fixtures.user(code, false, "UNIT_ADMIN"), Fixtures.PASSWORD);
        String domain = code + ".laocai.gov.vn";

        Api.Response set = admin.put("/api/t/" + code + "/settings/domain", "{\"customDomain\":\"" + domain + "\"}");
        assertEquals(200, set.status(), set.toString());
        assertEquals(domain, set.json().getString("customDomain"));
        Api.Response byHost = Api.anonymous().send("GET", "/", null, null, "text/html", domain);
        assertEquals(200, byHost.status());
        assertTrue(byHost.body().contains("Xã Biểu Trưng " + code), "the host name now opens the unit's page");

        Api otherAdmin = Api.as(Fixtures.user(other, false, "UNIT_ADMIN"), Fixtures.PASSWORD);
        Api.Response taken = otherAdmin.put("/api/t/" + other + "/settings/domain", "{\"customDomain\":\"" + domain + "\"}");
        assertEquals(409, taken.status(), taken.toString());
        assertTrue(taken.isProblem());
        assertEquals("đã được dùng", taken.json().getJsonObject("fields").getJsonArray("customDomain").getString(0), taken.toString());
        Api.Response takenEn = otherAdmin.send("PUT", "/api/t/" + other + "/settings/domain", "{\"customDomain\":\"" + domain + "\"}",
                "application/json", null, null, "en");
        assertEquals(409, takenEn.status(), takenEn.toString());
        assertEquals("is used by another unit already", takenEn.json().getJsonObject("fields").getJsonArray("customDomain").getString(0));
        Api.Response bad = admin.put("/api/t/" + code + "/settings/domain", "{\"customDomain\":\"khong hop le\"}");
        assertEquals(400, bad.status());
        assertTrue(bad.json().getJsonObject("fields").containsKey("customDomain"), bad.toString());
        assertEquals(403, otherAdmin.put("/api/t/" + code + "/settings/domain", "{\"customDomain\":null}").status());
        assertTrue(Api.anonymous().send("GET", "/", null, null, "text/html", domain).body().contains("Xã Biểu Trưng " + code),
                "nothing changed");

        assertEquals(200, admin.put("/api/t/" + code + "/settings/domain", "{\"customDomain\":null}").status());
        assertTrue(!Api.anonymous().send("GET", "/", null, null, "text/html", domain).body().contains("Xã Biểu Trưng " + code));
    }
}
