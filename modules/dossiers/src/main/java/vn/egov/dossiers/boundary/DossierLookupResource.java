package vn.egov.dossiers.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.regex.Matcher;
import vn.egov.dossiers.control.Lookup;
import vn.egov.dossiers.entity.Dossier;
import vn.egov.dossiers.pages.StatusPage;
import vn.egov.platform.persistence.ScopedWork;
import vn.egov.platform.tenancy.TenantScope;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.Problem;
import vn.egov.dossiers.control.Wording;
import vn.egov.platform.web.ProblemException;

/**
 * {@code /api/dossiers/{code}}: anyone who has a dossier's code (it is on the receipt) sees its procedure, status,
 * date of receipt and appointment date, and nothing about the applicant or the papers. The dossier's unit is found
 * from the code (not from its prefix: the unit that received it may since have been renamed or merged), and the
 * dossier is read in that unit's scope, by code only. At most {@value Lookup#PER_MINUTE} lookups a minute from one
 * address (counted in the data grid, so across nodes): codes cannot be enumerated.
 */
@Path("api/dossiers/{code}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DossierLookupResource {

    @Inject
    TenantDirectory directory;

    @Inject
    Lookup lookup;

    @Context
    HttpServletRequest request;

    /** The same for a person: the page the QR code on the receipt slip opens in a phone's browser ({@link StatusPage}). */
    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public Response page(@PathParam("code") String code) throws Exception {
        limit(request.getRemoteAddr());
        Tenant unit = unitOf(code);
        java.util.Optional<Dossier> found = unit == null ? java.util.Optional.empty()
                : ScopedWork.call(new TenantScope(unit.getId(), unit.getPath(), false), () -> lookup.byCode(unit, code));
        return found.isEmpty() ? StatusPage.missing(request, code) : StatusPage.found(request, unit.getName(), found.get());
    }

    private Tenant unitOf(String code) {
        Matcher m = Lookup.CODE.matcher(code == null ? "" : code);
        return m.matches() ? lookup.unitOf(code).flatMap(directory::byId).orElse(null) : null;
    }

    @GET
    public Response status(@PathParam("code") String code) throws Exception {
        limit(request.getRemoteAddr());
        Tenant unit = unitOf(code);
        if (unit == null) {
            throw notFound(code);
        }
        Dossier d = ScopedWork.call(new TenantScope(unit.getId(), unit.getPath(), false), () -> lookup.byCode(unit, code)).orElseThrow(() -> notFound(code));
        return Response.ok(Jsonp.createObjectBuilder().add("code", d.code()).add("unit", unit.getName()).add("procedureName", d.procedureName())
                .add("status", d.status()).add("receivedDate", DossiersResource.DAY.format(d.receivedAt().atZone(vn.egov.dossiers.control.Intake.VIETNAM)))
                .add("dueDate", DossiersResource.DAY.format(d.dueDate())).build()).header("Cache-Control", "no-store").build();
    }

    private void limit(String address) {
        if (!lookup.allowed(address)) {
            throw new ProblemException(Problem.of(Wording::in, 429, "too-many-requests", "problem.tooManyLookups.title",
                    "problem.tooManyLookups", Lookup.PER_MINUTE));
        }
    }

    private static ProblemException notFound(String code) {
        return ProblemException.notFound(Wording::in, "notFound.aDossierWithTheCode", code);
    }
}
