package vn.egov.tenantadmin.pages;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import vn.egov.platform.security.Role;
import vn.egov.platform.web.desk.Arrival;
import vn.egov.platform.web.desk.DeskSection;

/** The unit administration's entries of the desk's menu (for the unit's administrators). */
@ApplicationScoped
public class AdminSections implements DeskSection.Contribution, Arrival.Contribution {

    static final String BUNDLE = "vn.egov.tenantadmin.pages.messages";

    @Override
    public List<DeskSection> sections() {
        return List.of(
                new DeskSection("overview", 10, BUNDLE, "menu.overview", "", "tenant", "admin", false, DeskSection.Group.UNIT, false),
                new DeskSection("new", 20, BUNDLE, "menu.new", "units/new", "tenant", "admin", false, DeskSection.Group.UNIT, true),
                new DeskSection("import", 30, BUNDLE, "menu.import", "import", "tenant", "admin", false, DeskSection.Group.UNIT, true),
                new DeskSection("reorganise", 40, BUNDLE, "menu.reorganise", "reorganise", "tenant", "admin", false, DeskSection.Group.UNIT, true),
                new DeskSection("audit", 50, BUNDLE, "menu.audit", "audit", "tenant", "admin", false, DeskSection.Group.UNIT, false),
                new DeskSection("users", 60, BUNDLE, "menu.users", "users", "tenant", "admin", false, DeskSection.Group.PEOPLE, false),
                new DeskSection("settings", 70, BUNDLE, "menu.settings", "settings", "tenant", "admin", false, DeskSection.Group.UNIT, false),
                new DeskSection("search", 80, BUNDLE, "menu.search", "search", "tenant", "admin", false, DeskSection.Group.UNIT, false),
                new DeskSection("calendar", 100, BUNDLE, "menu.calendar", "calendar", "tenant", "admin", false, DeskSection.Group.UNIT, false));
    }

    /** Where its people land after login ({@code /me/start}): an administrator lands on their unit's overview. */
    @Override
    public List<Arrival> arrivals() {
        return List.of(
                new Arrival(10, Set.of(Role.PROVINCE_ADMIN, Role.UNIT_ADMIN), "/t/{unit}/admin/"));
    }
}
