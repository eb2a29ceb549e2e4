package vn.egov.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * The transaction visitors' pages read in: its own, bound to the public-read scope (no unit; only rows the public
 * policies let through). Whatever a query forgets, a draft or a private file cannot come out of it. Used by
 * the public site and by whatever reads public reference data of other units (the procedure catalogue).
 */
@ApplicationScoped
public class PublicReads {

    @Inject
    TenantScopeBinder binder;

    @NewTransaction
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T read(Supplier<T> work) {
        binder.bindPublic();
        return work.get();
    }
}
