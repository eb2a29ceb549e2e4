/**
 * Synchronisation with the national public service portal: the worker that sends the dossier outbox (status
 * changes written in the transactions that made them) through the portal's adapter, in order per dossier, with
 * retries; and the simulator that stands in for the portal in development and tests. May use the platform's
 * persistence (the platform's outbox: its handler interface, its claim and marks), the data grid and the dossiers' control; nothing uses it back.
 */
package vn.egov.dossiers.sync;
