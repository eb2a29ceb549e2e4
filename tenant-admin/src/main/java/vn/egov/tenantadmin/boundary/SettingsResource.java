package vn.egov.tenantadmin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.settings.UnitSettings;
import vn.egov.tenantadmin.control.UnitSettingsChanges;
import vn.egov.tenantadmin.control.UnitSettingsChanges.DomainInput;
import vn.egov.tenantadmin.control.UnitSettingsChanges.SettingsInput;

/**
 * {@code /api/t/{unit}/settings}: the unit's display name, contact details, mail sender name and default
 * language. Read through the cached registry; changed with optimistic locking (send back the version you
 * read; if someone changed it meanwhile the answer is 409 and nothing changes). The work is
 * {@link UnitSettingsChanges}'.
 */
@Path("api/t/{unit}/settings")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource {

    @Inject
    UnitSettingsChanges settings;

    @GET
    public UnitSettings get() {
        return settings.get();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public UnitSettings change(@Valid @NotNull(message = "{invalid.the-body-is-missing}") SettingsInput in) {
        return settings.change(in);
    }

    /**
     * Sets (or, with null, removes) the unit's own host name: requests whose Host is that name are the unit's
     * (at once: the edge reads it per request). A name another unit has is refused with 409.
     */
    @PUT
    @Path("domain")
    @Consumes(MediaType.APPLICATION_JSON)
    public UnitSettings domain(@Valid @NotNull(message = "{invalid.the-body-is-missing}") DomainInput in) {
        return settings.domain(in);
    }
}
