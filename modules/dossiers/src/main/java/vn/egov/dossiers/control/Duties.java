package vn.egov.dossiers.control;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import vn.egov.platform.security.Role;
import vn.egov.platform.security.SubjectScopeProvider.CurrentUser;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;

/**
 * Who ends a step: the one-stop duty ({@link Role#isDuty()}) that the step's role in the procedure's process asks
 * of the holder's staff. The reception desk ({@code RECEIVER}) receives at the counter, takes supplements at the
 * counter and ends the reception steps; a handler ends the handling steps and, at the agency a dossier was
 * transferred to, the transfer step (as may its leader); the leader ends the leader's steps. A refusal is the
 * current step's duty-holder's or a leader's. The unit's word to the applicant outside the process, the apology with a new
 * date (form 04) and the stop (form 05), is signed by its leader; a refund of fees goes through the desk that took
 * them, or the leader. A duty counts in its holder's own unit only (a district's leader does
 * not sign for a commune), and being an administrator, of the unit or the province, is not a duty.
 */
public final class Duties {
    private Duties() {
    }

    /** The reception desk: receiving at the counter or from the post, taking supplements at the counter. */
    public static final Set<Role> DESK = Set.of(Role.RECEIVER);

    /** Forms the head of the unit signs outside the process: the apology with a new date (04), the stop (05). */
    public static final Set<Role> SIGNING = Set.of(Role.LEADER);

    /** A refund of fees paid: the desk that took them, or the leader. */
    public static final Set<Role> REFUNDING = Set.of(Role.RECEIVER, Role.LEADER);

    /** The duties that may end a step of this role. */
    public static Set<Role> ending(ProcessModel.Role stepRole) {
        return switch (stepRole) {
            case RECEIVER, APPLICANT -> EnumSet.of(Role.RECEIVER);
            case HANDLER -> EnumSet.of(Role.HANDLER);
            case LEADER -> EnumSet.of(Role.LEADER);
            case OTHER_AGENCY -> EnumSet.of(Role.HANDLER, Role.LEADER);
        };
    }

    /** The duties that may refuse a dossier at a step of this role: the step's own, or a leader. */
    public static Set<Role> refusing(ProcessModel.Role stepRole) {
        Set<Role> may = EnumSet.copyOf(ending(stepRole));
        may.add(Role.LEADER);
        return may;
    }

    /** Whether {@code user} holds one of {@code duties} in the unit {@code unitId}. */
    public static boolean holds(UserPrincipal user, long unitId, Set<Role> duties) {
        return user.tenantId() == unitId && duties.stream().anyMatch(user::has);
    }

    /** The logged-in user holds one of {@code duties} in the unit, or the answer is 403 naming them and what was asked. */
    static void require(long unitId, Set<Role> duties, String whatKey, Object... args) {
        UserPrincipal user = CurrentUser.get().orElseThrow(ProblemException::unauthenticated);
        if (!holds(user, unitId, duties)) {
            // the duties by their names in the reader's language (duty.role.*), joined by its "or"
            java.util.function.Function<vn.egov.platform.words.Words, String> named = w -> duties.stream().map(r -> w.text("duty.role." + r.name()))
                    .collect(Collectors.joining(" " + w.text("act.or") + " "));
            throw new ProblemException(Problem.said(Wording::in, 403, "duty-required", "problem.notYourDuty.title",
                    w -> w.text("problem.notYourDuty", w.text(whatKey, args), named.apply(w)), w -> java.util.Map.of()));
        }
    }
}
