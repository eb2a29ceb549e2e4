package vn.egov.documents.control;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.egov.platform.tenancy.reorg.Conflict;
import vn.egov.platform.tenancy.reorg.Handover;
import vn.egov.platform.tenancy.reorg.FunctionRecords;
import vn.egov.platform.words.Phrase;

/**
 * How official documents follow a reorganisation (database functions {@code documents_reorg_*}, V8_2). Registers
 * are per unit and per year (Decree 30/2020/NĐ-CP): the ended unit's registers are closed on the plan's effective date
 * and kept as they were, readable and printable by the successor ({@code ?of=<code>}); the successor numbers in its
 * own. Documents in handling continue under the successor; drafts are numbered in the successor's register; a
 * delivery between two units that became one is kept as history; no number is changed. A plan whose effective date
 * falls before entries a closing register already holds is refused: a register cannot close in the middle of its
 * numbering.
 */
public class DocumentRecords extends FunctionRecords {
    public DocumentRecords() {
        super("documents", Set.of("document", "document_counter", "document_delivery", "document_inbound"),
                Set.of("document_event", "document_file", "document_outbound", "document_outbox", "document_exchange_identity"),
                "documents_reorg_transfer", 1, Phrase.of(Wording.BUNDLE, "reorg.rule"));
    }

    @Override
    protected void bind(PreparedStatement ps, Handover h) throws SQLException {
        ps.setDate(3, Date.valueOf(h.effective()));
    }

    /** A register that would close before entries it already holds: numbered after the effective date. */
    @Override
    public List<Conflict> conflicts(Connection c, Handover h) throws SQLException {
        List<Conflict> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT unit_code, register, n, sample FROM documents_reorg_conflicts(?, ?, ?)")) {
            ps.setArray(1, c.createArrayOf("bigint", new Long[] {h.from()}));
            ps.setLong(2, h.to());
            ps.setDate(3, Date.valueOf(h.effective()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Conflict(module(), "document", h.toCode(),
                            Phrase.of(Wording.BUNDLE, "reorg.registerClosesMidway", rs.getString(2), rs.getString(1), rs.getLong(3),
                                    Registers.DAY.format(h.effective())),
                            rs.getString(4), rs.getLong(3)));
                }
            }
        }
        return out;
    }
}
