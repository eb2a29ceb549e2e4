package vn.egov.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small HTTP client for the deployed platform: Basic auth or a cookie session, JSON in and out. */
public final class Api {
    private final String base;
    private final String authorization;
    private final HttpClient client;

    private Api(String base, String authorization, HttpClient client) {
        this.base = base;
        this.authorization = authorization;
        this.client = client;
    }

    public static Api anonymous() {
        return new Api(baseUrl(), null, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build());
    }

    public static Api as(String username, String password) {
        String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Api(baseUrl(), "Basic " + token, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build());
    }

    /** A program's client: an API token ({@code Authorization: Bearer}), no cookies. */
    public static Api bearer(String token) {
        return new Api(baseUrl(), "Bearer " + token, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build());
    }

    /** A browser-like client that keeps cookies and does not follow redirects. */
    public static Api browser() {
        return new Api(baseUrl(), null, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build());
    }

    /** The same client (credentials, cookies) talking to another node. */
    public Api at(String otherBase) {
        return new Api(otherBase, authorization, client);
    }

    /** The Authorization header this client sends (null when anonymous). */
    public String authorization() {
        return authorization;
    }

    public static String baseUrl() {
        return ItEnvironment.platform().baseUrl();
    }

    public Response get(String path) { return send("GET", path, null, null, null); }
    public Response get(String path, String accept) { return send("GET", path, null, null, accept); }
    public Response delete(String path) { return send("DELETE", path, null, null, null); }
    public Response post(String path, String json) { return send("POST", path, json, "application/json", null); }
    public Response put(String path, String json) { return send("PUT", path, json, "application/json", null); }

    public Response send(String method, String path, String body, String contentType, String accept) {
        return send(method, path, body, contentType, accept, null);
    }

    public Response send(String method, String path, String body, String contentType, String accept, String host) {
        return send(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), contentType, accept, host, null);
    }

    public Response send(String method, String path, String body, String contentType, String accept, String host, String language) {
        return send(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), contentType, accept, host, language);
    }

    /** A body sent as the bytes given (which need not be UTF-8). */
    public Response sendBytes(String method, String path, byte[] body, String contentType) {
        return send(method, path, body, contentType, null, null, null);
    }

    private Response send(String method, String path, byte[] body, String contentType, String accept, String host, String language) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (language != null) {
            b.header("Accept-Language", language);
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.header("Accept", accept == null ? "application/json" : accept);
        if (host != null) {
            b.header("Host", host);
        }
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            HtmlChecker.served(method + " " + path, r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
                    r.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String contentType, String body, String location) {
        public JsonObject json() {
            return (JsonObject) parse();
        }

        public JsonArray array() {
            return (JsonArray) parse();
        }

        private JsonStructure parse() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 500 ? body.substring(0, 500) + "…" : body);
        }
    }
}
