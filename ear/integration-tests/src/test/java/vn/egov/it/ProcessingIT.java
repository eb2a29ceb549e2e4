package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A dossier processed across agencies: the commune receives it, asks the applicant for a paper (the clock stops),
 * transfers it to the district, the district to a department, the department back to the district, and the
 * district returns the result; the applicant downloads it and rates the service. Only the holder moves it, only
 * along its process; units that never held it see nothing; each change reaches the national portal (its
 * simulator) in order, also after an outage. Refusal, apology with a new date and withdrawal end or change it with
 * their forms; a refused action changes nothing.
 */
class ProcessingIT extends DeployedEar {
    static final String DEPARTMENT = "stp";
    static String unit;
    static String procedure;
    static String citizen;
    static String staff;
    static Api commune;
    static Api district;
    static Api department;
    static Api province;

    @BeforeAll
    static void catalogue() {
        province = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"), Fixtures.PASSWORD);
        procedure = ProceduresIT.code();
        Api.Response imported = province.post("/api/t/" + Fixtures.PROVINCE + "/procedures/import", "[" + definition(procedure) + "]");
        assertEquals(200, imported.status(), imported.toString());
        unit = PortalIT.commune("xa-lien-thong");
        assertEquals(201, PortalIT.as(unit, "UNIT_ADMIN").put("/api/t/" + unit + "/procedures/adopted/" + procedure, "").status());
        citizen = Fixtures.user(Fixtures.COMMUNE, false, "CITIZEN");
        staff = Fixtures.oneStop(unit);
        commune = Api.as(staff, Fixtures.PASSWORD);
        district = Api.as(Fixtures.oneStop(Fixtures.DISTRICT), Fixtures.PASSWORD);
        department = Api.as(Fixtures.oneStop(DEPARTMENT), Fixtures.PASSWORD);
    }

    /** A commune procedure whose process runs through the district and a department and back. */
    static String definition(String code) {
        return """
                {"code":"%s","name":"Đăng ký kết hôn có yếu tố nước ngoài","sector":"Hộ tịch","level":"commune","onlineLevel":"full","timeLimitDays":8,
                 "channels":["online","counter"],"papers":[{"id":"to-khai","name":"Tờ khai đăng ký kết hôn"},
                   {"id":"xac-nhan","name":"Giấy xác nhận tình trạng hôn nhân","required":false}],
                 "fees":[{"description":"Lệ phí","amount":0}],"result":"Giấy chứng nhận kết hôn","legalBasis":"Luật Hộ tịch 2014",
                 "form":{"fields":[{"name":"fullName","label":"Họ và tên","type":"text","required":true}]},
                 "process":{"start":"tiep-nhan","steps":[
                   {"id":"tiep-nhan","name":"Tiếp nhận hồ sơ","role":"RECEIVER","days":0},
                   {"id":"tham-dinh","name":"Công chức tư pháp thẩm định","role":"HANDLER","days":1},
                   {"id":"bo-sung","name":"Chờ người nộp bổ sung","role":"APPLICANT","pausesClock":true},
                   {"id":"huyen","name":"Phòng Tư pháp huyện xem xét","role":"OTHER_AGENCY","days":2},
                   {"id":"so","name":"Sở Tư pháp xác minh","role":"OTHER_AGENCY","days":2},
                   {"id":"huyen-ky","name":"UBND huyện ký","role":"OTHER_AGENCY","days":1},
                   {"id":"tra","name":"Trả kết quả","role":"RECEIVER","days":0,"end":true}],
                  "transitions":[{"from":"tiep-nhan","to":"tham-dinh"},{"from":"tham-dinh","to":"bo-sung","name":"Yêu cầu bổ sung"},
                    {"from":"bo-sung","to":"tham-dinh"},{"from":"tham-dinh","to":"huyen","name":"Chuyển huyện"},{"from":"huyen","to":"so"},
                    {"from":"so","to":"huyen-ky"},{"from":"huyen-ky","to":"tra"},{"from":"tham-dinh","to":"tra"}]}}
                """.formatted(code);
    }

    /**
     * Each step is ended by the duty its role in the process names, in the unit that holds the dossier: the
     * reception desk receives, a handler handles, at the agency it was transferred to its handler or leader; a
     * refusal is the step's duty-holder's or a leader's. Administering the unit or being plain staff is not a duty.
     * A refused attempt changes nothing.
     */
    @Test
    void eachStepIsEndedByTheDutyItNames() throws Exception {
        String code = submit();
        Api receiver = Api.as(Fixtures.user(unit, false, "STAFF", "RECEIVER"), Fixtures.PASSWORD);
        Api handler = Api.as(Fixtures.user(unit, false, "STAFF", "HANDLER"), Fixtures.PASSWORD);
        Api admin = PortalIT.as(unit, "UNIT_ADMIN");

        JsonObject seen = handler.get(path(unit, code)).json();
        assertEquals("tiep-nhan", seen.getString("step"));
        assertEquals(List.of("RECEIVER"), seen.getJsonObject("duty").getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString));
        assertFalse(seen.getJsonObject("duty").getBoolean("mayEnd"), "the handler reads it but may not end the reception");
        assertTrue(receiver.get(path(unit, code)).json().getJsonObject("duty").getBoolean("mayEnd"));
        Api.Response notHis = handler.post(path(unit, code) + "/moves", "{\"to\":\"tham-dinh\"}");
        assertEquals(403, notHis.status(), notHis.toString());
        assertTrue(notHis.isProblem() && notHis.body().contains("duty-required") && notHis.body().contains("Cán bộ tiếp nhận"), notHis.body());
        assertEquals(403, admin.post(path(unit, code) + "/moves", "{\"to\":\"tham-dinh\"}").status(), "administering the unit is not a duty");
        assertEquals(seen.getInt("version"), receiver.get(path(unit, code)).json().getInt("version"), "nothing changed");
        move(receiver, unit, code, "{\"to\":\"tham-dinh\"}");

