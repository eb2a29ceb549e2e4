package vn.egov.tenantadmin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.web.UserTokens.TokenView;
import vn.egov.tenantadmin.control.Users;

/**
 * {@code /api/t/{unit}/users}: a unit's users and their roles, managed by the unit's administrators (and by
 * administrators whose rights reach the unit from above). Only the province administrator grants or
 * withdraws subtree rights and the province administrator role. The rules and the work are {@link Users}'s.
 */
@Path("api/t/{unit}/users")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    Users users;

    @GET
    public List<Users.UserView> list() {
        return users.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull(message = "{invalid.the-body-is-missing}") Users.NewUser in) {
        return Response.status(201).entity(users.create(in)).build();
    }

    @PUT
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Users.UserView change(@PathParam("username") String username,
                                 @Valid @NotNull(message = "{invalid.the-body-is-missing}") Users.UserChange in) {
        return users.change(username, in);
    }

    /**
     * A user's API tokens, for the unit's administrators (a program acting for a staff member, a leaked token): what
     * each is called, its last characters, when it was made, last used, expires, and whether and by whom it was
     * revoked. Never the secret.
     */
    @GET
    @Path("{username}/tokens")
    public List<TokenView> tokens(@PathParam("username") String username) {
        return users.tokens(username);
    }

    /**
     * Revokes one of a user's API tokens at once (refused from the next request on); recorded in the unit's audit
     * log. A province administrator's tokens are the province's to revoke, like their account.
     */
    @DELETE
    @Path("{username}/tokens/{id}")
    public TokenView revokeToken(@PathParam("username") String username, @PathParam("id") long id) {
        return users.revokeToken(username, id);
    }
}
