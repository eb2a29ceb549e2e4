package vn.egov.portal.pages;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import vn.egov.platform.web.desk.DeskSection;

/** The portal's entry of the desk's menu (its editors and approvers, and the unit's administrators). */
@ApplicationScoped
public class PortalSections implements DeskSection.Contribution {

    static final String BUNDLE = "vn.egov.portal.pages.messages";

    @Override
    public List<DeskSection> sections() {
        return List.of(
                new DeskSection("portal", 90, BUNDLE, "menu.portal", "portal", "portal", "read", false));
    }
}
