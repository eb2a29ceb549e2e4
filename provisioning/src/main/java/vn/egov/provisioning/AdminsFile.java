package vn.egov.provisioning;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import vn.egov.platform.security.Passwords;

/**
 * The import's file of first administrators ({@code unit_code,username,one_time_password_or_invitation}, mode 0600).
 * A unit's line is written, and forced to the disk, <em>before</em> the request that creates the unit is sent, with
 * the one-time password or invitation token the import itself made: whatever becomes of the request (an answer lost,
 * the import killed), the credential is already kept. A unit keeps its first line: a re-run sends the same credential
 * for a unit not created yet, and a unit created by the lost request of an earlier run is answered as already there,
 * its line still right.
 */
final class AdminsFile implements AutoCloseable {
    static final String HEADER = "unit_code,username,one_time_password_or_invitation\n";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** One first administrator: a one-time password, or ({@code invitation}) the link's token. */
    record Admin(String unitCode, String username, String secret, boolean invitation) {
    }

    private final Path path;
    private final String baseUrl;
    private final Map<String, Admin> byUnit = new LinkedHashMap<>();
    private final FileChannel channel;

    /** Opens (or creates, owner-only) the file and reads the lines of earlier runs. */
    AdminsFile(Path path, String baseUrl) throws IOException {
        this.path = path;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        if (!Files.exists(path)) {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.setPosixFilePermissions(path, OWNER_ONLY);
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                String[] f = line.split(",", -1);
                if (f.length == 3 && !line.equals(HEADER.strip()) && !f[0].isBlank()) {
                    int link = f[2].lastIndexOf("/invitation/");
                    byUnit.putIfAbsent(f[0], link >= 0 ? new Admin(f[0], f[1], f[2].substring(link + "/invitation/".length()), true)
                            : new Admin(f[0], f[1], f[2], false));
                }
            }
        }
        channel = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        if (Files.size(path) == 0) {
            append(HEADER);
        }
    }

    Path path() {
        return path;
    }

    /** Whether an earlier run wrote a line for the unit. */
    synchronized boolean has(String unitCode) {
        return byUnit.containsKey(unitCode);
    }

    /**
     * The first administrators of these units: an earlier run's line where there is one, else a new credential
     * (a one-time password or, with {@code invite}, an invitation token: SecureRandom), written and forced to the
     * disk before this returns.
     */
    synchronized List<Admin> reserve(List<String> unitCodes, Function<String, String> username, boolean invite) throws IOException {
        StringBuilder lines = new StringBuilder();
        List<Admin> admins = new java.util.ArrayList<>();
        for (String code : unitCodes) {
            Admin a = byUnit.get(code);
            if (a == null) {
                a = new Admin(code, username.apply(code), invite ? token() : Passwords.oneTimePassword(), invite);
                lines.append(line(a));
            }
            admins.add(a);
        }
        if (!lines.isEmpty()) {
            append(lines.toString());
            admins.forEach(a -> byUnit.putIfAbsent(a.unitCode(), a));
        }
        return admins;
    }

    private String line(Admin a) {
        return a.unitCode() + "," + a.username() + "," + (a.invitation() ? baseUrl + "/invitation/" + a.secret() : a.secret()) + "\n";
    }

    private void append(String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        channel.force(true);
    }

    /** 256 random bits, base64url (what the server expects of an invitation token). */
    static String token() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
