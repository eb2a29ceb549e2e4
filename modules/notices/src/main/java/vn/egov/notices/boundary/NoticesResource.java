package vn.egov.notices.boundary;

import vn.egov.notices.control.Wording;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import vn.egov.notices.entity.Notice;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.web.Access;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.search.control.SearchIndex;
import vn.egov.platform.security.Role;

/**
 * {@code /api/t/{unit}/notices}: the internal notices of one unit. The unit comes from the path (resolved at
 * the edge), the caller must have read/write rights there, and every query also runs under the unit's
 * row-level-security scope: a notice of another unit is "not found", whatever its id.
 */
@Path("api/t/{unit}/notices")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(MediaType.APPLICATION_JSON)
public class NoticesResource {
    static final String DOMAIN = "notice";

    @PersistenceContext(unitName = "notices")
    EntityManager em;

    @Inject
    Access access;

    @Inject
    SearchIndex search;

    @GET
    public List<NoticeView> list(@QueryParam("limit") @DefaultValue("20") int limit) {
        Tenant unit = access.require(DOMAIN, "read");
        int size = Math.max(1, Math.min(limit, 100));
        return em.createQuery("SELECT n FROM Notice n WHERE n.tenantId = :t AND (n.audience <> 'admins' OR :admin = TRUE) "
                        + "ORDER BY n.createdAt DESC, n.id DESC", Notice.class)
                .setParameter("t", unit.getId())
                .setParameter("admin", isAdmin())
                .setMaxResults(size)
                .getResultStream().map(n -> NoticeView.of(n, unit.getCode())).toList();
    }

    @GET
    @Path("{id}")
    public NoticeView get(@PathParam("id") long id) {
        Tenant unit = access.require(DOMAIN, "read");
        return NoticeView.of(find(unit, id), unit.getCode());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull(message = "{invalid.the-body-is-missing}") NoticeInput input,
                           @Context UriInfo uri) {
        Tenant unit = access.require(DOMAIN, "write");
        Notice notice = new Notice(unit.getId(), input.title().strip(), input.body(), access.username(), input.audienceOrDefault());
        em.persist(notice);
        em.flush();
        search.put(NoticeSearch.document(notice, unit));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(notice.getId())).build())
                .entity(NoticeView.of(notice, unit.getCode())).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public NoticeView update(@PathParam("id") long id,
                             @Valid @NotNull(message = "{invalid.the-body-is-missing}") NoticeInput input) {
        Tenant unit = access.require(DOMAIN, "write");
        Notice notice = find(unit, id);
        notice.edit(input.title().strip(), input.body(), input.audienceOrDefault());
        em.flush();
        search.put(NoticeSearch.document(notice, unit));
        return NoticeView.of(notice, unit.getCode());
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        Tenant unit = access.require(DOMAIN, "write");
        em.remove(find(unit, id));
        search.remove(unit.getId(), NoticeSearch.docId(id));
        return Response.noContent().build();
    }

    /** Admins-only notices are for the unit's administrators (and those of the province). */
    private boolean isAdmin() {
        return access.user().has(Role.UNIT_ADMIN) || access.user().has(Role.PROVINCE_ADMIN);
    }

    private Notice find(Tenant unit, long id) {
        Notice n = em.find(Notice.class, id);
        if (n == null || n.getTenantId() != unit.getId() || ("admins".equals(n.getAudience()) && !isAdmin())) {
            throw ProblemException.notFound(Wording::in, "notFound.noticeInThisUnit", id);
        }
        return n;
    }
}
