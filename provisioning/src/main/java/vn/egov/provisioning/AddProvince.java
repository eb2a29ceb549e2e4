package vn.egov.provisioning;

import vn.egov.platform.persistence.ConnectionScope;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.egov.platform.security.Passwords;
import vn.egov.platform.tenancy.UnitDefaults;
import vn.egov.platform.tenancy.UnitProvisioned;

/**
 * {@code egov add-province}: a new root of the tree (a province), as the database owner, since no administrator's
 * scope reaches above a root. One transaction: the unit, its settings (display name and mail sender name), its first
 * administrator (PROVINCE_ADMIN over the whole new tree, with a one-time password to change at first login), what the
 * modules give a new unit ({@link UnitDefaults}: the portal's categories and introduction page, the welcome notice and
 * its search entry) and the audit entry. Anything wrong (a code or GSO code taken, a bad value) and nothing is created.
 */
@Command(name = "add-province")
final class AddProvince implements Callable<Integer> {
    static final String CODE = "^[a-z0-9]+(-[a-z0-9]+)*$";
    static final String USERNAME = "^[a-z0-9][a-z0-9._-]{2,63}$";

    @CommandLine.ParentCommand Egov parent;

    @Option(names = "--code", required = true)
    String code;

    @Option(names = "--name", required = true)
    String name;

    @Option(names = "--gso")
    String gso;

    @Option(names = "--admin")
    String admin;

    @Option(names = "--admin-name")
    String adminName;

    @Option(names = "--credentials")
    Path credentials;

    @Option(names = "--actor", defaultValue = "operator")
    String actor;

    @Override
    public Integer call() throws Exception {
        name = name == null ? "" : Units.nfc(name);
        String username = admin == null ? ImportUnits.adminUsername(code == null ? "" : code) : admin.strip();
        String displayName = adminName == null ? Said.text("importUnits.adminName", name) : Units.nfc(adminName);
        List<String> bad = check(username, displayName);
        if (!bad.isEmpty()) {
            bad.forEach(b -> System.err.println("egov: " + b));
            System.err.println("egov: " + Said.text("addProvince.nothingCreated"));
            return 2;
        }
        Log log = new Log(System.out);
        Database db = new Database(Postgres.locate(parent.work(), log), parent.settings());
        String password = Passwords.oneTimePassword();
        try (Connection owner = db.owner()) {
            owner.setAutoCommit(false);
            try {
                List<String> taken = taken(owner);
                if (!taken.isEmpty()) {
                    owner.rollback();
                    taken.forEach(b -> System.err.println("egov: " + b));
                    System.err.println("egov: " + Said.text("addProvince.nothingCreated"));
                    return 1;
                }
                Created created = create(owner, username, displayName, password);
                if (credentials != null) {
                    write(credentials, "unit_code,username,one_time_password_or_invitation\n" + code + "," + username + "," + password + "\n");
                }
                try {
                    owner.commit();
                } catch (SQLException e) {
                    if (credentials != null) {
                        Files.deleteIfExists(credentials);
                    }
                    throw e;
                }
                log.say("addProvince.created", code, created.id(), created.path(), String.join(", ", created.defaults()));
                log.raw(credentials != null ? Said.text("addProvince.adminInFile", username, credentials)
                        : Said.text("addProvince.adminPassword", username, password));
                log.raw(Said.text("addProvince.seen"));
                return 0;
            } catch (SQLException e) {
                owner.rollback();
                if ("23505".equals(e.getSQLState())) { // taken meanwhile: the same words as the checks before
                    System.err.println("egov: " + duplicate(String.valueOf(e.getMessage()), username));
                    System.err.println("egov: " + Said.text("addProvince.nothingCreated"));
                    return 1;
                }
                throw e;
            } catch (IOException | RuntimeException e) {
                owner.rollback();
                throw e;
            }
        }
    }

    record Created(long id, String path, List<String> defaults) {
    }

