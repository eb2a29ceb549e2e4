package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like client for the admin pages without a browser: logged in through the login form, it reads a
 * page's CSRF token and posts multipart forms with files, as a browser would. Redirects are not followed.
 */
final class FormSession {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager()).build();

    record Part(String name, String fileName, byte[] content) {
    }

    record Page(int status, String body, String location) {
    }

    FormSession(String username) throws Exception {
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(Api.baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
                        + URLEncoder.encode(Fixtures.PASSWORD, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, login.statusCode(), login.body());
    }

    Page get(String path) throws Exception {
        return page(client.send(HttpRequest.newBuilder(URI.create(Api.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    /** The CSRF token the page at {@code path} carries. */
    String csrf(String path) throws Exception {
        Matcher m = CSRF.matcher(get(path).body());
        if (!m.find()) {
            throw new AssertionError("no CSRF field on " + path);
        }
        return m.group(1);
    }

    /** Posts {@code fields} (a name may repeat) and {@code files} as multipart/form-data, with the form page's CSRF token. */
    Page postMultipart(String formPage, String action, List<Map.Entry<String, String>> fields, List<Part> files) throws Exception {
        String boundary = "----egov" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf(formPage) + "\r\n");
        for (Map.Entry<String, String> f : fields) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + f.getValue() + "\r\n");
        }
        for (Part p : files) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name() + "\"; filename=\"" + p.fileName()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.write(p.content());
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        return page(client.send(HttpRequest.newBuilder(URI.create(Api.baseUrl() + action))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    /** Posts a urlencoded form with the form page's CSRF token. */
    Page post(String formPage, String action, List<Map.Entry<String, String>> fields) throws Exception {
        StringBuilder b = new StringBuilder("csrf=").append(URLEncoder.encode(csrf(formPage), StandardCharsets.UTF_8));
        for (Map.Entry<String, String> f : fields) {
            b.append('&').append(URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8));
        }
        return page(client.send(HttpRequest.newBuilder(URI.create(Api.baseUrl() + action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(b.toString())).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    private static Page page(HttpResponse<String> r) {
        HtmlChecker.served(r.request().method() + " " + r.uri().getPath(), r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        return new Page(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null));
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
