package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.egov.it.Fixtures.COMMUNE;
import static vn.egov.it.Fixtures.COUSIN_COMMUNE;
import static vn.egov.it.Fixtures.DISTRICT;
import static vn.egov.it.Fixtures.PASSWORD;
import static vn.egov.it.Fixtures.PROVINCE;
import static vn.egov.it.Fixtures.SIBLING_COMMUNE;

import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Write as unit A, then read, list, update and delete as a user of unit B, through the REST API: B sees
 * nothing, changes nothing. For parent/child, siblings and cousins, both ways where it matters; and the
 * positive controls (A's own staff, a parent admin holding subtree rights) so that "nothing" is not an
 * accident of a broken API.
 */
class NoticeIsolationIT extends DeployedEar {

    @Test
    void siblingsSeeNothingOfEachOther() {
        crossTenant(COMMUNE, SIBLING_COMMUNE);
        crossTenant(SIBLING_COMMUNE, COMMUNE);
    }

    @Test
    void cousinsSeeNothingOfEachOther() {
        crossTenant(COMMUNE, COUSIN_COMMUNE);
    }

    @Test
    void aChildSeesNothingOfItsParent() {
        crossTenant(DISTRICT, COMMUNE);
        crossTenant(PROVINCE, DISTRICT);
    }

    @Test
    void aParentWithoutSubtreeRightsSeesNothingOfItsChild() {
        crossTenant(COMMUNE, DISTRICT);
    }

    @Test
    void aParentAdminWithSubtreeRightsReadsTheChildButNotACousin() {
        String staffA = Fixtures.staff(COMMUNE);
        long id = create(staffA, COMMUNE, "Họp giao ban tuần " + UUID.randomUUID());
        String districtAdmin = Fixtures.user(DISTRICT, true, "UNIT_ADMIN");
        Api admin = Api.as(districtAdmin, PASSWORD);
        Api.Response read = admin.get("/api/t/" + COMMUNE + "/notices/" + id);
        assertEquals(200, read.status(), read.toString());
        String cousinStaff = Fixtures.staff(COUSIN_COMMUNE);
        long cousinId = create(cousinStaff, COUSIN_COMMUNE, "Thông báo của xã khác");
        Api.Response cousin = admin.get("/api/t/" + COUSIN_COMMUNE + "/notices/" + cousinId);
        assertEquals(403, cousin.status(), cousin.toString());
        assertTrue(cousin.isProblem());
    }

    /** A writes a notice; every operation of B on it fails and the row stays exactly as A wrote it. */
    private static void crossTenant(String unitA, String unitB) {
        String staffA = Fixtures.staff(unitA);
        String staffB = Fixtures.staff(unitB);
        String title = "Bí mật của " + unitA + " " + UUID.randomUUID();
        JsonObject written = createJson(staffA, unitA, title);
        long id = written.getJsonNumber("id").longValue();
        int version = written.getInt("version");

        Api a = Api.as(staffA, PASSWORD);
        assertEquals(200, a.get("/api/t/" + unitA + "/notices/" + id).status(), "A reads its own notice");

        Api b = Api.as(staffB, PASSWORD);
        // through A's address: refused at the edge
        Api.Response viaA = b.get("/api/t/" + unitA + "/notices/" + id);
        assertEquals(403, viaA.status(), viaA.toString());
        assertTrue(viaA.isProblem());
        assertEquals(403, b.get("/api/t/" + unitA + "/notices").status());
        assertEquals(403, b.put("/api/t/" + unitA + "/notices/" + id, "{\"title\":\"x\",\"body\":\"y\"}").status());
        assertEquals(403, b.delete("/api/t/" + unitA + "/notices/" + id).status());
        // through B's own address with A's id: row-level security hides it
        Api.Response viaB = b.get("/api/t/" + unitB + "/notices/" + id);
        assertEquals(404, viaB.status(), viaB.toString());
        assertTrue(viaB.isProblem());
        Api.Response list = b.get("/api/t/" + unitB + "/notices?limit=100");
        assertEquals(200, list.status());
        assertFalse(list.body().contains(title), "B's list must not contain A's notice");
        assertEquals(404, b.put("/api/t/" + unitB + "/notices/" + id,
                "{\"title\":\"đã sửa\",\"body\":\"đã sửa\"}").status());
        assertEquals(404, b.delete("/api/t/" + unitB + "/notices/" + id).status());

        assertEquals(1, Fixtures.countNotices("id = ? AND title = ? AND version = ?", id, title, version),
                "A's notice is unchanged after B's attempts");
    }

    static long create(String username, String unit, String title) {
        return createJson(username, unit, title).getJsonNumber("id").longValue();
    }

    static JsonObject createJson(String username, String unit, String title) {
        Api.Response r = Api.as(username, PASSWORD).post("/api/t/" + unit + "/notices",
                "{\"title\":\"" + title + "\",\"body\":\"Nội dung: lịch họp, địa điểm, thành phần.\"}");
        assertEquals(201, r.status(), r.toString());
        JsonObject created = r.json();
        assertEquals(unit, created.getString("unit"));
        assertEquals(title, created.getString("title"));
        return created;
    }
}
