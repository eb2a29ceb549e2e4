package vn.egov.procedures.control;

import java.util.Set;
import vn.egov.platform.tenancy.reorg.FunctionRecords;

/**
 * How the procedure catalogue follows a reorganisation (database function {@code procedures_reorg_transfer}, V8_3):
 * adoption is the union; local procedures follow with their versions; one whose code the successor already
 * publishes stays, superseded, with the ended unit (its versions readable for the dossiers submitted under them) and
 * its adoptions go to the successor's; a dossier keeps its procedure version. Nothing refuses a hand-over.
 */
public class ProcedureRecords extends FunctionRecords {
    public ProcedureRecords() {
        super("procedures", Set.of("procedure", "procedure_version", "unit_procedure"), Set.of(), "procedures_reorg_transfer", 0,
                "Thủ tục nhận từ danh mục: hợp của các đơn vị; thủ tục riêng chuyển theo cùng các phiên bản (trùng mã: giữ thủ tục của đơn vị "
                        + "kế thừa, thủ tục cũ được giữ nguyên cho hồ sơ đã nộp); hồ sơ giữ phiên bản thủ tục của mình / adoption is the union; "
                        + "local procedures follow with their versions (same code: the successor's stays current, the old one is kept for its "
                        + "dossiers); a dossier keeps its version");
    }
}
