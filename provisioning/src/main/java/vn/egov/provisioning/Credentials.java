package vn.egov.provisioning;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The password of a CLI command that talks to the platform's API: EGOV_PASSWORD, standard input, or typed. */
final class Credentials {
    private Credentials() {
    }

    /** The password, or empty (and a message on standard error) when there is no way to get one. */
    static Optional<String> password(String user, boolean fromStdin) throws IOException {
        String password = System.getenv("EGOV_PASSWORD");
        if (fromStdin) {
            password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        if (password == null && System.console() != null) {
            password = new String(System.console().readPassword("%s", Said.text("password.prompt", user)));
        }
        if (password == null) {
            System.err.println("egov: " + Said.text("password.none"));
        }
        return Optional.ofNullable(password);
    }
}
