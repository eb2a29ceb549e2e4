package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dossiers submitted online through the deployed EAR: a citizen submits under the current version of a procedure
 * the commune adopted, with the form checked against its typed fields and papers judged by content; the code is
 * {@code {unit}-{yymmdd}-{n}}, without duplicates or gaps even under 32 concurrent submitters and after refused
 * ones; the appointment date is the working-day deadline; the applicant alone reads their dossier, the commune's
 * staff list it, another commune sees nothing, and anyone with the code sees its status and nothing personal.
 */
class DossiersIT extends DeployedEar {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final byte[] PDF = PortalEditingIT.PDF;
    static String unit;
    static String procedure;
    static String citizen;

    @BeforeAll
    static void catalogue() {
        Api province = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"), Fixtures.PASSWORD);
        procedure = ProceduresIT.code();
        assertEquals(200, province.post("/api/t/" + Fixtures.PROVINCE + "/procedures/import", "[" + definition(2) + "]").status());
        unit = PortalIT.commune("xa-ho-so");
        assertEquals(201, PortalIT.as(unit, "UNIT_ADMIN").put("/api/t/" + unit + "/procedures/adopted/" + procedure, "").status());
        citizen = Fixtures.user(Fixtures.COMMUNE, false, "CITIZEN");
    }

    /** The test's procedure with a time limit of {@code days}: the shared one, plus a date and a phone field. */
    static String definition(int days) {
        String gender = "{\"name\":\"gender\",\"label\":\"Giới tính\",\"type\":\"choice\",\"choices\":[\"Nam\",\"Nữ\"]}";
        return ProceduresIT.procedure(procedure, "Đăng ký khai sinh", "commune", days, 1, "").replace(gender, gender
                + ",{\"name\":\"birthDate\",\"label\":\"Ngày sinh\",\"type\":\"date\",\"required\":true},"
                + "{\"name\":\"phone\",\"label\":\"Số điện thoại\",\"type\":\"phone\"}");
    }

    /** The province calendar's deadline of {@code days} working days from {@code from} (its first working day after, for 1). */
    static LocalDate deadline(LocalDate from, int days) {
        return LocalDate.parse(Api.anonymous().get("/api/calendar/deadline?from=" + DateTimeFormatter.ofPattern("dd/MM/yyyy").format(from)
                + "&days=" + days).json().getString("due"));
    }

    static HttpResponse<String> submit(String user, String toUnit, String code, String form, Map<String, byte[]> papers) throws Exception {
        return submit(user, toUnit, code, form, papers, null);
    }

