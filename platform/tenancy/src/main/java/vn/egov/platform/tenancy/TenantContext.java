package vn.egov.platform.tenancy;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import vn.egov.platform.tenancy.entity.Tenant;

/**
 * The unit this request is for, resolved once at the edge (path prefix {@code /t/{code}/} or
 * {@code /api/t/{code}/}, or the Host header for a custom domain) and never changed afterwards.
 */
@RequestScoped
public class TenantContext {
    private Tenant tenant;
    private String resolvedBy;

    /** Called once by the edge filter. A second call with another unit is a programming error. */
    public void resolve(Tenant tenant, String resolvedBy) {
        if (this.tenant != null && !this.tenant.getId().equals(tenant.getId())) {
            throw new IllegalStateException("the request's tenant is already " + this.tenant.getCode());
        }
        this.tenant = tenant;
        this.resolvedBy = resolvedBy;
    }

    public Optional<Tenant> tenant() { return Optional.ofNullable(tenant); }

    /** "path" or "host". */
    public String resolvedBy() { return resolvedBy; }
}
