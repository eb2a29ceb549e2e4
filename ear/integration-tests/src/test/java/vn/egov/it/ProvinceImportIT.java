package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A second province made with the packaged operator's tool ({@code egov add-province}, the real jar in its own
 * process), its administrator importing a master catalogue, then its units imported with {@code egov import-units}
 * killed in the middle of a run and run again: every unit's first administrator has a line and logs in with it, the
 * re-run reports what was there without a 409, and no unit is half made.
 */
class ProvinceImportIT extends DeployedEar {
    private static final Path PROJECT = Path.of(System.getProperty("egov.projectDir", "../..")).toAbsolutePath().normalize();
    private static final Path CLI = PROJECT.resolve("provisioning/target/egov-cli.jar");

    record Run(int exit, String output) {
    }

    /** Starts the packaged CLI (the tests' environment: --env it, the same EGOV_IT_* variables as this JVM). */
    private static Process start(Path log, String stdin, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", CLI.toString(), "--project-dir", PROJECT.toString(), "--env", "it"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        return p;
    }

    private static Run run(String stdin, String... args) throws Exception {
        Path log = Files.createTempFile("egov-cli", ".log");
        Process p = start(log, stdin, args);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the CLI ends");
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        return new Run(p.exitValue(), out);
    }

    private static long count(String sql, Object... args) throws Exception {
        try (Connection c = Fixtures.db().owner(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A two-digit GSO code no unit holds (there are few: a database that outlived many runs may have none left). */
    private static String freeProvinceGso() throws Exception {
        try (Connection c = Fixtures.db().owner(); PreparedStatement ps = c.prepareStatement("SELECT g::text FROM generate_series(11, 99) g "
                + "WHERE NOT EXISTS (SELECT 1 FROM tenant WHERE gso_code = g::text) ORDER BY random() LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void aNewProvinceImportsItsCatalogueAndItsUnitsThroughAKilledRun() throws Exception {
        String tag = Integer.toString(Fixtures.freeGsoCodes(50000, 4000, 42));
        String code = "tinh-thu-" + tag;
        String gso = freeProvinceGso();
        Path dir = Files.createTempDirectory("province");

        // bad input: a clear message, nothing created
        long units = count("SELECT count(*) FROM tenant");
        Run badCode = run("", "add-province", "--code", "Tỉnh Sai", "--name", "Tỉnh Sai");
        assertEquals(2, badCode.exit(), badCode.output());
        assertTrue(badCode.output().contains("mã đơn vị") && badCode.output().contains("không có gì được tạo"), badCode.output());
        Run taken = run("", "add-province", "--code", Fixtures.PROVINCE, "--name", "Tỉnh Trùng");
        assertEquals(1, taken.exit(), taken.output());
        assertTrue(taken.output().contains("đã có đơn vị mã " + Fixtures.PROVINCE), taken.output());
        String laoCaiGso = Api.anonymous().get("/api/tenants/" + Fixtures.PROVINCE).json().getString("gsoCode", "10");
        Run gsoTaken = run("", "add-province", "--code", code, "--name", "Tỉnh Thử " + tag, "--gso", laoCaiGso);
        assertEquals(1, gsoTaken.exit(), gsoTaken.output());
        assertTrue(gsoTaken.output().contains("đã có đơn vị mang mã GSO " + laoCaiGso), gsoTaken.output());
        Run badGso = run("", "add-province", "--code", code, "--name", "Tỉnh Thử " + tag, "--gso", "123");
        assertEquals(2, badGso.exit(), badGso.output());
        assertEquals(units, count("SELECT count(*) FROM tenant"), "nothing was created");

        // the province, its first administrator's one-time password in a new owner-only file
        Path provinceFile = dir.resolve("province.csv");
        List<String> args = new ArrayList<>(List.of("add-province", "--code", code, "--name", "Tỉnh Thử " + tag,
                "--credentials", provinceFile.toString(), "--actor", "it-operator"));
        if (gso != null) {
            args.addAll(List.of("--gso", gso));
        }
        Run added = run("", args.toArray(String[]::new));
        assertEquals(0, added.exit(), added.output());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(provinceFile)));
        String[] adminLine = Files.readAllLines(provinceFile).get(1).split(",");
        assertEquals("qt." + code, adminLine[1]);
        assertFalse(added.output().contains(adminLine[2]), "the password went to the file only");
        Api province = Fixtures.choosePassword(adminLine[1], adminLine[2]);
        var unit = Api.anonymous().get("/api/tenants/" + code).json();
        assertEquals("province", unit.getString("kind"));
        assertTrue(!unit.containsKey("parent") || unit.isNull("parent"), unit.toString());
        var settings = province.get("/api/t/" + code + "/settings").json();
        assertEquals("Tỉnh Thử " + tag, settings.getString("displayName"));
        assertEquals("Tỉnh Thử " + tag, settings.getString("mailSenderName"));
        String audit = province.get("/api/t/" + code + "/audit?action=unit.provisioned").body();
        assertTrue(audit.contains("it-operator") && audit.contains("egov add-province"), audit);
        assertTrue(province.get("/api/t/" + code + "/notices").body().contains("Chào mừng"), "the notices module's welcome");

        // its master catalogue: 200, not 403 (its id is above 127: ids were compared as Long references)
        String procedure = ProceduresIT.code();
        Api.Response imported = province.post("/api/t/" + code + "/procedures/import",
                "[" + ProceduresIT.procedure(procedure, "Đăng ký khai sinh", "commune", 1, 1, "") + "]");
        assertEquals(200, imported.status(), imported.toString());
        assertEquals(code, Api.anonymous().get("/api/t/" + code + "/procedures/" + procedure).json().getString("owner"));

        // a bad one-time password in a batch: 400 naming the field, nothing created; and only from those who may create
        String probe = "xa-do-" + tag;
        String badBatch = "[{\"parent\":\"" + code + "\",\"unit\":{\"code\":\"" + probe + "\",\"name\":\"Xã Dò\",\"kind\":\"commune\","
                + "\"firstAdmin\":{\"username\":\"qt." + probe + "\",\"displayName\":\"Quản trị\",\"oneTimePassword\":\"ngắn\"}}}]";
        Api.Response refused = province.post("/api/t/" + code + "/units/batch", badBatch);
        assertEquals(400, refused.status(), refused.toString());
        assertTrue(refused.json().containsKey("fields") && refused.json().getJsonObject("fields").containsKey("oneTimePassword"), refused.body());
        assertEquals(404, Api.anonymous().get("/api/tenants/" + probe).status());
        Api lao = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"), Fixtures.PASSWORD);
        assertEquals(403, lao.post("/api/t/" + code + "/units/batch", badBatch.replace("ngắn", "Abcdefgh12345678")).status(),
                "another province's administrator cannot create units here, with or without a password");

        // 1 district and 40 communes, in batches of 4, one at a time; killed after the third batch was written down
        StringBuilder csv = new StringBuilder("gso_code,name,unit_type,level,parent_gso_code\n");
        int base = Integer.parseInt(tag);
        csv.append(base).append(",Huyện Thử ").append(tag).append(",Huyện,district,\n");
        for (int i = 1; i <= 40; i++) {
            csv.append(base + i).append(",Xã Thử ").append(tag).append(" Số ").append(i).append(",Xã,commune,").append(base).append('\n');
        }
        Path file = dir.resolve("units.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        Path credentials = dir.resolve("units.csv.admins.csv");
        String[] importArgs = {"import-units", "--url", Api.baseUrl(), "--user", adminLine[1], "--parent", code,
                "--file", file.toString(), "--password-stdin", "--batch", "4", "--parallel", "1"};
        Path log = dir.resolve("first.log");
        Process first = start(log, Fixtures.PASSWORD + "\n", importArgs);
        // probed every 10 ms not to miss the moment; after 2 minutes it is killed wherever it is, as before (no failure here)
        Wait.untilOrLast("the first run to have written down three batches (or ended)", Duration.ofMinutes(2), Duration.ofMillis(10),
                () -> !first.isAlive() || (Files.exists(credentials) && Files.readAllLines(credentials).size() >= 1 + 12), done -> done);
        assertTrue(first.isAlive(), "killed in the middle of the run: " + Files.readString(log));
        first.destroyForcibly().waitFor();
        long afterKill = count("SELECT count(*) FROM tenant WHERE gso_code ~ '^[0-9]{5}$' AND gso_code::int BETWEEN ? AND ?", base, base + 40);
        assertTrue(afterKill < 41, "the first run did not finish: " + afterKill);
        wholeOrNothing(code);

        // the re-run, at once (a batch of the killed run may still be committing): no 409, what exists is reported
        Run again = run(Fixtures.PASSWORD + "\n", importArgs);
        System.out.println("killed after " + afterKill + " of 41 units; the re-run said:\n" + again.output());
        assertEquals(0, again.exit(), again.output());
        // a 409 as a word (the temporary folder's random name may hold the digits 409, as it once did)
        assertFalse(java.util.regex.Pattern.compile("\\b409\\b").matcher(again.output()).find(), again.output());
        var summary = java.util.regex.Pattern.compile("đã tạo (\\d+), đã có (\\d+), lỗi hoặc chưa thử 0").matcher(again.output());
        assertTrue(summary.find(), again.output());
        assertEquals(41, Integer.parseInt(summary.group(1)) + Integer.parseInt(summary.group(2)), again.output());
        assertTrue(Integer.parseInt(summary.group(2)) >= 8, "the batches written before the kill were there: " + again.output());
        assertTrue(again.output().contains(", 0 đơn vị không có"), "every unit already there has its line: " + again.output());

        // every unit has exactly one line, and its first administrator logs in with it
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)));
        List<String> lines = Files.readAllLines(credentials);
        Map<String, String[]> byUnit = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            assertEquals(null, byUnit.put(f[0], f), "one line per unit: " + f[0]);
        }
        assertEquals(41, byUnit.size(), lines.toString());
        assertEquals(41, count("SELECT count(*) FROM tenant WHERE gso_code ~ '^[0-9]{5}$' AND gso_code::int BETWEEN ? AND ?", base, base + 40));
        for (String[] f : byUnit.values()) {
            assertEquals(200, Api.anonymous().get("/api/tenants/" + f[0]).status(), f[0]);
            Api.Response me = Api.as(f[1], f[2]).get("/api/me");
            assertEquals(200, me.status(), f[0] + " " + me);
        }
        wholeOrNothing(code);

        // invitations are written down first too: the link in the file works
        String inviteCsv = "gso_code,name,unit_type,level,parent_gso_code\n" + (base + 41) + ",Xã Mời " + tag + ",Xã,commune," + base + "\n";
        Path inviteFile = dir.resolve("invite.csv");
        Files.writeString(inviteFile, inviteCsv, StandardCharsets.UTF_8);
        Run invited = run(Fixtures.PASSWORD + "\n", "import-units", "--url", Api.baseUrl(), "--user", adminLine[1], "--parent", code,
                "--file", inviteFile.toString(), "--password-stdin", "--invite");
        assertEquals(0, invited.exit(), invited.output());
        String[] link = Files.readAllLines(dir.resolve("invite.csv.admins.csv")).get(1).split(",");
        assertTrue(link[2].startsWith(Api.baseUrl() + "/invitation/"), link[2]);
        String path = java.net.URI.create(link[2]).getPath();
        Api.Response accepted = Api.anonymous().send("POST", path, "password=" + enc(Fixtures.PASSWORD) + "&confirm=" + enc(Fixtures.PASSWORD),
                "application/x-www-form-urlencoded", "text/html");
        assertEquals(200, accepted.status(), accepted.toString());
        assertEquals(200, Api.as(link[1], Fixtures.PASSWORD).get("/api/me").status());
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Every unit of the province's tree is whole: settings, its first administrator, the audit entry, the modules' rows. */
    private static void wholeOrNothing(String province) throws Exception {
        try (Connection c = Fixtures.db().owner()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT set_config('app.tenant_id', (SELECT id FROM tenant WHERE code = ?)::text, true), "
                    + "set_config('app.subtree', 'on', true)")) {
                ps.setString(1, province);
                ps.executeQuery().close();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT t.code, "
                    + "(SELECT count(*) FROM unit_setting s WHERE s.tenant_id = t.id), "
                    + "(SELECT count(*) FROM app_user u WHERE u.tenant_id = t.id), "
                    + "(SELECT count(*) FROM audit_entry a WHERE a.tenant_id = t.id AND a.action = 'unit.provisioned'), "
                    + "(SELECT count(*) FROM portal_category p WHERE p.tenant_id = t.id), "
                    + "(SELECT count(*) FROM notice n WHERE n.tenant_id = t.id) "
                    + "FROM tenant t WHERE t.path <@ (SELECT path FROM tenant WHERE code = ?)")) {
                ps.setString(1, province);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String what = rs.getString(1) + ": settings " + rs.getLong(2) + ", users " + rs.getLong(3) + ", audit "
                                + rs.getLong(4) + ", categories " + rs.getLong(5) + ", notices " + rs.getLong(6);
                        assertEquals(rs.getString(1) + ": settings 1, users 1, audit 1, categories 2, notices 1", what);
                    }
                }
            }
            c.rollback();
        }
    }
}
