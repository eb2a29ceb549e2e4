package vn.egov.tenantadmin.api;

import java.util.Optional;
import vn.egov.platform.tenancy.entity.Tenant;

/**
 * A unit's logo as other modules may change it (the portal's admin pages; the API is {@code /api/t/{unit}/settings/logo}):
 * PNG or JPEG, told by its content, at most 256 KB and 2048 px a side, decoded to check it. Implemented by tenant
 * administration as a CDI bean; the caller checks that the person administers the unit and runs it in a transaction
 * bound to the unit's scope. A refused image is a 400 problem with the reason under the field {@code logo}, and changes nothing.
 */
public interface UnitLogos {
    /** The logo's address on the unit's site (versioned by its content), if the unit has one. */
    Optional<String> href(Tenant unit);

    /** Makes {@code image} the unit's logo (recorded in the audit trail as {@code user}'s); its new address. */
    String set(Tenant unit, byte[] image, String user);

    /** Removes the unit's logo; false if it had none. */
    boolean remove(Tenant unit);
}
