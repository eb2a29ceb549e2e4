package vn.egov.platform.settings;

import java.io.Serializable;
import java.util.Objects;

/**
 * A unit's display and contact settings, as cached in the data grid (so: serializable, immutable).
 * {@code version} 0 means the unit has never been customised and shows its defaults. {@code logo} is the logo's
 * SHA-256 (to version its URL, {@code /t/{code}/logo?v=...}), null without one; {@code customDomain} is the
 * unit's own host name, if any.
 */
public record UnitSettings(long tenantId, String displayName, String shortName, String address, String phone,
                           String email, String mailSenderName, String defaultLanguage, int version, String logo,
                           String customDomain) implements Serializable {
    public UnitSettings {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(defaultLanguage, "defaultLanguage");
    }
}
