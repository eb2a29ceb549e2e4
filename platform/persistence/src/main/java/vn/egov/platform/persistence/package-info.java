/**
 * The database side of isolation: schema migrations (run by provisioning as the owner role), the platform
 * persistence unit, and the per-transaction tenant scope ({@code set_config(..., true)} with bound
 * parameters) that every row-level-security policy reads. {@code Db} runs a transaction's statements on one
 * connection handle ({@code TxConnection}); a transaction begun inside another is marked {@code @NewTransaction}, and
 * {@code OwnTransaction} runs a page's one change in one of its own (a refused change leaves the page's readable).
 * <p>
 * May use: Jakarta EE APIs and {@code vn.egov.platform.tenancy}. Nothing here knows about users or HTTP.
 */
package vn.egov.platform.persistence;
