import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The search figures' client (run by ingest.sh with the JDK's source launcher, no dependencies):
 * <pre>
 *   java SearchBench.java ingest &lt;solr core url&gt; &lt;docs&gt; &lt;commit epoch seconds&gt;
 *   java SearchBench.java query  &lt;platform url&gt; &lt;solr core url&gt; &lt;user&gt; &lt;password&gt; &lt;district codes, comma separated&gt;
 *   java SearchBench.java lag    &lt;platform url&gt; &lt;user&gt; &lt;password&gt; &lt;commune codes, comma separated&gt;
 * </pre>
 */
public class SearchBench {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern NUM_FOUND = Pattern.compile("\"numFound\":(\\d+)");
    static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");
    static final String[] WORDS = ("thủ tục hành chính đăng ký khai sinh kết hôn hộ tịch chứng thực giấy phép xây dựng đất đai "
            + "công văn quyết định thông báo kế hoạch báo cáo hướng dẫn ủy ban nhân dân sở nội vụ tư pháp tài chính giáo dục "
            + "y tế giao thông nông nghiệp môi trường văn hóa du lịch dịch vụ công trực tuyến hồ sơ tiếp nhận thời hạn "
            + "phí lệ phí cán bộ công chức ký số khẩn thiên tai lũ quét sạt lở an toàn thực phẩm học sinh đường cầu "
            + "nông thôn mới giảm nghèo dân tộc biên giới quy hoạch bồi thường dự án ngân sách").split(" ");
    static final String[] FOLDED = {"thu tuc", "dang ky", "giay phep", "dat dai", "ke hoach", "bao cao", "giao thong",
            "nong thon", "thien tai", "hanh chinh", "ho so", "tiep nhan", "ngan sach", "du an", "an toan"};

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "ingest" -> ingest(args[1], Long.parseLong(args[2]), Double.parseDouble(args[3]));
            case "query" -> query(args[1], args[2], args[3], args[4], args[5].split(","));
            case "lag" -> lag(args[1], args[2], args[3], args[4].split(","));
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

    static void ingest(String solr, long docs, double commitEpoch) throws Exception {
        long found = 0;
        double lastReport = 0;
        long firstFound = -1;
        double firstAt = 0;
        while (found < docs) {
            Thread.sleep(1000);
            found = number(NUM_FOUND, get(solr + "/select?q=*:*&fq=type:bench&rows=0&wt=json"));
            double elapsed = System.currentTimeMillis() / 1000.0 - commitEpoch;
            if (firstFound < 0) {
                firstFound = found;
                firstAt = elapsed;
            }
            if (elapsed - lastReport >= 30 || found >= docs) {
                System.out.printf("  %6.0f s: %,d searchable (%.0f/s)%n", elapsed, found, found / elapsed);
                lastReport = elapsed;
            }
        }
        double elapsed = System.currentTimeMillis() / 1000.0 - commitEpoch;
        if (firstFound > 0) {
            System.out.printf("  steady rate from %,d to %,d searchable: %.0f documents/s%n", firstFound, found,
                    (found - firstFound) / (elapsed - firstAt));
        }
        System.out.printf("ingest: %,d documents searchable %.1f s after the outbox commit: %.0f documents/s "
                + "(2.4 million would take %.1f min)%n", docs, elapsed, docs / elapsed, 2_400_000 / (docs / elapsed) / 60);
    }

