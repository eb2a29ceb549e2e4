package vn.egov.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import vn.egov.provisioning.Settings;

/**
 * The operator's tool as shipped: {@code provisioning/target/egov-cli.jar} run as a process of its own (not classes on
 * the test class path), pointed at the test environment's database (its name and roles in the environment, its
 * secrets copied to a work folder of the tool's own).
 */
final class Cli {
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- out:\n" + out + "\n--- err:\n" + err;
        }
    }

    private Cli() {
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("egov.projectDir", "../..")).resolve("provisioning/target/egov-cli.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the packaged tool is missing: " + jar + " (build the project first)");
        }
        return jar;
    }

    static Result run(String... args) throws Exception {
        Settings it = ItEnvironment.platform().settings();
        Path work = Files.createTempDirectory("egov-cli-");
        Files.createDirectories(work.resolve("run"));
        Files.copy(it.secrets(), work.resolve("run/secrets.properties"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar().toString(), "--work", work.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("EGOV_DB", it.database());
        pb.environment().put("EGOV_ROLE_PREFIX", it.rolePrefix());
        Path out = work.resolve("out.txt");
        Path err = work.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("the tool did not finish in 5 minutes: " + String.join(" ", args));
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
