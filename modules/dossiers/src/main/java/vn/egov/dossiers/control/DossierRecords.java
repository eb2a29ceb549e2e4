package vn.egov.dossiers.control;

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
 * How dossiers follow a reorganisation (database function {@code dossiers_reorg_transfer}, V8_1): in-progress
 * dossiers continue under the successor with their codes unchanged; holder and parties follow, so a dossier that a
 * dissolved district held for a commune is then held by the unit that took the district over; the day sequences go
 * with their code prefixes, so no code is given twice; the public lookup finds a dossier by its code whatever became
 * of the unit its prefix names. The dossier's own rows (files, events, steps, notices, handovers, payments, post)
 * simply go with it.
 */
public class DossierRecords implements RecordRule {

    @Override
    public String module() {
        return "dossiers";
    }

    @Override
    public Set<String> tables() {
        return Set.of("dossier", "dossier_sequence");
    }

    @Override
    public Set<String> generic() {
        return Set.of("dossier_file", "dossier_event", "dossier_handover", "dossier_notice", "dossier_outbox", "dossier_payment",
                "dossier_refund", "dossier_shipment", "dossier_pickup", "payment_reconciliation", "unit_payment_account");
    }

    @Override
    public String describe() {
        return "Hồ sơ đang giải quyết tiếp tục tại đơn vị kế thừa, giữ nguyên mã (Nghị định 61/2018/NĐ-CP, 107/2021/NĐ-CP); "
                + "đơn vị đang giữ và các bên liên thông chuyển theo; số thứ tự trong ngày đi theo tiền tố mã nên không trùng / "
                + "in-progress dossiers continue under the successor with their codes; holder and parties follow; day sequences "
                + "follow their code prefix, so no code repeats";
    }

    @Override
    public List<Conflict> conflicts(Connection c, Handover h) {
        // dossier codes are unique deployment-wide and sequences are kept per prefix: nothing can collide
        return List.of();
    }

    @Override
    public Transferred transfer(Connection c, Handover h) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT table_name, moved FROM dossiers_reorg_transfer(?, ?)")) {
            ps.setLong(1, h.from());
            ps.setLong(2, h.to());
            try (ResultSet rs = ps.executeQuery()) {
                return Transferred.read(rs);
            }
        }
    }
}
