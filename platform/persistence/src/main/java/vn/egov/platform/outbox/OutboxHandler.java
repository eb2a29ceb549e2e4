package vn.egov.platform.outbox;

import java.util.List;
import javax.sql.DataSource;

/**
 * A module's outbox, sent by the platform's one {@link OutboxWorker}: the module supplies its table (registered in
 * {@code outbox_table}, V8_20: its rows are written in the same transaction as the change they carry) and this
 * handler, which says where rows can go now and sends the rows it is given. Everything else is the platform's: the
 * timer on every node, the cluster lock, the claim with its lease (in id order, with the table's key rule), the
 * marks, the backoff (2^attempts seconds up to {@link #maxDelaySeconds()}) and the give-up ({@link #maxAttempts()}).
 * A handler is a CDI bean; the worker finds them all.
 */
public interface OutboxHandler {
    /** Its name: the key of its cluster lock and the word its log lines carry. */
    String name();

    /** Its outbox table (a plain name, registered in {@code outbox_table}). */
    String table();

    /** The pause between the end of one round on a node and the next look. */
    default long everyMillis() {
        return 500;
    }

    /** The most rows one round claims (shared out between the targets). */
    default int batch() {
        return 100;
    }

    /** The longest wait before a failed row is tried again. */
    default int maxDelaySeconds() {
        return 30;
    }

    /** The tries after which a failed row is given up (kept in the outbox, never due again); 0: never. */
    default int maxAttempts() {
        return 0;
    }

    /**
     * The targets that can be reached now, for a table with a {@code target} column (the rows of the others wait,
     * untouched); none: nothing is claimed and the round is skipped unlocked. Null: the table has no targets.
     */
    default List<String> targets() {
        return null;
    }

    /**
     * Sends the rows claimed (in id order, leased to this round) and tells the round what became of each: sent,
     * failed (its backoff) or refused. A row told nothing comes back when its lease ends; an exception ends the round
     * and is logged (the outcomes told before it are kept).
     */
    void send(List<OutboxRow> rows, OutboxRound round) throws Exception;

    /** Run under the lock once the rounds have taken what there was (a round that was not full). */
    default void idle(DataSource db) throws Exception {
    }

    /**
     * Told when an error ended this handler's rounds: the database's in the claim or the marks, one {@link #send} or
     * {@link #idle} threw (what {@code send} tells the round as failed is no such error). The worker logs it besides;
     * a handler keeps it where its status is read (the search index's admin page).
     */
    default void roundsFailed(Exception e) {
    }
}
