/**
 * The tenant as request state and as an explicit value.
 * <p>
 * {@link vn.egov.platform.tenancy.TenantContext} holds the unit a request is for, resolved once at the edge;
 * {@link vn.egov.platform.tenancy.TenantScope} is what the database is told per transaction and what is
 * carried by hand to work on other threads. May use: Jakarta EE APIs only.
 */
package vn.egov.platform.tenancy;
