package vn.egov.dossiers.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.egov.dossiers.control.Payments;
import vn.egov.platform.web.Jsonp;

/**
 * The payment gateway as the platform uses it: its callbacks are signed with HMAC-SHA256 over the body with the
 * shared secret {@code egov.payment.secret} (header {@code X-Signature}, hex); its statement of a day is read from
 * {@code egov.payment.url}/statement?date=yyyy-MM-dd with the same secret's signature of the query.
 */
@ApplicationScoped
public class PaymentGateway {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    public Optional<String> url() {
        return ConfigProvider.getConfig().getOptionalValue("egov.payment.url", String.class).filter(s -> !s.isBlank());
    }

    Optional<String> secret() {
        return ConfigProvider.getConfig().getOptionalValue("egov.payment.secret", String.class).filter(s -> !s.isBlank());
    }

    public String sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret().orElseThrow(() -> new IllegalStateException("no egov.payment.secret")).getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code signature} is the gateway's signature of {@code body} (compared in constant time). */
    public boolean verify(String body, String signature) {
        if (secret().isEmpty() || signature == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII), signature.strip().toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }

    /** The gateway's statement of a day. */
    public List<Payments.StatementLine> statement(LocalDate day) throws IOException, InterruptedException {
        String query = "date=" + day;
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url().orElseThrow(() -> new IOException("no egov.payment.url")) + "/statement?" + query))
                .timeout(Duration.ofSeconds(20)).header("X-Signature", sign(query)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("the payment gateway answered " + r.statusCode() + ": " + r.body());
        }
        List<Payments.StatementLine> lines = new ArrayList<>();
        for (JsonValue v : Jsonp.createReader(new StringReader(r.body())).readArray()) {
            JsonObject o = v.asJsonObject();
            lines.add(new Payments.StatementLine(o.getString("reference"), o.getJsonNumber("amount").longValue(), o.getString("transactionId"),
                    Instant.parse(o.getString("paidAt"))));
        }
        return lines;
    }
}
