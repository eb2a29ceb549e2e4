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

    @Inject
    vn.egov.platform.tenancy.control.TenantDirectory directory;

    public Tenant require(String domain, String action) {
        Tenant unit = context.tenant().orElseThrow(() -> ProblemException.notFound(ProblemException::platformTexts, "platform.notFound.unit"));
        working();
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
        Tenant unit = context.tenant().orElseThrow(() -> ProblemException.notFound(ProblemException::platformTexts, "platform.notFound.unit"));
        requireAt(domain, action, unit.getPath(), true);
        return unit;
    }

    /** Checks a right at an explicit place of the tree (e.g. the parent of the request's unit). */
    public void requireAt(String domain, String action, String path, boolean subtree) {
        working();
        if (!SecurityUtils.getSubject().isPermitted(new ScopedPermission(domain, java.util.Set.of(action), path, subtree))) {
            throw ProblemException.forbidden();
        }
    }

    /**
     * Administrators of a province's whole tree (admin rights over a root unit and everything under it), and no
     * one else: what setting the province's own reference data (the working-day calendar, the master catalogue of
     * procedures) takes.
     */
    public Tenant requireProvinceAdmin() {
        working();
        for (Tenant root : directory.roots()) {
            if (SecurityUtils.getSubject().isPermitted(new ScopedPermission("tenant", java.util.Set.of("admin"), root.getPath(), true))) {
                return root;
            }
        }
        throw ProblemException.forbidden();
    }

    /** Logged in, and not still on a one-time password (which only lets the user choose a new one). */
    public UserPrincipal working() {
        UserPrincipal user = CurrentUser.get().orElseThrow(ProblemException::unauthenticated);
        if (user.mustChangePassword()) {
            throw new ProblemException(ProblemException.platform(403, "password-change-required", "passwordChangeRequired"));
        }
        return user;
    }

    /** The logged-in user, even one who still has to change a one-time password. */
    public UserPrincipal user() {
        return CurrentUser.get().orElseThrow(ProblemException::unauthenticated);
    }

    public String username() {
        return user().username();
    }
}
