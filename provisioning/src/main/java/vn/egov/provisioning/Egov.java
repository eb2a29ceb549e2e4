package vn.egov.provisioning;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code egov} command line: {@code up}, {@code stop}, {@code add-user}… Its help (the commands' and options'
 * descriptions, by the keys picocli derives: {@code egov.up.usage.description}, {@code egov.up.database-only}…) is in the
 * tool's Vietnamese bundle, like everything else it says ({@link Said.Help}).
 */
@Command(name = "egov", mixinStandardHelpOptions = true, version = "egov 0.1", modelTransformer = Said.Help.class,
        subcommands = {Egov.Up.class, Egov.Stop.class, Egov.AddUser.class, ImportUnits.class, Reorganise.class, SearchCommand.class,
                AddProvince.class})
public final class Egov implements Runnable {

    @Spec CommandSpec spec;

    @Option(names = "--project-dir", defaultValue = ".")
    Path projectDir;

    @Option(names = "--work")
    Path work;

    @Option(names = "--env", defaultValue = "run")
    String env;

    Path work() { return (work == null ? projectDir.resolve("work") : work).toAbsolutePath().normalize(); }

    /** The settings of the chosen environment (database, roles, secrets). */
    Settings settings() {
        return switch (env) {
            case "run" -> Settings.run(work());
            case "it" -> Settings.it(work());
            default -> throw new CommandLine.ParameterException(spec.commandLine(), Said.text("env.invalid", env));
        };
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "up")
    static final class Up implements Callable<Integer> {
        @CommandLine.ParentCommand Egov parent;

        @Option(names = "--database-only")
        boolean databaseOnly;

        @Override
        public Integer call() throws Exception {
            long t0 = System.nanoTime();
            Log log = new Log(System.out);
            Platform platform = new Platform(parent.projectDir, Settings.run(parent.work()), log);
            platform.upDatabase();
            if (databaseOnly) {
                return 0;
            }
            platform.upServer(true);
            String base = platform.baseUrl();
            log.raw("");
            log.raw("  " + Said.text("up.ready", String.format("%.1f", (System.nanoTime() - t0) / 1e9)));
            for (String key : java.util.List.of("up.home", "up.login", "up.tenants", "up.openapi", "up.health")) {
                log.raw("    " + Said.text(key, base));
            }
            log.raw("    " + Said.text("up.solr", platform.solr().coreUrl()));
            log.raw("  " + Said.text("up.stop"));
            return 0;
        }
    }

    @Command(name = "stop")
    static final class Stop implements Callable<Integer> {
        @CommandLine.ParentCommand Egov parent;

        @Override
        public Integer call() throws Exception {
            Log log = new Log(System.out);
            Platform platform = new Platform(parent.projectDir, Settings.run(parent.work()), log);
            platform.stop();
            if (!Postgres.stopEmbedded(parent.work(), log)) {
                log.say("postgres.leftRunning");
            }
            return 0;
        }
    }

    @Command(name = "add-user")
    static final class AddUser implements Callable<Integer> {
        @CommandLine.ParentCommand Egov parent;
        @Option(names = "--unit", required = true) String unit;
        @Option(names = "--username", required = true) String username;
        @Option(names = "--name", required = true) String name;
        @Option(names = "--role", required = true, split = ",") String[] roles;
        @Option(names = "--subtree") boolean subtree;

        @Override
        public Integer call() throws Exception {
            Log log = new Log(System.out);
            Settings settings = Settings.run(parent.work());
            Database db = new Database(Postgres.locate(parent.work(), log), settings);
            String password = Secrets.generate(16);
            try (java.sql.Connection owner = db.owner()) {
                if (!Users.create(owner, unit, username, Units.nfc(name), password, roles, subtree, true)) {
                    System.err.println("egov: " + Said.text("addUser.exists", username));
                    return 1;
                }
            }
            log.raw(Said.text("addUser.added", username, unit, password));
            return 0;
        }
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new Egov());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // a person reads this: the reason, not a stack trace (EGOV_DEBUG=1 shows it)
            commandLine.getErr().println("egov: " + e.getMessage());
            if (System.getenv("EGOV_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            } else {
                commandLine.getErr().println(Said.text("error.debug"));
            }
            return 1;
        });
        cli.setParameterExceptionHandler(Egov::refused);
        System.exit(cli.execute(args));
    }

    /**
     * A command line picocli could not read: the reason in Vietnamese for the two usual ones (a required option missing,
     * an unknown option or argument), picocli's own words for the rare rest, then the command's usage.
     */
    static int refused(CommandLine.ParameterException e, String[] args) {
        CommandLine where = e.getCommandLine();
        String reason = e.getMessage();
        if (e instanceof CommandLine.MissingParameterException missing) {
            reason = Said.text("cli.missing", missing.getMissing().stream()
                    .map(a -> a instanceof CommandLine.Model.OptionSpec o ? o.longestName() : a.paramLabel())
                    .collect(java.util.stream.Collectors.joining(", ")));
        } else if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            reason = Said.text("cli.unknown", String.join(" ", unmatched.getUnmatched()));
        }
        where.getErr().println("egov: " + reason);
        where.usage(where.getErr());
        return where.getCommandSpec().exitCodeOnInvalidInput();
    }
}
