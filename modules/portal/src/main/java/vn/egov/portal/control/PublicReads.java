package vn.egov.portal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;
import vn.egov.platform.persistence.TenantScopeBinder;

/**
 * The transaction visitors' pages read in: its own, bound to the public-read scope (no unit; only rows the public
 * policies let through). Whatever a query forgets, a draft or a private file cannot come out of it.
 */
@ApplicationScoped
public class PublicReads {

    @Inject
    TenantScopeBinder binder;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T read(Supplier<T> work) {
        binder.bindPublic();
        return work.get();
    }
}
