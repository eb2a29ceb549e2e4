package vn.egov.platform.persistence;

import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * Runs a page's one change in a transaction of its own (under the same tenant scope). A refused change (a
 * taken code, a constraint the database enforces) rolls back that transaction only, so the page's own
 * transaction can still read what it needs to show the form again; PostgreSQL would refuse every further
 * statement of a transaction in which one has failed.
 */
@RequestScoped
public class OwnTransaction {

    @NewTransaction
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @TenantTransactional
    public <T> T call(Supplier<T> change) {
        return change.get();
    }
}
