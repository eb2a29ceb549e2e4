package vn.egov.portal.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
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
    public byte[] home(Tenant unit, Locale language) {
        visits.site(unit.getId());
        byte[] page = site.home(unit, language);
        return CurrentUser.get().map(u -> SitePages.forUser(page, u.displayName(), u.tenantCode(), language)).orElse(page);
    }

    @Override
    public String framed(Tenant unit, Locale language, String title, List<String> stylesheets, String mainHtml, String path) {
        return site.framed(unit, language, title, stylesheets, mainHtml, path);
    }

    @Override
    public byte[] notFound(Tenant unit, Locale language) {
        return site.notFound(unit, language);
    }
}
