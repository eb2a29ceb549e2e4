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

    /**
     * Like {@link #require} but the right must reach the unit's whole subtree: what administering sub-units
     * (creating them, reading their audit) needs.
     */
    public Tenant requireSubtree(String domain, String action) {
        Tenant unit = context.tenant().orElseThrow(() -> ProblemException.notFound("đơn vị", "unit"));
        requireAt(domain, action, unit.getPath(), true);
        return unit;
    }

    /** Checks a right at an explicit place of the tree (e.g. the parent of the request's unit). */
    public void requireAt(String domain, String action, String path, boolean subtree) {
        CurrentUser.get().orElseThrow(ProblemException::unauthenticated);
        if (!SecurityUtils.getSubject().isPermitted(new ScopedPermission(domain, java.util.Set.of(action), path, subtree))) {
            throw ProblemException.forbidden();
        }
    }

    public UserPrincipal user() {
        return CurrentUser.get().orElseThrow(ProblemException::unauthenticated);
    }

    public String username() {
        return user().username();
    }
}
