package vn.egov.platform.tenancy;

import java.util.Optional;

/**
 * Decides the database scope of the current request: the resolved unit, checked against the logged-in
 * subject. Empty means "no unit's private rows" (anonymous users, or a subject outside that unit).
 * Implemented by the security module.
 */
public interface ScopeProvider {
    Optional<TenantScope> currentScope();
}
