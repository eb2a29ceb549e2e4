package vn.egov.dossiers.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
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
 * The postal service (VNPost, "bưu chính công ích") as the platform uses it: a shipment of a dossier's result is
 * booked with a POST to {@code egov.vnpost.url}/shipments, answered with the parcel's tracking number (an S10
 * number such as {@code EB123456785VN}); deliveries are reported back to {@code /api/vnpost/events} with the shared
 * token {@code egov.vnpost.token}. Without a URL nothing is booked and the shipments wait in the outbox.
 */
@ApplicationScoped
public class PostAdapter {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    public Optional<String> url() {
        return ConfigProvider.getConfig().getOptionalValue("egov.vnpost.url", String.class).filter(s -> !s.isBlank());
    }

    public Optional<String> token() {
        return ConfigProvider.getConfig().getOptionalValue("egov.vnpost.token", String.class).filter(s -> !s.isBlank());
    }

    /** Books a shipment; returns its tracking number. Throws when the postal service did not take it. */
    public String ship(String payload) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url().orElseThrow() + "/shipments")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=UTF-8").header("X-Vnpost-Token", token().orElse(""))
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the postal service answered " + response.statusCode() + ": " + response.body());
        }
        JsonObject answer = Jsonp.createReader(new StringReader(response.body())).readObject();
        String tracking = answer.getString("trackingNumber", "");
        if (!S10.valid(tracking)) {
            throw new IOException("the postal service gave no valid tracking number: " + response.body());
        }
        return tracking;
    }

    /** UPU S10 item identifiers: two letters, eight digits, a check digit, the country (VN). */
    public static final class S10 {
        private static final int[] WEIGHTS = {8, 6, 4, 2, 3, 5, 9, 7};

        private S10() {
        }

        public static int checkDigit(String eightDigits) {
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += (eightDigits.charAt(i) - '0') * WEIGHTS[i];
            }
            int c = 11 - sum % 11;
            return c == 10 ? 0 : c == 11 ? 5 : c;
        }

        public static String of(String prefix, long serial) {
            String digits = String.format("%08d", serial % 100_000_000L);
            return prefix + digits + checkDigit(digits) + "VN";
        }

        public static boolean valid(String s) {
            return s != null && s.matches("[A-Z]{2}[0-9]{9}[A-Z]{2}") && s.charAt(10) - '0' == checkDigit(s.substring(2, 10));
        }
    }
}
