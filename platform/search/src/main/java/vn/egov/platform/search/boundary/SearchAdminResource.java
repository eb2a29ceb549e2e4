package vn.egov.platform.search.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.egov.platform.search.control.IndexAdmin;
import vn.egov.platform.search.control.SearchOutbox;
import vn.egov.platform.search.control.Reindexer;
import vn.egov.platform.search.control.Searcher;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.security.Role;
import vn.egov.platform.tenancy.TenantScope;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.ProblemException;

/**
 * {@code /api/t/{unit}/search/...}: the index as its administrators see it. Reindex a unit or (with rights over
 * it) its subtree, follow the job, check the index against the database, read the outbox backlog and its errors.
 * Unit administrators only; each sees what their scope covers.
 */
@Path("api/t/{unit}/search")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quản trị tìm kiếm / Search administration")
public class SearchAdminResource {
    static final String DOMAIN = "search";

    @Inject
    Access access;

    @Inject
    Reindexer reindexer;

    @Inject
    IndexAdmin admin;

    @Inject
    SearchOutbox worker;

    @POST
    @Path("reindex")
    @Operation(summary = "Reindex a unit, or its subtree (subtree=true): every item read again from the database")
    public Response reindex(@QueryParam("subtree") boolean subtree, @Context UriInfo uri) {
        Tenant unit = subtree ? access.requireSubtree(DOMAIN, "admin") : access.require(DOMAIN, "admin");
        long id = reindexer.start(unit, subtree, access.username(), new TenantScope(unit.getId(), unit.getPath(), subtree));
        return Response.accepted(admin.job(id).orElseThrow())
                .location(uri.getBaseUriBuilder().path("api/t").path(unit.getCode()).path("search/reindex").path(Long.toString(id)).build())
                .build();
    }

    @GET
    @Path("reindex/{id}")
    @Transactional
    @TenantTransactional
    @Operation(summary = "A reindex job: units enqueued, items still waiting for the index, done or not")
    public IndexAdmin.Job job(@PathParam("id") long id) {
        access.require(DOMAIN, "admin");
        return admin.job(id).orElseThrow(() -> ProblemException.notFound(ProblemException::platformTexts, "platform.notFound.reindexJob", id));
    }

    @GET
    @Path("check")
    @Transactional
    @TenantTransactional
    @Operation(summary = "Consistency check: items per unit in the database and in the index")
    public IndexAdmin.Check check() {
        Tenant unit = access.require(DOMAIN, "admin");
        try {
            return admin.check(unit, access.user().reachesSubtree());
        } catch (Searcher.BadQuery | Searcher.Unavailable e) {
            throw SearchResource.unavailable();
        }
    }

    public record BacklogView(IndexAdmin.Backlog backlog, JsonObject worker) {
    }

    @GET
    @Path("backlog")
    @Transactional
    @TenantTransactional
    @Operation(summary = "The outbox backlog of this unit (or subtree) and its last errors; the worker's state for province admins")
    public BacklogView backlog() {
        access.require(DOMAIN, "admin");
        JsonObject status = access.user().has(Role.PROVINCE_ADMIN) ? worker.lastStatus() : Jsonp.createObjectBuilder().build();
        return new BacklogView(admin.backlog(), status);
    }
}
