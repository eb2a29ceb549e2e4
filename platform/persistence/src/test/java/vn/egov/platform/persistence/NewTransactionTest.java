package vn.egov.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every transaction begun inside another ({@code REQUIRES_NEW}) anywhere in the project's sources is marked
 * {@link NewTransaction}, so that the caller's connection handle is given back before it begins (see
 * {@link TxConnection}).
 */
class NewTransactionTest {

    @Test
    void everyRequiresNewInTheProjectIsMarked() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("mvnw"))) {
            root = root.getParent();
        }
        assertTrue(root != null, "the project's root (where mvnw is) above " + Path.of("").toAbsolutePath());
        List<String> unmarked = new ArrayList<>();
        int seen = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/")
                    && !p.toString().contains("/target/"))::iterator) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.startsWith("@Transactional") && line.contains("REQUIRES_NEW")
                            || line.startsWith("@TransactionAttribute") && line.contains("REQUIRES_NEW")) {
                        seen++;
                        boolean marked = false;
                        for (int j = i - 1; j >= 0 && lines.get(j).strip().startsWith("@"); j--) {
                            marked |= lines.get(j).strip().equals("@NewTransaction");
                        }
                        for (int j = i + 1; j < lines.size() && lines.get(j).strip().startsWith("@"); j++) {
                            marked |= lines.get(j).strip().equals("@NewTransaction");
                        }
                        if (!marked) {
                            unmarked.add(root.relativize(f) + ":" + (i + 1));
                        }
                    }
                }
            }
        }
        assertTrue(seen >= 6, "the scan found the project's REQUIRES_NEW methods (" + seen + ")");
        assertEquals(List.of(), unmarked, "REQUIRES_NEW without @NewTransaction");
    }
}
