package vn.egov.portal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.egov.platform.security.SubjectScopeProvider.CurrentUser;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.UnitSites;

/** The portal's answer to the platform's root on a unit's own domain: the unit's home page, counted as a visit. */
@ApplicationScoped
public class UnitSiteHome implements UnitSites {

    @Inject
    Site site;

    @Inject
    VisitCounter visits;

    @Override
    public byte[] home(Tenant unit, boolean english) {
        visits.site(unit.getId());
        byte[] page = site.home(unit, english);
        return CurrentUser.get().map(u -> Renderer.forUser(page, u.displayName(), u.tenantCode(), english)).orElse(page);
    }
}
