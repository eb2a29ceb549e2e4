/**
 * How each module's records follow a reorganisation of the tree (a merge, a dissolution, a province merge).
 * <p>
 * {@link vn.egov.platform.tenancy.reorg.RecordRule} is the one interface a module implements and registers in
 * {@code META-INF/services}; the reorganisation (tenant-admin's {@code Reorganiser}, in the server and in the
 * operator's tool) finds every rule with {@link java.util.ServiceLoader}, asks each for its conflicts in the
 * dry-run and runs each in the plan's transaction. A tenant table that no rule declares is moved by the generic
 * rule (every row's {@code tenant_id} to the successor); every table must be named by some rule, as carried or
 * as accepting the generic move, and a test of the build fails otherwise.
 * May use: the JDK and the platform's words (plain JDBC on the plan's connection; no CDI, no JTA: the operator's tool has neither).
 */
package vn.egov.platform.tenancy.reorg;
