package vn.egov.platform.web.desk;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import vn.egov.platform.security.Role;
import vn.egov.platform.security.UserPrincipal;

/**
 * Where a person lands after logging in when they were going nowhere in particular, contributed by the module whose
 * page it is (see {@link Contribution}): administrators on their unit's overview, one-stop staff on their dossiers'
 * desk, the clerk on the registers, editors on the site's articles, citizens on their dossiers. Of the arrivals whose
 * {@code roles} the person holds, the lowest {@code order} wins ({@code /me/start} chooses).
 *
 * @param order where it stands among the others (ascending: the first that fits wins)
 * @param roles who lands here (any one of them)
 * @param path  the page: {@code {unit}} stands for the person's own unit's code
 */
public record Arrival(int order, Set<Role> roles, String path) {

    public Arrival {
        roles = Set.copyOf(roles);
    }

    /** The page for a person of the unit {@code unitCode}. */
    public String pathIn(String unitCode) {
        return path.replace("{unit}", unitCode);
    }

    /**
     * Where {@code user} lands: the first of {@code arrivals} (by order) whose roles they hold, in their own unit; their
     * unit's site if none fits.
     */
    public static String of(Collection<Arrival> arrivals, UserPrincipal user) {
        return arrivals.stream().sorted(Comparator.comparingInt(Arrival::order))
                .filter(a -> a.roles().stream().anyMatch(user::has)).findFirst()
                .map(a -> a.pathIn(user.tenantCode())).orElse("/t/" + user.tenantCode() + "/");
    }

    /** What a module gives: a CDI bean implementing this lists its arrivals. */
    public interface Contribution {
        List<Arrival> arrivals();
    }
}
