package vn.egov.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import vn.egov.provisioning.Keycloak;

/**
 * The test environment's OpenID Connect provider (Keycloak, standing in for the national identity), through its admin
 * API: citizens are made there, as the national population database would hold them (the user name is the 12-digit
 * identity number).
 */
final class NationalProvider {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private static final java.util.concurrent.atomic.AtomicLong NEXT = new java.util.concurrent.atomic.AtomicLong(System.currentTimeMillis() % 1_000_000_000L);

    private NationalProvider() {
    }

    static Keycloak keycloak() {
        return ItEnvironment.platform().keycloak();
    }

    /** A new identity number: 12 digits (a province code, a sex-and-century digit, a birth year, a serial). */
    static String newIdentityNumber() {
        return String.format("010%09d", NEXT.incrementAndGet() % 1_000_000_000L);
    }

    /** Makes a citizen at the provider: their identity number is their user name there. */
    static void citizen(String identityNumber, String familyAndMiddle, String given, String email, String password) throws Exception {
        String body = """
                {"username":"%s","firstName":"%s","lastName":"%s","email":"%s","emailVerified":true,"enabled":true,
                 "credentials":[{"type":"password","value":"%s","temporary":false}]}""".formatted(identityNumber, familyAndMiddle, given, email, password);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/admin/realms/" + Keycloak.REALM + "/users"))
                .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("the provider did not make the citizen: " + r.statusCode() + " " + r.body());
        }
    }

    static String base() {
        return "http://127.0.0.1:" + keycloak().port();
    }

    private static String adminToken() throws Exception {
        String form = "grant_type=password&client_id=admin-cli&username=" + Keycloak.ADMIN + "&password="
                + java.net.URLEncoder.encode(keycloak().adminPassword(), StandardCharsets.UTF_8);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("no admin token from the provider: " + r.statusCode() + " " + r.body());
        }
        return r.body().replaceAll(".*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }
}