    static HttpResponse<String> submit(String user, String toUnit, String code, String form, Map<String, byte[]> papers, String applicantName)
            throws Exception {
        String boundary = "----hs" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"procedure\"\r\n\r\n" + code + "\r\n");
        if (applicantName != null) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"applicantName\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                    + applicantName + "\r\n");
        }
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"form\"\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n"
                + form + "\r\n");
        for (Map.Entry<String, byte[]> p : papers.entrySet()) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"paper." + p.getKey().split("#")[0] + "\"; filename=\""
                    + p.getKey().split("#")[0] + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n");
            body.write(p.getValue());
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        return HTTP.send(HttpRequest.newBuilder(URI.create(Api.baseUrl() + "/api/t/" + toUnit + "/dossiers"))
                .header("Authorization", PortalIT.basic(user)).header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<byte[]> pdf(String user, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(Api.baseUrl() + path)).header("Authorization", PortalIT.basic(user)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static CompletableFuture<HttpResponse<String>> submitAsync(String user, String toUnit, String form, java.util.concurrent.Executor pool) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return submit(user, toUnit, procedure, form, Map.of("to-khai", PDF));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, pool);
    }

    static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    static JsonObject json(String body) {
        try (var r = jakarta.json.Json.createReader(new java.io.StringReader(body))) {
            return r.readObject();
        }
    }

    static final String GOOD = "{\"fullName\":\"Lò Thị Mai\",\"gender\":\"Nữ\",\"birthDate\":\"20/11/2026\",\"phone\":\"0912345678\"}";

    @Test
    void aNulCharacterInAFormFieldOrPartIs400NamingItAndStoresNothing() throws Exception {
        long before = DocumentsIT.countAs(unit, "SELECT count(*) FROM dossier");
        String nulName = GOOD.replaceFirst("\"fullName\":\"", "\"fullName\":\"Vàng\\\\u0000");
        assertTrue(nulName.contains("\\u0000"), nulName);
        HttpResponse<String> inForm = submit(citizen, unit, procedure, nulName, Map.of("to-khai", PDF));
        assertEquals(400, inForm.statusCode(), inForm.body());
        assertTrue(inForm.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), inForm.toString());
        assertTrue(inForm.body().contains("\"form.fullName\"") && inForm.body().contains("NUL"), inForm.body());
        HttpResponse<String> inPart = submit(Fixtures.oneStop(unit), unit, procedure, GOOD, Map.of("to-khai", PDF), "Vàng Thị\0Dín");
        assertEquals(400, inPart.statusCode(), inPart.body());
        assertTrue(inPart.body().contains("\"applicantName\""), inPart.body());
        assertEquals(before, DocumentsIT.countAs(unit, "SELECT count(*) FROM dossier"), "nothing stored");
    }

    @Test
    void aCitizenSubmitsAndGetsACodeAndAnAppointmentDateAndOnlyTheyReadTheDossier() throws Exception {
        // refused first: every problem named, in Vietnamese, nothing stored and no number taken
        HttpResponse<String> bad = submit(citizen, unit, procedure,
                "{\"fullName\":\"\",\"gender\":\"Khác\",\"birthDate\":\"31/02/2026\",\"phone\":\"123\",\"colour\":\"đỏ\"}",
                Map.of("to-khai", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        for (String field : new String[] {"form.fullName", "form.gender", "form.birthDate", "form.phone", "form.colour", "papers.to-khai"}) {
            assertTrue(bad.body().contains("\"" + field + "\""), field + " in " + bad.body());
        }
        assertTrue(bad.body().contains("Hãy điền"), bad.body());
        HttpResponse<String> noPaper = submit(citizen, unit, procedure, GOOD, Map.of());
        assertEquals(400, noPaper.statusCode());
        assertTrue(noPaper.body().contains("Thiếu giấy tờ"), noPaper.body());

        HttpResponse<String> ok = submit(citizen, unit, procedure, GOOD, Map.of("to-khai", PDF));
        assertEquals(201, ok.statusCode(), ok.body());
        JsonObject d = json(ok.body());
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        String prefix = unit + "-" + DateTimeFormatter.ofPattern("yyMMdd").format(today) + "-";
        assertTrue(d.getString("code").startsWith(prefix), d.toString());
        int first = Integer.parseInt(d.getString("code").substring(prefix.length()));
        assertEquals(1, first, "the refused submissions took no number");
        assertEquals("received", d.getString("status"));
        assertEquals(1, d.getInt("procedureVersion"));
        // the appointment: the procedure's 2 working days on the province's calendar, counted from the day of receipt,
        // or from the next working day for a dossier that came after office hours (17:00) or on a day off
        java.time.LocalDateTime came = java.time.Instant.parse(d.getString("receivedAt")).atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDateTime();
        LocalDate day = came.toLocalDate();
        boolean workingDay = deadline(day.minusDays(1), 1).equals(day);
        LocalDate counted = workingDay && came.toLocalTime().isBefore(java.time.LocalTime.of(17, 0)) ? day : deadline(day, 1);
        String due = DateTimeFormatter.ofPattern("dd/MM/yyyy").format(deadline(counted, 2));
        assertEquals(due, d.getString("dueDate"), "received " + came);

        // the applicant reads it with what they filled in; another citizen does not even see it
        JsonObject mine = Api.as(citizen, Fixtures.PASSWORD).get("/api/me/dossiers/" + d.getString("code")).json();
        assertEquals("Lò Thị Mai", mine.getJsonObject("form").getString("fullName"));
        assertEquals("2026-11-20", mine.getJsonObject("form").getString("birthDate"), "dates stored as ISO");
        assertEquals(1, mine.getJsonArray("files").size());
        JsonObject received = mine.getJsonArray("history").getJsonObject(0);
        assertEquals("received", received.getString("status"));
        // the platform's line is said, not stored in one language: its key for a reader in another, Vietnamese as before
        assertEquals("history.receivedOnline", received.getJsonObject("said").getString("key"), received.toString());
        assertEquals("Tiếp nhận hồ sơ nộp trực tuyến", received.getString("note"));
        String other = Fixtures.user(Fixtures.SIBLING_COMMUNE, false, "CITIZEN");
        Api otherCitizen = Api.as(other, Fixtures.PASSWORD);
        assertEquals(404, otherCitizen.get("/api/me/dossiers/" + d.getString("code")).status());
        assertFalse(otherCitizen.get("/api/me/dossiers").body().contains(d.getString("code")));
        assertTrue(Api.as(citizen, Fixtures.PASSWORD).get("/api/me/dossiers").body().contains(d.getString("code")));

        // the receipt and appointment slip (form 01): what was received, when, and a QR code to the status
        HttpResponse<byte[]> slip = pdf(citizen, d.getString("receiptUrl"));
        assertEquals(200, slip.statusCode());
        assertTrue(slip.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"), slip.headers().toString());
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(slip.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ") && text.contains("Mã hồ sơ: " + d.getString("code"))
                    && text.contains("Tờ khai") && text.contains("ngày " + due), text);
            java.awt.image.BufferedImage page = new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 200);
            String qr = new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                    new com.google.zxing.client.j2se.BufferedImageLuminanceSource(page))), java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER,
                    Boolean.TRUE)).getText();
            assertTrue(qr.endsWith("/api/dossiers/" + d.getString("code")), qr);
            assertEquals("received", Api.anonymous().get(URI.create(qr).getRawPath()).json().getString("status"), "the QR code leads to the status");
        }
        assertEquals(404, pdf(Fixtures.user(Fixtures.SIBLING_COMMUNE, false, "CITIZEN"), d.getString("receiptUrl")).statusCode(), "not another's slip");
        assertEquals(200, pdf(Fixtures.user(unit, false, "STAFF"), "/api/t/" + unit + "/dossiers/" + d.getString("code") + "/receipt.pdf").statusCode(),
                "the unit's staff print it at the counter");

        // the commune's staff list it; another commune's staff get nothing of it
        Api staff = PortalIT.as(unit, "STAFF");
        assertTrue(staff.get("/api/t/" + unit + "/dossiers").body().contains(d.getString("code")));
        String otherUnit = PortalIT.commune("xa-ho-so-khac");
        Api otherStaff = PortalIT.as(otherUnit, "STAFF");
        assertEquals(403, otherStaff.get("/api/t/" + unit + "/dossiers").status());
        assertEquals(404, pdf(Fixtures.user(otherUnit, false, "STAFF"), "/api/t/" + otherUnit + "/dossiers/" + d.getString("code") + "/receipt.pdf")
                .statusCode(), "A's dossier is not in B's register");
        assertFalse(otherStaff.get("/api/t/" + otherUnit + "/dossiers").body().contains(d.getString("code")));
        // a citizen's account is no unit's staff
        assertEquals(403, Api.as(citizen, Fixtures.PASSWORD).get("/api/t/" + unit + "/dossiers").status());
        // the unit's staff receive at the counter on an applicant's behalf: the applicant's name is needed, the next number follows
        // receiving at the counter is the reception desk's duty: a staff member without it is refused, and no number is used up
        HttpResponse<String> notTheDesk = submit(Fixtures.user(unit, false, "STAFF", "HANDLER"), unit, procedure, GOOD, Map.of("to-khai", PDF), "Hà Văn Sơn");
        assertEquals(403, notTheDesk.statusCode(), notTheDesk.body());
        assertTrue(notTheDesk.body().contains("duty-required") && notTheDesk.body().contains("Cán bộ tiếp nhận"), notTheDesk.body());
        String clerk = Fixtures.user(unit, false, "STAFF", "RECEIVER");
        HttpResponse<String> nameless = submit(clerk, unit, procedure, GOOD, Map.of("to-khai", PDF));
        assertEquals(400, nameless.statusCode());
        assertTrue(nameless.body().contains("applicantName"), nameless.body());
        HttpResponse<String> atCounter = submit(clerk, unit, procedure, GOOD, Map.of("to-khai", PDF), "Hà Văn Sơn");
        assertEquals(201, atCounter.statusCode(), atCounter.body());
        JsonObject c = json(atCounter.body());
        assertEquals("counter", c.getString("channel"));
        assertEquals(prefix + "0002", c.getString("code"), "the counter and online dossiers share the unit's numbers");
        assertEquals(200, pdf(clerk, c.getString("receiptUrl")).statusCode(), "its slip, printed at the counter");
        assertFalse(Api.as(citizen, Fixtures.PASSWORD).get("/api/me/dossiers").body().contains(c.getString("code")), "not the citizen's");
        assertEquals(403, submit(Fixtures.user(Fixtures.SIBLING_COMMUNE, false, "STAFF"), unit, procedure, GOOD, Map.of("to-khai", PDF), "X").statusCode(),
                "another commune's clerk does not receive for this one");
        // the other commune does not offer the procedure
        assertEquals(404, submit(citizen, otherUnit, procedure, GOOD, Map.of("to-khai", PDF)).statusCode());

        // anyone with the code: the status, nothing personal
        Api.Response status = Api.anonymous().get("/api/dossiers/" + d.getString("code"));
        assertEquals(200, status.status());
        assertEquals("received", status.json().getString("status"));
        assertEquals(due, status.json().getString("dueDate"));
        assertFalse(status.body().contains("Lò Thị Mai") || status.body().contains("0912345678"), status.body());
        assertEquals(404, Api.anonymous().get("/api/dossiers/" + prefix + "9999").status());
        assertEquals(404, Api.anonymous().get("/api/dossiers/khong-phai-ma").status());
        // the page the QR code opens in a phone's browser
        Api.Response page = Api.anonymous().get("/api/dossiers/" + d.getString("code"), "text/html");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<dd id=\"status\">Đã tiếp nhận</dd>") && page.body().contains("<dd id=\"due\">" + due + "</dd>")
                && !page.body().contains("Lò Thị Mai"), page.body());
        assertEquals(404, Api.anonymous().get("/api/dossiers/" + prefix + "9999", "text/html").status());
        Api.Response english = Api.anonymous().get("/api/dossiers/" + d.getString("code") + "?lang=en", "text/html");
        assertTrue(english.body().contains("<dd id=\"status\">Received</dd>") && english.body().contains("<html lang=\"en\">"), english.body());

        // a new version of the procedure: this dossier keeps version 1, the next one is under version 2
        Api province = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"), Fixtures.PASSWORD);
        assertEquals(200, province.post("/api/t/" + Fixtures.PROVINCE + "/procedures/import", "[" + definition(3) + "]").status());
        JsonObject next = json(submit(citizen, unit, procedure, GOOD, Map.of("to-khai", PDF)).body());
        assertEquals(2, next.getInt("procedureVersion"));
        assertEquals(1, Api.as(citizen, Fixtures.PASSWORD).get("/api/me/dossiers/" + d.getString("code")).json().getInt("procedureVersion"));
    }

    /**
     * A history line the platform wrote before its lines were keyed (V8_24) gets its key from migration V8_25, run here
     * again over lines written the old way: its Vietnamese stays as written, its parts become the arguments; a line a
     * person wrote in the same words, with a status the platform never wrote it with, stays text.
     */
    @Test
    void historyLinesWrittenBeforeKeysAreKeyedByTheMigration() throws Exception {
        // a commune of its own, so that the day's numbers the other tests count stay theirs
        String fresh = PortalIT.commune("xa-lich-su-cu");
        assertEquals(201, PortalIT.as(fresh, "UNIT_ADMIN").put("/api/t/" + fresh + "/procedures/adopted/" + procedure, "").status());
        String code = json(submit(citizen, fresh, procedure, GOOD, Map.of("to-khai", PDF)).body()).getString("code");
        try (java.sql.Connection c = Fixtures.provinceScoped()) {
            try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO dossier_event (tenant_id, dossier_id, status, actor, note) "
                    + "SELECT tenant_id, id, ?, 'can-bo', ? FROM dossier WHERE code = ?")) {
                for (String[] line : new String[][] {{"refused", "Từ chối giải quyết: thiếu bản sao giấy khai sinh"},
                        {"in_progress", "Dừng giải quyết: bước do đơn vị đặt tên"}, {"in_progress", "Hoàn trả 15000 đồng: nộp thừa"}}) {
                    ps.setString(1, line[0]);
                    ps.setString(2, line[1]);
                    ps.setString(3, code);
                    assertEquals(1, ps.executeUpdate());
                }
            }
            java.nio.file.Path migration = java.nio.file.Path.of(System.getProperty("egov.projectDir", "../.."),
                    "modules/dossiers/src/main/resources/db/migration/dossiers/V8_25__dossier_event_said_before.sql");
            try (java.sql.Statement s = c.createStatement()) {
                s.execute(java.nio.file.Files.readString(migration));
            }
            c.commit();
        }
        JsonArray history = Api.as(citizen, Fixtures.PASSWORD).get("/api/me/dossiers/" + code).json().getJsonArray("history");
        Map<String, JsonObject> byNote = new java.util.HashMap<>();
        history.forEach(v -> byNote.put(v.asJsonObject().getString("note"), v.asJsonObject()));
        JsonObject refused = byNote.get("Từ chối giải quyết: thiếu bản sao giấy khai sinh");
        assertEquals("history.refused", refused.getJsonObject("said").getString("key"), history.toString());
        assertEquals(List.of("thiếu bản sao giấy khai sinh"), refused.getJsonObject("said").getJsonArray("args").getValuesAs(jakarta.json.JsonString::getString));
        JsonObject refund = byNote.get("Hoàn trả 15000 đồng: nộp thừa");
        assertEquals("history.refunded", refund.getJsonObject("said").getString("key"), history.toString());
        assertEquals(List.of("15000", "nộp thừa"), refund.getJsonObject("said").getJsonArray("args").getValuesAs(jakarta.json.JsonString::getString));
        assertFalse(byNote.get("Dừng giải quyết: bước do đơn vị đặt tên").containsKey("said"), "a person's words with a status the platform never wrote");
        assertEquals("history.receivedOnline", byNote.get("Tiếp nhận hồ sơ nộp trực tuyến").getJsonObject("said").getString("key"), "today's line kept");
    }

    @Test
    void thirtyTwoConcurrentSubmittersGetDistinctNumbersWithoutGaps() throws Exception {
        String user = Fixtures.user(Fixtures.COMMUNE, false, "CITIZEN");
        String fresh = PortalIT.commune("xa-dong-thoi");
        assertEquals(201, PortalIT.as(fresh, "UNIT_ADMIN").put("/api/t/" + fresh + "/procedures/adopted/" + procedure, "").status());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(32);
        try {
            List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < 32; i++) {
                all.add(submitAsync(user, fresh, GOOD, pool));
            }
            Set<Integer> numbers = new HashSet<>();
            for (CompletableFuture<HttpResponse<String>> f : all) {
                HttpResponse<String> r = f.get();
                assertEquals(201, r.statusCode(), r.body());
                String code = json(r.body()).getString("code");
                numbers.add(Integer.parseInt(code.substring(code.lastIndexOf('-') + 1)));
            }
            System.out.printf("32 concurrent submissions in %d ms%n", (System.nanoTime() - start) / 1_000_000);
            assertEquals(32, numbers.size(), "no duplicate: " + numbers);
            for (int n = 1; n <= 32; n++) {
                assertTrue(numbers.contains(n), "no gap: " + n + " missing from " + numbers);
            }
            JsonArray listed = PortalIT.as(fresh, "STAFF").get("/api/t/" + fresh + "/dossiers").array();
            assertEquals(32, listed.size());
        } finally {
            pool.shutdownNow();
        }
    }
}
