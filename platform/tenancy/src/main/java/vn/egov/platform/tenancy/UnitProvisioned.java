package vn.egov.platform.tenancy;

import java.util.Objects;

/**
 * Fired (synchronously, inside the provisioning transaction and under a scope that covers the new unit) when
 * a unit has been created from the template. Modules observe it to set up their own defaults for the unit;
 * an observer that throws rolls the whole unit back: a unit is provisioned completely or not at all.
 */
public record UnitProvisioned(long tenantId, String code, String path, String kind, String actor) {
    public UnitProvisioned {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
    }
}
