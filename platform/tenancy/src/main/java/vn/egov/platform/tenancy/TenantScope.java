package vn.egov.platform.tenancy;

import java.io.Serializable;
import java.util.Objects;

/**
 * What one transaction may see: a unit, and whether its subtree is included. This is the value the
 * database is told (per transaction, bound parameters) and the value carried explicitly to work that runs
 * on another thread: there is no ambient tenant outside a request.
 *
 * @param tenantId the unit acted for
 * @param path     its materialized path (ids joined by dots), for permission checks without a query
 * @param subtree  whether the unit's descendants are visible too
 */
public record TenantScope(long tenantId, String path, boolean subtree) implements Serializable {
    private static final java.util.regex.Pattern PATH = java.util.regex.Pattern.compile("[0-9]+(\\.[0-9]+)*");

    public TenantScope {
        Objects.requireNonNull(path, "path");
        if (tenantId <= 0) {
            throw new IllegalArgumentException("tenantId must be positive");
        }
        if (!PATH.matcher(path).matches()
                || !path.substring(path.lastIndexOf('.') + 1).equals(Long.toString(tenantId))) {
            throw new IllegalArgumentException("path " + path + " does not end at tenant " + tenantId);
        }
    }

    /** True when {@code otherPath} is this scope's unit, or inside its subtree when the subtree is included. */
    public boolean covers(String otherPath) {
        return path.equals(otherPath) || (subtree && otherPath.startsWith(path + "."));
    }
}
