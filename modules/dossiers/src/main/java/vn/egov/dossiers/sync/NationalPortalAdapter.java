package vn.egov.dossiers.sync;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Sends one status change to the national public service portal: an HTTP POST of the change as JSON to
 * {@code egov.national-portal.url} (a real portal's endpoint, or this platform's simulator), answered 2xx when
 * taken. Anything else is a failure the worker retries. With no URL configured nothing is sent and the changes wait
 * in the outbox (nothing is lost while the province's connection is being set up).
 */
@ApplicationScoped
public class NationalPortalAdapter {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    public Optional<String> url() {
        return ConfigProvider.getConfig().getOptionalValue("egov.national-portal.url", String.class).filter(s -> !s.isBlank());
    }

    /** Sends one change; throws when the portal did not take it. */
    public void send(String url, String payload) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(payload)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            String body = response.body();
            throw new IOException("the national portal answered " + response.statusCode() + ": " + (body.length() > 300 ? body.substring(0, 300) : body));
        }
    }
}
