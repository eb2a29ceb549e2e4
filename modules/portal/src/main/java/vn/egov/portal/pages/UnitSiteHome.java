package vn.egov.portal.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.egov.platform.security.SubjectScopeProvider.CurrentUser;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.UnitSites;
import vn.egov.portal.control.VisitCounter;

/**
 * The portal's answer to the platform and the other modules: the unit's home page on its own domain (counted as a
 * visit), the site's frame around another module's page, and its "not found" page.
 */
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
        return CurrentUser.get().map(u -> SitePages.forUser(page, u.displayName(), u.tenantCode(), english)).orElse(page);
    }

    @Override
    public String framed(Tenant unit, boolean english, String title, String mainHtml, String path) {
        return site.framed(unit, english, title, mainHtml, path);
    }

    @Override
    public byte[] notFound(Tenant unit, boolean english) {
        return site.notFound(unit, english);
    }
}
