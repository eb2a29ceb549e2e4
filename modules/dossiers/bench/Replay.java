import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Replay of a province's 22 months: the reference province (Lào Cai) received 132,807 dossiers in 22 months; this
 * program plays that many whole dossier lifecycles against one platform through its API, over the real unit tree,
 * as fast as BENCH_CLIENTS concurrent workers can, and measures what the platform sustains: wall time, lifecycles
 * per second, HTTP requests per second, and the latency (p50, p99) of each kind of request (submit, move,
 * supplement, result, refusal).
 *
 * <p>Each lifecycle is one dossier from submission to its end. It is sent to a unit drawn like the reference's load
 * (40% departments, 25% districts, 35% communes), under the procedure of the unit's level; 70% are submitted online
 * by a citizen's account, 30% at the counter by staff. The staff (each unit's one-stop officer, holding every
 * one-stop duty of that unit: receiving, handling, signing) then move it along its process: about 10% get a request to supplement, which the citizen answers online
 * (or the staff record at the counter, when it came over the counter); about 15% are transferred to another agency
 * and come back (a commune's to its district, a district's to a department); about 4% are refused; the rest get a
 * result file. Every answer must have the expected status and the dossier the expected step and holder; the run
 * fails (exit 1) otherwise, printing the first bodies. At the end the platform's own figures (dossier-stats of the
 * province's subtree for the days of the run, minus what they said before) must equal what the replay did:
 * received = submissions, done = results, refused = refusals.
 *
 * <p>Before the clock starts the administrator gives every unit its one-stop officer (new ones for each run) and
 * each officer makes an API token once; each worker acts as a citizen with that citizen's token (so that password
 * hashing is not what is measured) and does whole lifecycles, one after the other, acting at each unit through
 * that unit's officer's token (BENCH_AUTH=session: web sessions instead). A lifecycle's choices come from a random
 * generator seeded with its number, so that a run of N lifecycles always plays the same N. Run by replay.sh; not
 * part of the product. JDK only:
 * <pre>
 *   java Replay.java procedures                  the three procedure definitions to import (a JSON array)
 *   java Replay.java units baseUrl province      the units that adopt them, "code level" per line
 *   java Replay.java replay baseUrl province admin password citizenPrefix citizens citizenPassword lifecycles clients
 * </pre>
 */
public class Replay {
    /** The reference province's dossiers in 22 months. */
    static final int REFERENCE = 132_807;
    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** After this many unexpected answers the workers stop: the run has failed already. */
    static final int MAX_FAILURES = 5;

    /** One procedure per level, offered by every unit of that level. */
    static final Map<String, String> PROCEDURE = Map.of("province", "1.999101.H38", "district", "1.999102.H38", "commune", "1.999103.H38");

    enum Kind { SUBMIT, MOVE, SUPPLEMENT, RESULT, REFUSAL }

    record Unit(String code, String kind, String level, String parent) {
    }

