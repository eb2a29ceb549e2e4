package vn.egov.dossiers.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessModelTest {

    @Test
    void readsStepsRolesDaysAndTransitionsAndRoundsHalfDaysUp() throws Exception {
        ProcessModel m = ProcessModel.of(new ObjectMapper().readTree("""
                {"start":"a","steps":[{"id":"a","name":"Tiếp nhận","role":"RECEIVER","days":0},
                  {"id":"b","name":"Thẩm định","role":"HANDLER","days":1.5},
                  {"id":"c","name":"Chờ bổ sung","role":"APPLICANT","pausesClock":true},
                  {"id":"d","name":"Huyện","role":"OTHER_AGENCY","days":2},
                  {"id":"e","name":"Trả","role":"RECEIVER","end":true}],
                 "transitions":[{"from":"a","to":"b"},{"from":"b","to":"c","name":"Yêu cầu bổ sung"},{"from":"c","to":"b"},{"from":"b","to":"d"},
                  {"from":"d","to":"e"}]}"""));
        assertEquals("a", m.start().id());
        assertEquals(2, m.step("b").orElseThrow().wholeDays());
        assertEquals(0, m.step("e").orElseThrow().wholeDays(), "no days given: none");
        assertTrue(m.step("c").orElseThrow().pausesClock());
        assertEquals(ProcessModel.Role.OTHER_AGENCY, m.step("d").orElseThrow().role());
        assertEquals(List.of("c", "d"), m.next("b").stream().map(ProcessModel.Transition::to).toList());
        assertEquals("Yêu cầu bổ sung", m.next("b").get(0).name());
        assertTrue(m.allows("d", "e"));
        assertFalse(m.allows("a", "e"));
    }

    @Test
    void mapsEveryStatusToTheNationalPortalsCodes() {
        assertEquals(2, NationalPortal.of("received", false, "online").code);
        assertEquals(4, NationalPortal.of("transferred", false, "online").code);
        assertEquals(5, NationalPortal.of("supplement", false, "online").code);
        assertEquals(7, NationalPortal.of("stopped", true, "online").code);
        assertEquals(8, NationalPortal.of("stopped", false, "online").code);
        assertEquals(10, NationalPortal.of("done", false, "online").code);
        assertEquals(9, NationalPortal.of("done", false, "post").code);
    }
}
