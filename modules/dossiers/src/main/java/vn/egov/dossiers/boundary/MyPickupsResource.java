package vn.egov.dossiers.boundary;

import vn.egov.dossiers.control.Wording;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.egov.dossiers.control.Pickups;
import vn.egov.platform.persistence.ScopedWork;
import vn.egov.platform.security.Role;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.tenancy.TenantScope;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.ProblemException;

/**
 * {@code /api/me/pickups}: a citizen's or business's account asks the postal service to pick its paper dossier up
 * and carry it to a unit ({@code {"unit", "procedure", "address", "email"?}}), and follows its requests. The request
 * is written in the unit's scope, for this account; the list is read in the applicant scope.
 */
@Path("api/me/pickups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MyPickupsResource {

    @Inject
    Access access;

    @Inject
    Pickups pickups;

    @Inject
    vn.egov.dossiers.control.Applicants applicants;

    @Inject
    TenantDirectory directory;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response request(JsonObject body) throws Exception {
        UserPrincipal me = access.user();
        if (!me.has(Role.CITIZEN)) {
            throw ProblemException.forbidden();
        }
        String code = DossierWorkResource.text(body, "unit");
        Tenant unit = directory.byCode(code == null ? "" : code.strip()).filter(t -> "active".equals(t.getStatus()))
                .orElseThrow(() -> ProblemException.notFound(Wording::in, "notFound.unitCode", code));
        JsonObject p = ScopedWork.call(new TenantScope(unit.getId(), unit.getPath(), false), () -> pickups.request(unit,
                DossierWorkResource.text(body, "procedure"), DossierWorkResource.text(body, "address"), DossierWorkResource.text(body, "email"),
                me.userId(), me.displayName()));
        return Response.status(201).entity(p).build();
    }

    @GET
    public Response mine() {
        UserPrincipal me = access.user();
        JsonArrayBuilder a = Jsonp.createArrayBuilder();
        applicants.pickups(me.userId()).forEach(a::add);
        return Response.ok(a.build()).build();
    }
}
