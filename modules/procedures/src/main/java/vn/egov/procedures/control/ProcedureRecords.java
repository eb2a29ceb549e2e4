package vn.egov.procedures.control;

import java.util.Set;
import vn.egov.platform.tenancy.reorg.FunctionRecords;
import vn.egov.platform.words.Phrase;

/**
 * How the procedure catalogue follows a reorganisation (database function {@code procedures_reorg_transfer}, V8_3, with
 * the form templates since V8_60: they go with their procedure):
 * adoption is the union; local procedures follow with their versions; one whose code the successor already
 * publishes stays, superseded, with the ended unit (its versions readable for the dossiers submitted under them) and
 * its adoptions go to the successor's; a dossier keeps its procedure version. Nothing refuses a hand-over.
 */
public class ProcedureRecords extends FunctionRecords {
    public ProcedureRecords() {
        super("procedures", Set.of("procedure", "procedure_version", "unit_procedure", "procedure_template"), Set.of(), "procedures_reorg_transfer", 0,
                Phrase.of(Wording.BUNDLE, "reorg.rule"));
    }
}
