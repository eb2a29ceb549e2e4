package vn.egov.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.apache.shiro.SecurityUtils;
import vn.egov.platform.security.ScopedPermission;
import vn.egov.platform.security.SubjectScopeProvider.CurrentUser;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.tenancy.TenantContext;
import vn.egov.platform.tenancy.entity.Tenant;

/**
 * The check every tenant-scoped boundary makes first: the request names a unit, someone is logged in, and
 * their permissions reach that unit for this action. Answers 404 / 401 / 403 as problems.
 */
@RequestScoped
public class Access {

    @Inject
    TenantContext context;

    public Tenant require(String domain, String action) {
        Tenant unit = context.tenant().orElseThrow(() -> ProblemException.notFound("đơn vị", "unit"));
        CurrentUser.get().orElseThrow(ProblemException::unauthenticated);
        if (!SecurityUtils.getSubject().isPermitted(ScopedPermission.required(domain, action, unit.getPath()))) {
            throw ProblemException.forbidden();
        }
        return unit;
    }

    public UserPrincipal user() {
        return CurrentUser.get().orElseThrow(ProblemException::unauthenticated);
    }

    public String username() {
        return user().username();
    }
}
