package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.egov.it.Fixtures.COUSIN_DISTRICT;
import static vn.egov.it.Fixtures.DISTRICT;
import static vn.egov.it.Fixtures.PASSWORD;
import static vn.egov.it.Fixtures.PROVINCE;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Provisioning a unit from the template, delegation of that right, suspension, and the audit trail. */
class TenantAdminIT extends DeployedEar {

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String newUnit(String code, String name, String adminUsername) {
        return """
                {"code":"%s","name":"%s","kind":"commune","address":"Thôn Trung Tâm","phone":"0214 3840 000",
                 "email":"ubnd@example.vn","firstAdmin":{"username":"%s","displayName":"Quản trị %s"}}
                """.formatted(code, name, adminUsername, name);
    }

    private static JsonObject create(Api as, String parent, String code, String admin) {
        Api.Response r = as.post("/api/t/" + parent + "/units", newUnit(code, "Xã Thử Nghiệm " + code, admin));
        assertEquals(201, r.status(), r.toString());
        return r.json();
    }

    @Test
    void aProvinceAdminCreatesAUnitWithEverythingItNeeds() {
        Api province = Api.as(Fixtures.user(PROVINCE, true, "PROVINCE_ADMIN"), PASSWORD);
        String code = unique("xa-thu");
        String admin = unique("qt");
        JsonObject created = create(province, DISTRICT, code, admin);
        assertEquals(DISTRICT, created.getString("parent"));
        String oneTime = created.getJsonObject("firstAdmin").getString("oneTimePassword");
        assertEquals(16, oneTime.length());

        JsonObject unit = Api.anonymous().get("/api/tenants/" + code).json();
        assertEquals(DISTRICT, unit.getString("parent"));
        assertEquals("commune", unit.getString("kind"));

        Api onFirstPassword = Api.as(admin, oneTime);
        JsonObject me = onFirstPassword.get("/api/me").json();
        assertEquals(code, me.getString("unit"));
        assertEquals("[\"UNIT_ADMIN\"]", me.getJsonArray("roles").toString());
        Api.Response beforeChange = onFirstPassword.get("/api/t/" + code + "/notices");
        assertEquals(403, beforeChange.status(), "a one-time password only lets its holder choose a new one");
        assertEquals("urn:egov:problem:password-change-required", beforeChange.json().getString("type"));
        Api firstAdmin = Fixtures.choosePassword(admin, oneTime);
        assertEquals(401, Api.as(admin, oneTime).get("/api/me").status(), "the one-time password is gone");
        JsonArray notices = firstAdmin.get("/api/t/" + code + "/notices").array();
        assertEquals(1, notices.size(), "the notices module's default: a welcome notice");
        assertEquals("Chào mừng đến với hệ thống", notices.getJsonObject(0).getString("title"));

        JsonArray trail = province.get("/api/t/" + DISTRICT + "/audit?action=unit.provisioned").array();
        assertTrue(trail.stream().map(JsonObject.class::cast).anyMatch(e -> e.getString("target").equals(code)
                && e.getString("unit").equals(code) && e.getString("after").contains("\"firstAdmin\":\"" + admin + "\"")), trail.toString());
    }

    @Test
    void aDistrictAdminWithSubtreeRightsProvisionsOnlyUnderTheirOwnDistrict() {
        Api districtAdmin = Api.as(Fixtures.user(DISTRICT, true, "UNIT_ADMIN"), PASSWORD);
        create(districtAdmin, DISTRICT, unique("xa-huyen"), unique("qt"));
        String cousin = unique("xa-khac");
        Api.Response refused = districtAdmin.post("/api/t/" + COUSIN_DISTRICT + "/units", newUnit(cousin, "Xã Khác", unique("qt")));
        assertEquals(403, refused.status(), refused.toString());
        assertEquals(404, Api.anonymous().get("/api/tenants/" + cousin).status(), "nothing was created");
        Api.Response ancestor = districtAdmin.post("/api/t/" + PROVINCE + "/units", newUnit(unique("so-moi"), "Sở Mới", unique("qt")));
        assertEquals(403, ancestor.status());

        Api plainAdmin = Api.as(Fixtures.user(DISTRICT, false, "UNIT_ADMIN"), PASSWORD);
        String code = unique("xa-khong");
        assertEquals(403, plainAdmin.post("/api/t/" + DISTRICT + "/units", newUnit(code, "Xã Không", unique("qt"))).status(),
                "without subtree rights a unit admin does not create sub-units");
        Api staff = Api.as(Fixtures.staff(DISTRICT), PASSWORD);
        assertEquals(403, staff.post("/api/t/" + DISTRICT + "/units", newUnit(code, "Xã Không", unique("qt"))).status());
        assertEquals(404, Api.anonymous().get("/api/tenants/" + code).status());
    }

