package vn.egov.platform.security;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import vn.egov.platform.tenancy.TenantScope;

/**
 * The logged-in user as kept in the session (the session lives in the cluster's data grid, so this is
 * serializable and holds no references to managed objects).
 */
public record UserPrincipal(long userId, String username, String displayName, long tenantId, String tenantCode,
                            String tenantPath, Set<Role> roles, boolean subtreeRights, boolean mustChangePassword)
        implements Serializable {

    public UserPrincipal {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(tenantCode, "tenantCode");
        Objects.requireNonNull(tenantPath, "tenantPath");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) { return roles.contains(role); }

    /**
     * The username: the container takes it as the request's caller name, and asks for it at every connection it
     * hands out (the generated record text, formatted each time, cost 3% of the request CPU).
     */
    @Override
    public String toString() {
        return username;
    }

    /** Staff or an administrator: someone whose work is inside a unit's internal data. */
    public boolean worksForAUnit() {
        return has(Role.PROVINCE_ADMIN) || has(Role.UNIT_ADMIN) || has(Role.STAFF) || has(Role.EDITOR) || has(Role.APPROVER)
                || roles.stream().anyMatch(Role::isDuty);
    }

    /** Whether this user's rights reach below their own unit. */
    public boolean reachesSubtree() {
        return has(Role.PROVINCE_ADMIN) || (subtreeRights && (has(Role.UNIT_ADMIN) || has(Role.STAFF)));
    }

    /** The scope of the user's own unit. */
    public TenantScope homeScope() {
        return new TenantScope(tenantId, tenantPath, reachesSubtree());
    }

    /** The permissions the roles give, each bound to this user's unit (and subtree where granted). */
    public Set<ScopedPermission> permissions() {
        Set<ScopedPermission> result = new HashSet<>();
        if (has(Role.PROVINCE_ADMIN)) {
            result.add(new ScopedPermission(ScopedPermission.ANY, Set.of(ScopedPermission.ANY), tenantPath, true));
        }
        if (has(Role.UNIT_ADMIN)) {
            result.add(new ScopedPermission(ScopedPermission.ANY, Set.of(ScopedPermission.ANY), tenantPath, subtreeRights));
        }
        if (has(Role.STAFF)) {
            result.add(new ScopedPermission(ScopedPermission.ANY, Set.of("read", "write"), tenantPath, false));
            if (subtreeRights) {
                result.add(new ScopedPermission(ScopedPermission.ANY, Set.of("read"), tenantPath, true));
            }
        }
        if (has(Role.EDITOR) || has(Role.APPROVER)) {
            // the portal of their own unit only: editing (and, for approvers, publishing) its site
            result.add(new ScopedPermission("portal", has(Role.APPROVER) ? Set.of("read", "edit", "approve") : Set.of("read", "edit"),
                    tenantPath, false));
        }
        if (roles.stream().anyMatch(Role::isDuty)) {
            // a one-stop duty: the dossiers of their own unit (which steps they end is the process's to say)
            result.add(new ScopedPermission("dossiers", Set.of("read", "write"), tenantPath, false));
            // and the citizens' feedback of their own unit, which the one-stop desk answers; its leader publishes it
            result.add(new ScopedPermission("feedback", has(Role.LEADER) ? Set.of("read", "write", "publish") : Set.of("read", "write"),
                    tenantPath, false));
        }
        return result;
    }
}
