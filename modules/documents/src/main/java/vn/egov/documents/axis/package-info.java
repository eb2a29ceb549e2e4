/**
 * The documents' link to the national document axis (trục liên thông văn bản quốc gia) and their outbox worker:
 * {@code AxisAdapter} posts a signed edXML package to the axis and reads its answer (accepted with an id, or refused with a
 * reason); {@code DocumentOutbox} sends the documents outbox (packages to the axis, e-mails of urgent documents) on every
 * node through the platform's one outbox worker (one node at a time; its claim, leases, backoff and give-up); {@code AxisSimulator} stands in for the axis in development and
 * tests ({@code egov.simulators=on}). May use: the module's control and exchange packages, the platform's {@code Mailer},
 * Jakarta EE APIs and the platform jars.
 */
package vn.egov.documents.axis;
