package vn.egov.documents.axis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.egov.platform.web.Jsonp;

/**
 * Posts one edXML package to the national document axis: {@code egov.document-axis.url} (the axis's endpoint, or this
 * platform's simulator). The axis answers 2xx with {@code {"id"}} when it takes the package, 4xx with {@code {"reason"}}
 * when it refuses it (final: the package is wrong for the axis, sending it again changes nothing); anything else (no
 * answer, 5xx) is a failure the worker retries. With no URL configured nothing is sent and the packages wait in the
 * outbox. Where the simulators are on and no URL is set, the simulator is reached beside the national portal's.
 */
@ApplicationScoped
public class AxisAdapter {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    /** What the axis said of a package. */
    public sealed interface Answer permits Accepted, Refused {
    }

    public record Accepted(String axisId) implements Answer {
    }

    public record Refused(String reason) implements Answer {
    }

    public Optional<String> url() {
        var config = ConfigProvider.getConfig();
        Optional<String> url = config.getOptionalValue("egov.document-axis.url", String.class).filter(s -> !s.isBlank());
        if (url.isPresent()) {
            return url;
        }
        // development and tests: the simulator is served by this platform, where the national portal's simulator is
        if ("on".equals(config.getOptionalValue("egov.simulators", String.class).orElse("off"))) {
            return config.getOptionalValue("egov.national-portal.url", String.class).filter(s -> s.endsWith("/api/sim/national-portal"))
                    .map(s -> s.substring(0, s.length() - "/api/sim/national-portal".length()) + "/api/sim/document-axis");
        }
        return Optional.empty();
    }

    /**
     * The token the axis sends with its reports ({@code X-Axis-Token}): {@code egov.document-axis.token}; with the
     * simulators on and none configured, one made at first use and kept in the data grid (the simulator, which reports
     * for the far side, is this platform).
     */
    public Optional<String> token() {
        var config = ConfigProvider.getConfig();
        Optional<String> token = config.getOptionalValue("egov.document-axis.token", String.class).filter(s -> !s.isBlank());
        if (token.isPresent() || !"on".equals(config.getOptionalValue("egov.simulators", String.class).orElse("off"))) {
            return token;
        }
        try {
            com.hazelcast.core.HazelcastInstance grid = (com.hazelcast.core.HazelcastInstance) new javax.naming.InitialContext().lookup("payara/Hazelcast");
            com.hazelcast.map.IMap<String, Object> state = grid.getMap(AxisSimulator.STATE);
            byte[] random = new byte[32];
            new java.security.SecureRandom().nextBytes(random);
            Object was = state.putIfAbsent("token", java.util.HexFormat.of().formatHex(random));
            return Optional.of((String) (was != null ? was : state.get("token")));
        } catch (javax.naming.NamingException e) {
            return Optional.empty();
        }
    }

    /** Posts the package; answers what the axis said, or throws when it could not be asked (the worker tries again). */
    public Answer post(String url, byte[] xml) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/xml").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(xml)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return answer(response.statusCode(), response.body() == null ? "" : response.body());
    }

    /**
     * What an answer of the axis means: 2xx with an id, taken; a 4xx about the package, refused (its reason, or the
     * answer itself); anything else, including 401/403/404/408/429 (this side's configuration or the axis's load, not the
     * package) and a 2xx without an id, a failure to try again.
     */
    static Answer answer(int status, String body) throws IOException {
        if (status / 100 == 2) {
            String id = member(body, "id");
            if (id == null || id.isBlank()) {
                throw new IOException("the axis answered " + status + " without an id: " + clip(body));
            }
            return new Accepted(id);
        }
        if (status / 100 == 4 && status != 401 && status != 403 && status != 404 && status != 408 && status != 429) {
            String reason = member(body, "reason");
            return new Refused(reason == null || reason.isBlank() ? "the axis refused the package (" + status + "): " + clip(body) : reason);
        }
        throw new IOException("the axis answered " + status + ": " + clip(body));
    }

    private static String member(String body, String name) {
        try {
            JsonObject o = Jsonp.createReader(new StringReader(body)).readObject();
            return o.get(name) instanceof JsonString s ? s.getString() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String clip(String s) {
        return s.length() > 300 ? s.substring(0, 300) : s;
    }
}
