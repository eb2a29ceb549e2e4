package vn.egov.dossiers.pages;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import vn.egov.platform.security.Role;
import vn.egov.platform.web.desk.Arrival;
import vn.egov.platform.web.desk.DeskSection;
import vn.egov.platform.web.site.SiteService;

/**
 * What the dossiers give the shell: the desk's menu entries (the desk, for staff with a duty; the fee account, for
 * administrators), where their people land after login, and the lookup every unit's site leads to.
 */
@ApplicationScoped
public class DossierSections implements DeskSection.Contribution, Arrival.Contribution, SiteService.Contribution {

    static final String BUNDLE = "vn.egov.dossiers.pages.messages";

    @Override
    public List<DeskSection> sections() {
        return List.of(
                new DeskSection("dossiers", 120, BUNDLE, "menu.dossiers", "dossiers", "dossiers", "read", false, DeskSection.Group.SERVICES, false),
                new DeskSection("payment-account", 140, BUNDLE, "menu.payment-account", "payment-account", "tenant", "admin", false, DeskSection.Group.SERVICES, false));
    }

    /** Where its people land after login ({@code /me/start}): a one-stop duty lands on the desk, a citizen on their dossiers. */
    @Override
    public List<Arrival> arrivals() {
        return List.of(
                new Arrival(20, Set.of(Role.RECEIVER, Role.HANDLER, Role.LEADER), "/t/{unit}/admin/dossiers"),
                new Arrival(100, Set.of(Role.CITIZEN), "/me/dossiers"));
    }

    /** What every unit's site leads to: "look up a dossier" ({@link LookupPage}). */
    @Override
    public List<SiteService> services() {
        return List.of(new SiteService(20, BUNDLE, "menu.site.lookup", "lookup"));
    }
}
