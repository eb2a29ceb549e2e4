package vn.egov.provisioning;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/** The whole platform of one environment, brought up or down in order. Used by the CLI and the tests. */
public final class Platform {
    public static final String APP_NAME = "egov";
    public static final String ADMIN_USERNAME = "admin";

    private final Path projectDir;
    private final Settings settings;
    private final Log log;
    private PgServer pg;
    private Database db;
    private Platform searchOwner;

    public Platform(Path projectDir, Settings settings, Log log) {
        this.projectDir = projectDir.toAbsolutePath().normalize();
        this.settings = settings;
        this.log = log;
    }

    public Path payaraZip() { return projectDir.resolve("provisioning/target/payara/payara.zip"); }
    public Path jdbcDriver() { return projectDir.resolve("provisioning/target/payara/postgresql.jar"); }
    public Path ear() { return projectDir.resolve("ear/egov-ear/target/egov.ear"); }
    public Settings settings() { return settings; }
    public Database database() { return db; }
    /** The environment's search server (the platform's own Solr node unless EGOV_SOLR_URL or EGOV_SOLR_CLOUD name one). */
    public Solr solr() { return searchOwner != null ? searchOwner.solr() : new Solr(projectDir, settings, log); }

    /**
     * This node uses the search server of {@code first} (another node of the same environment) and leaves its
     * starting and stopping to it: one Solr per environment, not per node.
     */
    public Platform sharingSearchWith(Platform first) {
        this.searchOwner = first;
        return this;
    }

    /** PostgreSQL, roles, database, migrations, reference units, the province administrator. */
    public void upDatabase() throws IOException, InterruptedException, SQLException {
        pg = Postgres.locate(settings.work(), log);
        db = new Database(pg, settings);
        db.ensure(log);
        db.migrate(log);
        try (Connection owner = db.owner()) {
            Units.loadReference(owner, log);
            ensureAdmin(owner);
        }
    }

    private void ensureAdmin(Connection owner) throws SQLException {
        String given = System.getenv("EGOV_ADMIN_PASSWORD");
        String password = given == null || given.isBlank() ? Secrets.generate(16) : given;
        boolean created = Users.create(owner, "lao-cai", ADMIN_USERNAME, Said.text("admin.displayName"), password,
                new String[] {"PROVINCE_ADMIN"}, true, given == null || given.isBlank());
        if (created) {
            log.raw("");
            log.raw("  " + (given == null || given.isBlank() ? Said.text("admin.created", ADMIN_USERNAME, password)
                    : Said.text("admin.createdGiven", ADMIN_USERNAME)));
            log.raw("");
        } else {
            log.say("admin.exists", ADMIN_USERNAME);
        }
    }

    /** Payara with its pool; the EAR deployed when {@code deploy} and it changed since the last deploy. */
    public void upServer(boolean deploy) throws IOException, InterruptedException {
        require(payaraZip(), Said.text("missing.payara"));
        require(jdbcDriver(), Said.text("missing.driver"));
        Payara payara = new Payara(settings.work(), settings, log);
        payara.ensureRunning(payaraZip(), jdbcDriver());
        payara.ensurePool(pg, settings.appRole(), db.appPassword());
        searchIndex(payara);
        nationalIdentity(payara);
        outsideSystems(payara);
        if (deploy) {
            deployIfChanged(payara);
        }
    }

    /** The search index: the platform's own Solr node (or the one configured), told to the application. */
    private void searchIndex(Payara payara) throws IOException, InterruptedException {
        Solr solr = solr();
        solr.ensureRunning();
        if (solr.cloudNodes().isBlank()) {
            payara.ensureSystemProperty("egov.solr.url", solr.coreUrl());
        } else {
            payara.ensureSystemProperty("egov.solr.cloud", solr.cloudNodes());
        }
    }

    /**
     * The national identity's OpenID Connect provider: this machine's Keycloak when wanted (one per environment: a second
     * node uses the first node's), else the one configured, else none.
     */
    public Keycloak keycloak() { return searchOwner != null ? searchOwner.keycloak() : new Keycloak(projectDir, settings, log); }

    private void nationalIdentity(Payara payara) throws IOException, InterruptedException {
        Keycloak provider = keycloak();
        payara.ensureSystemProperty("egov.public-url", baseUrl());
        if (provider.wanted()) {
            if (searchOwner == null) {
                provider.ensureRunning(); // a second node of the environment uses the first node's provider, as its Solr
            }
        } else if (System.getenv().getOrDefault("EGOV_OIDC_ISSUER", "").isBlank()) {
            return;
        }
        payara.ensureSystemProperty("egov.oidc.issuer", provider.issuer());
        payara.ensureSystemProperty("egov.oidc.client-id", provider.clientId());
        payara.ensureSystemProperty("egov.oidc.client-secret", provider.clientSecret());
    }

