package vn.egov.feedback.control;

import java.util.Set;
import vn.egov.platform.tenancy.reorg.GenericRecords;
import vn.egov.platform.words.Phrase;

/**
 * A unit's reports go to its successor as they are (the generic move): their codes are unique across the province, so
 * nothing collides, and a citizen still finds theirs under {@code /me/feedback}, a published one on the successor's site.
 */
public class FeedbackRecords extends GenericRecords {
    public FeedbackRecords() {
        super("feedback", Set.of("feedback"), Phrase.of(Wording.BUNDLE, "reorg.rule"));
    }
}
