package vn.egov.dossiers.control;

import java.util.Set;
import vn.egov.platform.tenancy.reorg.FunctionRecords;
import vn.egov.platform.words.Phrase;

/**
 * How dossiers follow a reorganisation (database function {@code dossiers_reorg_transfer}, V8_1): in-progress
 * dossiers continue under the successor with their codes unchanged; holder and parties follow, so a dossier that a
 * dissolved district held for a commune is then held by the unit that took the district over; the day sequences go
 * with their code prefixes, so no code is given twice; the public lookup finds a dossier by its code whatever became
 * of the unit its prefix names. Dossier codes are unique deployment-wide: nothing can collide. The dossier's own rows
 * (files, events, notices, handovers, payments, post) simply go with it.
 */
public class DossierRecords extends FunctionRecords {
    public DossierRecords() {
        super("dossiers", Set.of("dossier", "dossier_sequence"),
                Set.of("dossier_file", "dossier_event", "dossier_handover", "dossier_notice", "dossier_outbox", "dossier_payment",
                        "dossier_refund", "dossier_shipment", "dossier_pickup", "payment_reconciliation", "unit_payment_account"),
                "dossiers_reorg_transfer", 0, Phrase.of(Wording.BUNDLE, "reorg.rule"));
    }
}
