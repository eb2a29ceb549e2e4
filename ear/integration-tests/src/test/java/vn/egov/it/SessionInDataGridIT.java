package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Web sessions live in Payara's Hazelcast data grid, so a second node sees them. Arquillian cannot deploy
 * with availability enabled, so this class deploys the EAR exactly as {@code ./egov up} does, and removes it
 * afterwards.
 */
class SessionInDataGridIT {

    @BeforeAll
    static void deployAsTheRunCommandDoes() throws Exception {
        ItEnvironment.platform().upServer(true);
    }

    @AfterAll
    static void undeploy() throws Exception {
        ItEnvironment.platform().undeploy();
    }

    private static JsonObject dataGrid() {
        Api.Response health = Api.anonymous().get("/health/ready");
        assertEquals(200, health.status(), health.toString());
        return health.json().getJsonArray("checks").stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("name").equals("data-grid")).findFirst().orElseThrow().getJsonObject("data");
    }

    @Test
    void aLoginCreatesASessionHeldByTheDataGrid() {
        JsonObject before = dataGrid();
        assertEquals("egov-it", before.getString("cluster"), "the test domain has its own grid");
        int sessionsBefore = Integer.parseInt(before.getString("sessionsInGrid"));

        String user = Fixtures.staff(Fixtures.COMMUNE);
        Api browser = Api.browser();
        Api.Response login = browser.send("POST", "/login", "username=" + user + "&password="
                + URLEncoder.encode(Fixtures.PASSWORD, StandardCharsets.UTF_8), "application/x-www-form-urlencoded", "text/html");
        assertEquals(302, login.status(), login.toString());
        assertEquals(200, browser.get("/api/me").status());

        int sessionsAfter = Integer.parseInt(dataGrid().getString("sessionsInGrid"));
        assertTrue(sessionsAfter >= sessionsBefore + 1, "sessions in the grid: before " + sessionsBefore + ", after " + sessionsAfter);
    }
}
