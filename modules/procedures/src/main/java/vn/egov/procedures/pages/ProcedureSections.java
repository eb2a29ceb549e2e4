package vn.egov.procedures.pages;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import vn.egov.platform.web.desk.DeskSection;
import vn.egov.platform.web.site.SiteService;

/** The catalogue import's entry of the desk's menu: at the province (a root) only, for its administrators. */
@ApplicationScoped
public class ProcedureSections implements DeskSection.Contribution, SiteService.Contribution {

    static final String BUNDLE = "vn.egov.procedures.pages.messages";

    @Override
    public List<DeskSection> sections() {
        return List.of(
                new DeskSection("procedures", 110, BUNDLE, "menu.procedures", "procedures/import", "tenant", "admin", true, DeskSection.Group.SERVICES, false));
    }

    /** What every unit's site leads to: its online public services (the unit's procedures and the province's). */
    @Override
    public List<SiteService> services() {
        return List.of(new SiteService(10, BUNDLE, "menu.site.services", "procedures"));
    }
}
