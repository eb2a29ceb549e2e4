package vn.egov.platform.search.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.egov.platform.security.Role;
import vn.egov.platform.security.UserPrincipal;

/**
 * The filters every query carries, built from the logged-in subject and the unit searched, never from request
 * parameters. Two filters, both always present:
 * <ul>
 * <li>the place: the searched unit's subtree ({@code tenant_path} holds every ancestor of an item's unit);</li>
 * <li>who may see: public items for everyone; for staff, also the staff items of the units their rights reach
 *     (their own unit, or its subtree with subtree rights); restricted items only where the user, or one of
 *     their roles within that reach, is named.</li>
 * </ul>
 */
public final class SearchFilters {
    private static final Pattern PATH = Pattern.compile("[0-9]+(\\.[0-9]+)*");

    private SearchFilters() {
    }

    /** The place filter: {@code unitPath} and everything below it. */
    public static String place(String unitPath) {
        Objects.requireNonNull(unitPath, "unitPath");
        if (!PATH.matcher(unitPath).matches()) {
            throw new IllegalArgumentException("not a unit path: " + unitPath);
        }
        return "tenant_path:\"" + unitPath + "\"";
    }

    /** The visibility filter for {@code user} (empty: not logged in, or still on a one-time password). */
    public static String visibility(Optional<UserPrincipal> user) {
        if (user.isEmpty() || user.get().mustChangePassword()) {
            return "visibility:public";
        }
        UserPrincipal u = user.get();
        List<String> anyOf = new ArrayList<>();
        anyOf.add("visibility:public");
        anyOf.add("(visibility:restricted AND readers:\"user:" + u.userId() + "\")");
        if (u.worksForAUnit()) {
            String reach = u.reachesSubtree() ? place(u.tenantPath()) : "tenant_id:" + u.tenantId();
            anyOf.add("(visibility:staff AND " + reach + ")");
            List<String> roles = new ArrayList<>();
            for (Role r : Role.values()) {
                if (u.has(r)) {
                    roles.add("readers:\"role:" + r.name() + "\"");
                }
            }
            if (!roles.isEmpty()) {
                anyOf.add("(visibility:restricted AND " + reach + " AND (" + String.join(" OR ", roles) + "))");
            }
        }
        return String.join(" OR ", anyOf);
    }
}
