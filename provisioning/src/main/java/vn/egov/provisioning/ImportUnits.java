package vn.egov.provisioning;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code egov import-units}: provisions units from a GSO-format CSV through the platform's API, as an
 * administrator, so every unit goes through the unit template, the modules' hook and the audit. First the
 * server validates the whole file (nothing is created if a line is bad); then the units are created parents
 * first, one transaction each, with a progress bar. Re-running creates only what is missing. The first
 * administrators' one-time passwords go to a file only its owner can read.
 */
@Command(name = "import-units", description = "Provisions units from a GSO-format CSV (validate first, then create with a progress bar).")
final class ImportUnits implements Callable<Integer> {
    @Option(names = "--url", defaultValue = "http://localhost:8080", description = "the platform (default ${DEFAULT-VALUE})")
    String url;
    @Option(names = "--user", required = true, description = "an administrator with rights over the parent's subtree")
    String user;
    @Option(names = "--parent", required = true, description = "code of the unit the file's top-level units go under")
    String parent;
    @Option(names = "--file", required = true)
    Path file;
    @Option(names = "--validate-only", description = "only check the file")
    boolean validateOnly;
    @Option(names = "--credentials", description = "where to write the one-time passwords (default: <file>.admins.csv)")
    Path credentials;

    @Option(names = "--batch", defaultValue = "25", description = "units per request and transaction (default ${DEFAULT-VALUE}; 1: one by one)")
    int batch;

    @Option(names = "--invite", description = "give each first administrator an invitation link (they choose their password) "
            + "instead of a one-time password")
    boolean invite;

    @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
    boolean passwordStdin;
    @Option(names = "--parallel", defaultValue = "4", description = "units created at the same time, among those whose parent exists (default ${DEFAULT-VALUE})")
    int parallel;