    /** Everything of the new province, in the caller's transaction. */
    private Created create(Connection c, String username, String displayName, String password) throws SQLException {
        long id;
        String path;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tenant (code, gso_code, name, kind, parent_id) "
                + "VALUES (?, ?, ?, 'province', NULL) RETURNING id, path::text")) {
            ps.setString(1, code);
            ps.setString(2, gso);
            ps.setString(3, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
                path = rs.getString(2);
            }
        }
        // the other tables are under FORCE row-level security, the owner too: the new province's whole scope
        ConnectionScope.bind(c, id, true);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO unit_setting (tenant_id, display_name, mail_sender_name) VALUES (?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, name);
            ps.setString(3, name);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO app_user (tenant_id, username, display_name, password_hash, roles, "
                + "subtree_rights, must_change_password) VALUES (?, ?, ?, ?, ARRAY['PROVINCE_ADMIN'], true, true)")) {
            ps.setLong(1, id);
            ps.setString(2, username);
            ps.setString(3, displayName);
            ps.setString(4, Passwords.hash(password));
            ps.executeUpdate();
        }
        List<String> defaults = new ArrayList<>();
        UnitProvisioned event = new UnitProvisioned(id, code, path, "province", actor);
        for (UnitDefaults d : ServiceLoader.load(UnitDefaults.class, AddProvince.class.getClassLoader())) {
            d.apply(c, event);
            defaults.add(d.getClass().getName().replaceFirst("^.*\\.", ""));
        }
        JsonObjectBuilder after = Json.createObjectBuilder().add("code", code).add("name", name).add("kind", "province")
                .add("firstAdmin", username).add("tool", "egov add-province");
        if (gso != null) {
            after.add("gsoCode", gso);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_entry (tenant_id, actor, action, target, after_state) "
                + "VALUES (?, ?, 'unit.provisioned', ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, actor);
            ps.setString(3, code);
            ps.setString(4, after.build().toString());
            ps.executeUpdate();
        }
        return new Created(id, path, defaults);
    }

    /** The values' form, before touching the database. */
    private List<String> check(String username, String displayName) {
        List<String> bad = new ArrayList<>();
        if (code == null || code.length() > 63 || !code.matches(CODE)) {
            bad.add(Said.text("addProvince.code", code));
        }
        if (name.isBlank() || name.length() > 200) {
            bad.add(Said.text("addProvince.name"));
        }
        if (gso != null && !gso.matches("^[0-9]{2}$")) {
            bad.add(Said.text("addProvince.gso"));
        }
        if (!username.matches(USERNAME)) {
            bad.add(Said.text("addProvince.admin", username));
        }
        if (displayName.isBlank() || displayName.length() > 200) {
            bad.add(Said.text("addProvince.adminName"));
        }
        if (credentials != null && Files.exists(credentials)) {
            bad.add(Said.text("addProvince.credentials", credentials));
        }
        return bad;
    }

    /** What the database already holds of the new province's code, former codes, GSO code and username. */
    private List<String> taken(Connection c) throws SQLException {
        List<String> taken = new ArrayList<>();
        if (exists(c, "SELECT 1 FROM tenant WHERE code = ?", code)) {
            taken.add(Said.text("addProvince.codeTaken", code));
        } else if (exists(c, "SELECT 1 FROM unit_history WHERE old_code = ?", code)) {
            taken.add(Said.text("addProvince.formerCode", code));
        }
        if (gso != null && exists(c, "SELECT 1 FROM tenant WHERE gso_code = ?", gso)) {
            taken.add(Said.text("addProvince.gsoTaken", gso));
        }
        return taken;
    }

    private static String duplicate(String message, String username) {
        return message.contains("gso_code") ? Said.text("addProvince.gsoTakenMeanwhile")
                : message.contains("username") ? Said.text("addProvince.usernameTaken", username)
                : Said.text("addProvince.codeTakenMeanwhile");
    }

    private static boolean exists(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** A new file only its owner reads, written through to the disk. */
    static void write(Path file, String text) throws IOException {
        try (FileChannel ch = FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            ch.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        }
    }
}
