package vn.egov.platform.outbox;

import javax.sql.DataSource;

/**
 * A module's outbox, sent by the platform's one {@link OutboxWorker}: the module keeps its table and the SQL functions
 * that claim its rows with a lease (in order where order matters), mark them sent, and put a failed one back with its
 * backoff (2^attempts seconds up to a ceiling) until it gives up; the worker owns the timer on every node, the cluster
 * lock that lets one node at a time send, the lock's lease, the rounds and what a failure of the round itself does.
 * A handler is a CDI bean; the worker finds them all.
 */
public interface OutboxHandler {
    /** Its name: the key of its cluster lock and the word its log lines carry. */
    String name();

    /** The pause between the end of one round on a node and the next look. */
    default long everyMillis() {
        return 500;
    }

    /** Whether it can send anything now (its outside systems are configured); when not, the round is skipped unlocked. */
    default boolean ready() {
        return true;
    }

    /**
     * One round, run under the cluster lock: claim a batch, send it, mark each row. A row that fails is marked by the
     * handler (its backoff) and does not end the round; an exception ends it and is logged (the claimed rows' lease lets
     * them come back).
     *
     * @return whether there may be more right now (a full batch): the worker runs another round under the same lock,
     * for at most {@link OutboxWorker#ROUNDS_FOR} seconds
     */
    boolean round(DataSource db) throws Exception;
}
