package vn.egov.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.UUID;
import vn.egov.provisioning.Database;
import vn.egov.provisioning.Users;

/** Test data written straight into the 'it' database as the owner (under the unit's scope, as RLS requires). */
public final class Fixtures {
    public static final String PASSWORD = "Mật-khẩu-thử-1234";

    /** Units of the reference tree chosen for their relations. */
    public static final String PROVINCE = "lao-cai";
    public static final String DISTRICT = "huyen-bat-xat";
    public static final String COMMUNE = "xa-quang-kim";          // in Bát Xát
    public static final String SIBLING_COMMUNE = "xa-ban-qua";    // also in Bát Xát
    public static final String COUSIN_COMMUNE = "xa-ban-phiet";   // in Bảo Thắng
    public static final String COUSIN_DISTRICT = "huyen-bao-thang";

    private Fixtures() {
    }

    public static Database db() {
        return ItEnvironment.platform().database();
    }

    /** A new user with a unique name; returns the username. */
    public static String user(String unit, boolean subtree, String... roles) {
        String username = ("t" + UUID.randomUUID().toString().substring(0, 8) + "-" + roles[0]).toLowerCase(Locale.ROOT);
        try (Connection owner = db().owner()) {
            if (!Users.create(owner, unit, username, "Người dùng thử " + username, PASSWORD, roles, subtree)) {
                throw new IllegalStateException("user " + username + " exists");
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return username;
    }

    /** Logs in with a one-time password, chooses {@link #PASSWORD} as the new one, and returns a client using it. */
    public static Api choosePassword(String username, String oneTimePassword) {
        Api.Response changed = Api.as(username, oneTimePassword).post("/api/me/password",
                "{\"currentPassword\":\"" + oneTimePassword + "\",\"newPassword\":\"" + PASSWORD + "\"}");
        if (changed.status() != 200) {
            throw new IllegalStateException("password change failed: " + changed);
        }
        return Api.as(username, PASSWORD);
    }

    public static String staff(String unit) {
        return user(unit, false, "STAFF");
    }

    /** A staff member of a small unit who holds every one-stop duty: receives, handles and signs (ends every step). */
    public static String oneStop(String unit) {
        return user(unit, false, "STAFF", "RECEIVER", "HANDLER", "LEADER");
    }

    /**
     * The owner's connection in a transaction scoped to the whole province (tenant tables force their policies on the
     * owner too); the caller commits.
     */
    public static Connection provinceScoped() throws Exception {
        Connection c = db().owner();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT set_config('app.tenant_id', (SELECT id FROM tenant WHERE code = 'lao-cai')::text, true), "
                        + "set_config('app.subtree', 'on', true)")) {
            ps.executeQuery().close();
        }
        return c;
    }

    /** Runs a count as the owner with the given unit scope (whole subtree), bypassing nothing. */
    public static long countNotices(String where, Object... args) {
        try (Connection c = provinceScoped()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM notice WHERE " + where)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long n = rs.getLong(1);
                    c.commit();
                    return n;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The first of {@code width} consecutive GSO codes, at {@code from + 10k} for a random k below {@code slots}, none of
     * which any unit holds yet: the test database keeps earlier runs' units, so a random block alone collides sooner or later.
     */
    public static int freeGsoCodes(int from, int slots, int width) {
        try (Connection c = db().owner();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM tenant WHERE gso_code ~ '^[0-9]+$' AND gso_code::int BETWEEN ? AND ?")) {
            for (int attempt = 0; attempt < 100; attempt++) {
                int base = from + java.util.concurrent.ThreadLocalRandom.current().nextInt(slots) * 10;
                ps.setInt(1, base);
                ps.setInt(2, base + width - 1);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return base;
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("no free block of " + width + " GSO codes from " + from + " after 100 tries");
    }

    public static long tenantId(String code) {
        try (Connection c = db().owner(); PreparedStatement ps = c.prepareStatement("SELECT id FROM tenant WHERE code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no unit " + code);
                }
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
