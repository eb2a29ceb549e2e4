package vn.egov.feedback.pages;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import vn.egov.platform.web.desk.DeskSection;
import vn.egov.platform.web.site.SiteService;

/**
 * What the feedback gives the shell: "Phản ánh, kiến nghị" on every unit's site (the published reports and the form a
 * citizen writes with), and the desk's entry for the unit's staff who read and answer them ({@code feedback:read}).
 */
@ApplicationScoped
public class FeedbackSections implements DeskSection.Contribution, SiteService.Contribution {

    @Override
    public List<DeskSection> sections() {
        return List.of(new DeskSection("feedback", 130, FeedbackViews.BUNDLE, "menu.feedback", "feedback", "feedback", "read", false,
                DeskSection.Group.SERVICES, false));
    }

    @Override
    public List<SiteService> services() {
        return List.of(new SiteService(30, FeedbackViews.BUNDLE, "menu.site.feedback", "feedback"));
    }
}
