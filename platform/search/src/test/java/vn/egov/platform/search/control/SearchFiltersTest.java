package vn.egov.platform.search.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.egov.platform.security.Role;
import vn.egov.platform.security.UserPrincipal;

class SearchFiltersTest {

    static UserPrincipal user(Set<Role> roles, boolean subtree, boolean mustChange) {
        return new UserPrincipal(42, "u", "U", 10, "xa-a", "1.5.10", roles, subtree, mustChange);
    }

    @Test
    void anonymousVisitorsAndUsersOnAOneTimePasswordSeePublicItemsOnly() {
        assertEquals("visibility:public", SearchFilters.visibility(Optional.empty()));
        assertEquals("visibility:public", SearchFilters.visibility(Optional.of(user(Set.of(Role.STAFF), false, true))));
    }

    @Test
    void staffWithoutSubtreeRightsReachTheirOwnUnitOnly() {
        String f = SearchFilters.visibility(Optional.of(user(Set.of(Role.STAFF), false, false)));
        assertTrue(f.contains("(visibility:staff AND tenant_id:10)"), f);
        assertFalse(f.contains("tenant_path"), f);
        assertTrue(f.contains("(visibility:restricted AND readers:\"user:42\")"), f);
        assertTrue(f.contains("(visibility:restricted AND tenant_id:10 AND (readers:\"role:STAFF\"))"), f);
        assertFalse(f.contains("UNIT_ADMIN"), "no role the user lacks: " + f);
    }

    @Test
    void subtreeRightsReachTheSubtreeByPath() {
        String f = SearchFilters.visibility(Optional.of(user(Set.of(Role.UNIT_ADMIN), true, false)));
        assertTrue(f.contains("(visibility:staff AND tenant_path:\"1.5.10\")"), f);
        assertTrue(f.contains("readers:\"role:UNIT_ADMIN\""), f);
    }

    @Test
    void citizensSeePublicItemsAndThoseNamingThemButNoStaffItems() {
        String f = SearchFilters.visibility(Optional.of(user(Set.of(Role.CITIZEN), false, false)));
        assertEquals("visibility:public OR (visibility:restricted AND readers:\"user:42\")", f);
    }

    @Test
    void thePlaceIsAPathAndNothingElse() {
        assertEquals("tenant_path:\"1.5\"", SearchFilters.place("1.5"));
        assertThrows(IllegalArgumentException.class, () -> SearchFilters.place("1.5\" OR *:*"));
        assertThrows(IllegalArgumentException.class, () -> SearchFilters.place(""));
    }
}
