package vn.egov.tenantadmin.control;

import java.io.Serializable;
import java.util.Objects;

/**
 * A unit's display and contact settings, as cached in the data grid (so: serializable, immutable).
 * {@code version} 0 means the unit has never been customised and shows its defaults.
 */
public record UnitSettings(long tenantId, String displayName, String shortName, String address, String phone,
                           String email, String mailSenderName, String defaultLanguage, int version) implements Serializable {
    public UnitSettings {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(defaultLanguage, "defaultLanguage");
    }
}