    public static void main(String[] a) throws Exception {
        switch (a.length == 0 ? "" : a[0]) {
            case "procedures" -> System.out.println(procedures());
            case "units" -> units(a[1], a[2]).forEach(u -> System.out.println(u.code() + " " + u.level()));
            case "replay" -> System.exit(replay(a[1], a[2], a[3], a[4], a[5], Integer.parseInt(a[6]), a[7], Integer.parseInt(a[8]),
                    Integer.parseInt(a[9])));
            default -> {
                System.err.println("usage: java Replay.java procedures | units baseUrl province | replay baseUrl province admin password "
                        + "citizenPrefix citizens citizenPassword lifecycles clients");
                System.exit(2);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // The procedures and the unit tree

    /**
     * The three procedures, one per level. Their process: reception, handling, then either the leader's signature
     * straight away or a second check first; a request to supplement from the handling step (the clock stops) that
     * comes back to it; for the district and commune ones, an inter-agency transfer from the handling step that comes
     * back to the second check; the result from the signature.
     */
    static String procedures() {
        return "[" + definition(PROCEDURE.get("province"), "Cấp giấy phép (đo hiệu năng, cấp tỉnh)", "province", 10, null) + ",\n"
                + definition(PROCEDURE.get("district"), "Cấp giấy chứng nhận (đo hiệu năng, cấp huyện)", "district", 7, "Sở chuyên ngành thẩm định") + ",\n"
                + definition(PROCEDURE.get("commune"), "Chứng thực (đo hiệu năng, cấp xã)", "commune", 5, "UBND cấp huyện cho ý kiến") + "]";
    }

    static String definition(String code, String name, String level, int days, String transfer) {
        String steps = """
                {"id":"tiep-nhan","name":"Tiếp nhận hồ sơ","role":"RECEIVER","days":0.5},
                {"id":"xu-ly","name":"Thụ lý, thẩm định","role":"HANDLER","days":2},
                {"id":"bo-sung","name":"Chờ người nộp bổ sung","role":"APPLICANT","pausesClock":true},
                {"id":"tham-tra","name":"Thẩm tra lại","role":"HANDLER","days":1},
                {"id":"ky","name":"Lãnh đạo ký","role":"LEADER","days":1},
                {"id":"tra","name":"Trả kết quả","role":"RECEIVER","days":0,"end":true}""";
        String transitions = """
                {"from":"tiep-nhan","to":"xu-ly"},{"from":"xu-ly","to":"bo-sung","name":"Yêu cầu bổ sung"},{"from":"bo-sung","to":"xu-ly"},
                {"from":"xu-ly","to":"ky"},{"from":"xu-ly","to":"tham-tra"},{"from":"tham-tra","to":"ky"},{"from":"ky","to":"tra"}""";
        if (transfer != null) {
            steps += ",\n{\"id\":\"lien-thong\",\"name\":\"" + transfer + "\",\"role\":\"OTHER_AGENCY\",\"days\":2}";
            transitions += ",\n{\"from\":\"xu-ly\",\"to\":\"lien-thong\",\"name\":\"Chuyển liên thông\"},{\"from\":\"lien-thong\",\"to\":\"tham-tra\"}";
        }
        return """
                {"code":"%s","name":"%s","sector":"Đo hiệu năng","level":"%s","onlineLevel":"full","timeLimitDays":%d,
                 "channels":["online","counter","post"],
                 "papers":[{"id":"to-khai","name":"Tờ khai"},{"id":"giay-to-kem","name":"Giấy tờ kèm theo","required":false}],
                 "fees":[{"description":"Lệ phí","amount":0}],"result":"Giấy chứng nhận","legalBasis":"Không (dữ liệu đo)",
                 "form":{"fields":[{"name":"fullName","label":"Họ và tên","type":"text","required":true},
                                   {"name":"gender","label":"Giới tính","type":"choice","choices":["Nam","Nữ"]}]},
                 "process":{"start":"tiep-nhan","steps":[%s],
                            "transitions":[%s]}}""".formatted(code, name, level, days, steps, transitions);
    }

    /** Every active unit under the province (not the province itself), from the public directory, with its level. */
    static List<Unit> units(String base, String province) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Unit> units = new ArrayList<>();
        Deque<String> todo = new ArrayDeque<>(List.of(province));
        while (!todo.isEmpty()) {
            String parent = todo.poll();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/tenants/" + parent + "/children")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET /api/tenants/" + parent + "/children: " + r.statusCode() + " " + r.body());
            }
            for (Object o : (List<?>) Json.parse(r.body())) {
                Map<?, ?> u = (Map<?, ?>) o;
                if (!"active".equals(u.get("status"))) {
                    continue;
                }
                Unit unit = new Unit((String) u.get("code"), (String) u.get("kind"), level((String) u.get("kind")), parent);
                units.add(unit);
                if (!unit.level().equals("commune")) {
                    todo.add(unit.code());
                }
            }
        }
        return units;
    }

    /** The level of the procedures a unit of this kind offers (as vn.egov.procedures.entity.Procedure.Level.ofUnitKind). */
    static String level(String kind) {
        return switch (kind) {
            case "ward", "commune", "township" -> "commune";
            case "city", "district", "town" -> "district";
            default -> "province";
        };
    }

    // ---------------------------------------------------------------------------------------------------------
    // The replay

