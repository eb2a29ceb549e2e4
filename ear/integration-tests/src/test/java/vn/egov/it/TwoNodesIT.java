package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.egov.provisioning.Log;
import vn.egov.provisioning.Platform;
import vn.egov.provisioning.Settings;

/**
 * Two nodes of one deployment: the test domain and a second Payara domain on the same database, joined in one data
 * grid. A settings change made through one node is seen through the other at once (the near cache is invalidated
 * cluster-wide), and a web session opened on one node is valid on the other. Both deploy the EAR as
 * {@code ./egov up} does (availability on); the second domain is stopped afterwards.
 */
class TwoNodesIT {
    static Platform second;

    @BeforeAll
    static void twoNodes() throws Exception {
        ItEnvironment.platform().upServer(true);
        Path project = Path.of(System.getProperty("egov.projectDir", "../..")).toAbsolutePath().normalize();
        second = new Platform(project, Settings.itSecondNode(project.resolve("work")), new Log(System.out))
                .sharingSearchWith(ItEnvironment.platform());
        second.upDatabase();
        second.upServer(true);
    }

    @AfterAll
    static void oneNode() throws Exception {
        try {
            if (second != null) {
                second.undeploy();
                second.stop();
            }
        } finally {
            ItEnvironment.platform().undeploy();
        }
    }

    private static JsonObject grid(Api node) {
        Api.Response health = node.get("/health/ready");
        assertEquals(200, health.status(), health.toString());
        return health.json().getJsonArray("checks").stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("name").equals("data-grid")).findFirst().orElseThrow().getJsonObject("data");
    }

    @Test
    void bothNodesAreOneDataGrid() {
        assertEquals("2", grid(Api.anonymous()).get("members").toString().replace("\"", ""));
        assertEquals("2", grid(Api.anonymous().at(second.baseUrl())).get("members").toString().replace("\"", ""));
    }

    @Test
    void aSettingsChangeThroughOneNodeIsSeenThroughTheOtherAtOnce() {
        Api province = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"), Fixtures.PASSWORD);
        String code = "xa-hai-nut-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, province.post("/api/t/" + Fixtures.DISTRICT + "/units", """
                {"code":"%s","name":"Xã Hai Nút","kind":"commune","firstAdmin":{"username":"qt.%s","displayName":"QT"}}
                """.formatted(code, code)).status());
        Api a = Api.as(Fixtures.user(code, false, "UNIT_ADMIN"), Fixtures.PASSWORD);
        Api b = a.at(second.baseUrl());
        // both nodes have read (and cached) the settings
        JsonObject seenByA = a.get("/api/t/" + code + "/settings").json();
        JsonObject seenByB = b.get("/api/t/" + code + "/settings").json();
        assertEquals(seenByA.getInt("version"), seenByB.getInt("version"));
        assertEquals("Xã Hai Nút", b.get("/api/t/" + code + "/settings").json().getString("displayName"));

        Api.Response changed = a.put("/api/t/" + code + "/settings", """
                {"displayName":"UBND Xã Hai Nút","defaultLanguage":"vi","version":%d}""".formatted(seenByA.getInt("version")));
        assertEquals(200, changed.status(), changed.toString());
        // the invalidation reaches the other node asynchronously (a Hazelcast event, sent at once, not batched):
        // read until it shows, for at most 5 s, and say how long it took (not asserted: tests never assert timings)
        // (probed every 20 ms so that the time measured means something; after 5 s the assertion below says what was seen)
        long start = System.nanoTime();
        String seen = Wait.untilOrLast("the change seen through the other node", Duration.ofSeconds(5), Duration.ofMillis(20),
                () -> b.get("/api/t/" + code + "/settings").json().getString("displayName"), "UBND Xã Hai Nút"::equals);
        System.out.printf("settings change seen on the other node after %.0f ms%n", (System.nanoTime() - start) / 1e6);
        assertEquals("UBND Xã Hai Nút", seen, "the other node's near cache was invalidated");
        assertEquals(true, Api.anonymous().at(second.baseUrl()).get("/t/" + code + "/", "text/html").body().contains("UBND Xã Hai Nút"));
    }

    @Test
    void aSessionOpenedOnOneNodeIsValidOnTheOther() {
        String user = Fixtures.staff(Fixtures.COMMUNE);
        Api browser = Api.browser();
        Api.Response login = browser.send("POST", "/login", "username=" + user + "&password="
                + URLEncoder.encode(Fixtures.PASSWORD, StandardCharsets.UTF_8), "application/x-www-form-urlencoded", "text/html");
        assertEquals(302, login.status(), login.toString());
        Api.Response me = browser.at(second.baseUrl()).get("/api/me");
        assertEquals(200, me.status(), "the session cookie from node A is a session on node B: " + me);
        assertEquals(user, me.json().getString("username"));
        browser.at(second.baseUrl()).get("/logout", "text/html");
        assertEquals(401, browser.get("/api/me").status(), "logging out on B ends the session on A too");
    }
}
