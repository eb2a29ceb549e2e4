package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The adoption screen's forms without a browser (issue 22): bad selections are shown again with the reason and change
 * nothing (none ticked, an unknown code, another level's procedure, dropping one not adopted), and a sibling commune's
 * administrator can neither read nor change what a commune adopted through its page. The province-wide finder lists
 * the units offering a procedure, and a unit's services page lists the province's own procedures below its own.
 */
class AdoptionIT extends DeployedEar {

    private static Map.Entry<String, String> f(String name, String value) {
        return Map.entry(name, value);
    }

    @Test
    void badSelectionsChangeNothingAndASiblingCannotReachTheAdoptions() throws Exception {
        String token = "kt" + UUID.randomUUID().toString().substring(0, 6);
        String mine = ProceduresIT.code();
        String district = ProceduresIT.code();
        Api province = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"), Fixtures.PASSWORD);
        assertEquals(200, province.post("/api/t/" + Fixtures.PROVINCE + "/procedures/import", "["
                + ProceduresIT.procedure(mine, "Chứng thực bản sao " + token, "commune", 1, 1, "") + ","
                + ProceduresIT.procedure(district, "Cấp phép xây dựng " + token, "district", 1, 1, "") + "]").status());
        String a = PortalIT.commune("xa-a");
        String b = PortalIT.commune("xa-b");
        String pageA = "/t/" + a + "/admin/procedures";
        String pageB = "/t/" + b + "/admin/procedures";
        FormSession adminA = new FormSession(Fixtures.user(a, false, "UNIT_ADMIN"));
        FormSession adminB = new FormSession(Fixtures.user(b, false, "UNIT_ADMIN"));

        // bad input: the page again (400) with the reason beside the list; nothing adopted
        FormSession.Page none = adminA.post(pageA, pageA, List.of(f("action", "adopt")));
        assertEquals(400, none.status());
        assertTrue(none.body().contains("Chưa chọn thủ tục nào"), none.body());
        FormSession.Page unknown = adminA.post(pageA, pageA, List.of(f("action", "adopt"), f("code", mine), f("code", "9.000000.H99")));
        assertEquals(400, unknown.status());
        assertTrue(unknown.body().contains("Không có thủ tục 9.000000.H99 trong danh mục của tỉnh."), unknown.body());
        FormSession.Page level = adminA.post(pageA, pageA, List.of(f("action", "adopt"), f("code", district)));
        assertEquals(400, level.status());
        assertTrue(level.body().contains("là thủ tục cấp huyện"), level.body());
        assertEquals(404, Api.anonymous().get("/t/" + a + "/procedures/" + mine, "text/html").status(), "nothing adopted by the refused posts");

        // A adopts
        FormSession.Page adopted = adminA.post(pageA, pageA, List.of(f("action", "adopt"), f("code", mine), f("q", token)));
        assertEquals(303, adopted.status(), adopted.body());
        assertTrue(adopted.location().endsWith(pageA + "?q=" + token + "&level=commune"), adopted.location());
        assertEquals(200, Api.anonymous().get("/t/" + a + "/procedures/" + mine, "text/html").status());
        // in English too (the language is remembered from then on), the filter keeping it
        String english = adminA.get(pageA + "?lang=en&q=" + token).body();
        assertTrue(english.contains("Adopt the ticked procedures") && english.contains("name=\"lang\" value=\"en\""), english);

        // B: A's page is out of reach, and through its own page it can neither see nor drop A's adoption
        assertEquals(403, adminB.get(pageA).status());
        assertEquals(403, adminB.post(pageB, pageA, List.of(f("action", "drop"), f("code", mine))).status());
        String seenByB = adminB.get(pageB + "?state=adopted&q=" + token).body();
        assertFalse(seenByB.contains(mine), "B has adopted nothing of it");
        FormSession.Page dropByB = adminB.post(pageB, pageB, List.of(f("action", "drop"), f("code", mine)));
        assertEquals(400, dropByB.status());
        assertTrue(dropByB.body().contains("Đơn vị chưa nhận thủ tục " + mine), dropByB.body());
        assertEquals(200, Api.anonymous().get("/t/" + a + "/procedures/" + mine, "text/html").status(), "A still offers it");
        assertEquals(404, Api.anonymous().get("/t/" + b + "/procedures/" + mine, "text/html").status());

        // the province's page is its catalogue: nothing to adopt there
        FormSession provinceAdmin = new FormSession(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"));
        String pageP = "/t/" + Fixtures.PROVINCE + "/admin/procedures";
        assertTrue(provinceAdmin.get(pageP + "?q=" + token).body().contains(district));
        assertEquals(409, provinceAdmin.post(pageP, pageP, List.of(f("action", "adopt"), f("code", mine))).status());
    }

    @Test
    void theProvinceFindsAProcedureAcrossItsUnitsAndEveryUnitListsTheProvincesOwn() throws Exception {
        String token = "kt" + UUID.randomUUID().toString().substring(0, 6);
        String communes = ProceduresIT.code();
        String provinces = ProceduresIT.code();
        Api province = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"), Fixtures.PASSWORD);
        assertEquals(200, province.post("/api/t/" + Fixtures.PROVINCE + "/procedures/import", "["
                + ProceduresIT.procedure(communes, "Đăng ký thường trú " + token, "commune", 1, 1, "") + ","
                + ProceduresIT.procedure(provinces, "Cấp giấy phép lái tàu " + token, "province", 1, 1, "") + "]").status());
        String a = PortalIT.commune("xa-tim");
        String b = PortalIT.commune("xa-khong");
        assertEquals(201, PortalIT.as(a, "UNIT_ADMIN").put("/api/t/" + a + "/procedures/adopted/" + communes, "").status());

        String found = Api.anonymous().get("/t/" + Fixtures.PROVINCE + "/procedures/find?q=dang+ky+thuong+tru+" + token, "text/html").body();
        assertTrue(found.contains("Tìm thấy 1 thủ tục."), found);
        assertTrue(found.contains("href=\"/t/" + a + "/procedures/" + communes + "\""), "links to the commune's page");
        assertTrue(found.contains("href=\"/t/" + a + "/procedures/" + communes + "/apply\""), "and to its online application");
        assertFalse(found.contains("/t/" + b + "/"), "the sibling does not offer it");
        assertFalse(found.contains("/t/" + Fixtures.PROVINCE + "/procedures/" + communes), "the province only keeps it in its catalogue");
        String english = Api.anonymous().get("/t/" + Fixtures.PROVINCE + "/procedures/find?lang=en&q=dang+ky+thuong+tru+" + token, "text/html").body();
        assertTrue(english.contains("1 procedure(s) found.") && english.contains("Handled by 1 unit(s):"), english);
        String provinceLevel = Api.anonymous().get("/t/" + Fixtures.PROVINCE + "/procedures/find?q=cap+giay+phep+lai+tau+" + token, "text/html").body();
        assertTrue(provinceLevel.contains("href=\"/t/" + Fixtures.PROVINCE + "/procedures/" + provinces + "\""), provinceLevel);

        // every unit's services: its own, then the province's own level
        String services = Api.anonymous().get("/t/" + b + "/procedures?q=" + token, "text/html").body();
        assertTrue(services.contains("id=\"province-procedures\""), services);
        assertTrue(services.contains("href=\"/t/" + Fixtures.PROVINCE + "/procedures/" + provinces + "\""), services);
        assertFalse(services.contains(communes), "not the commune procedure B did not adopt");
    }
}
