package vn.egov.platform.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import vn.egov.platform.security.Role;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.tenancy.TenantScope;
import vn.egov.platform.web.Access;

/** {@code /api/me}: who is logged in, their unit, roles, and the scope their rights cover. */
@Path("api/me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    Access access;

    public record Me(String username, String displayName, String unit, List<String> roles, Scope scope) {
    }

    public record Scope(String unit, boolean subtree, List<String> permissions) {
    }

    @GET
    public Me me() {
        UserPrincipal u = access.user();
        TenantScope home = u.homeScope();
        return new Me(u.username(), u.displayName(), u.tenantCode(),
                u.roles().stream().map(Role::name).sorted().toList(),
                new Scope(u.tenantCode(), home.subtree(), u.permissions().stream().map(Object::toString).sorted().toList()));
    }
}
