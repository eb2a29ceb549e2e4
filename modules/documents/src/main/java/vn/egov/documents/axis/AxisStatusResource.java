package vn.egov.documents.axis;

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
import vn.egov.documents.control.Outbound;
import vn.egov.platform.persistence.ScopedWork;
import vn.egov.platform.tenancy.TenantScope;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.Problem;
import vn.egov.documents.control.Wording;
import vn.egov.platform.web.ProblemException;

/**
 * {@code /api/documents/axis/status}: the national document axis reports what the receiving organisation did with a
 * package it took ({@code {"axisId", "status": "received"|"returned", "reason"?}}), with the axis's token
 * ({@code X-Axis-Token}). The axis id names the unit that sent it (read through a function that answers that and nothing
 * else); the answer is recorded in that unit's scope and shows with the document.
 */
@Path("api/documents/axis/status")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AxisStatusResource {

    @Inject
    AxisAdapter adapter;

    @Inject
    Outbound outbound;

    @Inject
    TenantDirectory directory;

    @jakarta.annotation.Resource(lookup = "jdbc/egov")
    DataSource dataSource;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response status(JsonObject body, @Context HttpHeaders headers) throws Exception {
        String expected = adapter.token().orElse(null);
        String sent = headers.getHeaderString("X-Axis-Token");
        if (expected == null || sent == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(Problem.of(Wording::in, 401, "unauthenticated", "problem.unauthenticated.title", "problem.axisToken"));
        }
        String axisId = body == null ? "" : body.getString("axisId", "").strip();
        String status = body == null ? "" : body.getString("status", "");
        String reason = body == null ? null : body.getString("reason", null);
        if (axisId.isEmpty() || axisId.length() > 100 || !(status.equals("received") || status.equals("returned"))
                || (status.equals("returned") && (reason == null || reason.isBlank())) || (reason != null && reason.length() > 2000)) {
            throw new ProblemException(Problem.of(Wording::in, 400, "invalid-input", "problem.invalidInput", "problem.axisStatus"));
        }
        long unitId;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT document_outbound_unit(?)")) {
            ps.setString(1, axisId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                unitId = rs.getLong(1);
                if (rs.wasNull()) {
                    throw ProblemException.notFound(Wording::in, "notFound.packageOnTheAxis", axisId);
                }
            }
        }
        Tenant unit = directory.byId(unitId).orElseThrow();
        String r = reason == null || reason.isBlank() ? null : reason.strip();
        boolean changed = ScopedWork.call(new TenantScope(unit.getId(), unit.getPath(), false), () -> outbound.answered(unit, axisId, status, r));
        return Response.ok(Jsonp.createObjectBuilder().add("axisId", axisId).add("recorded", changed).build()).build();
    }
}
