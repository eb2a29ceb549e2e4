package vn.egov.documents.control;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import vn.egov.platform.security.Role;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;

/**
 * Who does what with a unit's documents. Any staff member drafts and submits; the leader ({@code LEADER}) approves and
 * signs outgoing documents and directs incoming ones; the clerk ({@code CLERK}, văn thư) numbers, issues and sends
 * outgoing documents and receives and registers incoming ones; a recall is the leader's or the clerk's. A duty counts in
 * its holder's own unit only: a district's leader does not sign for a commune, and being an administrator is not a duty.
 */
public final class Duty {
    public static final Set<Role> LEADING = EnumSet.of(Role.LEADER);
    public static final Set<Role> CLERKING = EnumSet.of(Role.CLERK);
    public static final Set<Role> RECALLING = EnumSet.of(Role.LEADER, Role.CLERK);

    private Duty() {
    }

    public static boolean holds(UserPrincipal user, Tenant unit, Set<Role> duties) {
        return user.tenantId() == unit.getId() && duties.stream().anyMatch(user::has);
    }

    /** The user holds one of {@code duties} in the unit, or the answer is 403 naming the duty and what was asked. */
    public static void require(Tenant unit, UserPrincipal user, Set<Role> duties, String whatKey) {
        if (!holds(user, unit, duties)) {
            // the duties by their names in the reader's language
            java.util.function.Function<vn.egov.platform.words.Words, String> named = w -> duties.stream().map(r -> w.text("duty.role." + r.name()))
                    .collect(Collectors.joining(w.text("duty.or")));
            throw new ProblemException(Problem.said(Wording::in, 403, "duty-required", "problem.notYourDuty.title",
                    w -> w.text("problem.notYourDuty", w.text(whatKey), named.apply(w)), w -> java.util.Map.of()));
        }
    }
}
