package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Delegation: unit administrators manage their own unit's users; subtree rights are the province's to give. */
class UsersIT extends DeployedEar {
    static final String UNIT = "xa-coc-san";
    static final String SIBLING = "xa-den-sang";

    private static String name(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String newUser(String username, String roles, boolean subtree) {
        return "{\"username\":\"" + username + "\",\"displayName\":\"Nguyễn Văn Thử\",\"roles\":[" + roles + "],\"subtreeRights\":" + subtree + "}";
    }

    @Test
    void aUnitAdminAddsStaffWhoCanWorkAtOnce() {
        Api admin = Api.as(Fixtures.user(UNIT, false, "UNIT_ADMIN"), Fixtures.PASSWORD);
        String username = name("cb");
        Api.Response created = admin.post("/api/t/" + UNIT + "/users", newUser(username, "\"STAFF\"", false));
        assertEquals(201, created.status(), created.toString());
        Api staff = Fixtures.choosePassword(username, created.json().getString("oneTimePassword"));
        assertEquals(UNIT, staff.get("/api/me").json().getString("unit"));
        assertEquals(201, staff.post("/api/t/" + UNIT + "/notices", "{\"title\":\"Việc đầu tiên\",\"body\":\"x\"}").status());
        assertTrue(admin.get("/api/t/" + UNIT + "/users").body().contains(username));

        Api.Response disabled = admin.put("/api/t/" + UNIT + "/users/" + username,
                "{\"displayName\":\"Nguyễn Văn Thử\",\"roles\":[\"STAFF\"],\"subtreeRights\":false,\"status\":\"disabled\"}");
        assertEquals(200, disabled.status(), disabled.toString());
        assertEquals("urn:egov:problem:account-disabled", staff.get("/api/me").json().getString("type"));
        JsonObject audited = admin.get("/api/t/" + UNIT + "/audit?action=user.changed").array().getJsonObject(0);
        assertTrue(audited.getString("before").contains("\"status\":\"active\"") && audited.getString("after").contains("\"status\":\"disabled\""));
    }

    @Test
    void onlyTheProvinceGrantsSubtreeRightsOrTheProvinceRole() {
        Api unitAdmin = Api.as(Fixtures.user(Fixtures.DISTRICT, false, "UNIT_ADMIN"), Fixtures.PASSWORD);
        Api.Response subtree = unitAdmin.post("/api/t/" + Fixtures.DISTRICT + "/users", newUser(name("qt"), "\"UNIT_ADMIN\"", true));
        assertEquals(403, subtree.status(), subtree.toString());
        assertEquals("urn:egov:problem:province-only", subtree.json().getString("type"));
        assertEquals(403, unitAdmin.post("/api/t/" + Fixtures.DISTRICT + "/users", newUser(name("qt"), "\"PROVINCE_ADMIN\"", false)).status());

        Api province = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"), Fixtures.PASSWORD);
        String username = name("qt");
        Api.Response granted = province.post("/api/t/" + Fixtures.DISTRICT + "/users", newUser(username, "\"UNIT_ADMIN\"", true));
        assertEquals(201, granted.status(), granted.toString());
        Api districtAdmin = Fixtures.choosePassword(username, granted.json().getString("oneTimePassword"));
        assertTrue(districtAdmin.get("/api/me").json().getJsonObject("scope").getBoolean("subtree"));
        assertEquals(200, districtAdmin.get("/api/t/" + Fixtures.COMMUNE + "/users").status(), "its rights reach the communes");

        Api.Response withdrawn = province.put("/api/t/" + Fixtures.DISTRICT + "/users/" + username,
                "{\"displayName\":\"QT\",\"roles\":[\"UNIT_ADMIN\"],\"subtreeRights\":false,\"status\":\"active\"}");
        assertEquals(200, withdrawn.status(), withdrawn.toString());
        assertEquals(403, districtAdmin.get("/api/t/" + Fixtures.COMMUNE + "/users").status(), "withdrawn at the next request");
    }

    @Test
    void aSiblingsAdministrationIsOutOfReach() {
        Api admin = Api.as(Fixtures.user(UNIT, false, "UNIT_ADMIN"), Fixtures.PASSWORD);
        String siblingStaff = Fixtures.staff(SIBLING);
        assertEquals(403, admin.get("/api/t/" + SIBLING + "/users").status());
        assertEquals(403, admin.post("/api/t/" + SIBLING + "/users", newUser(name("x"), "\"STAFF\"", false)).status());
        assertEquals(403, admin.put("/api/t/" + SIBLING + "/users/" + siblingStaff,
                "{\"displayName\":\"X\",\"roles\":[\"STAFF\"],\"subtreeRights\":false,\"status\":\"disabled\"}").status());
        Api.Response viaOwn = admin.put("/api/t/" + UNIT + "/users/" + siblingStaff,
                "{\"displayName\":\"X\",\"roles\":[\"STAFF\"],\"subtreeRights\":false,\"status\":\"disabled\"}");
        assertEquals(404, viaOwn.status(), "the sibling's user is not in this unit: " + viaOwn);
        assertFalse(admin.get("/api/t/" + UNIT + "/users").body().contains(siblingStaff));
        assertEquals(200, Api.as(siblingStaff, Fixtures.PASSWORD).get("/api/me").status(), "the sibling's user is untouched");
    }

    @Test
    void badUsersAreRefused() {
        Api admin = Api.as(Fixtures.user(UNIT, false, "UNIT_ADMIN"), Fixtures.PASSWORD);
        Api.Response bad = admin.post("/api/t/" + UNIT + "/users", newUser("Có Dấu", "\"CHIEF\"", false));
        assertEquals(400, bad.status(), bad.toString());
        assertTrue(bad.json().getJsonObject("fields").containsKey("username"), bad.toString());
        String taken = Fixtures.staff(SIBLING);
        Api.Response duplicate = admin.post("/api/t/" + UNIT + "/users", newUser(taken, "\"STAFF\"", false));
        assertEquals(409, duplicate.status(), duplicate.toString());
        assertEquals(400, admin.post("/api/t/" + UNIT + "/users", newUser(name("x"), "", false)).status(), "no role");
    }

    /**
     * A user's e-mail address (where urgent documents and notices reach them): given when added, kept in
     * lower case, changed, audited; a bad one refused beside its field with nothing stored; a sibling's administrator
     * neither reads nor changes it.
     */
    @Test
    void aUsersEmailAddressIsKeptChangedAndAudited() {
        Api admin = Api.as(Fixtures.user(UNIT, false, "UNIT_ADMIN"), Fixtures.PASSWORD);
        String username = name("vt");
        Api.Response bad = admin.post("/api/t/" + UNIT + "/users", """
                {"username":"%s","displayName":"Lù Văn Thư","roles":["STAFF","CLERK"],"subtreeRights":false,"email":"khong-phai-dia-chi"}
                """.formatted(username));
        assertEquals(400, bad.status(), bad.toString());
        assertTrue(bad.json().getJsonObject("fields").containsKey("email"), bad.toString());
        assertFalse(admin.get("/api/t/" + UNIT + "/users").body().contains(username), "nothing stored");

        Api.Response created = admin.post("/api/t/" + UNIT + "/users", """
                {"username":"%s","displayName":"Lù Văn Thư","roles":["STAFF","CLERK"],"subtreeRights":false,"email":"Van.Thu@CocSan.LaoCai.gov.vn"}
                """.formatted(username));
        assertEquals(201, created.status(), created.toString());
        assertEquals("van.thu@cocsan.laocai.gov.vn", one(admin, username).getString("email"));

        Api.Response changed = admin.put("/api/t/" + UNIT + "/users/" + username,
                "{\"displayName\":\"Lù Văn Thư\",\"roles\":[\"STAFF\",\"CLERK\"],\"subtreeRights\":false,\"status\":\"active\",\"email\":\"vanthu.xa@laocai.gov.vn\"}");
        assertEquals(200, changed.status(), changed.toString());
        assertEquals("vanthu.xa@laocai.gov.vn", one(admin, username).getString("email"));
        JsonObject audited = admin.get("/api/t/" + UNIT + "/audit?action=user.changed").array().stream().map(v -> v.asJsonObject())
                .filter(a -> username.equals(a.getString("target", ""))).findFirst().orElseThrow();
        assertTrue(audited.getString("before").contains("van.thu@cocsan.laocai.gov.vn") && audited.getString("after").contains("vanthu.xa@laocai.gov.vn"),
                audited.toString());

        Api sibling = Api.as(Fixtures.user(SIBLING, false, "UNIT_ADMIN"), Fixtures.PASSWORD);
        assertEquals(403, sibling.get("/api/t/" + UNIT + "/users").status());
        assertEquals(403, sibling.put("/api/t/" + UNIT + "/users/" + username,
                "{\"displayName\":\"X\",\"roles\":[\"STAFF\"],\"subtreeRights\":false,\"status\":\"active\",\"email\":\"ke-gian@example.vn\"}").status());
        assertFalse(sibling.get("/api/t/" + SIBLING + "/users").body().contains("vanthu.xa"), "not in the sibling's list");
        assertEquals("vanthu.xa@laocai.gov.vn", one(admin, username).getString("email"), "unchanged by the sibling");
    }

    private static JsonObject one(Api admin, String username) {
        return admin.get("/api/t/" + UNIT + "/users").array().stream().map(v -> v.asJsonObject())
                .filter(u -> username.equals(u.getString("username"))).findFirst().orElseThrow();
    }
}
