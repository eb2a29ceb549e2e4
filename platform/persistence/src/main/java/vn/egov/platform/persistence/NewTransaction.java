package vn.egov.platform.persistence;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Goes beside every {@code @Transactional(REQUIRES_NEW)}: before the new transaction begins, the caller's
 * transaction gives back its {@link Db} connection handle ({@link TxConnection}). The container enlists the
 * connections a caller holds open into a transaction begun inside it; the caller's connection would then take the
 * inner transaction's scope (the public or applicant scope over a unit's transaction) and its commit. The caller's
 * next statement takes a handle again, on the same physical connection, its scope intact.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface NewTransaction {
}
