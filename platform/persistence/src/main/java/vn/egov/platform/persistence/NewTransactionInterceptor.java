package vn.egov.platform.persistence;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * {@link NewTransaction}: runs before the transactional interceptor (which has {@code PLATFORM_BEFORE + 200}) and
 * gives back the caller's connection handle, so that the transaction it then begins starts clean.
 */
@Interceptor
@NewTransaction
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 199)
public class NewTransactionInterceptor {

    @AroundInvoke
    Object release(InvocationContext ctx) throws Exception {
        TxConnection.release();
        return ctx.proceed();
    }
}
