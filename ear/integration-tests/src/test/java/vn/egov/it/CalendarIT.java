package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * The province's working-day calendar through the deployed EAR: anyone reads a year and computes deadlines (an
 * unconfirmed year follows the statutory proposal, Tết from the Vietnamese lunar calendar); only the province's
 * administrators confirm a year's days, and bad days are refused with the item named and nothing changed. Uses a
 * far year (2091) of its own, so that it leaves the years other tests count in as they were.
 */
class CalendarIT extends DeployedEar {
    static final int YEAR = 2091;

    @Test
    void aYearFollowsTheLawUntilTheProvinceConfirmsItsOwnDays() {
        Api province = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"), Fixtures.PASSWORD);
        province.delete("/api/calendar/" + YEAR); // a previous run's confirmation, if any
        Api anyone = Api.anonymous();

        JsonObject proposed = anyone.get("/api/calendar/" + YEAR).json();
        assertFalse(proposed.getBoolean("confirmed"));
        assertEquals("statutory-proposal", proposed.getString("source"));
        assertTrue(proposed.getJsonArray("days").toString().contains("Tết Nguyên đán (mùng 1)"), proposed.toString());
        String before = anyone.get("/api/calendar/deadline?from=02/01/" + YEAR + "&days=20").json().getString("dueDisplay");

        // days a province might decide: 4 and 5 January off, Saturday 13 January worked in exchange
        String days = """
                {"note":"Theo quyết định của UBND tỉnh","days":[
                  {"date":"01/01/%1$d","kind":"day_off","name":"Tết Dương lịch"},
                  {"date":"04/01/%1$d","kind":"day_off","name":"Nghỉ theo quyết định của tỉnh"},
                  {"date":"%1$d-01-05","kind":"day_off","name":"Nghỉ theo quyết định của tỉnh"},
                  {"date":"13/01/%1$d","kind":"working_day","name":"Làm bù"}]}""".formatted(YEAR);

        // only the province's administrators: not a commune's, not a visitor
        Api communeAdmin = Api.as(Fixtures.user(Fixtures.COMMUNE, false, "UNIT_ADMIN"), Fixtures.PASSWORD);
        assertEquals(403, communeAdmin.put("/api/calendar/" + YEAR, days).status());
        assertEquals(401, anyone.put("/api/calendar/" + YEAR, days).status());
        Api districtAdmin = Api.as(Fixtures.user(Fixtures.DISTRICT, true, "UNIT_ADMIN"), Fixtures.PASSWORD);
        assertEquals(403, districtAdmin.put("/api/calendar/" + YEAR, days).status(), "a district's admin does not set the province's days");
        assertFalse(anyone.get("/api/calendar/" + YEAR).json().getBoolean("confirmed"), "nothing changed");

        // bad days: the items are named, nothing is kept
        Api.Response bad = province.put("/api/calendar/" + YEAR, """
                {"days":[{"date":"01/01/%1$d","kind":"day_off","name":"Tết Dương lịch"},
                         {"date":"03/01/%1$d","kind":"working_day","name":"Làm bù"},
                         {"date":"01/01/2090","kind":"day_off","name":"Năm khác"},
                         {"date":"31/02/%1$d","kind":"day_off","name":"Không có ngày này"}]}""".formatted(YEAR));
        assertEquals(400, bad.status(), bad.toString());
        assertTrue(bad.isProblem());
        for (String field : new String[] {"days[1].kind", "days[2].date", "days[3].date"}) {
            assertTrue(bad.body().contains("\"" + field + "\""), field + " in " + bad.body());
        }
        assertFalse(anyone.get("/api/calendar/" + YEAR).json().getBoolean("confirmed"), "nothing changed");

        // confirmed
        Api.Response saved = province.put("/api/calendar/" + YEAR, days);
        assertEquals(200, saved.status(), saved.toString());
        JsonObject year = anyone.get("/api/calendar/" + YEAR).json();
        assertTrue(year.getBoolean("confirmed"));
        assertEquals(4, year.getJsonArray("days").size());
        assertEquals("Theo quyết định của UBND tỉnh", year.getString("note"));
        assertEquals("13/01/" + YEAR, year.getJsonArray("days").getJsonObject(3).getString("display"));
        // 2091-01-02 is a Tuesday: Wed 3 (1), [Thu 4, Fri 5 off], Mon 8 (2), Tue 9 (3), Wed 10 (4), Thu 11 (5), Fri 12 (6), Sat 13 worked (7)
        JsonObject due = anyone.get("/api/calendar/deadline?from=02/01/" + YEAR + "&days=7").json();
        assertEquals("13/01/" + YEAR, due.getString("dueDisplay"), due.toString());

        // taken back: the law's proposal again, and the same deadline as before
        assertEquals(204, province.delete("/api/calendar/" + YEAR).status());
        assertFalse(anyone.get("/api/calendar/" + YEAR).json().getBoolean("confirmed"));
        assertEquals(before, anyone.get("/api/calendar/deadline?from=02/01/" + YEAR + "&days=20").json().getString("dueDisplay"));
        assertEquals(404, province.delete("/api/calendar/" + YEAR).status(), "nothing left to take back");
    }

