package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every answer, page or API, fresh or from the page cache, success or problem, carries the same security headers and
 * names neither the server nor its version.
 */
class SecurityHeadersIT extends DeployedEar {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndNamesNoServer() throws Exception {
        List<String> paths = List.of("/t/" + Fixtures.COMMUNE + "/", "/t/" + Fixtures.COMMUNE + "/", "/api/tenants/" + Fixtures.COMMUNE,
                "/api/tenants/khong-co-don-vi-nay", "/login", "/api/t/" + Fixtures.COMMUNE + "/notices", "/khong-co-trang-nay");
        for (String path : paths) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(Api.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
            String where = path + " (" + r.statusCode() + ")";
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), where);
            assertEquals("strict-origin-when-cross-origin", r.headers().firstValue("Referrer-Policy").orElse(""), where);
            assertEquals("SAMEORIGIN", r.headers().firstValue("X-Frame-Options").orElse(""), where);
            assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'self'"), where);
            assertTrue(r.headers().firstValue("Server").isEmpty(), where + ": Server " + r.headers().firstValue("Server"));
            assertTrue(r.headers().firstValue("X-Powered-By").isEmpty(), where + ": X-Powered-By " + r.headers().firstValue("X-Powered-By"));
        }
    }
}
