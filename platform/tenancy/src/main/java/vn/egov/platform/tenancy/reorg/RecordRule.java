package vn.egov.platform.tenancy.reorg;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * How one module's records follow a unit that ends (merged or dissolved) into its successor. Called on the plan's
 * JDBC connection, inside its one transaction, under its scope (the acting unit's subtree, or the root the plan
 * works in); what a rule writes rolls back with the plan. Implementations are stateless and public with a
 * no-argument constructor ({@link java.util.ServiceLoader}).
 */
public interface RecordRule {

    /** The module, as named in reports ("dossiers"). */
    String module();

    /** The module's tenant tables this rule carries itself: the generic move leaves them alone. */
    Set<String> tables();

    /** The module's tenant tables whose rows simply go to the successor (the generic move): declared, not forgotten. */
    Set<String> generic();

    /**
     * The rule in a sentence, with its legal basis where there is one (shown in the dry-run, kept in the plan's report):
     * a key of the module's texts, said in the reader's language.
     */
    vn.egov.platform.words.Phrase description();

    /**
     * What would stop the hand-over of {@code handover.from()} into {@code handover.to()} as the successor stands at
     * that step of the plan (with what earlier steps gave it). Each conflict names its rows and the rule refusing them.
     */
    List<Conflict> conflicts(Connection c, Handover handover) throws SQLException;

    /** Hands the records over; answers rows changed per table, and rows not carried (for the plan's report). */
    Transferred transfer(Connection c, Handover handover) throws SQLException;

    /**
     * Called once after every step of the plan, in its transaction, with what the plan did. {@code observersFollow}
     * says whether the server's observers of {@link vn.egov.platform.tenancy.UnitsReorganised} run after this (they do
     * in the server; the operator's tool has none, so a rule with state outside the database leaves a request there).
     */
    default void finish(Connection c, vn.egov.platform.tenancy.UnitsReorganised outcome, boolean observersFollow) throws SQLException {
    }
}
