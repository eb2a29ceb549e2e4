package vn.egov.dossiers.sync;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import vn.egov.dossiers.control.Intake;
import vn.egov.dossiers.control.Payments;
import vn.egov.platform.persistence.ScopedWork;
import vn.egov.platform.tenancy.TenantScope;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.Problem;
import vn.egov.dossiers.control.Wording;
import vn.egov.platform.web.ProblemException;

/**
 * {@code POST /api/t/{province}/payments/reconciliation} {@code {"date": "dd/MM/yyyy"}}: the province's
 * administrators reconcile a day's gateway statement with the payments recorded across the province.
 */
@Path("api/t/{unit}/payments/reconciliation")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReconciliationResource {

    @Inject
    Access access;

    @Inject
    PaymentGateway gateway;

    @Inject
    Payments payments;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reconcile(JsonObject body) throws Exception {
        Tenant province = access.requireProvinceAdmin();
        LocalDate day;
        try {
            day = LocalDate.parse(body == null ? "" : body.getString("date", ""), Intake.DAY);
        } catch (DateTimeParseException e) {
            throw new ProblemException(Problem.of(Wording::in, 400, "invalid-input", "problem.invalidInput", "problem.reconcileDay"));
        }
        List<Payments.StatementLine> lines;
        try {
            lines = gateway.statement(day);
        } catch (java.io.IOException e) {
            throw new ProblemException(Problem.of(Wording::in, 502, "gateway", "problem.gatewaySilent.title", "problem.gatewaySilent"));
        }
        Payments.Reconciled r = ScopedWork.call(new TenantScope(province.getId(), province.getPath(), true),
                () -> payments.reconcile(province, day, lines, access.username()));
        JsonObject out = Jsonp.createObjectBuilder().add("date", Intake.DAY.format(day)).add("lines", lines.size()).add("matched", r.matched())
                .add("recovered", r.recovered()).add("missing", r.missing()).add("unknown", r.unknown()).add("details", r.details()).build();
        return Response.ok(out).build();
    }
}
