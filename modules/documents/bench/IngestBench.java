import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The document-ingest figures' client (run by ingest.sh with the JDK's source launcher, no dependencies):
 * <pre>
 *   java IngestBench.java wait  &lt;solr core url&gt; &lt;docs&gt; &lt;load start epoch s&gt; &lt;last commit epoch s&gt; &lt;searchable then&gt;
 *   java IngestBench.java check &lt;platform url&gt; &lt;password&gt; &lt;checks file&gt; &lt;repeats&gt;
 * </pre>
 * {@code wait}: until Solr holds {@code docs} items of type document; the time from the load's start and from its last
 * commit. {@code check}: each line of the checks file is {@code label|user|path|expected} (user "-": anonymous;
 * expected "=N" or "&gt;0" for the total found, "rows=N" for a register read, which counts the documents it lists,
 * or "status=N"), asked {@code repeats}
 * times through the platform's API with the user's API token; the latencies and whether each answer was the expected
 * one. Exits non-zero on a wrong answer.
 */
public class IngestBench {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern NUM_FOUND = Pattern.compile("\"numFound\":(\\d+)");
    static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "wait" -> waitFor(args[1], Long.parseLong(args[2]), Double.parseDouble(args[3]), Double.parseDouble(args[4]), Long.parseLong(args[5]));
            case "check" -> System.exit(check(args[1], args[2], Path.of(args[3]), Integer.parseInt(args[4])));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static String get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    }

    static long number(Pattern p, String body) {
        Matcher m = p.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("unexpected answer: " + (body.length() > 300 ? body.substring(0, 300) : body));
        }
        return Long.parseLong(m.group(1));
    }

    static double now() {
        return System.currentTimeMillis() / 1000.0;
    }

    static void waitFor(String solr, long docs, double start, double committed, long atCommit) throws Exception {
        long found = 0;
        double lastReport = 0;
        while (true) {
            found = number(NUM_FOUND, get(solr + "/select?q=*:*&fq=type:document&rows=0&wt=json"));
            double elapsed = now() - start;
            if (found >= docs || elapsed - lastReport >= 60) {
                System.out.printf("  %6.0f s after the load began: %,d searchable (%.0f/s)%n", elapsed, found, found / elapsed);
                lastReport = elapsed;
            }
            if (found >= docs) {
                break;
            }
            Thread.sleep(1000);
        }
        double total = now() - start;
        double after = now() - committed;
        System.out.printf("searchable: all %,d documents %.1f s after the load began (%.0f documents/s end to end), %.1f s after its last commit%n",
                docs, total, docs / total, after);
        if (after > 5) {
            System.out.printf("  the worker alone after the load: %,d documents in %.1f s, %.0f documents/s%n", docs - atCommit, after, (docs - atCommit) / after);
        }
    }

    static int check(String base, String password, Path file, int repeats) throws Exception {
        Map<String, String> tokens = new HashMap<>();
        int wrong = 0;
        System.out.printf("  %-72s %8s %9s %9s %9s  %s%n", "check (" + repeats + " times each)", "answer", "first ms", "p50 ms", "max ms", "");
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\|", -1);
            String label = f[0], user = f[1], path = f[2], expected = f[3];
            String auth = user.equals("-") ? null : tokens.computeIfAbsent(user, u -> token(base, u, password));
            List<Long> times = new ArrayList<>();
            long answer = -1;
            int status = 0;
            for (int i = 0; i < repeats; i++) {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").timeout(Duration.ofSeconds(120));
                if (auth != null) {
                    b.header("Authorization", auth);
                }
                long t0 = System.nanoTime();
                HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                times.add(System.nanoTime() - t0);
                status = r.statusCode();
                answer = status != 200 || expected.startsWith("status=") ? -1 : expected.startsWith("rows=") ? count(r.body(), "\"abstract\":") : number(TOTAL, r.body());
            }
            boolean ok = expected.startsWith("status=") ? status == Integer.parseInt(expected.substring(7))
                    : status == 200 && (expected.equals(">0") ? answer > 0 : Long.parseLong(expected.substring(expected.indexOf('=') + 1)) == answer);
            wrong += ok ? 0 : 1;
            List<Long> sorted = new ArrayList<>(times);
            Collections.sort(sorted);
            System.out.printf("  %-72s %8s %9.1f %9.1f %9.1f  %s%n", label, status == 200 ? Long.toString(answer) : "HTTP " + status,
                    times.get(0) / 1e6, sorted.get(sorted.size() / 2) / 1e6, sorted.get(sorted.size() - 1) / 1e6,
                    ok ? "ok" : "WRONG (expected " + expected + ")");
        }
        return wrong == 0 ? 0 : 1;
    }

    static long count(String body, String what) {
        long n = 0;
        for (int i = body.indexOf(what); i >= 0; i = body.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    static String token(String base, String user, String password) {
        try {
            String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/me/tokens")).header("Authorization", basic)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"ingest bench\",\"days\":1}")).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(r.body());
            if (r.statusCode() != 201 || !m.find()) {
                throw new IllegalStateException("token for " + user + ": " + r.statusCode() + " " + r.body());
            }
            return "Bearer " + m.group(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
