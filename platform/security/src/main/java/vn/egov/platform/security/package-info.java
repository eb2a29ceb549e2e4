/**
 * Who may act where: the Shiro realms (passwords through narrow database functions with lockout after repeated
 * failures; API tokens found by their SHA-256), the logged-in user as a serializable principal, permissions that carry a tenant path, and the
 * {@link vn.egov.platform.tenancy.ScopeProvider} that turns "this request's unit" plus "this subject" into
 * the database scope.
 * <p>
 * May use: Jakarta EE APIs, Apache Shiro, {@code vn.egov.platform.tenancy}.
 */
package vn.egov.platform.security;
