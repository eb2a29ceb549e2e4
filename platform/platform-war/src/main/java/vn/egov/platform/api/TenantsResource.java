package vn.egov.platform.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
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

    private Tenant find(String code) {
        return directory.byCode(code).orElseThrow(() ->
                ProblemException.notFound("đơn vị có mã \"" + abbreviate(code) + "\"", "unit with code \"" + abbreviate(code) + "\""));
    }

    static String abbreviate(String s) {
        return s.length() > 63 ? s.substring(0, 63) + "…" : s;
    }

}
