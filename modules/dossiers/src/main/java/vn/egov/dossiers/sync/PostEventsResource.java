package vn.egov.dossiers.sync;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;
import vn.egov.dossiers.control.Finishing;
import vn.egov.platform.persistence.ScopedWork;
import vn.egov.platform.tenancy.TenantScope;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.Problem;
import vn.egov.dossiers.control.Wording;
import vn.egov.platform.web.ProblemException;

/**
 * {@code /api/vnpost/events}: the postal service reports what became of a shipment ({@code {"trackingNumber",
 * "event": "delivered"}}), with the shared token. The tracking number names the unit that shipped it (read through
 * a function that answers that and nothing else); the delivery is recorded in that unit's scope.
 */
@Path("api/vnpost/events")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PostEventsResource {

    @Inject
    PostAdapter adapter;

    @Inject
    Finishing finishing;

    @Inject
    TenantDirectory directory;

    @Inject
    vn.egov.dossiers.control.Pickups pickups;

    @jakarta.annotation.Resource(lookup = "jdbc/egov")
    DataSource dataSource;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response event(JsonObject body, @Context HttpHeaders headers) throws Exception {
        String expected = adapter.token().orElse(null);
        String sent = headers.getHeaderString("X-Vnpost-Token");
        if (expected == null || sent == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(Problem.of(Wording::in, 401, "unauthenticated", "problem.unauthenticated.title", "problem.postToken"));
        }
        String tracking = body == null ? "" : body.getString("trackingNumber", "");
        if (!PostAdapter.S10.valid(tracking) || !"delivered".equals(body.getString("event", ""))) {
            throw new ProblemException(Problem.of(Wording::in, 400, "invalid-input", "problem.invalidInput", "problem.postEvent"));
        }
        long unitId;
        String code;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT tenant_id, dossier_code FROM dossier_shipment_unit(?)");
             PreparedStatement pickup = c.prepareStatement("SELECT tenant_id, pickup_id FROM dossier_pickup_unit(?)")) {
            ps.setString(1, tracking);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    unitId = rs.getLong(1);
                    code = rs.getString(2);
                } else {
                    // not a result going out: perhaps an applicant's paper dossier coming in
                    pickup.setString(1, tracking);
                    try (ResultSet p = pickup.executeQuery()) {
                        if (!p.next()) {
                            throw ProblemException.notFound(Wording::in, "notFound.shipment", tracking);
                        }
                        Tenant unit = directory.byId(p.getLong(1)).orElseThrow();
                        long id = p.getLong(2);
                        boolean arrived = ScopedWork.call(new TenantScope(unit.getId(), unit.getPath(), false), () -> pickups.arrived(unit, id));
                        return Response.ok(Jsonp.createObjectBuilder().add("pickup", id).add("recorded", arrived).build()).build();
                    }
                }
            }
        }
        Tenant unit = directory.byId(unitId).orElseThrow();
        boolean changed = ScopedWork.call(new TenantScope(unit.getId(), unit.getPath(), false), () -> finishing.delivered(unit, code, tracking));
        return Response.ok(Jsonp.createObjectBuilder().add("dossierCode", code).add("recorded", changed).build()).build();
    }
}