    static HttpClient login(String base, String user, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        int status = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password=" + enc(password))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 302) {
            throw new IllegalStateException("login as " + user + ": HTTP " + status);
        }
        return client;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String randomQuery(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> WORDS[r.nextInt(WORDS.length)] + " " + WORDS[r.nextInt(WORDS.length)];
            case 1 -> FOLDED[r.nextInt(FOLDED.length)];
            default -> WORDS[r.nextInt(WORDS.length)];
        };
    }

    static void query(String base, String solr, String user, String password, String[] districts) throws Exception {
        HttpClient admin = login(base, user, password);
        HttpClient anonymous = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        run("warm-up (anonymous, not counted)", anonymous, base, districts, 300, 2, false);
        run("anonymous, /api/search?q=..&unit=<district>", anonymous, base, districts, 2000, 2, true);
        run("province admin (staff filter too), /api/search?q=..&unit=<district>", admin, base, districts, 2000, 2, true);
        // Solr alone, same kind of query and filters, for comparison (what the platform adds on top)
        List<Long> solrTimes = Collections.synchronizedList(new ArrayList<>());
        Random r = new Random(7);
        for (int i = 0; i < 1000; i++) {
            String q = randomQuery(r);
            long t0 = System.nanoTime();
            get(solr + "/select?wt=json&rows=10&q=" + enc(q) + "&fq=" + enc("tenant_path:\"1\"") + "&fq=visibility:public"
                    + "&facet=true&facet.field=type&facet.field=tenant_id&facet.mincount=1&hl=true&hl.method=unified&hl.fl=title,body");
            solrTimes.add(System.nanoTime() - t0);
        }
        report("Solr directly (same query shape, whole province)", solrTimes, 0);
    }

    static void run(String label, HttpClient client, String base, String[] districts, int n, int threads, boolean print) throws Exception {
        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        List<Long> totals = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int seed = t;
            pool.submit(() -> {
                Random r = new Random(seed * 31L + n);
                while (next.getAndIncrement() < n) {
                    String url = base + "/api/search?q=" + enc(randomQuery(r)) + "&unit=" + districts[r.nextInt(districts.length)];
                    long s = System.nanoTime();
                    try {
                        HttpResponse<String> resp = client.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").build(),
                                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                        times.add(System.nanoTime() - s);
                        if (resp.statusCode() != 200) {
                            errors.incrementAndGet();
                        } else {
                            totals.add(number(TOTAL, resp.body()));
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (print) {
            report(label, times, errors.get());
            System.out.printf("    %.0f queries/s with %d clients; median hits per query %,d%n", n / seconds, threads,
                    totals.stream().sorted().skip(totals.size() / 2).findFirst().orElse(0L));
        }
    }

    static void report(String label, List<Long> times, int errors) {
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        System.out.printf("  %s: n=%d p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d%n", label, sorted.size(),
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6, errors);
    }

    static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    /**
     * Writes public notices at a steady 10/s for 60 s through the API; one watcher asks /api/search every 200 ms
     * (anonymous, whole province) for the newest 50 notices of this run, and records for each notice the time from
     * its commit (the 201) to the first answer that contains it. One query per 200 ms, so the watching does not load
     * the server being measured.
     */
    static void lag(String base, String user, String password, String[] communes) throws Exception {
        HttpClient client = login(base, user, password);
        java.util.concurrent.ConcurrentHashMap<String, Long> awaited = new java.util.concurrent.ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        String run = "run" + Long.toHexString(System.nanoTime() & 0xffffffffL);
        Thread watcher = new Thread(() -> {
            try {
                while (writing.get() || !awaited.isEmpty()) {
                    List<String> marks = List.copyOf(awaited.keySet());
                    if (!marks.isEmpty()) {
                        // the newest 50 notices of this run (they all carry the run's word): ~5 s of writes
                        String body = get(base + "/api/search?size=50&sort=newest&q=" + run);
                        long now = System.nanoTime();
                        for (String m : marks) {
                            if (body.contains(m)) {
                                Long committed = awaited.remove(m);
                                if (committed != null) {
                                    lags.add(now - committed);
                                }
                            }
                        }
                        awaited.values().removeIf(t -> now - t > 120_000_000_000L);
                    }
                    Thread.sleep(200);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        watcher.start();
        Random r = new Random(System.nanoTime()); // new marks every run: an earlier run's notices are still in the index
        List<Long> writes = new ArrayList<>();
        long start = System.nanoTime();
        int total = 600;
        for (int i = 0; i < total; i++) {
            long wait = start + i * 100_000_000L - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String unit = communes[r.nextInt(communes.length)];
            String mark = "lag" + Long.toHexString(r.nextLong() & 0xffffffffffL);
            String body = "{\"title\":\"Thông báo khẩn " + run + " " + mark + "\",\"body\":\"Đo độ trễ " + mark + "\",\"audience\":\"public\"}";
            long sent = System.nanoTime();
            HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create(base + "/api/t/" + unit + "/notices"))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("create: " + created.statusCode() + " " + created.body());
            }
            long committed = System.nanoTime();
            writes.add(committed - sent);
            awaited.put(mark, committed);
        }
        writing.set(false);
        watcher.join();
        report("the writes (POST /api/t/{unit}/notices, 201 after the commit)", writes, 0);
        report("lag from commit (201 received) to found by /api/search, 10 writes/s for 60 s", new ArrayList<>(lags), total - lags.size());
    }
}
