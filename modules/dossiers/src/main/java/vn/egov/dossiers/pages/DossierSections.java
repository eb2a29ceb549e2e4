package vn.egov.dossiers.pages;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import vn.egov.platform.web.desk.DeskSection;

/** The one-stop desk's entries of the desk's menu: the desk (staff with a duty) and the fee account (administrators). */
@ApplicationScoped
public class DossierSections implements DeskSection.Contribution {

    static final String BUNDLE = "vn.egov.dossiers.pages.messages";

    @Override
    public List<DeskSection> sections() {
        return List.of(
                new DeskSection("dossiers", 120, BUNDLE, "menu.dossiers", "dossiers", "dossiers", "read", false),
                new DeskSection("payment-account", 140, BUNDLE, "menu.payment-account", "payment-account", "tenant", "admin", false));
    }
}
