package vn.egov.platform.persistence;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import vn.egov.platform.tenancy.TenantScope;

/**
 * Carries a tenant scope explicitly into work that runs outside the request (executor tasks, timers,
 * batch jobs). The scope is captured by the caller as a value and handed over; nothing is inherited.
 * <pre>
 *   TenantScope scope = ...;                       // captured in the request
 *   executor.submit(ScopedWork.wrap(scope, () -> boundary.doWork()));
 * </pre>
 */
public final class ScopedWork {
    private static final ThreadLocal<TenantScope> CARRIED = new ThreadLocal<>();

    private ScopedWork() {
    }

    public static <T> Callable<T> wrap(TenantScope scope, Callable<T> work) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(work, "work");
        return () -> call(scope, work);
    }

    public static <T> T call(TenantScope scope, Callable<T> work) throws Exception {
        Objects.requireNonNull(scope, "scope");
        TenantScope previous = CARRIED.get();
        CARRIED.set(scope);
        try {
            return work.call();
        } finally {
            if (previous == null) {
                CARRIED.remove();
            } else {
                CARRIED.set(previous);
            }
        }
    }

    static Optional<TenantScope> carried() {
        return Optional.ofNullable(CARRIED.get());
    }
}
