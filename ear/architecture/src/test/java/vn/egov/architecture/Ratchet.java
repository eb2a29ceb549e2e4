package vn.egov.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * A list of known breaches of a house rule, each with its measure, that may only shrink: what the build found is
 * compared with it, and every difference is a problem (a new breach, one that grew, one that shrank and must be
 * lowered in the list, one that is gone and must leave it).
 */
final class Ratchet {
    private Ratchet() {
    }

    /** The project's root: the first folder up from here that holds the Maven wrapper. */
    static Path projectRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("mvnw"))) {
            p = p.getParent();
        }
        assertTrue(p != null, "the project root (with mvnw) above " + Path.of("").toAbsolutePath());
        return p;
    }

    /** Every main-code Java file of the project (not the tests, not the work folder), by its path from the root. */
    static Map<String, Path> mainJava() throws IOException {
        Path root = projectRoot();
        Map<String, Path> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            all.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                String name = root.relativize(p).toString().replace('\\', '/');
                if (name.matches("(?:.*/)?src/main/java/.*") && !name.startsWith("work/")) {
                    files.put(name, p);
                }
            });
        }
        return files;
    }

    /** The list in the test resource {@code name}: one "what measure" per line, # for comments. */
    static Map<String, Integer> allowed(String name) throws IOException {
        Map<String, Integer> allowed = new TreeMap<>();
        try (InputStream in = Ratchet.class.getResourceAsStream("/" + name)) {
            assertTrue(in != null, name);
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    String[] parts = l.split("\\s+");
                    allowed.put(parts[0], Integer.parseInt(parts[1]));
                }
            }
        }
        return allowed;
    }

    /** The differences between what was found and the list; {@code newOne} says what a breach not listed is. */
    static List<String> compare(Map<String, Integer> found, Map<String, Integer> allowed, String listName,
                                BiFunction<String, Integer, String> newOne) {
        List<String> problems = new ArrayList<>();
        found.forEach((what, n) -> {
            Integer limit = allowed.get(what);
            if (limit == null) {
                problems.add(newOne.apply(what, n));
            } else if (n > limit) {
                problems.add(what + ": " + n + ", more than the " + limit + " in " + listName);
            } else if (n < limit) {
                problems.add(what + ": " + n + " now: lower it in " + listName + " to " + n);
            }
        });
        allowed.keySet().stream().filter(w -> !found.containsKey(w))
                .forEach(w -> problems.add(w + ": within the rule now (or gone): take it out of " + listName));
        return problems;
    }
}
