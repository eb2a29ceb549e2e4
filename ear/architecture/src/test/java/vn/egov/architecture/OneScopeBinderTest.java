package vn.egov.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One way to bind a scope (issue 21, point 4): the statement that tells PostgreSQL a scope ({@code set_config} of the
 * {@code app.*} settings) is written in the platform's {@code ConnectionScope} only; everyone else asks it (or the
 * container's {@code TenantScopeBinder}, which asks it too). A scope set by hand elsewhere could miss a setting that
 * a policy reads, or outlive its transaction.
 */
class OneScopeBinderTest {
    static final String THE_ONE = "platform/persistence/src/main/java/vn/egov/platform/persistence/ConnectionScope.java";

    @Test
    void onlyTheConnectionScopeSetsTheDatabaseScope() throws IOException {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, Path> f : Ratchet.mainJava().entrySet()) {
            if (f.getKey().equals(THE_ONE) || f.getKey().contains("/bench/")) {
                continue;
            }
            String[] lines = Files.readString(f.getValue(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String code = lines[i].strip();
                if (code.startsWith("*") || code.startsWith("//") || code.startsWith("/*")) {
                    continue;
                }
                if (code.contains("set_config(") && code.contains("app.")) {
                    found.add(f.getKey() + ":" + (i + 1));
                }
            }
        }
        assertEquals(List.of(), found, "a scope set by hand: use ConnectionScope.bind (plain connection) or TenantScopeBinder");
    }
}
