package vn.egov.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.apache.shiro.SecurityUtils;
import org.apache.shiro.UnavailableSecurityManagerException;
import org.apache.shiro.subject.Subject;
import vn.egov.platform.tenancy.ScopeProvider;
import vn.egov.platform.tenancy.TenantContext;
import vn.egov.platform.tenancy.TenantScope;
import vn.egov.platform.tenancy.entity.Tenant;

/**
 * The database scope of a request: the request's unit if the logged-in user's rights reach it (with its
 * subtree if their rights reach below it), the user's own unit when the request names none, and nothing
 * otherwise. No request parameter can widen it.
 */
@ApplicationScoped
public class SubjectScopeProvider implements ScopeProvider {

    @Inject
    TenantContext context;

    @Override
    public Optional<TenantScope> currentScope() {
        Optional<UserPrincipal> user = CurrentUser.get();
        if (user.isEmpty()) {
            return Optional.empty();
        }
        Optional<Tenant> tenant = context.tenant();
        if (tenant.isEmpty()) {
            return user.get().worksForAUnit() ? Optional.of(user.get().homeScope()) : Optional.empty();
        }
        return scopeFor(user.get(), tenant.get().getId(), tenant.get().getPath());
    }

    /** The scope {@code user} gets when acting for the unit {@code (tenantId, path)}, if any. */
    public static Optional<TenantScope> scopeFor(UserPrincipal user, long tenantId, String path) {
        if (!user.worksForAUnit()) {
            // citizens and businesses never get a unit's internal rows, even if a boundary forgot its check
            return Optional.empty();
        }
        TenantScope home = user.homeScope();
        if (!home.covers(path)) {
            return Optional.empty();
        }
        return Optional.of(new TenantScope(tenantId, path, user.reachesSubtree()));
    }

    /** The current Shiro subject's principal. */
    public static final class CurrentUser {
        private CurrentUser() {
        }

        public static Optional<UserPrincipal> get() {
            Subject subject;
            try {
                subject = SecurityUtils.getSubject();
            } catch (UnavailableSecurityManagerException | IllegalStateException e) {
                return Optional.empty();
            }
            if (subject == null || !subject.isAuthenticated()) {
                return Optional.empty();
            }
            return Optional.ofNullable(subject.getPrincipals().oneByType(UserPrincipal.class));
        }
    }
}
