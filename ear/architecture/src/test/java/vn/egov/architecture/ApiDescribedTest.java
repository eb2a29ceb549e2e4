package vn.egov.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The API described whole (issue 21, point 5): every JAX-RS operation of every jar of the EAR, found by reflection
 * (class {@code @Path}, method {@code @Path}, HTTP method), is in the OpenAPI document the platform's WAR serves at
 * {@code /openapi} (its {@code META-INF/openapi.yaml}, written at build time by the scan of all module jars over
 * the hand-written part). A resource added without appearing there fails the build.
 */
class ApiDescribedTest {
    private static final Set<String> HTTP = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

    @Test
    void everyJaxRsOperationIsInThePublishedDocument() throws IOException {
        Set<String> found = operations();
        Set<String> described = described();
        assertTrue(found.size() > 150, "the resources were found: " + found.size());
        List<String> missing = new ArrayList<>();
        for (String op : found) {
            if (!described.contains(op)) {
                missing.add(op);
            }
        }
        assertEquals(List.of(), missing, "operations of the code missing from META-INF/openapi.yaml");
    }

    /** "GET /api/t/{unit}/notices" for every resource method of the code. */
    static Set<String> operations() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.egov");
        Set<String> ops = new TreeSet<>();
        List<String> locators = new ArrayList<>();
        for (JavaClass c : classes) {
            if (!c.isAnnotatedWith("jakarta.ws.rs.Path") || c.isInterface() || c.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT)) {
                continue;
            }
            String base = path(c.getAnnotationOfType("jakarta.ws.rs.Path").get("value").orElse("").toString());
            for (JavaMethod m : c.getMethods()) {
                String verb = m.getAnnotations().stream().map(a -> a.getRawType().getSimpleName())
                        .filter(HTTP::contains).findFirst().orElse(null);
                String sub = m.isAnnotatedWith("jakarta.ws.rs.Path")
                        ? m.getAnnotationOfType("jakarta.ws.rs.Path").get("value").orElse("").toString() : "";
                if (verb == null) {
                    if (m.isAnnotatedWith("jakarta.ws.rs.Path")) {
                        locators.add(c.getName() + "." + m.getName());
                    }
                    continue;
                }
                ops.add(verb + " " + path(base + "/" + sub));
            }
        }
        assertEquals(List.of(), locators, "sub-resource locators: describe their operations and teach this test to follow them");
        return ops;
    }

    /** The same form for every operation of the document. */
    @SuppressWarnings("unchecked")
    static Set<String> described() throws IOException {
        try (InputStream in = ApiDescribedTest.class.getClassLoader().getResourceAsStream("META-INF/openapi.yaml")) {
            assertTrue(in != null, "META-INF/openapi.yaml of the platform's WAR");
            Map<String, Object> doc = new Yaml().load(in);
            Map<String, Object> paths = (Map<String, Object>) doc.get("paths");
            Set<String> ops = new TreeSet<>();
            paths.forEach((p, item) -> ((Map<String, Object>) item).keySet().stream()
                    .filter(k -> HTTP.contains(k.toUpperCase(Locale.ROOT)))
                    .forEach(k -> ops.add(k.toUpperCase(Locale.ROOT) + " " + path(p))));
            return ops;
        }
    }

    /** One form for a path: a leading slash, none trailing or doubled, parameters without their pattern. */
    static String path(String raw) {
        String p = ("/" + raw).replaceAll("\\{\\s*(\\w+)\\s*:(?:[^{}]|\\{[^}]*})*}", "{$1}").replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    @Test
    void pathsAreComparedInOneForm() {
        assertEquals("/api/t/{unit}/notices/{id}", path("api/t/{unit}/notices//{id: [0-9]+}/"));
        assertEquals("/", path(""));
        assertEquals("/api/calendar/{year}/proposal", path("api/calendar/{year: [0-9]{4}}/proposal"));
        assertEquals("/me/tokens/{id}/revoke", path("me/tokens/{id}/revoke"));
    }
}
