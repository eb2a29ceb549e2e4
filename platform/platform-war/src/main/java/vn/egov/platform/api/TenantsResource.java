package vn.egov.platform.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.ProblemException;

/** {@code /api/tenants}: the public directory of units (no login needed). */
@Path("api/tenants")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TenantsResource {

    @Inject
    TenantDirectory directory;

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    @Context
    UriInfo uri;

    /** The roots with their direct children. */
    @GET
    public List<TenantView> roots() {
        return directory.roots().stream().map(this::withChildren).toList();
    }

    /** One unit with its direct children. */
    @GET
    @Path("{code}")
    public TenantView one(@PathParam("code") String code) {
        return withChildren(find(code));
    }

    @GET
    @Path("{code}/children")
    public List<TenantView> children(@PathParam("code") String code) {
        Tenant t = find(code);
        return directory.children(t.getId()).stream().map(c -> TenantView.of(c, t.getCode(), null)).toList();
    }

    /** From the root down to the unit's parent. */
    @GET
    @Path("{code}/ancestors")
    public List<TenantView> ancestors(@PathParam("code") String code) {
        List<Tenant> chain = directory.ancestors(find(code));
        Map<Long, String> codes = chain.stream().collect(Collectors.toMap(Tenant::getId, Tenant::getCode));
        return chain.stream().map(a -> TenantView.of(a, a.getParentId() == null ? null : codes.get(a.getParentId()), null))
                .toList();
    }

    private TenantView withChildren(Tenant t) {
        String parentCode = t.getParentId() == null ? null
                : directory.byId(t.getParentId()).map(Tenant::getCode).orElse(null);
        List<TenantView> kids = directory.children(t.getId()).stream()
                .map(c -> TenantView.of(c, t.getCode(), null)).toList();
        return TenantView.of(t, parentCode, kids);
    }

    /** The unit's renames and recodes, newest first: where its old codes came from. */
    @GET
    @Path("{code}/history")
    @SuppressWarnings("unchecked")
    public List<Map<String, String>> history(@PathParam("code") String code) {
        Tenant t = find(code);
        List<Object[]> rows = em.createNativeQuery("SELECT change, old_code, old_name, new_code, new_name, coalesce(reason, ''), "
                        + "to_char(changed_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY HH24:MI') FROM unit_history "
                        + "WHERE unit_id = ?1 ORDER BY changed_at DESC, id DESC")
                .setParameter(1, t.getId()).getResultList();
        return rows.stream().map(r -> Map.of("change", (String) r[0], "oldCode", (String) r[1], "oldName", (String) r[2],
                "newCode", (String) r[3], "newName", (String) r[4], "reason", (String) r[5], "at", (String) r[6])).toList();
    }

    /** A current code, or an old one answered with a permanent redirect to the unit's current address. */
    private Tenant find(String code) {
        Optional<Tenant> current = directory.byCode(code);
        if (current.isPresent()) {
            return current.get();
        }
        Optional<Tenant> successor = directory.successorOfCode(code);
        if (successor.isPresent()) {
            String rest = uri.getPath().substring(uri.getPath().indexOf(code) + code.length());
            throw new WebApplicationException(Response.status(Response.Status.MOVED_PERMANENTLY)
                    .location(URI.create("/api/tenants/" + successor.get().getCode() + rest)).build());
        }
        throw ProblemException.notFound("đơn vị có mã \"" + abbreviate(code) + "\"", "unit with code \"" + abbreviate(code) + "\"");
    }

    static String abbreviate(String s) {
        return s.length() > 63 ? s.substring(0, 63) + "…" : s;
    }

}
