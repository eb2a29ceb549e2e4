package vn.egov.notices.control;

import java.util.Set;
import vn.egov.platform.tenancy.reorg.GenericRecords;

/** A unit's internal notices go to its successor as they are. */
public class NoticeRecords extends GenericRecords {
    public NoticeRecords() {
        super("notices", Set.of("notice"), "Thông báo nội bộ chuyển sang đơn vị kế thừa / internal notices go to the successor");
    }
}