    @Test
    void aFailureHalfWayLeavesNoHalfUnit() {
        Api province = Api.as(Fixtures.user(PROVINCE, true, "PROVINCE_ADMIN"), PASSWORD);
        String takenUsername = Fixtures.staff(DISTRICT);
        String code = unique("xa-nua");
        Api.Response r = province.post("/api/t/" + DISTRICT + "/units", newUnit(code, "Xã Nửa Chừng", takenUsername));
        assertEquals(409, r.status(), r.toString());
        assertTrue(r.json().getString("detail").contains("tên đăng nhập"), r.toString());
        assertEquals(404, Api.anonymous().get("/api/tenants/" + code).status(), "the unit row was rolled back with the rest");
        assertFalse(province.get("/api/t/" + DISTRICT + "/audit").body().contains(code), "and nothing was audited");
    }

    @Test
    void badInputIsRefusedWithTheReasonAndNothingIsCreated() {
        Api province = Api.as(Fixtures.user(PROVINCE, true, "PROVINCE_ADMIN"), PASSWORD);
        Api.Response accents = province.post("/api/t/" + DISTRICT + "/units", newUnit("xã-có-dấu", "Xã Có Dấu", unique("qt")));
        assertEquals(400, accents.status(), accents.toString());
        assertTrue(accents.json().getJsonObject("fields").containsKey("code"));
        Api.Response kind = province.post("/api/t/" + DISTRICT + "/units",
                "{\"code\":\"" + unique("xa") + "\",\"name\":\"X\",\"kind\":\"village\",\"firstAdmin\":{\"username\":\"abcd\",\"displayName\":\"A\"}}");
        assertEquals(400, kind.status());
        assertTrue(kind.json().getJsonObject("fields").containsKey("kind"), kind.toString());
        Api.Response noAdmin = province.post("/api/t/" + DISTRICT + "/units",
                "{\"code\":\"" + unique("xa") + "\",\"name\":\"X\",\"kind\":\"commune\"}");
        assertEquals(400, noAdmin.status());
        assertTrue(noAdmin.json().getJsonObject("fields").containsKey("firstAdmin"), noAdmin.toString());
        Api.Response duplicate = province.post("/api/t/" + DISTRICT + "/units", newUnit(Fixtures.COMMUNE, "Xã Trùng", unique("qt")));
        assertEquals(409, duplicate.status(), duplicate.toString());
        assertTrue(duplicate.json().getString("detail").contains("mã đơn vị"));
        Api.Response unknownParent = province.post("/api/t/khong-co-don-vi/units", newUnit(unique("xa"), "Xã", unique("qt")));
        assertEquals(404, unknownParent.status());
        Api.Response badDate = province.get("/api/t/" + DISTRICT + "/audit?from=2026-11-01");
        assertEquals(400, badDate.status());
        assertTrue(badDate.json().getString("detail").contains("dd/MM/yyyy"));
    }

    @Test
    void suspensionStopsLoginsKeepsDataAndOnlyTheParentSideCanLiftIt() {
        Api province = Api.as(Fixtures.user(PROVINCE, true, "PROVINCE_ADMIN"), PASSWORD);
        String code = unique("xa-tam-dung");
        String admin = unique("qt");
        JsonObject created = create(province, DISTRICT, code, admin);
        Api unitAdmin = Fixtures.choosePassword(admin, created.getJsonObject("firstAdmin").getString("oneTimePassword"));
        assertEquals(200, unitAdmin.get("/api/me").status());
        assertEquals(403, unitAdmin.post("/api/t/" + code + "/suspend", "").status(), "a unit does not suspend itself");

        Api districtAdmin = Api.as(Fixtures.user(DISTRICT, true, "UNIT_ADMIN"), PASSWORD);
        Api.Response suspended = districtAdmin.post("/api/t/" + code + "/suspend", "");
        assertEquals(200, suspended.status(), suspended.toString());
        assertEquals("urn:egov:problem:account-disabled", unitAdmin.get("/api/me").json().getString("type"));
        assertTrue(Api.anonymous().get("/t/" + code + "/", "text/html").body().contains("Đơn vị đang tạm dừng hoạt động."));

        assertEquals(200, districtAdmin.post("/api/t/" + code + "/reactivate", "").status());
        assertEquals(1, unitAdmin.get("/api/t/" + code + "/notices").array().size(), "the unit's data stayed");

        JsonArray suspensions = province.get("/api/t/" + code + "/audit?action=unit.suspended").array();
        assertEquals(1, suspensions.size(), suspensions.toString());
        assertEquals("{\"status\":\"active\"}", suspensions.getJsonObject(0).getString("before"));
        assertEquals("{\"status\":\"suspended\"}", suspensions.getJsonObject(0).getString("after"));
        assertEquals(1, province.get("/api/t/" + code + "/audit?action=unit.reactivated").array().size());
    }

