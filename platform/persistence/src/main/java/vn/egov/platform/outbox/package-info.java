/**
 * The one outbox worker every module's outbox goes through ({@link vn.egov.platform.outbox.OutboxWorker}: timers,
 * cluster lock, rounds) and what a module supplies ({@link vn.egov.platform.outbox.OutboxHandler}: its table's claim,
 * send and marks). May use: Jakarta EE, Hazelcast (the container's data grid). Knows no feature.
 */
package vn.egov.platform.outbox;
