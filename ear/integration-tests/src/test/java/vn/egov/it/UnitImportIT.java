package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import vn.egov.provisioning.Egov;

/** Units from a GSO-format CSV: validation with line numbers, then the 'egov import-units' command. */
class UnitImportIT extends DeployedEar {

    /** Fresh GSO codes for this run (the test database keeps earlier runs' units). */
    private static String[] codes(int n) {
        int base = Fixtures.freeGsoCodes(40000, 5000, n);
        String[] codes = new String[n];
        for (int i = 0; i < n; i++) {
            codes[i] = Integer.toString(base + i);
        }
        return codes;
    }

    private static Api.Response validate(Api api, String parent, byte[] csv) {
        return validate(api, parent, csv, null);
    }

    /** The same, asking for the answer in {@code language} ({@code Accept-Language}). */
    private static Api.Response validate(Api api, String parent, byte[] csv, String language) {
        return api.send("POST", "/api/t/" + parent + "/units/import/validate", new String(csv, StandardCharsets.UTF_8),
                "text/csv", null, null, language);
    }

    @Test
    void everyBadLineIsListedAndNothingIsCreated() {
        Api province = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"), Fixtures.PASSWORD);
        String[] g = codes(3);
        String csv = "gso_code,name,unit_type,level,parent_gso_code\n"
                + g[0] + ",Xã Có Cha Lạ,Xã,commune,99999\n"
                + g[1] + ",,Xã,commune,\n"
                + g[2] + ",Xã Đúng,Xã,commune,\n";
        Api.Response r = validate(province, Fixtures.COUSIN_DISTRICT, csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(422, r.status(), r.toString());
        assertTrue(r.isProblem());
        JsonArray errors = r.json().getJsonArray("errors");
        assertEquals(2, errors.size(), errors.toString());
        assertEquals(2, errors.getJsonObject(0).getInt("line"));
        assertEquals("Không có đơn vị cấp trên mã GSO 99999 (trong tệp hay trong phạm vi)", errors.getJsonObject(0).getString("reason"));
        assertEquals(3, errors.getJsonObject(1).getInt("line"));
        assertEquals("Thiếu tên đơn vị", errors.getJsonObject(1).getString("reason"));
        JsonArray english = validate(province, Fixtures.COUSIN_DISTRICT, csv.getBytes(StandardCharsets.UTF_8), "en").json().getJsonArray("errors");
        assertEquals("Unknown parent: no unit has the GSO code 99999 (in the file or in the subtree)", english.getJsonObject(0).getString("reason"));
        assertEquals("The unit's name is missing", english.getJsonObject(1).getString("reason"));
        assertTrue(!Api.anonymous().get("/api/tenants/" + Fixtures.COUSIN_DISTRICT + "/children").body().contains("Xã Đúng"), "nothing was created");
        Api.Response wrongColumns = validate(province, Fixtures.COUSIN_DISTRICT, "ma,ten\n1,A\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(422, wrongColumns.status());
        assertEquals("Sai cột: cần gso_code,name,unit_type,level,parent_gso_code nhưng có ma,ten",
                wrongColumns.json().getJsonArray("errors").getJsonObject(0).getString("reason"));
        assertEquals("Wrong columns: gso_code,name,unit_type,level,parent_gso_code are needed, the file has ma,ten",
                validate(province, Fixtures.COUSIN_DISTRICT, "ma,ten\n1,A\n".getBytes(StandardCharsets.UTF_8), "en").json()
                        .getJsonArray("errors").getJsonObject(0).getString("reason"));
        Api staff = Api.as(Fixtures.staff(Fixtures.COUSIN_DISTRICT), Fixtures.PASSWORD);
        assertEquals(403, validate(staff, Fixtures.COUSIN_DISTRICT, csv.getBytes(StandardCharsets.UTF_8)).status());
    }

    @Test
    void theCommandImportsChildrenBeforeParentsFromNfdWithABomAndReRunsIdempotently() throws Exception {
        String admin = Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN");
        String[] g = codes(4);
        String tag = g[0];
        // children first, decomposed Vietnamese, a byte-order mark: all accepted, stored as NFC
        String text = "\uFEFF# thử nhập đơn vị\ngso_code,name,unit_type,level,parent_gso_code\n"
                + g[1] + ",Xã Nhập Một " + tag + ",Xã,commune," + g[0] + "\n"
                + g[2] + ",Xã Nhập Hai " + tag + ",Xã,commune," + g[0] + "\n"
                + g[3] + ",Thị trấn Nhập Ba " + tag + ",Thị trấn,commune," + g[0] + "\n"
                + g[0] + ",Huyện Nhập " + tag + ",Huyện,district,\n";
        Path file = Files.createTempFile("units", ".csv");
        Files.write(file, Normalizer.normalize(text, Normalizer.Form.NFD).getBytes(StandardCharsets.UTF_8));
        Path credentials = file.resolveSibling(file.getFileName() + ".admins.csv");

        String output = run(admin, file);
        assertTrue(output.contains("đã có 0 đơn vị, cần tạo 4"), output);
        assertTrue(output.contains("đã tạo 4, đã có 0"), output);

        String district = "huyen-nhap-" + tag;
        JsonObject unit = Api.anonymous().get("/api/tenants/" + district).json();
        assertEquals("Huyện Nhập " + tag, unit.getString("name"));
        assertTrue(Normalizer.isNormalized(unit.getString("name"), Normalizer.Form.NFC));
        assertEquals(Fixtures.PROVINCE, unit.getString("parent"));
        assertEquals(3, unit.getJsonArray("children").size());
        assertEquals("township", Api.anonymous().get("/api/tenants/thi-tran-nhap-ba-" + tag).json().getString("kind"));

        List<String> admins = Files.readAllLines(credentials);
        assertEquals(5, admins.size(), "a header and one first administrator per unit: " + admins);
        String[] first = admins.get(1).split(",");
        assertEquals(200, Api.as(first[1], first[2]).get("/api/me").status(), "the printed one-time password works");

        String again = run(admin, file);
        assertTrue(again.contains("đã có 4 đơn vị, cần tạo 0"), again);
        Files.deleteIfExists(credentials);
        Files.deleteIfExists(file);
    }

    private static String run(String admin, Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream previousOut = System.out;
        InputStream previousIn = System.in;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream((Fixtures.PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)));
            int exit = new CommandLine(new Egov()).execute("import-units", "--url", Api.baseUrl(), "--user", admin,
                    "--parent", Fixtures.PROVINCE, "--file", file.toString(), "--password-stdin");
            assertEquals(0, exit, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(previousOut);
            System.setIn(previousIn);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