    /** What one lifecycle does, drawn from its number. */
    record Plan(int n, Unit unit, boolean online, boolean post, boolean supplement, boolean refuse, Unit transferTo, boolean secondCheck) {
        static Plan of(int n, List<Unit> departments, List<Unit> districts, List<Unit> communes) {
            SplittableRandom r = new SplittableRandom(0x22_132807L * 1_000_003L + n);
            double where = r.nextDouble();
            List<Unit> group = where < 0.40 ? departments : where < 0.65 ? districts : communes;
            Unit unit = group.get(r.nextInt(group.size()));
            boolean online = r.nextDouble() < 0.70;
            boolean post = r.nextDouble() < 0.10;
            boolean supplement = r.nextDouble() < 0.10;
            boolean refuse = r.nextDouble() < 0.04;
            // 15% of all: the district and commune lifecycles (60%) that are not refused, a quarter of them
            Unit to = null;
            if (!refuse && !unit.level().equals("province") && r.nextDouble() < 0.26) {
                to = unit.level().equals("commune") ? new Unit(unit.parent(), "", "district", null) : departments.get(r.nextInt(departments.size()));
            }
            return new Plan(n, unit, online, post, supplement, refuse, to, r.nextBoolean());
        }
    }

    /** An answer that was not the one expected: the lifecycle stops, the run fails. */
    static final class Unexpected extends Exception {
        Unexpected(String message) {
            super(message, null, false, false);
        }
    }

    /** One worker: its citizen's credentials, and what it measured (latencies per kind, in nanoseconds). */
    static final class Worker {
        final Account citizen;
        final long[][] latencies = new long[Kind.values().length][];
        final int[] counts = new int[Kind.values().length];

        Worker(Account citizen) {
            this.citizen = citizen;
            Arrays.setAll(latencies, k -> new long[1024]);
        }

        void record(Kind kind, long nanos) {
            int k = kind.ordinal();
            if (counts[k] == latencies[k].length) {
                latencies[k] = Arrays.copyOf(latencies[k], counts[k] * 2);
            }
            latencies[k][counts[k]++] = nanos;
        }
    }

    static String base;
    static final Map<String, LongAdder> PATHS = new ConcurrentHashMap<>();
    static final AtomicInteger FAILURES = new AtomicInteger();
    static final ConcurrentLinkedQueue<String> FIRST_FAILURES = new ConcurrentLinkedQueue<>();
    static final AtomicBoolean STOP = new AtomicBoolean();
    /** Each unit's one-stop officer's credentials, by unit code (shared by the workers). */
    static final Map<String, Account> DESKS = new ConcurrentHashMap<>();

    static Account desk(String unit) {
        Account h = DESKS.get(unit);
        if (h == null) {
            throw new IllegalStateException("no one-stop officer for " + unit);
        }
        return h;
    }

    /**
     * Every unit's one-stop officer (STAFF with the RECEIVER, HANDLER and LEADER duties, which count in their own
     * unit only), created by the administrator for this run, then logged in: four at a time,
     * as the server hashes passwords four at a time on this machine.
     */
    static void desks(HttpClient admin, List<Unit> units, String prefix, String password) throws Exception {
        long t0 = System.nanoTime();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<?>> all = new ArrayList<>();
        for (Unit u : units) {
            all.add(pool.submit(() -> {
                String username = (prefix + u.code()).length() > 64 ? (prefix + u.code()).substring(0, 64) : prefix + u.code();
                HttpResponse<String> r = admin.send(HttpRequest.newBuilder(URI.create(base + "/api/t/" + u.code() + "/users"))
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"displayName\":\"Cán bộ một cửa (đo hiệu năng)\","
                                + "\"roles\":[\"STAFF\",\"RECEIVER\",\"HANDLER\",\"LEADER\"],\"subtreeRights\":false}", StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (r.statusCode() == 201) {
                    String otp = (String) ((Map<?, ?>) Json.parse(r.body())).get("oneTimePassword");
                    String basic = java.util.Base64.getEncoder().encodeToString((username + ":" + otp).getBytes(StandardCharsets.UTF_8));
                    // a client without the administrator's session cookie: the officer's own credentials
                    HttpResponse<String> changed = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create(base + "/api/me/password"))
                            .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"currentPassword\":\"" + otp + "\",\"newPassword\":\"" + password + "\"}")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (changed.statusCode() / 100 != 2) {
                        throw new IllegalStateException("password of " + username + ": " + changed.statusCode() + " " + changed.body());
                    }
                } else {
                    throw new IllegalStateException("officer of " + u.code() + ": " + r.statusCode() + " " + r.body());
                }
                DESKS.put(u.code(), client(username, password));
                return null;
            }));
        }
        try {
            for (java.util.concurrent.Future<?> f : all) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("   %d units' one-stop officers ready in %.1f s (not counted)%n", DESKS.size(), (System.nanoTime() - t0) / 1e9);
    }

