import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dossier codes under concurrent submitters: N clients (each its own logged-in session, so that password hashing is
 * not what is measured) submit TOTAL dossiers online to one unit through the API, as fast as they can. Prints the
 * throughput, the latency percentiles, and checks the codes: all distinct, and the day's numbers 1..TOTAL with none
 * missing (the unit must have received nothing else that day). Run by codes.sh; not part of the product.
 *   java CodeBench.java baseUrl user password unit procedure total clients
 */
public class CodeBench {
    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final Pattern CODE = Pattern.compile("\"code\":\"([^\"]+)\"");

    public static void main(String[] a) throws Exception {
        String base = a[0], user = a[1], password = a[2], unit = a[3], procedure = a[4];
        int total = Integer.parseInt(a[5]);
        int clients = Integer.parseInt(a[6]);
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<String> codes = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                try {
                    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager()).build();
                    HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    if (login.statusCode() != 302) {
                        throw new IllegalStateException("login: " + login.statusCode());
                    }
                    ready.countDown();
                    go.await();
                    while (next.getAndIncrement() < total) {
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = submit(http, base, unit, procedure);
                        latencies.add(System.nanoTime() - t0);
                        Matcher m = CODE.matcher(r.body());
                        if (r.statusCode() == 201 && m.find()) {
                            codes.add(m.group(1));
                        } else {
                            failures.incrementAndGet();
                            System.err.println(r.statusCode() + " " + r.body());
                        }
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                    System.err.println(e);
                    ready.countDown();
                }
            });
            threads.add(t);
            t.start();
        }
        ready.await();
        long start = System.nanoTime();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> l = new ArrayList<>(latencies);
        Collections.sort(l);
        TreeSet<Integer> numbers = new TreeSet<>();
        for (String code : codes) {
            numbers.add(Integer.parseInt(code.substring(code.lastIndexOf('-') + 1)));
        }
        boolean distinct = numbers.size() == codes.size();
        boolean noGap = !numbers.isEmpty() && numbers.first() == 1 && numbers.last() == numbers.size();
        System.out.printf("%d submissions by %d clients in %.1f s: %.0f dossiers/s; latency p50 %.1f ms, p99 %.1f ms; failures %d%n",
                codes.size(), clients, seconds, codes.size() / seconds, pct(l, 0.50), pct(l, 0.99), failures.get());
        System.out.printf("codes: %d distinct of %d (%s); numbers %s (%d..%d)%n", numbers.size(), codes.size(), distinct ? "no duplicate" : "DUPLICATES",
                noGap ? "without a gap" : "WITH GAPS", numbers.isEmpty() ? 0 : numbers.first(), numbers.isEmpty() ? 0 : numbers.last());
        if (!distinct || !noGap || failures.get() > 0) {
            System.exit(1);
        }
    }

    static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }

    static HttpResponse<String> submit(HttpClient http, String base, String unit, String procedure) throws Exception {
        String boundary = "----bench" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        w(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"procedure\"\r\n\r\n" + procedure + "\r\n");
        w(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"form\"\r\n\r\n{\"fullName\":\"Nguyễn Văn Đo\",\"gender\":\"Nam\"}\r\n");
        w(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"paper.to-khai\"; filename=\"to-khai.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n");
        body.write(PDF);
        w(body, "\r\n--" + boundary + "--\r\n");
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/t/" + unit + "/dossiers")).header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static void w(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
