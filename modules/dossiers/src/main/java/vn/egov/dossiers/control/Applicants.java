package vn.egov.dossiers.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import vn.egov.dossiers.entity.Dossier;
import vn.egov.platform.persistence.ApplicantReads;
import vn.egov.platform.persistence.Db;
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
    Details details;

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

    /** The state of the applicant's dossier {@code code} (in their reading scope); not found when it is not theirs. */
    public Processing.State mine(String code, long userId) {
        return processing.find(code).filter(s -> s.applicantId() != null && s.applicantId() == userId)
                .orElseThrow(() -> ProblemException.notFound("hồ sơ " + code + " của bạn", "your dossier " + code));
    }
}
