package vn.egov.feedback.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import vn.egov.feedback.control.Draft;
import vn.egov.feedback.control.ReportStore;
import vn.egov.feedback.control.Reports;
import vn.egov.feedback.control.Wording;
import vn.egov.feedback.entity.Report;
import vn.egov.platform.security.SubjectScopeProvider.CurrentUser;
import vn.egov.platform.tenancy.TenantContext;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Fields;
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;

/**
 * {@code /api/t/{unit}/feedback}: a citizen writes a report about the unit ({@code POST}); the unit's staff list its
 * reports, newest first, read one, answer it and publish it with its answer (the citizen having agreed). The unit comes
 * from the path; staff need {@code feedback:read} there to read, {@code write} to answer, {@code publish} to publish
 * (the unit's leader and administrators), and every query runs in the unit's scope: another unit's report is "not
 * found", whatever its code. The transactions are the control's ({@link ReportStore}, {@link Reports}).
 */
@Path("api/t/{unit}/feedback")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class FeedbackResource {
    static final String DOMAIN = "feedback";

    @Inject
    Access access;

    @Inject
    TenantContext context;

    @Inject
    ReportStore store;

    @Inject
    Reports reports;

    /** One page of the unit's reports: {@code reports}, {@code page}, {@code more}. */
    public record ReportPage(List<ReportView> reports, int page, boolean more) {
    }

    @GET
    public ReportPage list(@QueryParam("status") String status, @QueryParam("page") @DefaultValue("1") int page) {
        Tenant unit = access.require(DOMAIN, "read");
        if (status != null && !List.of(Report.NEW, Report.ANSWERED, Report.PUBLISHED).contains(status)) {
            throw new ProblemException(Problem.said(Wording::in, 400, "invalid-input", "problem.invalid.title",
                    w -> w.text("problem.invalid.detail", 1), new Fields().add("status", "invalid.status")::in));
        }
        ReportStore.Slice<Report> slice = store.list(unit, status, page);
        return new ReportPage(slice.items().stream().map(r -> ReportView.of(r, unit.getCode(), true)).toList(), slice.page(), slice.more());
    }

    @GET
    @Path("{code}")
    public ReportView one(@PathParam("code") String code) {
        Tenant unit = access.require(DOMAIN, "read");
        return ReportView.of(store.one(unit, code), unit.getCode(), true);
    }

    /** A citizen's report about the unit: 201 with its code, or 400 naming each bad field, 429 past the hourly limit. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(ReportInput input, @Context UriInfo uri) throws Exception {
        Tenant unit = context.tenant().orElseThrow(() -> ProblemException.notFound(ProblemException::platformTexts, "platform.notFound.unit"));
        var me = CurrentUser.get().orElseThrow(ProblemException::unauthenticated);
        ReportInput in = input == null ? new ReportInput(null, null, null, null) : input;
        Report r = reports.submit(unit, me, new Draft(in.subject(), in.content(), in.category(), Boolean.TRUE.equals(in.consent())));
        return Response.created(uri.getBaseUriBuilder().path("api/me/feedback").path(r.getCode()).build())
                .entity(ReportView.of(r, unit.getCode(), false)).build();
    }

    /** The unit's answer ({@code {"answer": "..."}}), again while the report is not published. */
    @POST
    @Path("{code}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReportView answer(@PathParam("code") String code, JsonObject body) {
        Tenant unit = access.require(DOMAIN, "write");
        String text = body == null ? "" : body.getString("answer", "");
        return ReportView.of(store.answer(unit, code, text, access.username()), unit.getCode(), true);
    }

    @POST
    @Path("{code}/publish")
    public ReportView publish(@PathParam("code") String code) {
        Tenant unit = access.require(DOMAIN, "publish");
        return ReportView.of(store.publish(unit, code, access.username()), unit.getCode(), true);
    }
}
