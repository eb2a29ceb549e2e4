package vn.egov.provisioning;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code egov import-units}: provisions units from a GSO-format CSV through the platform's API, as an
 * administrator, so every unit goes through the unit template, the modules' hook and the audit. First the
 * server validates the whole file (nothing is created if a line is bad); then the units are created parents
 * first, a batch per request and transaction, with a progress bar. The first administrators' one-time passwords
 * (or invitation tokens) are made here and written to a file only its owner can read, forced to the disk, before
 * the batch that uses them is sent ({@link AdminsFile}): a lost answer loses nothing. Re-running creates only what
 * is missing, reports what is there already, and keeps the earlier run's lines. The run ends with what exists.
 */
@Command(name = "import-units")
final class ImportUnits implements Callable<Integer> {
    @Option(names = "--url", defaultValue = "http://localhost:8080")
    String url;
    @Option(names = "--user", required = true)
    String user;
    @Option(names = "--parent", required = true)
    String parent;
    @Option(names = "--file", required = true)
    Path file;
    @Option(names = "--validate-only")
    boolean validateOnly;
    @Option(names = "--credentials")
    Path credentials;

    @Option(names = "--batch", defaultValue = "25")
    int batch;

    @Option(names = "--invite")
    boolean invite;

    @Option(names = "--password-stdin")
    boolean passwordStdin;
    @Option(names = "--parallel", defaultValue = "4")
    int parallel;

