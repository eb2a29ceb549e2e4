package vn.egov.feedback.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import vn.egov.feedback.control.Reports;
import vn.egov.feedback.control.Wording;
import vn.egov.platform.security.SubjectScopeProvider.CurrentUser;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.web.ProblemException;

/**
 * {@code /api/me/feedback}: the logged-in citizen's own reports, whichever units they wrote to, with the answers (read
 * in the applicant scope: only that account's reports).
 */
@Path("api/me/feedback")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MyFeedbackResource {

    @Inject
    Reports reports;

    @Inject
    TenantDirectory directory;

    @GET
    public List<ReportView> mine() {
        long me = CurrentUser.get().orElseThrow(ProblemException::unauthenticated).userId();
        return reports.mine(me).stream().map(r -> ReportView.of(r, directory.byId(r.getTenantId()).map(t -> t.getCode()).orElse(null), false)).toList();
    }

    @GET
    @Path("{code}")
    public ReportView one(@PathParam("code") String code) {
        return mine().stream().filter(r -> r.code().equalsIgnoreCase(code)).findFirst()
                .orElseThrow(() -> ProblemException.notFound(Wording::in, "notFound.report", code));
    }
}
