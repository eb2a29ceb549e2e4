package vn.egov.notices.control;

import java.util.Set;
import vn.egov.platform.tenancy.reorg.GenericRecords;
import vn.egov.platform.words.Phrase;

/** A unit's internal notices go to its successor as they are. */
public class NoticeRecords extends GenericRecords {
    public NoticeRecords() {
        super("notices", Set.of("notice"), Phrase.of(Wording.BUNDLE, "reorg.rule"));
    }
}
