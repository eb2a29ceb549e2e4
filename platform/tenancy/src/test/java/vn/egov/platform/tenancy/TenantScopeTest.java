package vn.egov.platform.tenancy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TenantScopeTest {

    @Test
    void unitScopeCoversOnlyItself() {
        TenantScope district = new TenantScope(20, "1.20", false);
        assertTrue(district.covers("1.20"));
        assertFalse(district.covers("1.20.45"));
        assertFalse(district.covers("1"));
    }

    @Test
    void subtreeScopeCoversDescendantsButNotSiblingsWithAPrefixId() {
        TenantScope district = new TenantScope(20, "1.20", true);
        assertTrue(district.covers("1.20.45"));
        assertTrue(district.covers("1.20.45.900"));
        assertFalse(district.covers("1.200"), "1.200 is a sibling whose id starts with 20");
        assertFalse(district.covers("1"), "never the ancestor");
        assertFalse(district.covers("1.21.46"));
    }

    @Test
    void rejectsAPathThatDoesNotEndAtTheTenant() {
        assertThrows(IllegalArgumentException.class, () -> new TenantScope(21, "1.20", false));
        assertThrows(IllegalArgumentException.class, () -> new TenantScope(20, "1.20'; --", false));
        assertThrows(IllegalArgumentException.class, () -> new TenantScope(0, "0", false));
        assertThrows(IllegalArgumentException.class, () -> new TenantScope(20, "1.120", false));
    }
}
