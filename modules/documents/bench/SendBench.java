import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sending one document to every commune-level unit of the province (xã, phường, thị trấn): the officer drafts, submits, signs and issues it, then sends
 * it to all the communes in one request; 16 readers then read the communes' queues until each shows it. Prints, per
 * document and overall, the time of the send request and the time until the last commune has it (from the start of
 * the send). Exits non-zero if a commune never gets it. Figures go in the closing notes.
 *   java SendBench.java http://127.0.0.1:19780 officer admin password 20
 */
public class SendBench {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static String base;

    public static void main(String[] args) throws Exception {
        base = args[0];
        // API tokens (made once with the password): no password hash per request
        String officer = token(basic(args[1], args[3]));
        String admin = token(basic(args[2], args[3]));
        int docs = Integer.parseInt(args[4]);
        List<String> communes = new ArrayList<>();
        collect("lao-cai", admin, communes);
        System.out.printf("%d communes under lao-cai%n", communes.size());
        String to = "[" + String.join(",", communes.stream().map(c -> "\"" + c + "\"").toList()) + "]";
        ExecutorService readers = Executors.newFixedThreadPool(16);
        double[] sendMs = new double[docs];
        double[] allMs = new double[docs];
        for (int i = 0; i < docs; i++) {
            String abstractText = "Về việc triển khai công tác phòng chống thiên tai " + UUID.randomUUID();
            String draft = call("POST", "/api/t/lao-cai/documents/outgoing", officer, "{\"docType\":\"Công văn\",\"symbol\":\"UBND-VP\",\"abstract\":\""
                    + abstractText + "\",\"urgency\":\"KHAN\"}", 201);
            String id = field(draft, "id");
            call("POST", "/api/t/lao-cai/documents/" + id + "/submit", officer, "", 200);
            call("POST", "/api/t/lao-cai/documents/" + id + "/review", officer, "{\"approve\":true}", 200);
            call("POST", "/api/t/lao-cai/documents/" + id + "/issue", officer, "", 200);
            long t0 = System.nanoTime();
            String sent = call("POST", "/api/t/lao-cai/documents/" + id + "/send", officer, "{\"to\":" + to + "}", 200);
            long t1 = System.nanoTime();
            if (!sent.contains("\"deliveredCount\":" + communes.size())) {
                throw new IllegalStateException("not delivered to every commune: " + sent);
            }
            List<Future<Long>> seen = new ArrayList<>();
            for (String c : communes) {
                seen.add(readers.submit(() -> {
                    for (int attempt = 0; attempt < 600; attempt++) {
                        if (call("GET", "/api/t/" + c + "/documents/queue", admin, null, 200).contains(abstractText)) {
                            return System.nanoTime();
                        }
                        Thread.sleep(100);
                    }
                    throw new IllegalStateException(c + " never had it");
                }));
            }
            long last = 0;
            for (Future<Long> f : seen) {
                last = Math.max(last, f.get());
            }
            sendMs[i] = (t1 - t0) / 1e6;
            allMs[i] = (last - t0) / 1e6;
            System.out.printf("document %2d: send %.1f ms; all %d communes have it %.1f ms after the send began%n", i + 1, sendMs[i], communes.size(), allMs[i]);
        }
        readers.shutdown();
        Arrays.sort(sendMs);
        Arrays.sort(allMs);
        System.out.printf("%d documents to %d communes: send median %.1f ms (max %.1f); until the last commune has it: median %.1f ms (max %.1f)%n",
                docs, communes.size(), sendMs[docs / 2], sendMs[docs - 1], allMs[docs / 2], allMs[docs - 1]);
    }

    /** The communes under a unit, through the public tree API. */
    static void collect(String code, String auth, List<String> communes) throws Exception {
        String children = call("GET", "/api/tenants/" + code + "/children", auth, null, 200);
        Matcher m = Pattern.compile("\"code\":\"([^\"]+)\"[^{}]*?\"kind\":\"([a-z]+)\"").matcher(children);
        while (m.find()) {
            switch (m.group(2)) {
                case "ward", "commune", "township" -> communes.add(m.group(1));          // the commune level: xã, phường, thị trấn
                case "city", "district", "town" -> collect(m.group(1), auth, communes); // the district level
                default -> { } // departments: no communes under them
            }
        }
    }

    static String call(String method, String path, String auth, String json, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth).header("Accept", "application/json");
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^,\"}]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static String token(String basic) throws Exception {
        String made = call("POST", "/api/me/tokens", basic, "{\"name\":\"send bench\",\"days\":1}", 201);
        return "Bearer " + field(made, "token");
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
