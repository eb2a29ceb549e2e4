package vn.egov.platform.web.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.egov.platform.security.Role;
import vn.egov.platform.security.UserPrincipal;

/** Where a person lands after login: the first arrival (by order) for a role they hold, in their own unit. */
class ArrivalTest {
    static final List<Arrival> ALL = List.of(
            new Arrival(100, Set.of(Role.CITIZEN), "/me/dossiers"),
            new Arrival(20, Set.of(Role.RECEIVER, Role.HANDLER, Role.LEADER), "/t/{unit}/admin/dossiers"),
            new Arrival(10, Set.of(Role.PROVINCE_ADMIN, Role.UNIT_ADMIN), "/t/{unit}/admin/"),
            new Arrival(50, Set.of(Role.STAFF), "/t/{unit}/admin/documents"));

    static UserPrincipal of(Role... roles) {
        return new UserPrincipal(7, "nguoi.dung", "Người Dùng", 3, "xa-ta-phin", "1.2.3", Set.of(roles), false, false);
    }

    @Test
    void eachLandsOnTheirWorkInTheirOwnUnit() {
        assertEquals("/t/xa-ta-phin/admin/", Arrival.of(ALL, of(Role.UNIT_ADMIN, Role.STAFF, Role.RECEIVER)), "the administrator first");
        assertEquals("/t/xa-ta-phin/admin/dossiers", Arrival.of(ALL, of(Role.STAFF, Role.HANDLER)), "a duty before plain staff");
        assertEquals("/t/xa-ta-phin/admin/documents", Arrival.of(ALL, of(Role.STAFF)));
        assertEquals("/me/dossiers", Arrival.of(ALL, of(Role.CITIZEN)));
    }

    @Test
    void aRoleNoModuleWelcomesLandsOnTheirUnitsSite() {
        assertEquals("/t/xa-ta-phin/", Arrival.of(ALL, of(Role.EDITOR)));
        assertEquals("/t/xa-ta-phin/", Arrival.of(List.of(), of(Role.UNIT_ADMIN)));
    }
}
