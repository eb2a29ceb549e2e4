package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The leaders' dashboard through its API ({@code /api/t/{unit}/dashboard}): the figures of each district of the
 * province and, one level down, of each commune equal a count of the same dossiers over the same period made with the
 * test's own SQL; the months, the overdue list with who holds each dossier, the Decision 766 index's components
 * (those the platform cannot know say so, with no number). And isolation: a commune's leader sees nothing of another
 * commune, a district's nothing of another district, through the API or the page.
 */
class DashboardIT extends DeployedEar {
    static DashboardData data;

    @BeforeAll
    static void dossiers() throws Exception {
        data = new DashboardData();
    }

    static JsonObject row(JsonObject dashboard, String unit) {
        return dashboard.getJsonArray("units").stream().map(JsonValue::asJsonObject).filter(u -> u.getString("unit").equals(unit)).findFirst()
                .orElseThrow(() -> new AssertionError(unit + " not in " + dashboard));
    }

    static void sameAsCounted(JsonObject row, Map<String, Long> counted) {
        for (Map.Entry<String, Long> e : counted.entrySet()) {
            assertEquals(e.getValue().longValue(), row.getJsonNumber(e.getKey()).longValue(), e.getKey() + " of " + row.getString("unit"));
        }
    }

    @Test
    void theFiguresOfEachDistrictAndEachCommuneEqualACountOfTheSameDossiers() throws Exception {
        Api leader = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "UNIT_ADMIN"), Fixtures.PASSWORD);
        Api.Response r = leader.get("/api/t/" + Fixtures.PROVINCE + "/dashboard?" + data.period());
        assertEquals(200, r.status(), r.toString());
        JsonObject province = r.json();
        assertTrue(province.getBoolean("subtree"));
        // one row per unit directly under the province: the new districts among them, each the sum of its communes
        for (String district : List.of(data.districtA, data.districtB)) {
            JsonObject row = row(province, district);
            assertTrue(row.getBoolean("hasUnitsBelow"));
            sameAsCounted(row, data.expected(district));
        }
        assertTrue(province.getJsonArray("units").stream().noneMatch(u -> data.communes.containsKey(u.asJsonObject().getString("unit"))),
                "communes are one level down");
        Map<String, Long> all = data.expected(Fixtures.PROVINCE);
        sameAsCounted(province.getJsonObject("total"), all);
        assertEquals(all.get("overdueNow").longValue(), province.getJsonNumber("overdueCount").longValue());

        // the drill-down: district A's communes, each equal to its own count; the months of the district
        JsonObject a = leader.get("/api/t/" + Fixtures.PROVINCE + "/dashboard?" + data.period() + "&within=" + data.districtA).json();
        assertEquals(data.districtA, a.getString("focus"));
        int communes = 0;
        for (Map.Entry<String, String> c : data.communes.entrySet()) {
            if (c.getValue().equals(data.districtA)) {
                JsonObject row = row(a, c.getKey());
                assertFalse(row.getBoolean("hasUnitsBelow"));
                Map<String, Long> counted = data.expected(c.getKey());
                assertTrue(counted.get("early") > 0 && counted.get("onTime") > 0 && counted.get("late") > 0 && counted.get("overdueNow") > 0
                        && counted.get("inProgress") > 0 && counted.get("refused") > 0, "realistic states: " + counted);
                sameAsCounted(row, counted);
                communes++;
            }
        }
        assertEquals(2, communes);
        assertEquals(2, a.getJsonArray("units").size(), "the district has no dossiers of its own: its two communes only");
        sameAsCounted(a.getJsonObject("total"), data.expected(data.districtA));
        Map<String, Long> months = data.receivedByMonth(data.districtA);
        assertTrue(months.size() >= 2, "dossiers in several months: " + months);
        for (JsonValue m : a.getJsonArray("months")) {
            JsonObject month = m.asJsonObject();
            assertEquals(months.getOrDefault(month.getString("month"), 0L).longValue(), month.getJsonNumber("received").longValue(), month.toString());
        }

        // the overdue dossiers with who holds them: the commune, and the person it was given to (their name)
        List<JsonObject> overdue = a.getJsonArray("overdue").stream().map(JsonValue::asJsonObject).toList();
        assertEquals(data.expected(data.districtA).get("overdueNow").longValue(), overdue.size());
        String first = data.overdue.get(0);
        JsonObject listed = overdue.stream().filter(o -> o.getString("code").equals(first)).findFirst().orElseThrow();
        assertEquals("Xã Bảng " + data.communes.keySet().iterator().next(), listed.getString("holder"));
        assertEquals("Người dùng thử " + data.staff.values().iterator().next(), listed.getString("assignee"));
        assertTrue(listed.getInt("daysLate") >= 3, listed.toString());

        // the index: progress from the results' timeliness, online service from the channel; publicity never known
        JsonObject index = row(a, data.communes.keySet().iterator().next()).getJsonObject("index");
        JsonObject progress = index.getJsonObject("progress");
        assertEquals(20, progress.getInt("max"));
        JsonObject c1 = row(a, data.communes.keySet().iterator().next());
        assertEquals(c1.getJsonNumber("early").longValue() + c1.getJsonNumber("onTime").longValue(), progress.getJsonNumber("part").longValue());
        assertEquals(c1.getJsonNumber("done").longValue(), progress.getJsonNumber("whole").longValue());
        assertEquals(12.0, index.getJsonObject("online").getJsonNumber("points").doubleValue(), 0.001, "every dossier was submitted online");
        assertEquals(JsonValue.ValueType.NULL, index.getJsonObject("publicity").get("points").getValueType());
        assertNotNull(index.getJsonObject("publicity").getString("unknownBecause"));
        assertEquals(JsonValue.ValueType.NULL, index.getJsonObject("payment").get("points").getValueType(), "no fees owed: not known");
    }

    @Test
    void aLeaderSeesOnlyTheirOwnSubtree() throws Exception {
        String[] c = data.communes.keySet().toArray(String[]::new);
        String commune = c[0];
        String sibling = c[1];
        String cousin = c[2];
        String communeAdmin = Fixtures.user(commune, true, "UNIT_ADMIN");
        Api communeLeader = Api.as(communeAdmin, Fixtures.PASSWORD);
        Api.Response own = communeLeader.get("/api/t/" + commune + "/dashboard?" + data.period());
        assertEquals(200, own.status(), own.toString());
        assertEquals(List.of(commune), own.json().getJsonArray("units").stream().map(u -> u.asJsonObject().getString("unit")).toList());
        sameAsCounted(row(own.json(), commune), data.expected(commune));
        // another commune of the same district: not by its address, not by a drill-down from one's own, not on the page
        assertEquals(403, communeLeader.get("/api/t/" + sibling + "/dashboard?" + data.period()).status());
        assertEquals(404, communeLeader.get("/api/t/" + commune + "/dashboard?" + data.period() + "&within=" + sibling).status());
        assertEquals(403, communeLeader.get("/api/t/" + sibling + "/dashboard?" + data.period() + "&format=csv", "text/csv").status());
        Api session = session(communeAdmin);
        assertEquals(200, session.get("/t/" + commune + "/admin/dossier-stats", "text/html").status());
        assertEquals(403, session.get("/t/" + sibling + "/admin/dossier-stats", "text/html").status());
        Api.Response page = session.get("/t/" + commune + "/admin/dossier-stats?within=" + sibling, "text/html");
        assertEquals(404, page.status());
        assertFalse(page.body().contains("Xã Bảng " + sibling), "nothing of the sibling but the code asked for");
        // a district's leader: their communes, never the other district's
        Api districtLeader = Api.as(Fixtures.user(data.districtA, true, "UNIT_ADMIN"), Fixtures.PASSWORD);
        JsonObject district = districtLeader.get("/api/t/" + data.districtA + "/dashboard?" + data.period()).json();
        assertEquals(List.of(commune, sibling), district.getJsonArray("units").stream().map(u -> u.asJsonObject().getString("unit")).toList());
        assertEquals(404, districtLeader.get("/api/t/" + data.districtA + "/dashboard?" + data.period() + "&within=" + cousin).status());
        assertEquals(404, districtLeader.get("/api/t/" + data.districtA + "/dashboard?" + data.period() + "&within=" + Fixtures.PROVINCE).status());
        assertEquals(403, districtLeader.get("/api/t/" + data.districtB + "/dashboard?" + data.period()).status());
        String csv = districtLeader.get("/api/t/" + data.districtA + "/dashboard?" + data.period() + "&format=csv", "text/csv").body();
        assertTrue(csv.contains(commune) && !csv.contains(cousin), csv);
        // a staff member without rights over the subtree sees their own unit's figures only
        Api staff = Api.as(data.staff.get(commune), Fixtures.PASSWORD);
        JsonObject mine = staff.get("/api/t/" + commune + "/dashboard?" + data.period()).json();
        assertFalse(mine.getBoolean("subtree"));
        assertEquals(400, staff.get("/api/t/" + commune + "/dashboard?from=31/02/2026&to=01/03/2026").status());
    }

    /** A cookie session of the HTTP client, logged in through the form (the desk's pages take no Basic credentials). */
    static Api session(String username) {
        Api api = Api.browser();
        Api.Response login = api.send("POST", "/login", "username=" + username + "&password="
                + java.net.URLEncoder.encode(Fixtures.PASSWORD, java.nio.charset.StandardCharsets.UTF_8), "application/x-www-form-urlencoded", "text/html");
        assertEquals(302, login.status(), login.toString());
        return api;
    }
}
