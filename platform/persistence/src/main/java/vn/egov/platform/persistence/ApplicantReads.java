package vn.egov.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * The transaction an applicant (a citizen's or business's account) reads their own records in: its own, bound to
 * the applicant scope (no unit; only the rows the applicant policies give that account).
 */
@ApplicationScoped
public class ApplicantReads {

    @Inject
    TenantScopeBinder binder;

    @NewTransaction
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T read(long userId, Supplier<T> work) {
        binder.bindApplicant(userId);
        return work.get();
    }
}