    @Test
    void theProvincesAdministratorConfirmsAYearOnTheAdminPageAndOthersOnlySeeIt() throws Exception {
        int year = 2092;
        String provinceAdmin = Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN");
        Api.as(provinceAdmin, Fixtures.PASSWORD).delete("/api/calendar/" + year);
        FormSession admin = new FormSession(provinceAdmin);
        String page = "/t/" + Fixtures.PROVINCE + "/admin/calendar?year=" + year;
        FormSession.Page shown = admin.get(page);
        assertEquals(200, shown.status());
        assertTrue(shown.body().contains("Chưa xác nhận"), "a year nobody confirmed says so");
        assertTrue(shown.body().contains("01/01/" + year + "; nghỉ; Tết Dương lịch"), "the form starts from the proposal");

        // a bad list: each bad line named, in Vietnamese, the text kept, nothing saved
        String bad = "01/01/" + year + "; nghỉ; Tết Dương lịch\n31/02/" + year + "; nghỉ; Không có ngày này\n07/01/" + year + "; làm bù; Thứ Hai\n";
        FormSession.Page refused = admin.post(page, page, java.util.List.of(java.util.Map.entry("days", bad), java.util.Map.entry("action", "confirm")));
        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("Dòng 2: ngày &quot;31/02/" + year + "&quot; không hợp lệ") || refused.body().contains("Dòng 2: ngày \"31/02/" + year),
                refused.body());
        assertTrue(refused.body().contains("Không có ngày này"), "the text comes back as typed");
        assertFalse(Api.anonymous().get("/api/calendar/" + year).json().getBoolean("confirmed"));
        // the calendar's own rule (a make-up day on a Monday), named by line too
        FormSession.Page monday = admin.post(page, page, java.util.List.of(java.util.Map.entry("days",
                "01/01/" + year + "; nghỉ; Tết Dương lịch\n07/01/" + year + "; làm bù; Thứ Hai"), java.util.Map.entry("action", "confirm")));
        assertEquals(400, monday.status());
        assertTrue(monday.body().contains("Dòng 2: Ngày làm bù phải là thứ Bảy hoặc Chủ nhật"), monday.body());

        FormSession.Page ok = admin.post(page, page, java.util.List.of(java.util.Map.entry("days",
                "01/01/" + year + "; nghỉ; Tết Dương lịch\n# thứ Bảy làm bù\n05/01/" + year + "; làm bù; Làm bù cho ngày 02/01"),
                java.util.Map.entry("note", "Thông báo số 1/TB-UBND"), java.util.Map.entry("action", "confirm")));
        assertEquals(303, ok.status(), ok.body());
        JsonObject confirmed = Api.anonymous().get("/api/calendar/" + year).json();
        assertTrue(confirmed.getBoolean("confirmed"));
        assertEquals(2, confirmed.getJsonArray("days").size());
        assertEquals("working_day", confirmed.getJsonArray("days").getJsonObject(1).getString("kind"));
        assertTrue(admin.get(page).body().contains("Đã xác nhận bởi"));

        // a commune's administrator sees the year, without the form, and cannot post one
        String communeAdmin = Fixtures.user(Fixtures.COMMUNE, false, "UNIT_ADMIN");
        FormSession commune = new FormSession(communeAdmin);
        String communePage = "/t/" + Fixtures.COMMUNE + "/admin/calendar?year=" + year;
        FormSession.Page seen = commune.get(communePage);
        assertEquals(200, seen.status());
        assertTrue(seen.body().contains("Làm bù cho ngày 02/01") && !seen.body().contains("id=\"confirm\""), seen.body());
        // (the commune's page has no form to take a token from: any page of the session gives the same token)
        assertEquals(403, commune.post("/t/" + Fixtures.COMMUNE + "/admin/settings", communePage,
                java.util.List.of(java.util.Map.entry("action", "unconfirm"))).status());
        assertTrue(Api.anonymous().get("/api/calendar/" + year).json().getBoolean("confirmed"), "unchanged");

        assertEquals(303, admin.post(page, page, java.util.List.of(java.util.Map.entry("action", "unconfirm"))).status());
        assertFalse(Api.anonymous().get("/api/calendar/" + year).json().getBoolean("confirmed"));
    }

    @Test
    void aDeadlineCrossesTheNewYearAndBadQuestionsAreAnsweredClearly() {
        Api anyone = Api.anonymous();
        // the proposals for 2095 and 2096 (no one confirms those): received Thursday 29/12/2095; Friday 30 (1); 1/1/2096
        // is a Sunday, so Monday 2/1 is its day off; Tuesday 3/1 (2), Wednesday 4/1 (3)
        JsonObject due = anyone.get("/api/calendar/deadline?from=2095-12-29&days=3").json();
        assertEquals("04/01/2096", due.getString("dueDisplay"), due.toString());
        Api.Response bad = anyone.get("/api/calendar/deadline?from=31/02/2026&days=-3");
        assertEquals(400, bad.status());
        assertTrue(bad.isProblem() && bad.body().contains("\"from\"") && bad.body().contains("\"days\""), bad.body());
        assertEquals(400, anyone.get("/api/calendar/1999").status(), "years 2000 to 2100");
    }
}