    /**
     * Systems outside the province's walls: the real ones where configured, else (unless switched off) the platform's
     * own simulators, so that a development or test environment exercises the whole path.
     */
    private void outsideSystems(Payara payara) throws IOException, InterruptedException {
        String nationalPortal = System.getenv().getOrDefault("EGOV_NATIONAL_PORTAL_URL", "");
        boolean simulators = !"off".equals(System.getenv().getOrDefault("EGOV_SIMULATORS", "on"));
        payara.ensureSystemProperty("egov.simulators", simulators ? "on" : "off");
        if (!nationalPortal.isBlank() || simulators) {
            payara.ensureSystemProperty("egov.national-portal.url", nationalPortal.isBlank() ? baseUrl() + "/api/sim/national-portal" : nationalPortal);
        }
        // the postal service: its booking endpoint and the token both sides share
        String vnpost = System.getenv().getOrDefault("EGOV_VNPOST_URL", "");
        if (!vnpost.isBlank() || simulators) {
            payara.ensureSystemProperty("egov.vnpost.url", vnpost.isBlank() ? baseUrl() + "/api/sim/vnpost" : vnpost);
            payara.ensureSystemProperty("egov.vnpost.token", System.getenv().getOrDefault("EGOV_VNPOST_TOKEN", "simulator-" + settings.env() + "-" + settings.portBase()));
        }
        // the national document axis (official documents out as edXML, and its reports back): the real one where
        // configured; else, with the simulators, the documents' adapter finds the platform's own simulator by itself
        String axis = System.getenv().getOrDefault("EGOV_DOCUMENT_AXIS_URL", "");
        if (!axis.isBlank()) {
            payara.ensureSystemProperty("egov.document-axis.url", axis);
        }
        String axisToken = System.getenv().getOrDefault("EGOV_DOCUMENT_AXIS_TOKEN", "");
        if (!axisToken.isBlank()) {
            payara.ensureSystemProperty("egov.document-axis.token", axisToken);
        }
        // the payment gateway (VietQR payments to the province's account): its address and the secret its signatures use
        String gateway = System.getenv().getOrDefault("EGOV_PAYMENT_URL", "");
        if (!gateway.isBlank() || simulators) {
            payara.ensureSystemProperty("egov.payment.url", gateway.isBlank() ? baseUrl() + "/api/sim/payments" : gateway);
            payara.ensureSystemProperty("egov.payment.secret", System.getenv().getOrDefault("EGOV_PAYMENT_SECRET", "simulator-" + settings.env() + "-payments"));
            payara.ensureSystemProperty("egov.payment.bin", System.getenv().getOrDefault("EGOV_PAYMENT_BIN", "970405"));
            payara.ensureSystemProperty("egov.payment.account", System.getenv().getOrDefault("EGOV_PAYMENT_ACCOUNT", "3511000000001"));
        }
        // the applicants' e-mail: the province's SMTP server where configured, else (with the simulators) port base + 25
        // on this machine, where the tests' SMTP server or a developer's mail catcher listens
        String smtp = System.getenv().getOrDefault("EGOV_SMTP_HOST", "");
        if (!smtp.isBlank() || simulators) {
            payara.ensureSystemProperty("egov.smtp.host", smtp.isBlank() ? "127.0.0.1" : smtp);
            payara.ensureSystemProperty("egov.smtp.port", smtp.isBlank() ? String.valueOf(settings.portBase() + 25)
                    : System.getenv().getOrDefault("EGOV_SMTP_PORT", "25"));
        }
    }

    /** Deploys the EAR unless it is the one deployed last (same time and size), and waits for the platform to answer. */
    private void deployIfChanged(Payara payara) throws IOException, InterruptedException {
        require(ear(), Said.text("missing.ear"));
        Path stamp = settings.envDir().resolve("deployed-ear.stamp");
        String current = Files.getLastModifiedTime(ear()).toMillis() + ":" + Files.size(ear());
        boolean unchanged = Files.exists(stamp) && Files.readString(stamp).equals(current) && payara.isDeployed(APP_NAME);
        if (unchanged) {
            log.say("payara.unchanged", ear().getFileName());
        } else {
            payara.deploy(ear(), APP_NAME);
            Files.writeString(stamp, current);
        }
        Payara.awaitHttp(baseUrl() + "/api/tenants", Duration.ofMinutes(3));
        log.say("platform.ready");
    }

    /** Removes the application from this environment's domain (the tests use it to leave the domain clean). */
    public void undeploy() throws IOException, InterruptedException {
        new Payara(settings.work(), settings, log).undeploy(APP_NAME);
        Files.deleteIfExists(settings.envDir().resolve("deployed-ear.stamp"));
    }

    public String baseUrl() {
        return "http://localhost:" + settings.httpPort();
    }

    public void stop() throws IOException, InterruptedException {
        new Payara(settings.work(), settings, log).stop();
        if (searchOwner == null) {
            solr().stop();
            keycloak().stop();
        }
    }

    private static void require(Path file, String what) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException(Said.text("missing", what, file));
        }
    }
}