    /**
     * One login per worker, then its session cookie: the password is checked (Argon2) once per worker, not on
     * every request; and a session per worker, because the server handles one session's requests one at a time.
     */
    private final ThreadLocal<HttpClient> http = ThreadLocal.withInitial(() -> HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).cookieHandler(new java.net.CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build());
    private final ThreadLocal<Boolean> loggedIn = ThreadLocal.withInitial(() -> false);
    private String password;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        password = Credentials.password(user, passwordStdin).orElse(null);
        if (password == null) {
            return 2;
        }
        long t0 = System.nanoTime();
        if (!login()) {
            System.err.println("egov: " + Said.text("importUnits.loginFailed", user));
            return 2;
        }
        JsonObject answer = validated();
        if (answer == null) {
            return 2;
        }
        JsonArray rows = answer.getJsonArray("toCreate");
        out.println(Said.text("importUnits.validated", file.getFileName(), answer.getInt("existing"), rows.size(),
                String.format("%.1f", (System.nanoTime() - t0) / 1e9)));
        if (validateOnly) {
            return 0;
        }
        return create(out, answer, rows, t0);
    }

    /** The server's check of the whole file: its plan, or null when it refused the file (each bad line printed). */
    private JsonObject validated() throws IOException, InterruptedException {
        HttpResponse<String> validated = send("POST", "/api/t/" + parent + "/units/import/validate", "text/csv",
                HttpRequest.BodyPublishers.ofFile(file));
        JsonObject answer = parse(validated.body());
        if (validated.statusCode() != 200) {
            System.err.println("egov: " + answer.getString("title", "HTTP " + validated.statusCode()) + ": " + answer.getString("detail", ""));
            JsonArray errors = answer.containsKey("errors") ? answer.getJsonArray("errors") : JsonValue.EMPTY_JSON_ARRAY;
            for (JsonObject e : errors.getValuesAs(JsonObject.class)) {
                System.err.println("  " + Said.text("line", e.getInt("line"), e.getString("reason")));
            }
            return null;
        }
        return answer;
    }

    /** Creates the plan's rows in waves, parents first, batches of a wave in parallel; then says what exists. */
    private int create(PrintStream out, JsonObject answer, JsonArray rows, long t0) throws Exception {
        Path secrets = credentials != null ? credentials : file.resolveSibling(file.getFileName() + ".admins.csv");
        java.util.List<String> there = java.util.Collections.synchronizedList(new java.util.ArrayList<>(answer.containsKey("existingUnits")
                ? answer.getJsonArray("existingUnits").getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList()
                : java.util.List.of()));
        int existingBefore = there.size();
        java.util.concurrent.atomic.AtomicInteger created = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        java.util.List<String> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, parallel));
        try (AdminsFile admins = new AdminsFile(secrets, url)) {
            if (rows.isEmpty()) {
                return report(out, admins, 0, there, 0, failures, t0);
            }
            // waves: a unit is created once its parent exists; the units of one wave go in parallel
            for (java.util.List<JsonObject> wave : waves(rows)) {
                java.util.List<java.util.concurrent.Future<?>> results = new java.util.ArrayList<>();
                for (java.util.List<JsonObject> chunk : chunks(wave, Math.max(1, batch))) {
                    results.add(pool.submit(() -> {
                        createBatch(chunk, admins, created, there, failures);
                        synchronized (out) {
                            progress(out, done.addAndGet(chunk.size()), rows.size(), chunk.get(chunk.size() - 1).getString("code"));
                        }
                    }));
                }
                for (java.util.concurrent.Future<?> f : results) {
                    f.get();
                }
                if (!failures.isEmpty()) {
                    break; // the next waves would be the failed units' children
                }
            }
            out.println();
            // not created: the failed batches' units and those of the waves not attempted after a failure
            return report(out, admins, created.get(), there, rows.size() - created.get() - (there.size() - existingBefore), failures, t0);
        } finally {
            pool.shutdownNow();
        }
    }

    /** What exists now, said at the end of every run: created now, already there (with or without a line), failed. */
    private int report(PrintStream out, AdminsFile admins, int created, java.util.List<String> there, int notCreated,
                       java.util.List<String> failures, long t0) {
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.println(Said.text("importUnits.summary", created, there.size(), notCreated, String.format("%.1f", seconds),
                String.format("%.1f", created / seconds), admins.path()));
        java.util.List<String> withoutLine = there.stream().filter(c -> !admins.has(c)).toList();
        if (!there.isEmpty()) {
            out.println(Said.text("importUnits.alreadyThere", there.size() - withoutLine.size(), withoutLine.size(), withoutLine.isEmpty() ? ""
                    : " " + Said.text("importUnits.withoutLine", String.join(", ", withoutLine.subList(0, Math.min(20, withoutLine.size())))
                    + (withoutLine.size() > 20 ? ", ..." : ""))));
        }
        for (String f : failures) {
            System.err.println("egov: " + f);
        }
        if (!failures.isEmpty()) {
            System.err.println("egov: " + Said.text("importUnits.rerun", admins.path()));
            return 1;
        }
        return 0;
    }

    /**
     * Creates a batch of units in one request and transaction, their first administrators' credentials written to the
     * file before it is sent; a failure is added to {@code failures}.
     */
    private void createBatch(java.util.List<JsonObject> rows, AdminsFile file, java.util.concurrent.atomic.AtomicInteger created,
                            java.util.List<String> there, java.util.List<String> failures) {
        int from = rows.get(0).getInt("line");
        int to = rows.get(rows.size() - 1).getInt("line");
        try {
            java.util.List<AdminsFile.Admin> admins = file.reserve(rows.stream().map(r -> r.getString("code")).toList(),
                    ImportUnits::adminUsername, invite);
            jakarta.json.JsonArrayBuilder items = Json.createArrayBuilder();
            for (int i = 0; i < rows.size(); i++) {
                items.add(Json.createObjectBuilder().add("parent", rows.get(i).getString("parentCode"))
                        .add("unit", unitJson(rows.get(i), admins.get(i))));
            }
            HttpResponse<String> r = send("POST", "/api/t/" + parent + "/units/batch", "application/json",
                    HttpRequest.BodyPublishers.ofString(items.build().toString(), StandardCharsets.UTF_8));
            if (r.statusCode() != 200) {
                JsonObject problem = parse(r.body());
                failures.add(Said.text("importUnits.batchFailed", from, to, r.statusCode(), problem.getString("detail", r.body())));
                return;
            }
            JsonObject answer = parse(r.body());
            created.addAndGet(answer.getJsonArray("created").size());
            answer.getJsonArray("existing").getValuesAs(jakarta.json.JsonString.class).forEach(c -> there.add(c.getString()));
        } catch (IOException e) {
            failures.add(Said.text("importUnits.noAnswer", from, to, e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add(Said.text("importUnits.interrupted", from, to));
        }
    }

    static java.util.List<java.util.List<JsonObject>> chunks(java.util.List<JsonObject> wave, int size) {
        java.util.List<java.util.List<JsonObject>> out = new java.util.ArrayList<>();
        for (int i = 0; i < wave.size(); i += size) {
            out.add(wave.subList(i, Math.min(wave.size(), i + size)));
        }
        return out;
    }

    private static JsonObject unitJson(JsonObject row, AdminsFile.Admin admin) {
        jakarta.json.JsonObjectBuilder first = Json.createObjectBuilder().add("username", admin.username())
                .add("displayName", Said.text("importUnits.adminName", row.getString("name"))).add("invite", admin.invitation());
        first.add(admin.invitation() ? "invitationToken" : "oneTimePassword", admin.secret());
        return Json.createObjectBuilder().add("code", row.getString("code")).add("name", row.getString("name"))
                .add("kind", row.getString("kind")).add("gsoCode", row.getString("gsoCode"))
                .add("firstAdmin", first).build();
    }

    /** The rows in waves: first those whose parent exists already, then their children, and so on. */
    static java.util.List<java.util.List<JsonObject>> waves(JsonArray rows) {
        java.util.Map<String, Integer> depth = new java.util.HashMap<>();
        java.util.List<java.util.List<JsonObject>> waves = new java.util.ArrayList<>();
        for (JsonObject row : rows.getValuesAs(JsonObject.class)) { // parents come first in the plan
            int d = depth.getOrDefault(row.getString("parentCode"), -1) + 1;
            depth.put(row.getString("code"), d);
            while (waves.size() <= d) {
                waves.add(new java.util.ArrayList<>());
            }
            waves.get(d).add(row);
        }
        return waves;
    }

    static String adminUsername(String code) {
        String name = "qt." + code;
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    private static void progress(PrintStream out, int done, int total, String code) {
        int width = 30;
        int filled = (int) ((long) done * width / total);
        out.print("\r[" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + done + "/" + total + " " + code
                + " ".repeat(Math.max(0, 40 - code.length())));
        out.flush();
    }

    private boolean login() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/login")).timeout(Duration.ofMinutes(1))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + java.net.URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&password=" + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8))).build();
        boolean ok = http.get().send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 302;
        loggedIn.set(ok);
        return ok;
    }

    HttpResponse<String> send(String method, String path, String type, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        if (!loggedIn.get() && !login()) {
            throw new IOException(Said.text("importUnits.loginFailed", user));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofMinutes(2))
                .header("Accept", "application/json").header("Content-Type", type)
                .method(method, body).build();
        return http.get().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static JsonObject parse(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            return Json.createObjectBuilder().add("title", Said.text("importUnits.unexpected")).add("detail", body).build();
        }
    }
}
