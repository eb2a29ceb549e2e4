package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A paper dossier sent by post: the citizen asks for a pickup; the postal service (its simulator) gets the booking
 * through the outbox and gives a tracking number; its delivery report puts the papers on the unit's desk; the staff
 * receive them as a dossier of the 'post' channel that the citizen then follows in their account. Another unit
 * sees nothing of it.
 */
class PickupIT extends DeployedEar {

    @Test
    void aPaperDossierPickedUpByThePostIsReceivedAtTheDeskAndFollowedByItsApplicant() throws Exception {
        Api province = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"), Fixtures.PASSWORD);
        String procedure = ProceduresIT.code();
        String definition = ProcessingIT.definition(procedure).replace("\"channels\":[\"online\",\"counter\"]", "\"channels\":[\"online\",\"counter\",\"post\"]");
        assertTrue(definition.contains("\"post\""));
        assertEquals(200, province.post("/api/t/" + Fixtures.PROVINCE + "/procedures/import", "[" + definition + "]").status());
        String unit = PortalIT.commune("xa-buu-chinh");
        assertEquals(201, PortalIT.as(unit, "UNIT_ADMIN").put("/api/t/" + unit + "/procedures/adopted/" + procedure, "").status());
        String citizen = Fixtures.user(Fixtures.COMMUNE, false, "CITIZEN");
        Api me = Api.as(citizen, Fixtures.PASSWORD);
        String staff = Fixtures.oneStop(unit);
        Api desk = Api.as(staff, Fixtures.PASSWORD);

        // refused: no address; a procedure not taken by post
        assertEquals(400, me.post("/api/me/pickups", "{\"unit\":\"" + unit + "\",\"procedure\":\"" + procedure + "\"}").status());
        Api.Response tooLong = me.post("/api/me/pickups", "{\"unit\":\"" + unit + "\",\"procedure\":\"" + procedure + "\",\"address\":\""
                + "Thôn Lùng Vai ".repeat(40) + "\"}");
        assertEquals(400, tooLong.status(), tooLong.toString());
        assertTrue(tooLong.json().getJsonObject("fields").containsKey("address"), "beside the address: " + tooLong);
        Api.Response asked = me.post("/api/me/pickups", "{\"unit\":\"" + unit + "\",\"procedure\":\"" + procedure
                + "\",\"address\":\"Thôn Lùng Vai, xã Quang Kim, huyện Bát Xát\",\"email\":\"pickup@example.vn\"}");
        assertEquals(201, asked.status(), asked.toString());
        long id = asked.json().getJsonNumber("id").longValue();
        assertEquals(403, desk.post("/api/me/pickups", "{\"unit\":\"" + unit + "\",\"procedure\":\"" + procedure + "\",\"address\":\"x\"}").status(),
                "staff do not ask for pickups");

        // booked with the postal service through the outbox: a tracking number comes back
        PortalIT.await("the pickup booked", () -> me.get("/api/me/pickups").array().getJsonObject(0).containsKey("tracking"), 30);
        JsonObject booked = me.get("/api/me/pickups").array().getJsonObject(0);
        assertEquals(id, booked.getJsonNumber("id").longValue());
        String tracking = booked.getString("tracking");
        assertTrue(tracking.matches("EB[0-9]{9}VN"), tracking);
        assertEquals("[]", desk.get("/api/t/" + unit + "/dossiers/pickups").body(), "not arrived yet");

        // the postal service brings the papers: they wait at the unit's desk, and only there
        assertEquals(200, province.post("/api/sim/vnpost/deliveries", "{\"trackingNumber\":\"" + tracking + "\"}").json().getInt("reported"));
        assertTrue(desk.get("/api/t/" + unit + "/dossiers/pickups").body().contains("\"id\":" + id));
        assertEquals("[]", PortalIT.as(Fixtures.SIBLING_COMMUNE, "STAFF").get("/api/t/" + Fixtures.SIBLING_COMMUNE + "/dossiers/pickups").body());

        // received at the desk as a 'post' dossier of the citizen's account
        Map<String, String> parts = new java.util.LinkedHashMap<>(Map.of("procedure", procedure, "form", "{\"fullName\":\"Sần Thị Mai\"}", "pickup",
                String.valueOf(id)));
        HttpResponse<String> received = ProcessingIT.multipart(staff, "/api/t/" + unit + "/dossiers", parts, Map.of("paper.to-khai", DossiersIT.PDF));
        assertEquals(201, received.statusCode(), received.body());
        JsonObject d = DossiersIT.json(received.body());
        assertEquals("post", d.getString("channel"));
        String code = d.getString("code");
        assertEquals("received", me.get("/api/me/pickups").array().getJsonObject(0).getString("status"));
        JsonObject mine = me.get("/api/me/dossiers/" + code).json();
        assertEquals("post", mine.getString("channel"));
        assertTrue(mine.getJsonArray("history").toString().contains("qua bưu chính"));
        // the same pickup cannot be received twice
        HttpResponse<String> again = ProcessingIT.multipart(staff, "/api/t/" + unit + "/dossiers", parts, Map.of("paper.to-khai", DossiersIT.PDF));
        assertEquals(409, again.statusCode(), again.body());
    }
}
