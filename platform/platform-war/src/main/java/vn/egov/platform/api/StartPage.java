package vn.egov.platform.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import vn.egov.platform.security.SubjectScopeProvider.CurrentUser;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.web.desk.Arrival;

/**
 * {@code /me/start}: where the login sends a person who was going nowhere in particular; it sends them on to their
 * work ({@link Arrival}, what the modules contribute): administrators to their unit's overview, one-stop staff to
 * their desk, citizens to their dossiers. One who must still choose a password goes to that page first.
 */
@Path("me/start")
@RequestScoped
public class StartPage {

    @Inject
    Instance<Arrival.Contribution> contributions;

    @GET
    public Response start() {
        UserPrincipal me = CurrentUser.get().orElse(null);
        if (me == null) {
            return Response.seeOther(URI.create("/login")).build();
        }
        if (me.mustChangePassword()) {
            return Response.seeOther(URI.create("/me/password")).build();
        }
        List<Arrival> all = new ArrayList<>();
        contributions.forEach(c -> all.addAll(c.arrivals()));
        return Response.seeOther(URI.create(Arrival.of(all, me))).header("Cache-Control", "no-store").build();
    }
}
