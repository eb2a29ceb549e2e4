package vn.egov.dossiers.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.egov.dossiers.control.Payments;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Jsonp;

/**
 * {@code /api/t/{unit}/payment-account}: the bank account the unit's fees are paid into. Its staff read it (the desk
 * tells applicants where their money goes); its administrator sets it ({@code {"bin", "account", "name"}}). Payment
 * requests made before a change keep the account they named. {@code own: false} means the unit has none of its own
 * and collects into the deployment's.
 */
@Path("api/t/{unit}/payment-account")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class PaymentAccountResource {

    @Inject
    Access access;

    @Inject
    Payments payments;

    @GET
    @Transactional
    @TenantTransactional
    public Response get() {
        Tenant unit = access.require("dossiers", "read");
        boolean own = payments.own(unit.getId()).isPresent();
        return Response.ok(json(payments.account(unit.getId()), own)).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(JsonObject body) {
        Tenant unit = access.require("tenant", "admin");
        Payments.Account saved = payments.save(unit, DossierWorkResource.text(body, "bin"), DossierWorkResource.text(body, "account"),
                DossierWorkResource.text(body, "name"), access.username());
        return Response.ok(json(saved, true)).build();
    }

    static JsonObject json(Payments.Account a, boolean own) {
        return Jsonp.createObjectBuilder().add("own", own).add("bin", a.bin()).add("account", a.number()).add("name", a.name()).build();
    }
}
