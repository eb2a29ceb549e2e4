package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the one audit trail (every module writes to it) the way a unit's administrator does: its API. */
final class AuditTrail {
    private AuditTrail() {
    }

    /** The entries of {@code unit} (and below) with {@code action}, newest first, as {@code api} may read them. */
    static List<JsonObject> of(Api api, String unit, String action) {
        Api.Response r = api.get("/api/t/" + unit + "/audit?action=" + URLEncoder.encode(action, StandardCharsets.UTF_8));
        assertEquals(200, r.status(), r.toString());
        JsonArray entries = r.array();
        return entries.getValuesAs(JsonObject.class);
    }
}
