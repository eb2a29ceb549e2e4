package vn.egov.dossiers.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.egov.platform.security.Role;
import vn.egov.platform.security.UserPrincipal;

class DutiesTest {
    static UserPrincipal user(long unit, Role... roles) {
        return new UserPrincipal(1, "u", "Người dùng", unit, "xa-a", "1." + unit, Set.of(roles), false, false);
    }

    @Test
    void eachStepRoleNamesItsDuty() {
        assertEquals(EnumSet.of(Role.RECEIVER), Duties.ending(ProcessModel.Role.RECEIVER));
        assertEquals(EnumSet.of(Role.RECEIVER), Duties.ending(ProcessModel.Role.APPLICANT), "papers taken at the counter");
        assertEquals(EnumSet.of(Role.HANDLER), Duties.ending(ProcessModel.Role.HANDLER));
        assertEquals(EnumSet.of(Role.LEADER), Duties.ending(ProcessModel.Role.LEADER));
        assertEquals(EnumSet.of(Role.HANDLER, Role.LEADER), Duties.ending(ProcessModel.Role.OTHER_AGENCY));
        assertEquals(Set.of(Role.RECEIVER), Duties.DESK);
        assertEquals(EnumSet.of(Role.HANDLER, Role.LEADER), Duties.refusing(ProcessModel.Role.HANDLER), "the step's own, or a leader");
        assertEquals(EnumSet.of(Role.RECEIVER, Role.LEADER), Duties.refusing(ProcessModel.Role.APPLICANT));
        for (ProcessModel.Role r : ProcessModel.Role.values()) {
            assertTrue(Duties.ending(r).stream().allMatch(Role::isDuty), r + " asks for duties only");
        }
    }

    @Test
    void aDutyCountsInItsOwnUnitOnly() {
        Set<Role> leader = Duties.ending(ProcessModel.Role.LEADER);
        assertTrue(Duties.holds(user(7, Role.STAFF, Role.LEADER), 7, leader));
        assertFalse(Duties.holds(user(7, Role.STAFF, Role.LEADER), 8, leader), "a district's leader does not sign for a commune");
        assertFalse(Duties.holds(user(7, Role.STAFF, Role.HANDLER), 7, leader));
        assertFalse(Duties.holds(user(7, Role.UNIT_ADMIN, Role.STAFF), 7, leader), "administering is not a duty");
        assertFalse(Duties.holds(user(7, Role.PROVINCE_ADMIN), 7, leader));
    }

    @Test
    void aDutyAloneGivesTheUnitsDossiers() {
        UserPrincipal desk = user(7, Role.RECEIVER);
        assertTrue(desk.worksForAUnit());
        assertTrue(desk.permissions().stream().anyMatch(p -> p.toString().contains("dossiers")), desk.permissions().toString());
    }
}