        // handling: the desk may neither move it on nor refuse it; the handler transfers it to the district
        String toDistrict = "{\"to\":\"huyen\",\"toUnit\":\"" + Fixtures.DISTRICT + "\"}";
        assertEquals(403, receiver.post(path(unit, code) + "/moves", toDistrict).status());
        assertEquals(403, receiver.post(path(unit, code) + "/refusal", "{\"reason\":\"Không đủ điều kiện\"}").status());
        assertEquals("tham-dinh", handler.get(path(unit, code)).json().getString("step"), "nothing changed");
        move(handler, unit, code, toDistrict);

        // at the district: plain staff read it but do not act; its leader moves it on
        Api districtStaff = PortalIT.as(Fixtures.DISTRICT, "STAFF");
        JsonObject there = districtStaff.get(path(Fixtures.DISTRICT, code)).json();
        assertEquals(List.of("HANDLER", "LEADER"), there.getJsonObject("duty").getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString));
        String toDepartment = "{\"to\":\"so\",\"toUnit\":\"" + DEPARTMENT + "\"}";
        assertEquals(403, districtStaff.post(path(Fixtures.DISTRICT, code) + "/moves", toDepartment).status());
        Api districtLeader = Api.as(Fixtures.user(Fixtures.DISTRICT, false, "STAFF", "LEADER"), Fixtures.PASSWORD);
        JsonObject d = move(districtLeader, Fixtures.DISTRICT, code, toDepartment);
        assertEquals("so", d.getString("step"));

        // a refusal: a leader may refuse at any step; the step's own duty-holder too
        String second = submit();
        move(receiver, unit, second, "{\"to\":\"tham-dinh\"}");
        Api leader = Api.as(Fixtures.user(unit, false, "STAFF", "LEADER"), Fixtures.PASSWORD);
        // the apology (form 04) and the stop (form 05) are the leader's to sign, not the handler's
        int version = handler.get(path(unit, second)).json().getInt("version");
        Api.Response apology = handler.post(path(unit, second) + "/apology", "{\"reason\":\"Chờ xác minh\",\"newDate\":\"31/12/2099\"}");
        assertEquals(403, apology.status(), apology.toString());
        assertTrue(apology.body().contains("duty-required") && apology.body().contains("Lãnh đạo"), apology.body());
        assertEquals(403, handler.post(path(unit, second) + "/stop", "{\"reason\":\"Theo đề nghị\"}").status());
        assertEquals(403, receiver.post(path(unit, second) + "/stop", "{\"reason\":\"Theo đề nghị\"}").status());
        JsonObject unchanged = handler.get(path(unit, second)).json();
        assertEquals(version, unchanged.getInt("version"), "nothing changed");
        assertEquals("in_progress", unchanged.getString("status"));
        String third = submit();
        Api.Response stopped = leader.post(path(unit, third) + "/stop", "{\"reason\":\"Người nộp có văn bản đề nghị dừng\",\"byApplicant\":true}");
        assertEquals(200, stopped.status(), stopped.toString());
        assertEquals("stopped", stopped.json().getString("status"));
        Api.Response refused = leader.post(path(unit, second) + "/refusal", "{\"reason\":\"Không đủ điều kiện theo quy định\"}");
        assertEquals(200, refused.status(), refused.toString());
        assertEquals("refused", refused.json().getString("status"));
        assertFalse(leader.get(path(unit, second)).json().containsKey("duty"), "an ended dossier has no step to end");
    }

    /**
     * A client that sends {@code Prefer: return=minimal} (RFC 7240) gets the dossier's summary as the action left it,
     * not the whole dossier read again; without it, the whole dossier. Both say the same step, status and holder.
     */
    @Test
    void aClientThatPrefersAMinimalAnswerGetsTheSummaryOfWhatItsActionDid() throws Exception {
        String code = submit();
        HttpResponse<String> minimal = DossiersIT.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.baseUrl() + path(unit, code) + "/moves"))
                .header("Authorization", commune.authorization()).header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Prefer", "respond-async, return=minimal").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"to\":\"tham-dinh\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, minimal.statusCode(), minimal.body());
        assertEquals("return=minimal", minimal.headers().firstValue("Preference-Applied").orElse(""));
        JsonObject summary = DossiersIT.json(minimal.body());
        JsonObject whole = commune.get(path(unit, code)).json();
        assertEquals(code, summary.getString("code"));
        assertEquals("tham-dinh", summary.getString("step"));
        for (String field : List.of("step", "status", "holder", "unit", "dueDate", "stepDue")) {
            assertEquals(whole.getString(field), summary.getString(field), field);
        }
        assertEquals(whole.getInt("version"), summary.getInt("version"));
        assertFalse(summary.containsKey("history"), "the summary, not the whole dossier");
        assertTrue(whole.containsKey("history"));

        // a refused action is refused the same way, whatever the preference
        HttpResponse<String> refused = DossiersIT.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.baseUrl() + path(unit, code) + "/moves"))
                .header("Authorization", commune.authorization()).header("Content-Type", "application/json").header("Prefer", "return=minimal")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"to\":\"khong-co\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals(whole.getInt("version"), commune.get(path(unit, code)).json().getInt("version"), "nothing changed");
    }

    static String submit() throws Exception {
        HttpResponse<String> r = DossiersIT.submit(citizen, unit, procedure, "{\"fullName\":\"Vàng Thị Dín\"}", Map.of("to-khai", DossiersIT.PDF));
        assertEquals(201, r.statusCode(), r.body());
        return DossiersIT.json(r.body()).getString("code");
    }

    static String path(String holder, String code) {
        return "/api/t/" + holder + "/dossiers/" + code;
    }

    static JsonObject move(Api as, String holder, String code, String json) {
        Api.Response r = as.post(path(holder, code) + "/moves", json);
        assertEquals(200, r.status(), r.toString());
        return r.json();
    }

    /** A multipart POST of files under part names, with text parts, as {@code user} (basic authentication). */
    static HttpResponse<String> multipart(String user, String path, Map<String, String> texts, Map<String, byte[]> files) throws Exception {
        String boundary = "----kq" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> t : texts.entrySet()) {
            DossiersIT.write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + t.getKey()
                    + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + t.getValue() + "\r\n");
        }
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            DossiersIT.write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey().split("#")[0] + "\"; filename=\""
                    + f.getKey().replace("#", "-") + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n");
            body.write(f.getValue());
            DossiersIT.write(body, "\r\n");
        }
        DossiersIT.write(body, "--" + boundary + "--\r\n");
        return DossiersIT.HTTP.send(HttpRequest.newBuilder(URI.create(Api.baseUrl() + path)).header("Authorization", PortalIT.basic(user))
                .header("Accept", "application/json").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String user(Api api) {
        return new String(java.util.Base64.getDecoder().decode(api.authorization().substring(6)), StandardCharsets.UTF_8).split(":")[0];
    }

    /** The national status codes the simulator took for a dossier, in order. */
    static List<Integer> national(String code) {
        Api.Response r = province.get("/api/sim/national-portal?dossier=" + code);
        assertEquals(200, r.status(), r.toString());
        List<Integer> codes = new ArrayList<>();
        r.array().forEach(v -> codes.add(v.asJsonObject().getInt("nationalStatus")));
        return codes;
    }

    /** The e-mails the platform sent to {@code address}, in the order they came. */
    static List<jakarta.mail.internet.MimeMessage> mails(String address) {
        List<jakarta.mail.internet.MimeMessage> out = new ArrayList<>();
        for (jakarta.mail.internet.MimeMessage m : ItEnvironment.mail().getReceivedMessages()) {
            try {
                if (java.util.Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address))) {
                    out.add(m);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void aDossierGoesFromTheCommuneToTheDistrictAndADepartmentAndBackAndTheApplicantRatesTheResult() throws Exception {
        // submitted with an address for notices (a bad one first: refused, nothing stored)
        String email = "dan." + UUID.randomUUID().toString().substring(0, 8) + "@example.vn";
        Map<String, String> parts = new java.util.LinkedHashMap<>(Map.of("procedure", procedure, "form", "{\"fullName\":\"Vàng Thị Dín\"}"));
        parts.put("email", "khong-phai-thu");
        HttpResponse<String> badEmail = multipart(citizen, "/api/t/" + unit + "/dossiers", parts, Map.of("paper.to-khai", DossiersIT.PDF));
        assertEquals(400, badEmail.statusCode(), badEmail.body());
        assertTrue(badEmail.body().contains("\"email\""), badEmail.body());
        parts.put("email", email);
        HttpResponse<String> submitted = multipart(citizen, "/api/t/" + unit + "/dossiers", parts, Map.of("paper.to-khai", DossiersIT.PDF));
        assertEquals(201, submitted.statusCode(), submitted.body());
        String code = DossiersIT.json(submitted.body()).getString("code");
        Api applicant = Api.as(citizen, Fixtures.PASSWORD);
        String otherUnit = PortalIT.commune("xa-khac");
        Api otherCommune = PortalIT.as(otherUnit, "STAFF");

        // the commune's staff see where it may go; other units see nothing of it
        JsonObject d = commune.get(path(unit, code)).json();
        assertEquals("tiep-nhan", d.getString("step"));
        assertEquals(List.of("tham-dinh"), d.getJsonArray("next").stream().map(v -> v.asJsonObject().getString("step")).toList());
        assertEquals(404, district.get(path(Fixtures.DISTRICT, code)).status(), "the district has not held it");
        Api.Response stranger = otherCommune.post(path(unit, code) + "/moves", "{\"to\":\"tham-dinh\"}");
        assertEquals(403, stranger.status(), "another commune's staff cannot act in this unit");

        // a move off the process, or to an unknown colleague: refused, nothing changes
        Api.Response wrong = commune.post(path(unit, code) + "/moves", "{\"to\":\"huyen\"}");
        assertEquals(400, wrong.status(), wrong.toString());
        assertTrue(wrong.isProblem() && wrong.body().contains("tham-dinh"), wrong.body());
        Api.Response nobody = commune.post(path(unit, code) + "/moves", "{\"to\":\"tham-dinh\",\"assignee\":\"khong-co-ai\"}");
        assertEquals(400, nobody.status());
        assertEquals(d.getInt("version"), commune.get(path(unit, code)).json().getInt("version"), "nothing changed");

        d = move(commune, unit, code, "{\"to\":\"tham-dinh\",\"assignee\":\"" + staff + "\",\"version\":" + d.getInt("version") + "}");
        assertEquals("in_progress", d.getString("status"));
        assertEquals(staff, d.getString("assignee"));
        // a stale version: someone else moved it since
        Api.Response stale = commune.post(path(unit, code) + "/moves", "{\"to\":\"huyen\",\"toUnit\":\"" + Fixtures.DISTRICT + "\",\"version\":0}");
        assertEquals(409, stale.status(), stale.toString());

        // a request to supplement: only published papers, with a reason; the clock stops
        Api.Response unpublished = commune.post(path(unit, code) + "/moves", "{\"to\":\"bo-sung\",\"note\":\"Thiếu\",\"papers\":[\"so-do\"]}");
        assertEquals(400, unpublished.status());
        assertTrue(unpublished.body().contains("so-do"), unpublished.body());
        d = move(commune, unit, code, "{\"to\":\"bo-sung\",\"note\":\"Cần giấy xác nhận tình trạng hôn nhân còn hạn\",\"papers\":[\"xac-nhan\"]}");
        assertEquals("supplement", d.getString("status"));
        assertTrue(d.containsKey("pausedOn"));
        assertEquals(409, commune.post(path(unit, code) + "/moves", "{\"to\":\"tham-dinh\"}").status(), "it waits for the applicant");
        JsonObject mine = applicant.get("/api/me/dossiers/" + code).json();
        assertEquals("supplement", mine.getString("status"));
        JsonObject asked = mine.getJsonArray("notices").getJsonObject(0);
        assertEquals(2, asked.getInt("form"));
        assertEquals(List.of("xac-nhan"), asked.getJsonArray("papers").getValuesAs(jakarta.json.JsonString.class).stream().map(s -> s.getString()).toList());
        assertTrue(text(DossiersIT.pdf(citizen, "/api/me/dossiers/" + code + "/forms/2.pdf").body()).contains("Giấy xác nhận tình trạng hôn nhân"));
        // the applicant sends the wrong paper, then the right one
        HttpResponse<String> wrongPaper = multipart(citizen, "/api/me/dossiers/" + code + "/supplement", Map.of(), Map.of("paper.to-khai", DossiersIT.PDF));
        assertEquals(400, wrongPaper.statusCode(), wrongPaper.body());
        HttpResponse<String> supplied = multipart(citizen, "/api/me/dossiers/" + code + "/supplement", Map.of(), Map.of("paper.xac-nhan", DossiersIT.PDF));
        assertEquals(200, supplied.statusCode(), supplied.body());
        d = commune.get(path(unit, code)).json();
        assertEquals("in_progress", d.getString("status"));
        assertEquals("tham-dinh", d.getString("step"));
        assertFalse(d.containsKey("pausedOn"));

        // the inter-agency transfer: the district holds it, the commune can no longer move it but still reads it
        d = move(commune, unit, code, "{\"to\":\"huyen\",\"toUnit\":\"" + Fixtures.DISTRICT + "\",\"note\":\"Đề nghị huyện xem xét\"}");
        assertEquals("transferred", d.getString("status"));
        assertEquals(Fixtures.DISTRICT, d.getString("holder"));
        assertEquals(409, commune.post(path(unit, code) + "/moves", "{\"to\":\"so\",\"toUnit\":\"" + DEPARTMENT + "\"}").status());
        assertTrue(district.get("/api/t/" + Fixtures.DISTRICT + "/dossiers/inbox").body().contains(code), "in the district's inbox");
        assertEquals(404, department.get(path(DEPARTMENT, code)).status(), "the department has not held it yet");
        d = move(district, Fixtures.DISTRICT, code, "{\"to\":\"so\",\"toUnit\":\"" + DEPARTMENT + "\"}");
        assertEquals(DEPARTMENT, d.getString("holder"));
        d = move(department, DEPARTMENT, code, "{\"to\":\"huyen-ky\",\"toUnit\":\"" + Fixtures.DISTRICT + "\",\"note\":\"Đã xác minh\"}");
        assertEquals(Fixtures.DISTRICT, d.getString("holder"));
        assertEquals(409, department.post(path(DEPARTMENT, code) + "/moves", "{\"to\":\"tra\"}").status(), "no longer the department's to move");

        // the district returns the result: a file is required (returned online), and must be a PDF or an image
        HttpResponse<String> noFile = multipart(user(district), path(Fixtures.DISTRICT, code) + "/result", Map.of("note", "Đã ký"), Map.of());
        assertEquals(400, noFile.statusCode(), noFile.body());
        HttpResponse<String> html = multipart(user(district), path(Fixtures.DISTRICT, code) + "/result", Map.of(),
                Map.of("result", "<html><script>x</script></html>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(400, html.statusCode(), html.body());
        assertEquals("transferred", district.get(path(Fixtures.DISTRICT, code)).json().getString("status"), "nothing changed");
        byte[] result = (new String(DossiersIT.PDF, StandardCharsets.ISO_8859_1) + "% giay chung nhan " + code).getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> done = multipart(user(district), path(Fixtures.DISTRICT, code) + "/result", Map.of("note", "Đã ký giấy chứng nhận"),
                Map.of("result", result));
        assertEquals(200, done.statusCode(), done.body());
        d = DossiersIT.json(done.body());
        assertEquals("done", d.getString("status"));
        assertEquals(unit, d.getString("holder"), "the result goes back to the receiving unit");

        // the handovers, each with the step's outcome; the control sheet (form 06) prints them
        JsonArray handovers = d.getJsonArray("handovers");
        assertEquals(List.of("tham-dinh", "bo-sung", "tham-dinh", "huyen", "so", "huyen-ky", "tra"),
                handovers.stream().map(v -> v.asJsonObject().getString("toStep")).toList());
        // passed on today: on time if the reception step was due today; early if it is due later (a dossier received after
        // office hours, or on a day off, counts from the next working day, so its first step is due after today)
        JsonObject first = handovers.getJsonObject(0);
        assertEquals(first.getString("fromDue").equals(today()) ? "on_time" : "early", first.getString("outcome"), first.toString());
        assertEquals(List.of(unit, unit, unit, Fixtures.DISTRICT, DEPARTMENT, Fixtures.DISTRICT, unit),
                handovers.stream().map(v -> v.asJsonObject().getString("toUnit")).toList());
        String sheet = text(DossiersIT.pdf(staff, path(unit, code) + "/forms/6.pdf").body());
        assertTrue(sheet.contains("Sở Tư pháp xác minh") && sheet.contains("UBND huyện ký") && sheet.contains(code), sheet);

        // the applicant sees the result and downloads it, then rates the service once
        mine = applicant.get("/api/me/dossiers/" + code).json();
        assertEquals("done", mine.getString("status"));
        assertFalse(mine.containsKey("handovers"), "the internal handovers are the staff's");
        JsonObject file = mine.getJsonArray("files").stream().map(JsonValue::asJsonObject).filter(f -> f.getString("kind").equals("result"))
                .findFirst().orElseThrow();
        HttpResponse<byte[]> downloaded = DossiersIT.pdf(citizen, "/api/me/dossiers/" + code + "/files/" + file.getJsonNumber("id").longValue());
        assertEquals(200, downloaded.statusCode());
        assertArrayEquals(result, downloaded.body());
        String otherCitizen = Fixtures.user(Fixtures.COMMUNE, false, "CITIZEN");
        assertEquals(404, Api.as(otherCitizen, Fixtures.PASSWORD).post("/api/me/dossiers/" + code + "/rating", "{\"score\":1}").status());
        assertEquals(400, applicant.post("/api/me/dossiers/" + code + "/rating", "{\"score\":9}").status());
        Api.Response rated = applicant.post("/api/me/dossiers/" + code + "/rating", "{\"score\":5,\"note\":\"Nhanh, chu đáo\"}");
        assertEquals(200, rated.status(), rated.toString());
        assertEquals(5, rated.json().getInt("rating"));
        assertEquals(409, applicant.post("/api/me/dossiers/" + code + "/rating", "{\"score\":1}").status(), "once");

        // every change reached the national portal, in order: received, processing, supplement, processing (x4), returned
        PortalIT.await("the national portal's copy", () -> national(code).size() >= 8, 30);
        assertEquals(List.of(2, 4, 5, 4, 4, 4, 4, 10), national(code));
        // the applicant was written to at each change that matters to them, in Vietnamese: received, papers asked for, result
        PortalIT.await("three e-mails to " + email, () -> mails(email).size() >= 3, 30);
        List<jakarta.mail.internet.MimeMessage> mails = mails(email);
        assertEquals(List.of("Hồ sơ " + code + ": đã tiếp nhận", "Hồ sơ " + code + ": cần bổ sung giấy tờ", "Hồ sơ " + code + ": đã có kết quả"),
                mails.stream().map(m -> { try { return m.getSubject(); } catch (Exception e) { throw new IllegalStateException(e); } }).toList());
        String text = (String) mails.get(2).getContent();
        assertTrue(text.contains("đã có kết quả") && text.contains("tải kết quả và đánh giá mức độ hài lòng"), text);

        // the department, a party, still reads what it did; a unit that never held it does not
        assertEquals(200, department.get(path(DEPARTMENT, code)).status());
        assertEquals(404, otherCommune.get(path(otherUnit, code)).status());
        assertEquals(404, DossiersIT.pdf(user(otherCommune), path(otherUnit, code) + "/forms/6.pdf").statusCode());
    }

    @Test
    void refusalApologyAndWithdrawalEndOrChangeADossierWithTheirFormsAndAnOutageLosesNothing() throws Exception {
        // the national portal is down while the dossier moves: the changes wait, then arrive in order
        assertEquals(200, province.put("/api/sim/national-portal/outage", "{\"down\":true}").status());
        String code;
        try {
            code = submit();
            move(commune, unit, code, "{\"to\":\"tham-dinh\"}");
            JsonObject before = commune.get(path(unit, code)).json();
            String due = before.getString("dueDate");
            // an apology needs a reason and a working day after the due date
            assertEquals(400, commune.post(path(unit, code) + "/apology", "{\"reason\":\"Chờ xác minh\",\"newDate\":\"" + due + "\"}").status());
            assertEquals(400, commune.post(path(unit, code) + "/apology", "{\"newDate\":\"31/12/2099\"}").status());
            assertEquals(400, commune.post(path(unit, code) + "/apology", "{\"reason\":\"x\",\"newDate\":\"2099-12-31\"}").status());
            assertEquals(before.getInt("version"), commune.get(path(unit, code)).json().getInt("version"), "nothing changed");
            // two weeks on, on the province's working calendar (a weekend or a holiday such as 1 January moves it on)
            java.time.LocalDate later = DossiersIT.deadline(java.time.LocalDate.parse(before.getString("due")).plusDays(13), 1);
            String newDate = later.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
            Api.Response apology = commune.post(path(unit, code) + "/apology", "{\"reason\":\"Chờ cơ quan khác xác minh\",\"newDate\":\"" + newDate + "\"}");
            assertEquals(200, apology.status(), apology.toString());
            assertEquals(newDate, apology.json().getString("newDueDate"));
            String form4 = text(DossiersIT.pdf(citizen, "/api/me/dossiers/" + code + "/forms/4.pdf").body());
            assertTrue(form4.contains(newDate) && form4.contains(due) && form4.contains("Chờ cơ quan khác xác minh"), form4);

            assertEquals(400, commune.post(path(unit, code) + "/refusal", "{\"reason\":\"  \"}").status());
            Api.Response tooLong = commune.post(path(unit, code) + "/refusal", "{\"reason\":\"" + "lý do ".repeat(400) + "\"}");
            assertEquals(400, tooLong.status(), tooLong.toString());
            assertTrue(tooLong.json().getJsonObject("fields").containsKey("reason"), "beside the field that is too long: " + tooLong);
            Api.Response refused = commune.post(path(unit, code) + "/refusal", "{\"reason\":\"Không đủ điều kiện theo Điều 18 Luật Hộ tịch\"}");
            assertEquals(200, refused.status(), refused.toString());
            assertEquals("refused", refused.json().getString("status"));
            assertEquals(409, commune.post(path(unit, code) + "/moves", "{\"to\":\"tra\"}").status(), "ended");
            assertTrue(text(DossiersIT.pdf(citizen, "/api/me/dossiers/" + code + "/forms/3.pdf").body()).contains("Điều 18 Luật Hộ tịch"));
            assertEquals(409, Api.as(citizen, Fixtures.PASSWORD).post("/api/me/dossiers/" + code + "/rating", "{\"score\":3}").status(),
                    "no rating without a result");

            // the changes wait while the portal is down, retried, none sent
            PortalIT.await("a failed attempt", () -> pending(code)[1] > 0, 30);
            assertEquals(3, pending(code)[0], "received, processing, refused (an apology changes no status)");
            assertTrue(national(code).isEmpty());
        } finally {
            assertEquals(200, province.put("/api/sim/national-portal/outage", "{\"down\":false}").status());
        }
        String c = code;
        PortalIT.await("the changes sent after the outage", () -> pending(c)[0] == 0, 90);
        assertEquals(List.of(2, 4, 3), national(code).subList(0, 3));

        // the applicant withdraws another dossier: stopped, form 05 says at their request, the portal hears "withdrawn"
        String other = submit();
        Api.Response noReason = Api.as(citizen, Fixtures.PASSWORD).post("/api/me/dossiers/" + other + "/withdrawal", "{}");
        assertEquals(400, noReason.status());
        Api.Response withdrawn = Api.as(citizen, Fixtures.PASSWORD).post("/api/me/dossiers/" + other + "/withdrawal",
                "{\"reason\":\"Tôi nộp nhầm thủ tục\"}");
        assertEquals(200, withdrawn.status(), withdrawn.toString());
        assertEquals("stopped", withdrawn.json().getString("status"));
        assertTrue(text(DossiersIT.pdf(staff, path(unit, other) + "/forms/5.pdf").body()).contains("Tôi nộp nhầm thủ tục"));
        PortalIT.await("the withdrawal at the portal", () -> national(other).contains(7), 30);

        // the register (form 07) of the unit for today lists both
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        String register = text(DossiersIT.pdf(staff, "/api/t/" + unit + "/dossiers/register.pdf?from=" + today + "&to=" + today).body());
        // (a long code may wrap in its column)
        String compact = register.replace(" ", "");
        assertTrue(compact.contains(code) && compact.contains(other) && register.contains("Từ chối") && register.contains("Dừng giải quyết"), register);
        assertEquals(400, DossiersIT.pdf(staff, "/api/t/" + unit + "/dossiers/register.pdf?from=2026-01-01&to=" + today).statusCode());
    }

    @Test
    void aResultByPostIsBookedWithThePostalServiceAndItsDeliveryReachesTheApplicantAndTheNationalPortal() throws Exception {
        Map<String, String> parts = new java.util.LinkedHashMap<>(Map.of("procedure", procedure, "form", "{\"fullName\":\"Lò Văn Hùng\"}", "returnBy", "post"));
        HttpResponse<String> noAddress = multipart(citizen, "/api/t/" + unit + "/dossiers", parts, Map.of("paper.to-khai", DossiersIT.PDF));
        assertEquals(400, noAddress.statusCode(), noAddress.body());
        assertTrue(noAddress.body().contains("\"postAddress\""), noAddress.body());
        parts.put("postAddress", "Số 12, tổ 5, phường Cốc Lếu, thành phố Lào Cai");
        HttpResponse<String> submitted = multipart(citizen, "/api/t/" + unit + "/dossiers", parts, Map.of("paper.to-khai", DossiersIT.PDF));
        assertEquals(201, submitted.statusCode(), submitted.body());
        String code = DossiersIT.json(submitted.body()).getString("code");
        move(commune, unit, code, "{\"to\":\"tham-dinh\"}");
        // returned by post: the paper result travels, no file needed
        HttpResponse<String> done = multipart(staff, path(unit, code) + "/result", Map.of("note", "Gửi bưu chính"), Map.of());
        assertEquals(200, done.statusCode(), done.body());

        // the worker books the shipment; the postal service's tracking number comes back onto the dossier
        PortalIT.await("the shipment booked", () -> commune.get(path(unit, code)).json().getJsonArray("shipments").getJsonObject(0).containsKey("tracking"), 30);
        JsonObject shipment = commune.get(path(unit, code)).json().getJsonArray("shipments").getJsonObject(0);
        String tracking = shipment.getString("tracking");
        assertTrue(tracking.matches("EB[0-9]{9}VN"), tracking);
        assertEquals("accepted", shipment.getString("status"));
        assertEquals(tracking, province.get("/api/sim/vnpost/shipments?dossier=" + code).json().getString("trackingNumber"));

        // a report without the postal service's token, or of an unknown parcel, changes nothing
        assertEquals(401, Api.anonymous().post("/api/vnpost/events", "{\"trackingNumber\":\"" + tracking + "\",\"event\":\"delivered\"}").status());
        String token = "simulator-" + ItEnvironment.platform().settings().env() + "-" + ItEnvironment.platform().settings().portBase();
        HttpResponse<String> unknown = DossiersIT.HTTP.send(HttpRequest.newBuilder(URI.create(Api.baseUrl() + "/api/vnpost/events"))
                .header("Content-Type", "application/json").header("X-Vnpost-Token", token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"trackingNumber\":\"EB000000014VN\",\"event\":\"delivered\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertEquals("accepted", commune.get(path(unit, code)).json().getJsonArray("shipments").getJsonObject(0).getString("status"));

        // delivered: the applicant and the national portal hear that the result was returned
        Api.Response delivered = province.post("/api/sim/vnpost/deliveries", "{\"trackingNumber\":\"" + tracking + "\"}");
        assertEquals(200, delivered.status(), delivered.toString());
        assertEquals(200, delivered.json().getInt("reported"));
        JsonObject mine = Api.as(citizen, Fixtures.PASSWORD).get("/api/me/dossiers/" + code).json();
        assertEquals("delivered", mine.getJsonArray("shipments").getJsonObject(0).getString("status"));
        assertTrue(mine.getJsonArray("history").toString().contains(tracking));
        PortalIT.await("the national portal told: result ready, then returned", () -> national(code).contains(10), 30);
        assertEquals(List.of(2, 4, 9, 10), national(code));
    }

    /** {unsent, failed attempts} of a dossier's national-portal changes, counted as the owner. */
    static long[] pending(String code) {
        try (Connection c = Fixtures.db().server().admin(ItEnvironment.platform().settings().database()); PreparedStatement ps = c.prepareStatement("SELECT count(*) FILTER (WHERE o.sent_at IS NULL), "
                + "coalesce(sum(o.attempts) FILTER (WHERE o.sent_at IS NULL), 0) FROM dossier_outbox o JOIN dossier d ON d.id = o.dossier_id WHERE d.code = ?")) {
            // the administrative login (a superuser here) counts what is really there
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theFiguresOfAUnitAndOfItsDistrictAreExactAgainstTheDossiers() throws Exception {
        String here = PortalIT.commune("xa-thong-ke");
        assertEquals(201, PortalIT.as(here, "UNIT_ADMIN").put("/api/t/" + here + "/procedures/adopted/" + procedure, "").status());
        String hereStaff = Fixtures.oneStop(here);
        Api api = Api.as(hereStaff, Fixtures.PASSWORD);
        String[] codes = new String[4];
        for (int i = 0; i < codes.length; i++) {
            HttpResponse<String> r = DossiersIT.submit(citizen, here, procedure, "{\"fullName\":\"Sùng A Páo\"}", Map.of("to-khai", DossiersIT.PDF));
            assertEquals(201, r.statusCode(), r.body());
            codes[i] = DossiersIT.json(r.body()).getString("code");
            move(api, here, codes[i], "{\"to\":\"tham-dinh\"}");
        }
        // 0: a result before its due date (early); 1: overdue (its due date set in the past), then a late result; 2: refused; 3: in progress
        assertEquals(200, multipart(hereStaff, path(here, codes[0]) + "/result", Map.of(), Map.of("result", DossiersIT.PDF)).statusCode());
        admin("UPDATE dossier SET due_date = current_date - 3 WHERE code = '" + codes[1] + "'");
        JsonObject overdue = stats(api, here, false, null).getJsonArray("units").getJsonObject(0);
        assertEquals(1, overdue.getInt("overdueNow"));
        assertEquals(200, multipart(hereStaff, path(here, codes[1]) + "/result", Map.of(), Map.of("result", DossiersIT.PDF)).statusCode());
        assertEquals(200, api.post(path(here, codes[2]) + "/refusal", "{\"reason\":\"Không thuộc thẩm quyền\"}").status());

        JsonObject row = stats(api, here, false, null).getJsonArray("units").getJsonObject(0);
        assertEquals(here, row.getString("unit"));
        assertEquals(4, row.getInt("received"));
        assertEquals(2, row.getInt("done"));
        assertEquals(1, row.getInt("early"));
        assertEquals(0, row.getInt("onTime"));
        assertEquals(1, row.getInt("late"));
        assertEquals(1, row.getInt("refused"));
        assertEquals(1, row.getInt("inProgress"));
        assertEquals(0, row.getInt("overdueNow"));
        assertEquals("50.0", row.getJsonNumber("onTimeRate").bigDecimalValue().toPlainString());
        // the same figures counted straight from the rows by the administrative login
        assertEquals(4, admin("SELECT count(*) FROM dossier d JOIN tenant t ON t.id = d.tenant_id WHERE t.code = '" + here + "'"));
        assertEquals(1, admin("SELECT count(*) FROM dossier d JOIN tenant t ON t.id = d.tenant_id WHERE t.code = '" + here
                + "' AND d.status = 'done' AND (d.finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date > d.due_date"));

        // the district's leaders see each unit of the district and the total; the CSV says the same
        Api leader = Api.as(Fixtures.user(Fixtures.DISTRICT, true, "UNIT_ADMIN"), Fixtures.PASSWORD);
        JsonObject district = stats(leader, Fixtures.DISTRICT, true, null);
        JsonObject mine = district.getJsonArray("units").stream().map(JsonValue::asJsonObject).filter(u -> u.getString("unit").equals(here))
                .findFirst().orElseThrow();
        assertEquals(row, mine);
        long sum = district.getJsonArray("units").stream().mapToLong(u -> u.asJsonObject().getJsonNumber("received").longValue()).sum();
        assertEquals(sum, district.getJsonObject("total").getJsonNumber("received").longValue());
        Api.Response csv = leader.get("/api/t/" + Fixtures.DISTRICT + "/dossier-stats?subtree=true&format=csv&from=" + today() + "&to=" + today(), "text/csv");
        assertEquals(200, csv.status(), csv.toString());
        String line = csv.body().lines().filter(l -> l.startsWith(here + ",")).findFirst().orElseThrow();
        assertTrue(line.endsWith(",4,2,1,0,1,1,0,1,0,50.0"), line);
        // the columns and the total row in the reader's words: Vietnamese by default, English when asked
        assertTrue(csv.body().startsWith("\uFEFFMã đơn vị,Đơn vị,Từ ngày,Đến ngày,Tiếp nhận,"), csv.body().lines().findFirst().orElse(""));
        assertTrue(csv.body().contains(",Tổng cộng,"), csv.body());
        Api.Response english = leader.send("GET", "/api/t/" + Fixtures.DISTRICT + "/dossier-stats?subtree=true&format=csv&from=" + today() + "&to="
                + today(), (String) null, null, "text/csv", null, "en");
        assertTrue(english.body().startsWith("\uFEFFUnit code,Unit,From,To,Received,Done,"), english.body().lines().findFirst().orElse(""));
        assertTrue(english.body().contains(",Total,") && english.body().contains(line.substring(line.indexOf(',', line.indexOf(',') + 1))), english.body());
        assertEquals("Tổng cộng", district.getJsonObject("total").getString("name"));

        // no one sees figures they have no right to: another commune's staff, or a commune's staff asking for a subtree
        assertEquals(403, PortalIT.as(Fixtures.SIBLING_COMMUNE, "STAFF").get("/api/t/" + here + "/dossier-stats?from=" + today() + "&to=" + today()).status());
        assertEquals(403, api.get("/api/t/" + here + "/dossier-stats?subtree=true&from=" + today() + "&to=" + today()).status());
        assertEquals(400, api.get("/api/t/" + here + "/dossier-stats?from=31/02/2026&to=" + today()).status());
    }

    static String today() {
        return java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    static JsonObject stats(Api api, String unit, boolean subtree, String format) {
        Api.Response r = api.get("/api/t/" + unit + "/dossier-stats?from=" + today() + "&to=" + today() + (subtree ? "&subtree=true" : ""));
        assertEquals(200, r.status(), r.toString());
        return r.json();
    }

    /** Runs SQL as the administrative login (a superuser here): an update, or a count. */
    static long admin(String sql) {
        try (Connection c = Fixtures.db().server().admin(ItEnvironment.platform().settings().database());
             java.sql.Statement s = c.createStatement()) {
            if (sql.startsWith("SELECT")) {
                try (ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
            return s.executeUpdate(sql);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Joined to document work: the dossier's result (a certificate) is drafted as an official document from the dossier,
     * approved and signed by the leader, numbered and sealed by the clerk, and its signed PDF goes to the applicant as
     * the result; the applicant verifies it, and a changed copy does not verify. Another unit drafts nothing from it.
     */
    @Test
    void aDossiersResultIsAnOfficialDocumentSignedThenReturnedAndTheApplicantVerifiesIt() throws Exception {
        String code = submit();
        move(Api.as(Fixtures.user(unit, false, "STAFF", "RECEIVER"), Fixtures.PASSWORD), unit, code, "{\"to\":\"tham-dinh\"}");
        DocumentsIT.Office office = DocumentsIT.Office.of(unit);
        String other = Fixtures.staff(Fixtures.SIBLING_COMMUNE);
        Api.Response notHeld = Api.as(other, Fixtures.PASSWORD).post("/api/t/" + Fixtures.SIBLING_COMMUNE + "/documents/outgoing",
                "{\"docType\":\"Giấy chứng nhận\",\"symbol\":\"GCNKH\",\"dossier\":\"" + code + "\"}");
        assertEquals(400, notHeld.status(), notHeld.toString());
        assertTrue(notHeld.body().contains("\"dossier\""), notHeld.body());

        Api.Response draft = office.staff().post("/api/t/" + unit + "/documents/outgoing",
                "{\"docType\":\"Giấy chứng nhận kết hôn\",\"symbol\":\"GCNKH\",\"dossier\":\"" + code + "\"}");
        assertEquals(201, draft.status(), draft.toString());
        assertEquals(code, draft.json().getString("dossier"));
        assertTrue(draft.json().getString("abstract").contains(code) && draft.json().getString("abstract").contains("Đăng ký kết hôn"), draft.toString());
        long id = draft.json().getJsonNumber("id").longValue();
        String docs = "/api/t/" + unit + "/documents/" + id;
        assertEquals(201, DocumentsIT.raw(office.staffName(), "POST", docs + "/files?kind=main&name=giay-chung-nhan.pdf",
                DocumentsIT.pdf("Giay chung nhan ket hon " + code)).statusCode());
        Api handler = Api.as(Fixtures.user(unit, false, "STAFF", "HANDLER"), Fixtures.PASSWORD);
        assertEquals(409, handler.post(docs + "/result", "").status(), "not signed and issued yet");
        assertEquals(200, office.staff().post(docs + "/submit", "").status());
        assertEquals(200, office.leader().post(docs + "/review", "{\"approve\":true}").status());
        JsonObject issued = office.clerk().post(docs + "/issue", "").json();
        assertEquals(403, office.staff().post(docs + "/result", "").status(), "ending the handling step is the handler's duty");
        Api.Response returned = handler.post(docs + "/result", "");
        assertEquals(200, returned.status(), returned.toString());
        assertEquals("done", returned.json().getString("status"));

        // the applicant's dossier is done, its result the signed document; it verifies, a changed copy does not
        Api applicant = Api.as(citizen, Fixtures.PASSWORD);
        JsonObject mine = applicant.get("/api/me/dossiers/" + code).json();
        assertEquals("done", mine.getString("status"));
        JsonObject result = mine.getJsonArray("files").stream().map(JsonValue::asJsonObject).filter(f -> f.getString("kind").equals("result"))
                .findFirst().orElseThrow(() -> new AssertionError(mine.toString()));
        assertEquals(issued.getString("numberSymbol").replace('/', '-') + ".pdf", result.getString("name"));
        byte[] pdf = DossiersIT.pdf(citizen, "/api/me/dossiers/" + code + "/files/" + result.getJsonNumber("id").longValue()).body();
        JsonObject verdict = verify(pdf);
        assertEquals("VALID", verdict.getString("verdict"), verdict.toString());
        assertEquals(2, verdict.getJsonArray("signatures").size(), "the leader's and the commune's");
        byte[] changed = pdf.clone();
        changed[changed.length / 3] ^= 0x20;
        assertEquals("INVALID", verify(changed).getString("verdict"));
        assertEquals("NOT_A_PDF", verify(ItEnvironment.png(10, 10)).getString("verdict"), "an image is not a signed PDF");
        HttpResponse<String> empty = PortalIT.HTTP.send(HttpRequest.newBuilder(URI.create(Api.baseUrl() + "/api/documents/verify"))
                .header("Content-Type", "application/pdf").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(400, empty.statusCode(), empty.body());
        assertTrue(empty.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), empty.headers().toString());
        assertEquals(409, handler.post(docs + "/result", "").status(), "returned once: the dossier is done");
    }

    /** The public check of a PDF's signatures (no login). */
    static JsonObject verify(byte[] pdf) throws Exception {
        HttpResponse<String> r = PortalIT.HTTP.send(HttpRequest.newBuilder(URI.create(Api.baseUrl() + "/api/documents/verify"))
                .header("Content-Type", "application/pdf").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(pdf)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), r.body());
        return DossiersIT.json(r.body());
    }
}
