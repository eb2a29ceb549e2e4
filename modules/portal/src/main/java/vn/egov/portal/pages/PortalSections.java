package vn.egov.portal.pages;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import vn.egov.platform.security.Role;
import vn.egov.platform.web.desk.Arrival;
import vn.egov.platform.web.desk.DeskSection;

/** The portal's entry of the desk's menu (its editors and approvers, and the unit's administrators). */
@ApplicationScoped
public class PortalSections implements DeskSection.Contribution, Arrival.Contribution {

    static final String BUNDLE = "vn.egov.portal.pages.messages";

    @Override
    public List<DeskSection> sections() {
        return List.of(
                new DeskSection("portal", 90, BUNDLE, "menu.portal", "portal", "portal", "read", false, DeskSection.Group.SITE, false));
    }

    /** Where its people land after login ({@code /me/start}): editors and approvers land on the site's articles. */
    @Override
    public List<Arrival> arrivals() {
        return List.of(
                new Arrival(40, Set.of(Role.EDITOR, Role.APPROVER), "/t/{unit}/admin/portal"));
    }
}