    static int replay(String baseUrl, String province, String admin, String password, String citizenPrefix, int citizens, String citizenPassword,
                      int total, int clients) throws Exception {
        base = baseUrl;
        List<Unit> units = units(base, province);
        List<Unit> departments = units.stream().filter(u -> u.level().equals("province")).toList();
        List<Unit> districts = units.stream().filter(u -> u.level().equals("district")).toList();
        List<Unit> communes = units.stream().filter(u -> u.level().equals("commune")).toList();
        if (departments.isEmpty() || districts.isEmpty() || communes.isEmpty()) {
            throw new IllegalStateException("the tree under " + province + " lacks departments, districts or communes");
        }
        System.out.printf("== replay: %d lifecycles by %d clients over %d units under %s (%d departments, %d districts, %d communes)%n", total,
                clients, units.size() + 1, province, departments.size(), districts.size(), communes.size());

        HttpClient stats = login(admin, password);
        LocalDate firstDay = LocalDate.now(VIETNAM);
        Map<String, Long> before = figures(stats, province, firstDay, firstDay);

        desks(stats, units, "cb" + (System.currentTimeMillis() / 1000 % 100_000_000) + "-", citizenPassword);
        AtomicInteger next = new AtomicInteger();
        List<Worker> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(new Worker(client(citizenPrefix + (c % citizens), citizenPassword)));
        }
        CountDownLatch done = new CountDownLatch(clients);
        Cpu cpuBefore = Cpu.now();
        long start = System.nanoTime();
        for (Worker w : workers) {
            Thread t = new Thread(() -> {
                try {
                    int n;
                    while (!STOP.get() && (n = next.getAndIncrement()) < total) {
                        try {
                            lifecycle(w, Plan.of(n, departments, districts, communes));
                        } catch (Unexpected e) {
                            fail(e.getMessage());
                        } catch (Exception e) {
                            fail("lifecycle " + n + ": " + e);
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
            t.start();
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        Cpu cpuAfter = Cpu.now();
        LocalDate lastDay = LocalDate.now(VIETNAM);

        // throughput and latencies
        long finished = counted("result") + counted("refused");
        long requests = workers.stream().mapToLong(w -> Arrays.stream(w.counts).sum()).sum();
        revokeTokens();
        System.out.println("answers asked: Prefer: " + PREFER + "; officers and citizens authenticated by " + (SESSIONS ? "web session" : "API token"));
        System.out.printf("wall time %.1f s: %d lifecycles finished, %.1f lifecycles/s; %d HTTP requests, %.1f requests/s%n", seconds, finished,
                finished / seconds, requests, requests / seconds);
        cpuBefore.report(cpuAfter, seconds, finished);
        System.out.println("latency per kind of request (ms):   count      p50      p99      max");
        for (Kind k : Kind.values()) {
            int n = workers.stream().mapToInt(w -> w.counts[k.ordinal()]).sum();
            long[] all = new long[n];
            int at = 0;
            for (Worker w : workers) {
                System.arraycopy(w.latencies[k.ordinal()], 0, all, at, w.counts[k.ordinal()]);
                at += w.counts[k.ordinal()];
            }
            Arrays.sort(all);
            System.out.printf("  %-32s %7d %8.1f %8.1f %8.1f%n", k.name().toLowerCase(), n, pct(all, 0.50), pct(all, 0.99),
                    n == 0 ? 0 : all[n - 1] / 1e6);
        }
        System.out.println("paths taken:");
        new TreeMap<>(PATHS).forEach((k, v) -> System.out.printf("  %-40s %7d%n", k, v.sum()));

        // the platform's own figures against what the replay did
        Map<String, Long> after = figures(stats, province, firstDay, lastDay);
        boolean ok = true;
        String period = DAY.format(firstDay) + (lastDay.equals(firstDay) ? "" : "-" + DAY.format(lastDay));
        System.out.println("platform figures (dossier-stats of " + province + " and its subtree, " + period + ", change during the run) against the replay:");
        ok &= check("received", after.get("received") - before.get("received"), counted("submitted"));
        ok &= check("done", after.get("done") - before.get("done"), counted("result"));
        ok &= check("refused", after.get("refused") - before.get("refused"), counted("refused"));
        ok &= check("inProgress", after.get("inProgress") - before.get("inProgress"), counted("submitted") - counted("result") - counted("refused"));
        ok &= check("stopped", after.get("stopped") - before.get("stopped"), 0);
        if (total < REFERENCE && finished > 0) {
            double projected = REFERENCE / (finished / seconds);
            System.out.printf("PROJECTION (not measured): the full %,d lifecycles at %.1f lifecycles/s would take about %s%n", REFERENCE,
                    finished / seconds, hours(projected));
        }
        if (FAILURES.get() > 0) {
            System.out.println("FAILED: " + FAILURES.get() + " unexpected answer(s); the first:");
            FIRST_FAILURES.forEach(f -> System.out.println("  " + f));
            ok = false;
        }
        return ok ? 0 : 1;
    }

    static boolean check(String what, long platform, long replay) {
        boolean same = platform == replay;
        System.out.printf("  %-10s platform %7d   replay %7d   %s%n", what, platform, replay, same ? "ok" : "MISMATCH");
        return same;
    }

    /** One dossier from its submission to its end. */
    static void lifecycle(Worker w, Plan p) throws Exception {
        String unit = p.unit().code();
        Multipart m = new Multipart().text("procedure", PROCEDURE.get(p.unit().level()))
                .text("form", "{\"fullName\":\"Lồ Thị Mai " + p.n() + "\",\"gender\":\"Nữ\"}").file("paper.to-khai", "to-khai.pdf", PDF);
        if (p.post()) {
            m.text("returnBy", "post").text("postAddress", "Số " + p.n() + ", tổ 3, phường Cốc Lếu, thành phố Lào Cai");
        }
        if (!p.online()) {
            m.text("applicantName", "Lồ Thị Mai " + p.n());
        }
        Map<?, ?> d = send(w, Kind.SUBMIT, p.online() ? w.citizen : desk(unit), m.post("/api/t/" + unit + "/dossiers"), 201);
        String code = (String) d.get("code");
        count("submitted");
        count("submitted " + (p.online() ? "online (citizen)" : "at the counter (staff)"));
        count("submitted to a " + (p.unit().level().equals("province") ? "department" : p.unit().level()));
        if (p.post()) {
            count("submitted, result by post");
        }
        int moves = 0;

        d = move(w, unit, code, "xu-ly", unit);
        moves++;
        if (p.supplement()) {
            d = send(w, Kind.MOVE, desk(unit), json("/api/t/" + unit + "/dossiers/" + code + "/moves",
                    "{\"to\":\"bo-sung\",\"note\":\"Thiếu giấy tờ kèm theo\",\"papers\":[\"giay-to-kem\"]}"), 200);
            expect(d, code, "bo-sung", "supplement", unit);
            moves++;
            Multipart papers = new Multipart().file("paper.giay-to-kem", "giay-to-kem.pdf", PDF);
            d = p.online() ? send(w, Kind.SUPPLEMENT, w.citizen, papers.post("/api/me/dossiers/" + code + "/supplement"), 200)
                    : send(w, Kind.SUPPLEMENT, desk(unit), papers.post("/api/t/" + unit + "/dossiers/" + code + "/supplement"), 200);
            expect(d, code, "xu-ly", "in_progress", unit);
            count(p.online() ? "supplement asked, the citizen answered" : "supplement asked, given at the counter");
        }
        if (p.refuse()) {
            d = send(w, Kind.REFUSAL, desk(unit), json("/api/t/" + unit + "/dossiers/" + code + "/refusal",
                    "{\"reason\":\"Không đủ điều kiện theo quy định\"}"), 200);
            expect(d, code, null, "refused", unit);
            count("refused");
            count("moves before the end: " + moves);
            return;
        }
        if (p.transferTo() != null) {
            String other = p.transferTo().code();
            d = send(w, Kind.MOVE, desk(unit), json("/api/t/" + unit + "/dossiers/" + code + "/moves",
                    "{\"to\":\"lien-thong\",\"toUnit\":\"" + other + "\",\"note\":\"Đề nghị cho ý kiến\"}"), 200);
            expect(d, code, "lien-thong", "transferred", other);
            d = move(w, other, code, "tham-tra", unit); // back from the other agency, moved by its staff
            moves += 2;
            count(p.unit().level().equals("commune") ? "transferred commune -> district -> back" : "transferred district -> department -> back");
        } else if (p.secondCheck()) {
            d = move(w, unit, code, "tham-tra", unit);
            moves++;
        }
        d = move(w, unit, code, "ky", unit);
        moves++;
        d = send(w, Kind.RESULT, desk(unit), new Multipart().text("note", "Đã ký").file("result", "ket-qua.pdf", PDF)
                .post("/api/t/" + unit + "/dossiers/" + code + "/result"), 200);
        expect(d, code, "tra", "done", unit);
        count("result");
        count("moves before the end: " + moves);
    }

    /** An ordinary move by the holder's staff; the answer must show the dossier at {@code step}, held by {@code holder}. */
    static Map<?, ?> move(Worker w, String at, String code, String step, String holder) throws Exception {
        Map<?, ?> d = send(w, Kind.MOVE, desk(at), json("/api/t/" + at + "/dossiers/" + code + "/moves", "{\"to\":\"" + step + "\"}"), 200);
        expect(d, code, step, null, holder);
        return d;
    }

    static void expect(Map<?, ?> d, String code, String step, String status, String holder) throws Unexpected {
        if (!code.equals(d.get("code")) || (step != null && !step.equals(d.get("step"))) || (status != null && !status.equals(d.get("status")))
                || (holder != null && !holder.equals(d.get("holder")))) {
            throw new Unexpected("dossier " + code + ": expected step " + step + ", status " + status + ", holder " + holder + "; got step "
                    + d.get("step") + ", status " + d.get("status") + ", holder " + d.get("holder"));
        }
    }

    /**
     * Sends as the account, times, and checks the status; the answer's JSON object. The lifecycles' requests go
     * through the JDK's plain {@link HttpURLConnection} (blocking, with its keep-alive cache of up to
     * {@code http.maxConnections} idle connections, set by replay.sh above the number of workers): on a 2-core machine
     * that shares its CPU with the platform, the asynchronous {@code java.net.http.HttpClient} cost the load generator
     * several times more CPU per request. A POST is never re-sent by the JDK on a broken kept-alive connection
     * ({@code sun.net.http.retryPost=false}): that would submit a dossier twice; the run counts it as a failure instead.
     */
    static Map<?, ?> send(Worker w, Kind kind, Account account, Req request, int expected) throws Exception {
        long t0 = System.nanoTime();
        HttpURLConnection c = (HttpURLConnection) URI.create(base + request.path()).toURL().openConnection();
        c.setConnectTimeout(10_000);
        c.setReadTimeout(120_000);
        c.setRequestMethod("POST");
        c.setRequestProperty(account.header(), account.value());
        c.setRequestProperty("Accept", "application/json");
        c.setRequestProperty("Prefer", PREFER);
        c.setRequestProperty("Content-Type", request.contentType());
        c.setDoOutput(true);
        c.setFixedLengthStreamingMode(request.body().length);
        try (OutputStream out = c.getOutputStream()) {
            out.write(request.body());
        }
        int status = c.getResponseCode();
        String body;
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8); // read to the end: the connection is kept
        }
        w.record(kind, System.nanoTime() - t0);
        if (status != expected) {
            body = body.length() > 1500 ? body.substring(0, 1500) + "…" : body;
            throw new Unexpected("POST " + request.path() + " -> " + status + " (expected " + expected + "): " + body);
        }
        return (Map<?, ?>) Json.parse(body);
    }

    /** A lifecycle's request: every one is a POST to a path of the API, with its body's type. */
    record Req(String path, String contentType, byte[] body) {
    }

    /** How an account authenticates on every request: one header (its API token, or its web session's cookie). */
    record Account(String header, String value) {
    }

    static void fail(String what) {
        if (FAILURES.incrementAndGet() <= MAX_FAILURES) {
            FIRST_FAILURES.add(what);
            System.err.println("unexpected: " + what);
        } else {
            STOP.set(true);
        }
    }

    static void count(String path) {
        PATHS.computeIfAbsent(path, k -> new LongAdder()).increment();
    }

    static long counted(String path) {
        LongAdder a = PATHS.get(path);
        return a == null ? 0 : a.sum();
    }

    // ---------------------------------------------------------------------------------------------------------
    // HTTP

    /**
     * How the officers and citizens authenticate (BENCH_AUTH): "token" (the default) makes each an API token once (with
     * the password) and sends it as {@code Authorization: Bearer} on every request, with no web session; "session" logs
     * in through the form once and sends the session cookie (the web session is then loaded from and saved to the
     * data grid on every request).
     */
    static final boolean SESSIONS = "session".equals(System.getenv("BENCH_AUTH"));
    /** The id of each API token made for the run, by its token; the tokens are revoked at the end of the run. */
    static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    /** One token per account: citizens serve several workers, and an account has at most 10 usable tokens. */
    static final Map<String, Account> CLIENTS = new ConcurrentHashMap<>();

    /** How an officer or a citizen acts: with their API token, or their web session's cookie (BENCH_AUTH=session). */
    static Account client(String user, String password) throws Exception {
        if (SESSIONS) {
            CookieManager cookies = new CookieManager();
            login(user, password, cookies);
            return new Account("Cookie", String.join("; ", cookies.getCookieStore().getCookies().stream().map(Object::toString).toList()));
        }
        Account existing = CLIENTS.get(user);
        if (existing != null) {
            return existing;
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        String basic = java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/me/tokens"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Đo hiệu năng (replay)\",\"days\":1}", StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 201) {
            throw new IllegalStateException("token of " + user + ": " + r.statusCode() + " " + r.body());
        }
        Map<?, ?> made = (Map<?, ?>) Json.parse(r.body());
        TOKENS.put((String) made.get("token"), String.valueOf(made.get("id")));
        Account account = new Account("Authorization", "Bearer " + made.get("token"));
        CLIENTS.put(user, account);
        return account;
    }

    /** Revokes the run's tokens (each revokes itself). */
    static void revokeTokens() {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        TOKENS.forEach((token, id) -> {
            try {
                http.send(HttpRequest.newBuilder(URI.create(base + "/api/me/tokens/" + id)).DELETE()
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding());
            } catch (Exception e) {
                System.err.println("could not revoke a token (it expires within a day): " + e);
            }
        });
    }

    static HttpClient login(String user, String password) throws Exception {
        return login(user, password, new CookieManager());
    }

    /** Logs in through the form; the session's cookie lands in {@code cookies}. */
    static HttpClient login(String user, String password, CookieManager cookies) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 302) {
            throw new IllegalStateException("login of " + user + ": " + r.statusCode() + " " + r.body());
        }
        return http;
    }

    /**
     * What the replay's actions ask back (BENCH_ANSWER): "minimal" (the default) sends {@code Prefer: return=minimal} and
     * gets the dossier's summary as the action left it; "full" gets the whole dossier read again, as a page would.
     */
    static final String PREFER = "full".equals(System.getenv("BENCH_ANSWER")) ? "return=representation" : "return=minimal";

    static Req json(String path, String body) {
        return new Req(path, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    /** The total row of the province subtree's figures for the period. */
    static Map<String, Long> figures(HttpClient http, String province, LocalDate from, LocalDate to) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/t/" + province + "/dossier-stats?from=" + DAY.format(from)
                + "&to=" + DAY.format(to) + "&subtree=true")).header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("dossier-stats: " + r.statusCode() + " " + r.body());
        }
        Map<String, Long> out = new LinkedHashMap<>();
        ((Map<?, ?>) ((Map<?, ?>) Json.parse(r.body())).get("total")).forEach((k, v) -> {
            if (v instanceof Number n) {
                out.put((String) k, n.longValue());
            }
        });
        return out;
    }

    /** A multipart/form-data body. */
    static final class Multipart {
        final String boundary = "----replay" + System.nanoTime();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        Multipart text(String name, String value) {
            w("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
            return this;
        }

        Multipart file(String name, String filename, byte[] content) {
            w("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename + "\"\r\n"
                    + "Content-Type: application/pdf\r\n\r\n");
            body.writeBytes(content);
            w("\r\n");
            return this;
        }

        Req post(String path) {
            w("--" + boundary + "--\r\n");
            return new Req(path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
        }

        private void w(String s) {
            body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Where the CPU went (Linux /proc): this program, the platform's Payara (found by its domain's name in its
    // command line, BENCH_DOMAIN), and the whole machine; what is left is mostly PostgreSQL

    record Cpu(double self, double payara, double busy, double all) {
        static final double TICK = 100; // USER_HZ

        static Cpu now() {
            double self = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime() / 1e9;
            double payara = -1;
            String domain = System.getenv().getOrDefault("BENCH_DOMAIN", "egov-rbench");
            try (var procs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
                for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) procs::iterator) {
                    if (!p.getFileName().toString().chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        String cmd = new String(java.nio.file.Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
                        if (cmd.contains("domains/" + domain) && cmd.contains("ASMain")) {
                            String stat = java.nio.file.Files.readString(p.resolve("stat"));
                            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            payara = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICK; // utime, stime
                        }
                    } catch (java.io.IOException | RuntimeException gone) {
                        // a process that ended while being read
                    }
                }
                String[] cpu = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0).trim().split("\\s+");
                double all = 0;
                for (int i = 1; i < cpu.length; i++) {
                    all += Long.parseLong(cpu[i]);
                }
                double idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
                return new Cpu(self, payara, (all - idle) / TICK, all / TICK);
            } catch (Exception e) {
                return new Cpu(self, -1, -1, -1);
            }
        }

        void report(Cpu after, double seconds, long lifecycles) {
            double self = after.self - this.self;
            System.out.printf("CPU during the run: this load generator %.1f s (%.2f ms per lifecycle)", self, 1000 * self / Math.max(1, lifecycles));
            if (all >= 0) {
                double all = after.all - this.all;
                double busy = after.busy - this.busy;
                double payara = this.payara < 0 || after.payara < 0 ? -1 : after.payara - this.payara;
                System.out.printf("; Payara %s; the machine busy %.0f%% of %.1f CPU-s (%.2f ms per lifecycle), of which the load generator %.0f%%, "
                                + "Payara %s, the rest (PostgreSQL mostly) %.0f%%", payara < 0 ? "not found" : String.format("%.1f s (%.2f ms per lifecycle)",
                                payara, 1000 * payara / Math.max(1, lifecycles)), 100 * busy / all, all, 1000 * busy / Math.max(1, lifecycles),
                        100 * self / all, payara < 0 ? "?" : String.format("%.0f%%", 100 * payara / all),
                        100 * (busy - self - Math.max(0, payara)) / all);
            }
            System.out.println();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Small helpers

    static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    static String hours(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d h %02d min", s / 3600, s % 3600 / 60) : String.format("%d min %02d s", s / 60, s % 60);
    }

    /** A minimal JSON reader (objects as maps, arrays as lists, numbers as Long or Double): enough for the API's answers. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json j = new Json(text);
            Object v = j.value();
            j.space();
            if (j.i != j.s.length()) {
                throw new IllegalArgumentException("trailing characters at " + j.i);
            }
            return v;
        }

        private Object value() {
            space();
            char c = s.charAt(i);
            switch (c) {
                case '{' -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    i++;
                    space();
                    if (s.charAt(i) == '}') {
                        i++;
                        return m;
                    }
                    do {
                        space();
                        String k = string();
                        space();
                        expect(':');
                        m.put(k, value());
                        space();
                    } while (s.charAt(i++) == ',');
                    if (s.charAt(i - 1) != '}') {
                        throw new IllegalArgumentException("expected } at " + (i - 1));
                    }
                    return m;
                }
                case '[' -> {
                    List<Object> l = new ArrayList<>();
                    i++;
                    space();
                    if (s.charAt(i) == ']') {
                        i++;
                        return l;
                    }
                    do {
                        l.add(value());
                        space();
                    } while (s.charAt(i++) == ',');
                    if (s.charAt(i - 1) != ']') {
                        throw new IllegalArgumentException("expected ] at " + (i - 1));
                    }
                    return l;
                }
                case '"' -> {
                    return string();
                }
                default -> {
                    if (s.startsWith("true", i)) {
                        i += 4;
                        return Boolean.TRUE;
                    } else if (s.startsWith("false", i)) {
                        i += 5;
                        return Boolean.FALSE;
                    } else if (s.startsWith("null", i)) {
                        i += 4;
                        return null;
                    }
                    int start = i;
                    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                        i++;
                    }
                    String n = s.substring(start, i);
                    if (n.isEmpty()) {
                        throw new IllegalArgumentException("unexpected '" + c + "' at " + start);
                    }
                    return n.matches("-?\\d+") ? (Object) Long.valueOf(n) : (Object) Double.valueOf(n);
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            }
        }

        private void expect(char c) {
            if (s.charAt(i++) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + (i - 1));
            }
        }

        private void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
