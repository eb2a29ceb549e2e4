package vn.egov.tenantadmin.boundary;

import vn.egov.tenantadmin.control.Wording;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import vn.egov.platform.persistence.ScopedWork;
import vn.egov.platform.tenancy.TenantContext;
import vn.egov.platform.tenancy.TenantScope;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.ProblemException;
import vn.egov.tenantadmin.control.SettingsLoader;

/** {@code GET /t/{unit}/logo}: a unit's logo (set with {@link LogoResource}). */
@Path("t/{unit}/logo")
@RequestScoped
public class PublicLogoResource {

    @Inject
    TenantContext context;

    @Inject
    SettingsLoader loader;

    /** The logo, to anyone: it is on the unit's public page. Long-cached: its URL changes with it. */
    @GET
    public Response get(@jakarta.ws.rs.core.Context Request request) throws Exception {
        Tenant unit = context.tenant().orElseThrow(() -> ProblemException.notFound(Wording::in, "notFound.unit"));
        Optional<Object[]> logo = ScopedWork.call(new TenantScope(unit.getId(), unit.getPath(), false), () -> loader.logo(unit.getId()));
        if (logo.isEmpty()) {
            throw ProblemException.notFound(Wording::in, "notFound.theUnitLogo");
        }
        EntityTag tag = new EntityTag((String) logo.get()[2]);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.build();
        }
        return Response.ok(logo.get()[1], (String) logo.get()[0]).tag(tag)
                .header("Cache-Control", "public, max-age=86400").header("X-Content-Type-Options", "nosniff").build();
    }

}
