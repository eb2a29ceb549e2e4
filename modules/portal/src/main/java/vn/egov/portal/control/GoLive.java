package vn.egov.portal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.egov.platform.persistence.NewTransaction;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.entity.Tenant;

/** One unit's due articles brought live, in a transaction under the unit's own (carried) scope. */
@ApplicationScoped
public class GoLive {
    @Inject
    Editorial editorial;

    @NewTransaction
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @TenantTransactional
    public int run(Tenant unit) {
        return editorial.goLive(unit);
    }
}
