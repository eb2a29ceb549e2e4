package vn.egov.provisioning;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One environment of the platform on this machine: {@code run} (what a person uses) or {@code it} (what the
 * integration tests use). Each has its own database, roles and Payara domain; they share the PostgreSQL
 * server, the unpacked Payara and the work folder.
 *
 * @param work       the work folder (Payara, embedded PostgreSQL data, secrets, logs)
 * @param env        environment name, a lower-case word
 * @param database   database name
 * @param rolePrefix prefix of the three roles ({@code _owner}, {@code _app}, {@code _auth})
 * @param domain     Payara domain name
 * @param portBase   Payara port base (admin = base + 48, HTTP = base + 80)
 */
public record Settings(Path work, String env, String database, String rolePrefix, String domain, int portBase) {
    public Settings {
        Objects.requireNonNull(work, "work");
        if (!env.matches("[a-z]+") || !database.matches("[a-z_]+") || !rolePrefix.matches("[a-z_]+")) {
            throw new IllegalArgumentException("names are lower-case words");
        }
    }

    public static Settings run(Path work) {
        return new Settings(work, "run", env("EGOV_DB", "egov"), env("EGOV_ROLE_PREFIX", "egov"), env("EGOV_DOMAIN", "egov"),
                intEnv("EGOV_PORTBASE", 8000));
    }

    public static Settings it(Path work) {
        return new Settings(work, "it", env("EGOV_IT_DB", "egov_it"), env("EGOV_IT_ROLE_PREFIX", "egov_it"), "egov-it",
                intEnv("EGOV_IT_PORTBASE", 28000));
    }

    /**
     * A second node of the 'it' environment (its own Payara domain, port base + 100, the same database, secrets and
     * data grid), for the tests that need two nodes.
     */
    public static Settings itSecondNode(Path work) {
        Settings it = it(work);
        return new Settings(work, it.env(), it.database(), it.rolePrefix(), "egov-it-b", it.portBase() + 100);
    }

    /** The port of the platform's own Solr node (when no Solr is configured with EGOV_SOLR_URL). */
    public int solrPort() { return portBase + 83; }

    /** The port of this domain's data grid member (Hazelcast on the DAS). */
    public int gridPort() { return portBase + 90; }

    /**
     * The data grid's members when they are listed (TCP/IP discovery): the 'it' environment's two possible nodes,
     * which must find each other; null elsewhere (Payara's default discovery, each domain its own grid).
     */
    public String gridMembers() {
        if (!"it".equals(env)) {
            return null;
        }
        int first = it(work).portBase();
        return "127.0.0.1:" + (first + 90) + ",127.0.0.1:" + (first + 190);
    }

    public String ownerRole() { return rolePrefix + "_owner"; }
    public String appRole() { return rolePrefix + "_app"; }
    public String authRole() { return rolePrefix + "_auth"; }
    public String indexerRole() { return rolePrefix + "_indexer"; }
    public int adminPort() { return portBase + 48; }
    public int httpPort() { return portBase + 80; }
    public Path envDir() { return work.resolve(env); }
    public Path secrets() { return envDir().resolve("secrets.properties"); }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    static int intEnv(String name, int fallback) {
        return Integer.parseInt(env(name, Integer.toString(fallback)));
    }
}
