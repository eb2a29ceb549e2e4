package vn.egov.documents.axis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class AxisAdapterTest {

    @Test
    void takenWithItsIdRefusedWithItsReasonAnythingElseIsTriedAgain() throws IOException {
        assertEquals(new AxisAdapter.Accepted("AXIS-1"), AxisAdapter.answer(202, "{\"id\":\"AXIS-1\"}"));
        assertEquals(new AxisAdapter.Accepted("AXIS-2"), AxisAdapter.answer(200, "{\"id\":\"AXIS-2\",\"documentId\":\"stp-9\"}"));
        assertEquals(new AxisAdapter.Refused("Cơ quan nhận chưa kết nối"), AxisAdapter.answer(422, "{\"reason\":\"Cơ quan nhận chưa kết nối\"}"));
        AxisAdapter.Answer bare = AxisAdapter.answer(400, "not json");
        assertTrue(bare instanceof AxisAdapter.Refused r && r.reason().contains("400") && r.reason().contains("not json"), bare.toString());

        IOException down = assertThrows(IOException.class, () -> AxisAdapter.answer(503, "{\"error\":\"simulated outage\"}"));
        assertTrue(down.getMessage().contains("503"), down.getMessage());
        for (int status : new int[] {401, 403, 404, 408, 429, 500, 302}) {
            assertThrows(IOException.class, () -> AxisAdapter.answer(status, "{\"reason\":\"x\"}"), "status " + status);
        }
        assertThrows(IOException.class, () -> AxisAdapter.answer(202, "{}"), "taken without an id: not taken");
        assertThrows(IOException.class, () -> AxisAdapter.answer(202, "{\"id\":\"  \"}"));
    }
}