    @Test
    void theAuditOfOneDistrictIsInvisibleToAnother() {
        Api province = Api.as(Fixtures.user(PROVINCE, true, "PROVINCE_ADMIN"), PASSWORD);
        String code = unique("xa-bi-mat");
        create(province, DISTRICT, code, unique("qt"));
        Api cousinAdmin = Api.as(Fixtures.user(COUSIN_DISTRICT, true, "UNIT_ADMIN"), PASSWORD);
        assertEquals(403, cousinAdmin.get("/api/t/" + DISTRICT + "/audit").status());
        assertEquals(403, cousinAdmin.get("/api/t/" + code + "/audit").status());
        Api.Response own = cousinAdmin.get("/api/t/" + COUSIN_DISTRICT + "/audit");
        assertEquals(200, own.status());
        assertFalse(own.body().contains(code));
    }

    @Test
    void aBatchIsCreatedWhollyOrNotAtAllAndResendingAddsOnlyWhatIsMissing() {
        Api province = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"), Fixtures.PASSWORD);
        String s = java.util.UUID.randomUUID().toString().substring(0, 6);
        String unit = "{\"parent\":\"%s\",\"unit\":{\"code\":\"%s\",\"name\":\"Xã Lô %s\",\"kind\":\"commune\","
                + "\"firstAdmin\":{\"username\":\"qt.%s\",\"displayName\":\"QT\",\"invite\":true}}}";
        String district = "{\"parent\":\"" + Fixtures.PROVINCE + "\",\"unit\":{\"code\":\"huyen-lo-" + s
                + "\",\"name\":\"Huyện Lô\",\"kind\":\"district\",\"firstAdmin\":{\"username\":\"qt.huyen-lo-" + s + "\",\"displayName\":\"QT\"}}}";
        String a = unit.formatted("huyen-lo-" + s, "xa-lo-a-" + s, "A", "xa-lo-a-" + s);
        String b = unit.formatted("huyen-lo-" + s, "xa-lo-b-" + s, "B", "xa-lo-b-" + s);
        // the second commune's parent does not exist: nothing of the batch is created, not even the district
        String bad = unit.formatted("huyen-khong-co-" + s, "xa-lo-c-" + s, "C", "xa-lo-c-" + s);
        Api.Response refused = province.post("/api/t/" + Fixtures.PROVINCE + "/units/batch", "[" + district + "," + a + "," + bad + "]");
        assertEquals(422, refused.status(), refused.toString());
        assertTrue(refused.json().getString("detail").contains("xa-lo-c-" + s), refused.body());
        assertEquals(404, Api.anonymous().get("/api/tenants/huyen-lo-" + s).status(), "the district was rolled back too");

        Api.Response first = province.post("/api/t/" + Fixtures.PROVINCE + "/units/batch", "[" + district + "," + a + "]");
        assertEquals(200, first.status(), first.toString());
        assertEquals(2, first.json().getJsonArray("created").size());
        assertTrue(first.json().getJsonArray("created").getJsonObject(1).getJsonObject("firstAdmin").containsKey("invitation"));
        Api.Response again = province.post("/api/t/" + Fixtures.PROVINCE + "/units/batch", "[" + district + "," + a + "," + b + "]");
        assertEquals(200, again.status(), again.toString());
        assertEquals(1, again.json().getJsonArray("created").size(), "only the missing one");
        assertEquals(2, again.json().getJsonArray("existing").size());
        assertEquals(1, province.get("/api/t/xa-lo-b-" + s + "/audit?action=unit.provisioned").array().size(), "audited like any other");

        // a district's admin cannot slip a unit in under another district
        Api districtAdmin = Api.as(Fixtures.user(Fixtures.DISTRICT, true, "UNIT_ADMIN"), Fixtures.PASSWORD);
        Api.Response outside = districtAdmin.post("/api/t/" + Fixtures.DISTRICT + "/units/batch",
                "[" + unit.formatted(Fixtures.COUSIN_DISTRICT, "xa-lo-d-" + s, "D", "xa-lo-d-" + s) + "]");
        assertEquals(403, outside.status(), outside.toString());
        assertEquals(404, Api.anonymous().get("/api/tenants/xa-lo-d-" + s).status());
        Api.Response tooMany = province.post("/api/t/" + Fixtures.PROVINCE + "/units/batch", "[]");
        assertEquals(400, tooMany.status(), tooMany.toString());
    }
}
