package vn.egov.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.egov.platform.tenancy.TenantScope;

class ScopedPermissionTest {
    private static final String PROVINCE = "1";
    private static final String DISTRICT = "1.20";
    private static final String COMMUNE = "1.20.45";
    private static final String SIBLING_COMMUNE = "1.20.46";
    private static final String OTHER_DISTRICT_COMMUNE = "1.21.47";

    private static UserPrincipal user(String path, boolean subtree, Role... roles) {
        String[] ids = path.split("\\.");
        return new UserPrincipal(7, "u", "U", Long.parseLong(ids[ids.length - 1]), "x", path,
                EnumSet.of(roles[0], roles), subtree, false);
    }

    private static boolean can(UserPrincipal u, String domain, String action, String path) {
        return u.permissions().stream().anyMatch(p -> p.implies(ScopedPermission.required(domain, action, path)));
    }

    @Test
    void staffWorkOnlyInTheirOwnUnit() {
        UserPrincipal staff = user(COMMUNE, false, Role.STAFF);
        assertTrue(can(staff, "notice", "write", COMMUNE));
        assertFalse(can(staff, "notice", "write", SIBLING_COMMUNE), "sibling");
        assertFalse(can(staff, "notice", "read", DISTRICT), "parent");
        assertFalse(can(staff, "tenant", "admin", COMMUNE), "staff do not administer");
    }

    @Test
    void unitAdminReachesTheSubtreeOnlyWhenGranted() {
        UserPrincipal plain = user(DISTRICT, false, Role.UNIT_ADMIN);
        UserPrincipal granted = user(DISTRICT, true, Role.UNIT_ADMIN);
        assertTrue(can(plain, "tenant", "admin", DISTRICT));
        assertFalse(can(plain, "tenant", "admin", COMMUNE));
        assertTrue(can(granted, "tenant", "admin", COMMUNE));
        assertFalse(can(granted, "tenant", "admin", OTHER_DISTRICT_COMMUNE), "cousin");
        assertFalse(can(granted, "tenant", "admin", PROVINCE), "ancestor");
    }

    @Test
    void provinceAdminActsAnywhere() {
        UserPrincipal admin = user(PROVINCE, false, Role.PROVINCE_ADMIN);
        assertTrue(can(admin, "tenant", "admin", OTHER_DISTRICT_COMMUNE));
        assertTrue(can(admin, "notice", "write", PROVINCE));
    }

    @Test
    void citizensHaveNoUnitPermissions() {
        UserPrincipal citizen = user(COMMUNE, false, Role.CITIZEN);
        assertFalse(can(citizen, "notice", "read", COMMUNE));
        assertEquals(Optional.empty(), SubjectScopeProvider.scopeFor(citizen, 45, COMMUNE),
                "no database scope either, so RLS hides the unit's internal rows from citizens");
    }

    @Test
    void theDatabaseScopeFollowsTheSameRules() {
        UserPrincipal staff = user(COMMUNE, false, Role.STAFF);
        assertEquals(Optional.of(new TenantScope(45, COMMUNE, false)), SubjectScopeProvider.scopeFor(staff, 45, COMMUNE));
        assertEquals(Optional.empty(), SubjectScopeProvider.scopeFor(staff, 46, SIBLING_COMMUNE));
        UserPrincipal districtAdmin = user(DISTRICT, true, Role.UNIT_ADMIN);
        assertEquals(Optional.of(new TenantScope(45, COMMUNE, true)), SubjectScopeProvider.scopeFor(districtAdmin, 45, COMMUNE));
        assertEquals(Optional.empty(), SubjectScopeProvider.scopeFor(districtAdmin, 1, PROVINCE));
    }

    @Test
    void passwordsAreHashedAndChecked() {
        String hash = Passwords.hash("mật-khẩu-đủ-dài");
        assertTrue(hash.startsWith("$shiro2$argon2id$v=19$t=2,m=19456,p=1$"), hash);
        assertTrue(Passwords.matches("mật-khẩu-đủ-dài", hash));
        assertFalse(Passwords.matches("mat-khau-du-dai", hash));
    }
}
