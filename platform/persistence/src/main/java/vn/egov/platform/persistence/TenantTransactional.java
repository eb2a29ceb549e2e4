package vn.egov.platform.persistence;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a boundary that is already {@code @Transactional}: binds the tenant scope to the transaction before
 * the method body runs. The scope is the one carried explicitly by {@link ScopedWork} if any, else the
 * request's, as decided by the {@link vn.egov.platform.tenancy.ScopeProvider}.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface TenantTransactional {
}
