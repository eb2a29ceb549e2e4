package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The procedure catalogue through the deployed EAR: the province imports its master catalogue (checked whole
 * against the schema and the references between steps; nothing stored when anything is wrong), a changed
 * procedure gets a new version while the old one stays readable, a commune adopts procedures of its own level
 * and keeps local ones, and no commune can change or even see another's adoptions and local procedures.
 */
class ProceduresIT extends DeployedEar {

    /** A code no earlier run used (the test database is kept between runs). */
    static String code() {
        return "1." + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000)) + ".H38";
    }

    /** A unit and a procedure it offers. */
    record Offered(String unit, String procedure) {
    }

    /**
     * A new procedure in the province's catalogue ({@link ProcessingIT#definition}, the cross-agency one) adopted by a
     * new commune of the test district whose code starts with {@code prefix}.
     */
    static Offered offeredByANewCommune(String prefix) {
        Api province = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"), Fixtures.PASSWORD);
        String procedure = code();
        org.junit.jupiter.api.Assertions.assertEquals(200,
                province.post("/api/t/" + Fixtures.PROVINCE + "/procedures/import", "[" + ProcessingIT.definition(procedure) + "]").status());
        String unit = PortalIT.commune(prefix);
        org.junit.jupiter.api.Assertions.assertEquals(201,
                PortalIT.as(unit, "UNIT_ADMIN").put("/api/t/" + unit + "/procedures/adopted/" + procedure, "").status());
        return new Offered(unit, procedure);
    }

    static String procedure(String code, String name, String level, double limit, double reviewDays, String extra) {
        return """
                {"code":"%s","name":"%s","sector":"Hộ tịch","level":"%s","onlineLevel":"full","timeLimitDays":%s,
                 "channels":["online","counter"],"papers":[{"id":"to-khai","name":"Tờ khai","originals":1}],
                 "fees":[{"description":"Lệ phí","amount":0}],"result":"Giấy chứng nhận","legalBasis":"Luật Hộ tịch 2014"%s,
                 "form":{"fields":[{"name":"fullName","label":"Họ và tên","type":"text","required":true},
                                   {"name":"gender","label":"Giới tính","type":"choice","choices":["Nam","Nữ"]}]},
                 "process":{"start":"tiep-nhan","steps":[
                   {"id":"tiep-nhan","name":"Tiếp nhận","role":"RECEIVER","days":0},
                   {"id":"xu-ly","name":"Xử lý","role":"HANDLER","days":%s},
                   {"id":"bo-sung","name":"Chờ bổ sung","role":"APPLICANT","pausesClock":true},
                   {"id":"tra","name":"Trả kết quả","role":"RECEIVER","days":0,"end":true}],
                  "transitions":[{"from":"tiep-nhan","to":"xu-ly"},{"from":"xu-ly","to":"bo-sung"},{"from":"bo-sung","to":"xu-ly"},
                                 {"from":"xu-ly","to":"tra"}]}}
                """.formatted(code, name, level, limit, extra, reviewDays);
    }

    @Test
    void theProvinceImportsItsCatalogueWholeAndAChangeIsANewVersion() {
        Api province = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"), Fixtures.PASSWORD);
        String birth = code();
        String land = code();
        String master = "/api/t/" + Fixtures.PROVINCE + "/procedures";

        // one bad procedure in the file: nothing at all is stored, every problem named
        String bad = procedure(land, "Cấp giấy chứng nhận", "district", 10, 5, "").replace("{\"from\":\"xu-ly\",\"to\":\"tra\"}",
                "{\"from\":\"xu-ly\",\"to\":\"tra-kq\"}");
        Api.Response refused = province.post(master + "/import", "[" + procedure(birth, "Đăng ký khai sinh", "commune", 1, 1, "") + ","
                + procedure(code(), "Mã sai", "commune", 1, 1, "").replaceFirst("\"code\":\"[^\"]+\"", "\"code\":\"1.23-H38\"") + "," + bad + "]");
        assertEquals(400, refused.status(), refused.toString());
        assertTrue(refused.isProblem());
        assertTrue(refused.body().contains("procedures[1].code") && refused.body().contains("procedures[2].process.transitions[3].to"),
                refused.body());
        assertFalse(Api.anonymous().get(master).body().contains(birth), "not even the good one was stored");
        // not JSON at all
        Api.Response broken = province.post(master + "/import", "[{\"code\": ");
        assertEquals(400, broken.status());
        assertTrue(broken.body().contains("JSON"), broken.body());
        // the ordinary route longer than the time limit
        Api.Response slow = province.post(master + "/import", "[" + procedure(birth, "Đăng ký khai sinh", "commune", 1, 3, "") + "]");
        assertEquals(400, slow.status());
        assertTrue(slow.body().contains("quá thời hạn"), slow.body());

        // only the province's administrators write the master catalogue
        Api districtAdmin = Api.as(Fixtures.user(Fixtures.DISTRICT, true, "UNIT_ADMIN"), Fixtures.PASSWORD);
        String good = "{\"procedures\":[" + procedure(birth, "Đăng ký khai sinh", "commune", 1, 1, "") + ","
                + procedure(land, "Cấp giấy chứng nhận quyền sử dụng đất", "district", 10, 5, "") + "]}";
        assertEquals(403, districtAdmin.post(master + "/import", good).status());
        assertEquals(401, Api.anonymous().post(master + "/import", good).status());

        JsonObject first = province.post(master + "/import", good).json();
        assertEquals(2, first.getInt("created"), first.toString());
        JsonObject again = province.post(master + "/import", good).json();
        assertEquals(2, again.getInt("unchanged"), "the same file twice changes nothing: " + again);

        // a changed time limit is version 2; version 1 stays as it was, for the dossiers submitted under it
        JsonObject changed = province.post(master + "/import", "[" + procedure(birth, "Đăng ký khai sinh", "commune", 2, 1.5, "") + "]").json();
        assertEquals("new-version", changed.getJsonArray("items").getJsonObject(0).getString("result"));
        JsonObject current = Api.anonymous().get(master + "/" + birth).json();
        assertEquals(2, current.getInt("version"));
        assertEquals(2, current.getJsonObject("definition").getJsonNumber("timeLimitDays").intValue());
        JsonObject v1 = Api.anonymous().get(master + "/" + birth + "/versions/1").json();
        assertEquals(1, v1.getJsonObject("definition").getJsonNumber("timeLimitDays").intValue());
        assertEquals("Họ và tên", v1.getJsonObject("definition").getJsonObject("form").getJsonArray("fields").getJsonObject(0).getString("label"));
        assertEquals(404, Api.anonymous().get(master + "/" + birth + "/versions/3").status());
    }

    @Test
    void aCommuneAdoptsProceduresOfItsLevelAndKeepsLocalOnesOutOfOthersReach() throws Exception {
        Api province = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"), Fixtures.PASSWORD);
        String birth = code();
        String land = code();
        assertEquals(200, province.post("/api/t/" + Fixtures.PROVINCE + "/procedures/import", "[" + procedure(birth, "Đăng ký khai sinh", "commune", 1, 1, "")
                + "," + procedure(land, "Cấp giấy chứng nhận quyền sử dụng đất", "district", 10, 5, "") + "]").status());
        String a = PortalIT.commune("xa-thu-tuc-a");
        String b = PortalIT.commune("xa-thu-tuc-b");
        Api adminA = PortalIT.as(a, "UNIT_ADMIN");
        Api adminB = PortalIT.as(b, "UNIT_ADMIN");
        Api staffA = PortalIT.as(a, "STAFF");

        assertEquals(403, staffA.put("/api/t/" + a + "/procedures/adopted/" + birth, "").status(), "staff do not choose the catalogue");
        assertEquals(201, adminA.put("/api/t/" + a + "/procedures/adopted/" + birth, "").status());
        assertEquals(200, adminA.put("/api/t/" + a + "/procedures/adopted/" + birth, "").status(), "adopted already");
        Api.Response wrongLevel = adminA.put("/api/t/" + a + "/procedures/adopted/" + land, "");
        assertEquals(409, wrongLevel.status());
        assertTrue(wrongLevel.body().contains("cấp huyện"), wrongLevel.body());
        assertEquals(404, adminA.put("/api/t/" + a + "/procedures/adopted/" + code(), "").status(), "not in the province's catalogue");

        // a local procedure of the commune's own level; another level is refused
        String local = code();
        String localName = "Xác nhận tình trạng nhà ở " + local.substring(2, 8);
        Api.Response districtLevel = adminA.post("/api/t/" + a + "/procedures/import", "[" + procedure(local, "Thủ tục riêng", "district", 5, 1, "") + "]");
        assertEquals(400, districtLevel.status());
        assertTrue(districtLevel.body().contains("procedures[0].level"), districtLevel.body());
        assertEquals(200, adminA.post("/api/t/" + a + "/procedures/import", "[" + procedure(local, localName, "commune", 5, 1, "")
                + "]").status());

        String listA = Api.anonymous().get("/api/t/" + a + "/procedures").body();
        assertTrue(listA.contains(birth) && listA.contains(local) && !listA.contains(land), listA);
        JsonObject adopted = Api.anonymous().get("/api/t/" + a + "/procedures/" + birth).json();
        assertEquals(Fixtures.PROVINCE, adopted.getString("owner"));
        assertEquals("Đăng ký khai sinh", adopted.getJsonObject("definition").getString("name"));
        assertEquals(a, Api.anonymous().get("/api/t/" + a + "/procedures/" + local).json().getString("owner"));

        // the other commune: offers none of it, and cannot change A's choices
        String listB = Api.anonymous().get("/api/t/" + b + "/procedures").body();
        assertFalse(listB.contains(birth) || listB.contains(local), listB);
        assertEquals(404, Api.anonymous().get("/api/t/" + b + "/procedures/" + local).status(), "A's local procedure is not B's");
        assertEquals(404, Api.anonymous().get("/api/t/" + b + "/procedures/" + birth).status(), "not adopted by B");
        assertEquals(403, adminB.delete("/api/t/" + a + "/procedures/adopted/" + birth).status());
        assertEquals(403, adminB.post("/api/t/" + a + "/procedures/import", "[" + procedure(local, "Chiếm", "commune", 5, 1, "") + "]").status());
        assertEquals(404, adminB.delete("/api/t/" + b + "/procedures/adopted/" + birth).status());
        assertEquals(localName, Api.anonymous().get("/api/t/" + a + "/procedures/" + local).json().getString("name"),
                "A's local procedure unchanged");

        // the public pages of A's site: the list (words without diacritics find it), the procedure with its process drawn
        String page = PortalIT.page("/t/" + a + "/procedures?q=dang+ky+khai+sinh");
        assertTrue(page.contains("Đăng ký khai sinh") && !page.contains("Xác nhận tình trạng nhà ở"), page);
        String one = PortalIT.page("/t/" + a + "/procedures/" + birth);
        assertTrue(one.contains("<h1>Đăng ký khai sinh</h1>") && one.contains("Thành phần hồ sơ") && one.contains("Tờ khai"), one);
        assertTrue(one.contains("<svg") && one.contains("Chờ bổ sung") && one.contains("dừng tính thời gian"), "the process, drawn and as text");
        assertEquals(404, Api.anonymous().get("/t/" + b + "/procedures/" + birth, "text/html").status(), "not on B's site");
        assertFalse(PortalIT.page("/t/" + b + "/procedures").contains(birth));
        // and in search, from A's site and from the district above it, not from B's
        PortalIT.await("the adopted procedure in search", () -> Api.anonymous().get("/api/search?unit=" + a + "&q=khai+sinh").body().contains(birth), 30);
        String byName = "/api/search?unit=" + Fixtures.DISTRICT + "&q=" + java.net.URLEncoder.encode(localName, java.nio.charset.StandardCharsets.UTF_8);
        PortalIT.await("the local procedure in the district's search", () -> Api.anonymous().get(byName).body().contains(local), 30);
        assertFalse(Api.anonymous().get("/api/search?unit=" + b + "&q=khai+sinh").body().contains(birth));

        // dropped
        assertEquals(204, adminA.delete("/api/t/" + a + "/procedures/adopted/" + birth).status());
        assertEquals(404, Api.anonymous().get("/api/t/" + a + "/procedures/" + birth).status());
    }
}
