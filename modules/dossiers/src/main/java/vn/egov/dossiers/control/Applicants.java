package vn.egov.dossiers.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import vn.egov.dossiers.entity.Dossier;
import vn.egov.platform.persistence.ApplicantReads;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.persistence.ScopedWork;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.tenancy.TenantScope;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.ProblemException;

/**
 * What an applicant reads of their own dossiers and pickup requests, whichever units hold them (in the applicant's
 * reading scope, {@link ApplicantReads}): for the API and the applicant's pages alike.
 */
@ApplicationScoped
public class Applicants {

    @Inject
    ApplicantReads reads;

    @Inject
    Db db;

    @Inject
    Processing processing;

    @Inject
    Notices notices;

    @Inject
    Supplements supplements;

    @Inject
    Details details;

    @Inject
    TenantDirectory directory;

    /** The applicant's dossiers, the newest first. */
    public List<Dossier> dossiers(long userId) {
        return reads.read(userId, () -> db.list("SELECT " + Intake.COLS_PUBLIC + " FROM dossier WHERE applicant_id = ? ORDER BY received_at DESC, id DESC",
                Intake::dossier, userId));
    }

    /** The applicant's requests for the post to pick a paper dossier up, the newest first. */
    public List<JsonObject> pickups(long userId) {
        return reads.read(userId, () -> db.list("SELECT " + Pickups.COLS + " FROM dossier_pickup WHERE applicant_id = ? ORDER BY id DESC", Pickups::json,
                userId));
    }

    /** The dossier {@code code} as its applicant sees it ({@link Details#json}); not found when it is not theirs. */
    public JsonObject dossier(String code, long userId) {
        return reads.read(userId, () -> details.json(mine(code, userId), false).build());
    }

    /** The applicant withdraws their dossier (in the scope of the unit holding it). */
    public Processing.State withdraw(String code, UserPrincipal me, String reason) throws Exception {
        Tenant holder = holder(code, me.userId());
        return ScopedWork.call(scope(holder), () -> notices.withdraw(holder, code, me.userId(), reason, me.username()));
    }

    /** The applicant rates the service once the result is there (in the scope of the unit that received the dossier). */
    public Processing.State rate(String code, long userId, int score, String note) throws Exception {
        Processing.State s = reads.read(userId, () -> mine(code, userId));
        Tenant owner = directory.byId(s.tenantId()).orElseThrow();
        return ScopedWork.call(scope(owner), () -> processing.rate(code, userId, score, note));
    }

    /** The applicant sends the papers a request to supplement asked for (in the scope of the unit holding the dossier). */
    public Processing.State supplied(String code, UserPrincipal me, List<Intake.Paper> papers) throws Exception {
        Tenant holder = holder(code, me.userId());
        return ScopedWork.call(scope(holder), () -> supplements.supplied(holder, code, papers, me.userId(), me.username()));
    }

    private Tenant holder(String code, long userId) {
        long holderId = reads.read(userId, () -> mine(code, userId).holderId());
        return directory.byId(holderId).orElseThrow();
    }

    private static TenantScope scope(Tenant unit) {
        return new TenantScope(unit.getId(), unit.getPath(), false);
    }

    /** The state of the applicant's dossier {@code code} (in their reading scope); not found when it is not theirs. */
    public Processing.State mine(String code, long userId) {
        return processing.find(code).filter(s -> s.applicantId() != null && s.applicantId() == userId)
                .orElseThrow(() -> ProblemException.notFound(Wording::in, "notFound.yourDossier", code));
    }
}
