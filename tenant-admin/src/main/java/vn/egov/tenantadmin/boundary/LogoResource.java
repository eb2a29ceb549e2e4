package vn.egov.tenantadmin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;
import vn.egov.tenantadmin.control.Logos;
import vn.egov.tenantadmin.control.Wording;

/**
 * A unit's logo: set and removed by its administrators ({@code PUT/DELETE /api/t/{unit}/settings/logo}, PNG or
 * JPEG up to 256 KiB and 2048 px, checked by decoding it; {@link Logos}), shown to everyone by {@link PublicLogoResource}.
 */
@Path("api/t/{unit}/settings/logo")
@RequestScoped
public class LogoResource {

    @Inject
    Access access;

    @Inject
    Logos logos;

    @PUT
    @Consumes({"image/png", "image/jpeg"})
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @TenantTransactional
    public Response put(byte[] image, @jakarta.ws.rs.core.Context HttpHeaders headers) {
        Tenant unit = access.require("tenant", "admin");
        String type = headers.getMediaType().getType() + "/" + headers.getMediaType().getSubtype();
        if (image == null || image.length == 0) {
            throw Logos.invalid("problem.logoEmpty");
        }
        if (image.length > Logos.MAX_BYTES) {
            throw new ProblemException(Problem.of(Wording::in, 413, "too-large", "problem.imageTooLarge.title", "problem.logoTooLarge"));
        }
        String[] stored = logos.store(unit, image, type, access.username());
        return Response.ok(Jsonp.createObjectBuilder().add("url", stored[0]).add("sha256", stored[1])
                .add("width", Integer.parseInt(stored[2])).add("height", Integer.parseInt(stored[3])).build()).build();
    }

    @DELETE
    @Transactional
    @TenantTransactional
    public Response delete() {
        logos.remove(access.require("tenant", "admin"));
        return Response.noContent().build();
    }
}
