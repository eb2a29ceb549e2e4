package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Renaming and recoding a unit: old addresses redirect permanently, the history says where a code went. */
class RenameIT extends DeployedEar {

    private static String newUnit(Api province, String code) {
        Api.Response r = province.post("/api/t/" + Fixtures.DISTRICT + "/units", """
                {"code":"%s","name":"Xã Tên Cũ %s","kind":"commune","firstAdmin":{"username":"qt.%s","displayName":"QT"}}
                """.formatted(code, code, code));
        assertEquals(201, r.status(), r.toString());
        return code;
    }

    @Test
    void anOldCodeRedirectsToTheUnitsNewAddressAndTheHistoryKeepsIt() {
        Api province = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"), Fixtures.PASSWORD);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String oldCode = newUnit(province, "xa-cu-" + suffix);
        String newCode = "xa-moi-" + suffix;
        Api.Response renamed = province.post("/api/t/" + oldCode + "/rename",
                "{\"code\":\"" + newCode + "\",\"name\":\"Xã Tên Mới " + suffix + "\",\"reason\":\"Nghị quyết sáp nhập 2025\"}");
        assertEquals(200, renamed.status(), renamed.toString());

        Api.Response page = Api.anonymous().get("/t/" + oldCode + "/?lang=en", "text/html");
        assertEquals(301, page.status(), page.toString());
        assertEquals("/t/" + newCode + "/?lang=en", page.location());
        assertTrue(Api.anonymous().get("/t/" + newCode + "/", "text/html").body().contains("<h1>Xã Tên Mới " + suffix + "</h1>"),
                "the page shows the new name (the cached settings were dropped)");

        Api.Response api = province.get("/api/tenants/" + oldCode + "/ancestors");
        assertEquals(301, api.status());
        assertTrue(api.location().endsWith("/api/tenants/" + newCode + "/ancestors"), api.location());
        Api.Response write = province.post("/api/t/" + oldCode + "/notices", "{\"title\":\"x\",\"body\":\"y\"}");
        assertEquals(308, write.status(), "a write is redirected keeping its method");
        assertEquals("/api/t/" + newCode + "/notices", write.location());

        JsonArray history = Api.anonymous().get("/api/tenants/" + newCode + "/history").array();
        assertEquals(1, history.size());
        JsonObject change = history.getJsonObject(0);
        assertEquals(oldCode, change.getString("oldCode"));
        assertEquals(newCode, change.getString("newCode"));
        assertEquals("Nghị quyết sáp nhập 2025", change.getString("reason"));
        assertTrue(change.getString("at").matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}"), change.getString("at"));
        assertEquals(1, province.get("/api/t/" + newCode + "/audit?action=unit.renamed").array().size());
    }

    @Test
    void onlyTheParentSideRenamesAndCodesStayUnique() {
        Api province = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"), Fixtures.PASSWORD);
        String code = newUnit(province, "xa-doi-" + UUID.randomUUID().toString().substring(0, 8));
        Api ownAdmin = Api.as(Fixtures.user(code, false, "UNIT_ADMIN"), Fixtures.PASSWORD);
        assertEquals(403, ownAdmin.post("/api/t/" + code + "/rename", "{\"code\":\"" + code + "-x\",\"name\":\"X\"}").status());
        Api.Response taken = province.post("/api/t/" + code + "/rename", "{\"code\":\"" + Fixtures.COMMUNE + "\",\"name\":\"Trùng\"}");
        assertEquals(409, taken.status(), taken.toString());
        Api.Response bad = province.post("/api/t/" + code + "/rename", "{\"code\":\"Mã Có Dấu\",\"name\":\"\"}");
        assertEquals(400, bad.status());
        assertTrue(bad.json().getJsonObject("fields").containsKey("code") && bad.json().getJsonObject("fields").containsKey("name"));
        assertEquals(200, Api.anonymous().get("/api/tenants/" + code).status(), "unchanged");
    }
}
