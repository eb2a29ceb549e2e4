/**
 * The one outbox worker every module's outbox goes through ({@link vn.egov.platform.outbox.OutboxWorker}: timers,
 * cluster lock, rounds; {@link vn.egov.platform.outbox.OutboxRound}: the claim, lease and marks through the
 * platform's SQL functions of V8_20, backoff and give-up) and what a module supplies
 * ({@link vn.egov.platform.outbox.OutboxHandler}: its table and its sending). May use: Jakarta EE, JDBC, Hazelcast
 * (the container's data grid). Knows no feature.
 */
package vn.egov.platform.outbox;
