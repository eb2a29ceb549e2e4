package vn.egov.platform.security;

import java.io.Serializable;
import java.util.Objects;
import java.util.Set;
import org.apache.shiro.authz.Permission;

/**
 * A permission that carries a tenant scope: "do {@code actions} on {@code domain} in the unit at
 * {@code path}", optionally in its whole subtree. {@code "*"} as domain or action means any.
 * A required permission is built with {@link #required(String, String, String)}.
 */
public final class ScopedPermission implements Permission, Serializable {
    private static final long serialVersionUID = 1L;
    public static final String ANY = "*";

    private final String domain;
    private final Set<String> actions;
    private final String path;
    private final boolean subtree;

    public ScopedPermission(String domain, Set<String> actions, String path, boolean subtree) {
        this.domain = Objects.requireNonNull(domain, "domain");
        this.actions = Set.copyOf(Objects.requireNonNull(actions, "actions"));
        this.path = Objects.requireNonNull(path, "path");
        this.subtree = subtree;
        if (this.actions.isEmpty()) {
            throw new IllegalArgumentException("at least one action");
        }
    }

    /** What a check asks for: one action on one domain in exactly one unit. */
    public static ScopedPermission required(String domain, String action, String tenantPath) {
        return new ScopedPermission(domain, Set.of(action), tenantPath, false);
    }

    @Override
    public boolean implies(Permission p) {
        if (!(p instanceof ScopedPermission other)) {
            return false;
        }
        boolean domainOk = ANY.equals(domain) || domain.equals(other.domain);
        boolean actionsOk = actions.contains(ANY) || actions.containsAll(other.actions);
        boolean placeOk = path.equals(other.path)
                || (subtree && (other.path.startsWith(path + ".")));
        boolean widthOk = !other.subtree || subtree;
        return domainOk && actionsOk && placeOk && widthOk;
    }

    public String path() { return path; }
    public boolean subtree() { return subtree; }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScopedPermission p && p.domain.equals(domain) && p.actions.equals(actions)
                && p.path.equals(path) && p.subtree == subtree;
    }

    @Override
    public int hashCode() { return Objects.hash(domain, actions, path, subtree); }

    @Override
    public String toString() {
        return domain + ":" + String.join(",", actions) + "@" + path + (subtree ? ".*" : "");
    }
}
