package vn.egov.provisioning;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code egov search reindex|check}: the search index's administration from a terminal, through the platform's
 * API (the modules that own the items run there), as an administrator of the unit.
 */
@Command(name = "search",
        subcommands = {SearchCommand.Reindex.class, SearchCommand.Check.class})
final class SearchCommand implements Runnable {
    @CommandLine.ParentCommand Egov parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    abstract static class Remote {
        // the same in both subcommands: keys of the search command's
        @Option(names = "--url", defaultValue = "http://localhost:8080", descriptionKey = "egov.search.url")
        String url;
        @Option(names = "--user", required = true, descriptionKey = "egov.search.user")
        String user;
        @Option(names = "--unit", required = true, descriptionKey = "egov.search.unit")
        String unit;
        @Option(names = "--password-stdin", descriptionKey = "egov.search.password-stdin")
        boolean passwordStdin;

        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        String authorization;

        boolean credentials() throws IOException {
            String password = Credentials.password(user, passwordStdin).orElse(null);
            if (password == null) {
                return false;
            }
            authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            return true;
        }

        HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + path)).timeout(Duration.ofMinutes(5))
                    .header("Authorization", authorization).header("Accept", "application/json")
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        static JsonObject json(String body) {
            try (JsonReader r = Json.createReader(new StringReader(body))) {
                return r.readObject();
            }
        }

        static int refused(HttpResponse<String> r) {
            String title = "HTTP " + r.statusCode();
            String detail = "";
            try {
                JsonObject p = json(r.body());
                title = p.getString("title", title);
                detail = p.getString("detail", "");
            } catch (RuntimeException e) {
                // not a problem document
            }
            System.err.println("egov: " + title + (detail.isEmpty() ? "" : ": " + detail));
            return 2;
        }
    }

    @Command(name = "reindex")
    static final class Reindex extends Remote implements Callable<Integer> {
        @Option(names = "--subtree")
        boolean subtree;

        @Override
        public Integer call() throws Exception {
            if (!credentials()) {
                return 2;
            }
            PrintStream out = System.out;
            long t0 = System.nanoTime();
            HttpResponse<String> started = send("POST", "/api/t/" + unit + "/search/reindex?subtree=" + subtree);
            if (started.statusCode() != 202) {
                return refused(started);
            }
            String location = "/api/t/" + unit + "/search/reindex/" + json(started.body()).getJsonNumber("id").longValue();
            JsonObject job;
            while (true) {
                HttpResponse<String> r = send("GET", location);
                if (r.statusCode() != 200) {
                    return refused(r);
                }
                job = json(r.body());
                int total = Math.max(1, job.getInt("unitsTotal"));
                int done = job.getInt("unitsDone");
                int width = 30;
                int filled = (int) ((long) width * done / total);
                out.print("\r[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + Said.text("search.progress", done, total,
                        job.getJsonNumber("documents").longValue(), job.getJsonNumber("pending").longValue()) + "   ");
                out.flush();
                if (job.getBoolean("done") || (job.containsKey("error") && !job.isNull("error"))) {
                    break;
                }
                Thread.sleep(500);
            }
            out.println();
            if (job.containsKey("error") && !job.isNull("error")) {
                System.err.println("egov: " + Said.text("search.stopped", job.getString("error")));
                return 1;
            }
            out.println(Said.text(subtree ? "search.reindexedSubtree" : "search.reindexed", unit,
                    job.getJsonNumber("documents").longValue(), String.format("%.1f", (System.nanoTime() - t0) / 1e9)));
            return 0;
        }
    }

    @Command(name = "check")
    static final class Check extends Remote implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            if (!credentials()) {
                return 2;
            }
            HttpResponse<String> r = send("GET", "/api/t/" + unit + "/search/check");
            if (r.statusCode() != 200) {
                return refused(r);
            }
            JsonObject c = json(r.body());
            PrintStream out = System.out;
            out.printf("%-32s %10s %10s %10s%n", Said.text("search.unit"), Said.text("search.db"), Said.text("search.index"),
                    Said.text("search.pending"));
            for (JsonObject u : c.getJsonArray("differences").getValuesAs(JsonObject.class)) {
                out.printf("%-32s %10d %10d %10d%n", u.getString("code"), u.getJsonNumber("database").longValue(),
                        u.getJsonNumber("index").longValue(), u.getJsonNumber("pending").longValue());
            }
            out.printf("%-32s %10d %10d %10d%n", Said.text("search.total") + " " + Said.text("search.unitCount", c.getJsonArray("units").size()),
                    c.getJsonNumber("database").longValue(), c.getJsonNumber("index").longValue(), c.getJsonNumber("pending").longValue());
            out.println(c.getBoolean("consistent") ? Said.text("search.consistent") : Said.text("search.differ", c.getJsonArray("differences").size())
                    + (c.getJsonNumber("pending").longValue() > 0 ? " " + Said.text("search.stillWaiting") : "; " + Said.text("search.reindex", unit)));
            return c.getBoolean("consistent") ? 0 : 3;
        }
    }
}
