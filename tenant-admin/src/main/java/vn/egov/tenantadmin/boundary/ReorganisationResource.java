package vn.egov.tenantadmin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.web.pages.Locales;
import vn.egov.tenantadmin.control.ReorgPlan;
import vn.egov.tenantadmin.control.Reorganisations;

/**
 * {@code /api/t/{unit}/reorganisations}: reorganisation plans over the unit's subtree (administration rights over
 * the whole subtree needed). {@code dry-run} checks a plan and tells what it would do, changing nothing;
 * {@code apply} does it atomically, refusing when a unit changed since the dry-run (the plan carries the dry-run's
 * {@code basis}: in JSON as a member, with CSV as the {@code basis} query parameter, {@code code:version,...}).
 * Plans come as JSON or CSV ({@link ReorgPlan}). Applied plans are kept and readable. The work is
 * {@link Reorganisations}'. The reports' words (operations, rules, conflicts) are said in the request's language.
 */
@Path("api/t/{unit}/reorganisations")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(MediaType.APPLICATION_JSON)
public class ReorganisationResource {

    @Inject
    Reorganisations plans;

    /** The request, for its language ({@code ?lang=}, then the cookie, then {@code Accept-Language}): the report's words. */
    @jakarta.ws.rs.core.Context
    HttpServletRequest request;

    @POST
    @Path("dry-run")
    @Consumes({MediaType.APPLICATION_JSON, "text/csv"})
    public JsonObject dryRun(byte[] body, @jakarta.ws.rs.core.Context HttpHeaders headers, @QueryParam("title") String title,
                             @QueryParam("basis") String basis, @QueryParam("effective") String effective) {
        return plans.dryRun(plan(body, headers, title, basis, effective), Locales.of(request));
    }

    @POST
    @Path("apply")
    @Consumes({MediaType.APPLICATION_JSON, "text/csv"})
    public JsonObject apply(byte[] body, @jakarta.ws.rs.core.Context HttpHeaders headers, @QueryParam("title") String title,
                            @QueryParam("basis") String basis, @QueryParam("effective") String effective) {
        return plans.apply(plan(body, headers, title, basis, effective), Locales.of(request));
    }

    /** The plans applied from this unit (and, as far as the rights reach, below it), newest first. */
    @GET
    public List<Map<String, Object>> list() {
        return plans.list();
    }

    @GET
    @Path("{id}")
    public JsonObject one(@PathParam("id") long id) {
        return plans.one(id, Locales.of(request));
    }

    private static ReorgPlan plan(byte[] body, HttpHeaders headers, String title, String basis, String effective) {
        MediaType type = headers.getMediaType();
        boolean json = type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE);
        return Reorganisations.read(body, json, title, basis).withEffective(Reorganisations.effective(effective));
    }
}
