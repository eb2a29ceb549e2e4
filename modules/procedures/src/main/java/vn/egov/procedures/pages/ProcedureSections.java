package vn.egov.procedures.pages;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import vn.egov.platform.web.desk.DeskSection;
import vn.egov.platform.web.site.SiteFinder;
import vn.egov.platform.web.site.SiteService;

/**
 * The catalogue's entries of the desk's menu, for a unit's administrators: the catalogue (at a unit, adopting from the
 * province's; at the province, its own) and, at the province (a root) only, the import.
 */
@ApplicationScoped
public class ProcedureSections implements DeskSection.Contribution, SiteService.Contribution, SiteFinder.Contribution {

    static final String BUNDLE = "vn.egov.procedures.pages.messages";

    @Override
    public List<DeskSection> sections() {
        return List.of(
                new DeskSection(AdoptionPage.SECTION, 105, BUNDLE, "menu.adoption", "procedures", "tenant", "admin", false, DeskSection.Group.SERVICES, false),
                new DeskSection("procedures", 110, BUNDLE, "menu.procedures", "procedures/import", "tenant", "admin", true, DeskSection.Group.SERVICES, false));
    }

    /** What every unit's site leads to: its online public services (the unit's procedures and the province's). */
    @Override
    public List<SiteService> services() {
        return List.of(new SiteService(10, BUNDLE, "menu.site.services", "procedures"));
    }

    /** The search box of the home of a unit with units below (the province's): procedures across its subtree. */
    @Override
    public List<SiteFinder> finders() {
        return List.of(new SiteFinder(10, BUNDLE, "finder.home", "catalogue.submit", "procedures/find"));
    }
}