    /**
     * One login per worker, then its session cookie: the password is checked (Argon2) once per worker, not on
     * every request; and a session per worker, because the server handles one session's requests one at a time.
     */
    private final ThreadLocal<HttpClient> http = ThreadLocal.withInitial(() -> HttpClient.newBuilder()
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
            System.err.println("egov: login as " + user + " failed: wrong password, locked account or suspended unit");
            return 2;
        }
        HttpResponse<String> validated = send("POST", "/api/t/" + parent + "/units/import/validate", "text/csv",
                HttpRequest.BodyPublishers.ofFile(file));
        JsonObject answer = parse(validated.body());
        if (validated.statusCode() != 200) {
            System.err.println("egov: " + answer.getString("title", "HTTP " + validated.statusCode()) + ": " + answer.getString("detail", ""));
            JsonArray errors = answer.containsKey("errors") ? answer.getJsonArray("errors") : JsonValue.EMPTY_JSON_ARRAY;
            for (JsonObject e : errors.getValuesAs(JsonObject.class)) {
                System.err.printf("  dòng %d: %s%n", e.getInt("line"), e.getString("reason"));
            }
            return 2;
        }
        JsonArray rows = answer.getJsonArray("toCreate");
        out.printf("%s: %d units already there, %d to create (validated in %.1f s)%n", file.getFileName(),
                answer.getInt("existing"), rows.size(), (System.nanoTime() - t0) / 1e9);
        if (validateOnly || rows.isEmpty()) {
            return 0;
        }
        Path secrets = credentials != null ? credentials : file.resolveSibling(file.getFileName() + ".admins.csv");
        if (!Files.exists(secrets)) {
            Files.createFile(secrets, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        java.util.concurrent.atomic.AtomicInteger created = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger skipped = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, parallel));
        try (Writer w = Files.newBufferedWriter(secrets, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND)) {
            if (Files.size(secrets) == 0) {
                w.write("unit_code,username,one_time_password_or_invitation\n");
            }
            // waves: a unit is created once its parent exists; the units of one wave go in parallel
            for (java.util.List<JsonObject> wave : waves(rows)) {
                java.util.List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
                for (java.util.List<JsonObject> chunk : chunks(wave, Math.max(1, batch))) {
                    results.add(pool.submit(() -> {
                        String failure = chunk.size() == 1 ? createOne(chunk.get(0), w, created, skipped)
                                : createBatch(chunk, w, created, skipped);
                        synchronized (out) {
                            progress(out, done.addAndGet(chunk.size()), rows.size(), chunk.get(chunk.size() - 1).getString("code"));
                        }
                        return failure;
                    }));
                }
                for (java.util.concurrent.Future<String> f : results) {
                    String failure = f.get();
                    if (failure != null) {
                        out.println();
                        System.err.println("egov: " + failure);
                        System.err.printf("%d created before the failure; re-running creates only what is missing%n", created.get());
                        return 1;
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        out.println();
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.printf("%d created, %d already there, in %.1f s (%.1f units/s). Credentials: %s%n",
                created.get(), skipped.get(), seconds, created.get() / seconds, secrets);
        return 0;
    }

    /** Creates a batch of units in one request and transaction; returns null, or what went wrong. */
    private String createBatch(java.util.List<JsonObject> rows, Writer w, java.util.concurrent.atomic.AtomicInteger created,
                               java.util.concurrent.atomic.AtomicInteger skipped) throws IOException, InterruptedException {
        jakarta.json.JsonArrayBuilder items = Json.createArrayBuilder();
        for (JsonObject row : rows) {
            items.add(Json.createObjectBuilder().add("parent", row.getString("parentCode")).add("unit", unitJson(row)));
        }
        HttpResponse<String> r = send("POST", "/api/t/" + parent + "/units/batch", "application/json",
                HttpRequest.BodyPublishers.ofString(items.build().toString(), StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            return "lines " + rows.get(0).getInt("line") + "-" + rows.get(rows.size() - 1).getInt("line")
                    + " failed (none of them was created): HTTP " + r.statusCode() + " " + r.body();
        }
        JsonObject answer = parse(r.body());
        synchronized (w) {
            for (JsonObject c : answer.getJsonArray("created").getValuesAs(JsonObject.class)) {
                JsonObject first = c.getJsonObject("firstAdmin");
                w.write(c.getString("code") + "," + first.getString("username") + "," + (first.containsKey("invitation")
                        ? first.getJsonObject("invitation").getString("url") : first.getString("oneTimePassword")) + "\n");
            }
            w.flush();
        }
        created.addAndGet(answer.getJsonArray("created").size());
        skipped.addAndGet(answer.getJsonArray("existing").size());
        return null;
    }

    static java.util.List<java.util.List<JsonObject>> chunks(java.util.List<JsonObject> wave, int size) {
        java.util.List<java.util.List<JsonObject>> out = new java.util.ArrayList<>();
        for (int i = 0; i < wave.size(); i += size) {
            out.add(wave.subList(i, Math.min(wave.size(), i + size)));
        }
        return out;
    }

    private JsonObject unitJson(JsonObject row) {
        String code = row.getString("code");
        return Json.createObjectBuilder().add("code", code).add("name", row.getString("name"))
                .add("kind", row.getString("kind")).add("gsoCode", row.getString("gsoCode"))
                .add("firstAdmin", Json.createObjectBuilder().add("username", adminUsername(code))
                        .add("displayName", "Quản trị " + row.getString("name")).add("invite", invite)).build();
    }

    /** Creates one unit; returns null, or what went wrong. */
    private String createOne(JsonObject row, Writer w, java.util.concurrent.atomic.AtomicInteger created,
                             java.util.concurrent.atomic.AtomicInteger skipped) throws IOException, InterruptedException {
        String code = row.getString("code");
        JsonObject body = unitJson(row);
        HttpResponse<String> r = send("POST", "/api/t/" + row.getString("parentCode") + "/units", "application/json",
                HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (r.statusCode() == 201) {
            JsonObject first = parse(r.body()).getJsonObject("firstAdmin");
            synchronized (w) {
                w.write(code + "," + first.getString("username") + "," + (first.containsKey("invitation")
                        ? first.getJsonObject("invitation").getString("url") : first.getString("oneTimePassword")) + "\n");
                w.flush();
            }
            created.incrementAndGet();
            return null;
        }
        if (r.statusCode() == 409 && Api.alreadyThere(code, this)) {
            skipped.incrementAndGet();
            return null;
        }
        return "line " + row.getInt("line") + " (" + code + ") failed: HTTP " + r.statusCode() + " " + r.body();
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
            throw new IOException("login as " + user + " failed");
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
            return Json.createObjectBuilder().add("title", "unexpected answer").add("detail", body).build();
        }
    }

    /** Small helpers over the platform API. */
    static final class Api {
        private Api() {
        }

        /** A 409 is fine when the unit is in fact there (created by an earlier, interrupted run). */
        static boolean alreadyThere(String code, ImportUnits cli) throws IOException, InterruptedException {
            return cli.send("GET", "/api/tenants/" + code, "application/json", HttpRequest.BodyPublishers.noBody()).statusCode() == 200;
        }
    }
}
