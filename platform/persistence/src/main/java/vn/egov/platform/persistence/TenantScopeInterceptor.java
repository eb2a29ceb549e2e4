package vn.egov.platform.persistence;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.Optional;
import vn.egov.platform.tenancy.ScopeProvider;
import vn.egov.platform.tenancy.TenantScope;

/**
 * Runs inside the transaction opened by {@code @Transactional} (whose interceptor has a lower priority)
 * and binds the scope once, at the start. Nested calls re-bind the same value, which is harmless.
 */
@TenantTransactional
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
public class TenantScopeInterceptor {

    @Inject
    TenantScopeBinder binder;

    @Inject
    Instance<ScopeProvider> providers;

    @AroundInvoke
    Object bindScope(InvocationContext invocation) throws Exception {
        Optional<TenantScope> carried = ScopedWork.carried();
        Optional<TenantScope> scope;
        if (carried.isPresent()) {
            scope = carried;
        } else if (providers.isResolvable()) {
            scope = providers.get().currentScope();
        } else {
            scope = Optional.empty();
        }
        binder.bind(scope);
        return invocation.proceed();
    }
}
