package vn.egov.procedures.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import vn.egov.platform.tenancy.reorg.Conflict;
import vn.egov.platform.tenancy.reorg.Handover;
import vn.egov.platform.tenancy.reorg.RecordRule;
import vn.egov.platform.tenancy.reorg.Transferred;

/**
 * How the procedure catalogue follows a reorganisation (database function {@code procedures_reorg_transfer}, V8_3):
 * adoption is the union; local procedures follow with their versions; one whose code the successor already
 * publishes stays, superseded, with the ended unit (its versions readable for the dossiers submitted under them) and
 * its adoptions go to the successor's; a dossier keeps its procedure version.
 */
public class ProcedureRecords implements RecordRule {

    @Override
    public String module() {
        return "procedures";
    }

    @Override
    public Set<String> tables() {
        return Set.of("procedure", "procedure_version", "unit_procedure");
    }

    @Override
    public Set<String> generic() {
        return Set.of();
    }

    @Override
    public String describe() {
        return "Thủ tục nhận từ danh mục: hợp của các đơn vị; thủ tục riêng chuyển theo cùng các phiên bản (trùng mã: giữ thủ tục của đơn vị "
                + "kế thừa, thủ tục cũ được giữ nguyên cho hồ sơ đã nộp); hồ sơ giữ phiên bản thủ tục của mình / adoption is the union; "
                + "local procedures follow with their versions (same code: the successor's stays current, the old one is kept for its "
                + "dossiers); a dossier keeps its version";
    }

    @Override
    public List<Conflict> conflicts(Connection c, Handover h) {
        // nothing refuses: the same code is resolved by the rule (the successor's procedure stays current)
        return List.of();
    }

    @Override
    public Transferred transfer(Connection c, Handover h) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT table_name, moved FROM procedures_reorg_transfer(?, ?)")) {
            ps.setLong(1, h.from());
            ps.setLong(2, h.to());
            try (ResultSet rs = ps.executeQuery()) {
                return Transferred.read(rs);
            }
        }
    }
}
