package vn.egov.dossiers.sync;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;
import vn.egov.dossiers.control.Payments;
import vn.egov.platform.persistence.ScopedWork;
import vn.egov.platform.tenancy.TenantScope;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.Problem;
import vn.egov.dossiers.control.Wording;
import vn.egov.platform.web.ProblemException;

/**
 * {@code /api/payments/callback}: the gateway reports a payment ({@code reference, amount, transactionId, paidAt}),
 * signed. A bad signature changes nothing; the reference names the unit that asked for the payment (read through a
 * function that answers that and nothing else), where it is recorded, once.
 */
@Path("api/payments/callback")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PaymentCallbackResource {

    @Inject
    PaymentGateway gateway;

    @Inject
    Payments payments;

    @Inject
    TenantDirectory directory;

    @jakarta.annotation.Resource(lookup = "jdbc/egov")
    DataSource dataSource;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response callback(String body, @Context HttpHeaders headers) throws Exception {
        if (!gateway.verify(body, headers.getHeaderString("X-Signature"))) {
            throw new ProblemException(Problem.of(Wording::in, 401, "unauthenticated", "problem.badSignature.title", "problem.badSignature"));
        }
        JsonObject p;
        try {
            p = Jsonp.createReader(new StringReader(body)).readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new ProblemException(Problem.of(Wording::in, 400, "invalid-input", "problem.invalidInput", "problem.notJson"));
        }
        String reference = p.getString("reference", "");
        long unitId;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT tenant_id FROM dossier_payment_unit(?)")) {
            ps.setString(1, reference);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound(Wording::in, "notFound.payment", reference);
                }
                unitId = rs.getLong(1);
            }
        }
        Tenant unit = directory.byId(unitId).orElseThrow();
        boolean recorded = ScopedWork.call(new TenantScope(unit.getId(), unit.getPath(), false), () -> payments.paid(unit.getId(), reference,
                p.getJsonNumber("amount").longValue(), p.getString("transactionId"), "callback"));
        return Response.ok(Jsonp.createObjectBuilder().add("recorded", recorded).build()).build();
    }
}
