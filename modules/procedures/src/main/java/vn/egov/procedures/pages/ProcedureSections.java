package vn.egov.procedures.pages;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import vn.egov.platform.web.desk.DeskSection;

/** The catalogue import's entry of the desk's menu: at the province (a root) only, for its administrators. */
@ApplicationScoped
public class ProcedureSections implements DeskSection.Contribution {

    static final String BUNDLE = "vn.egov.procedures.pages.messages";

    @Override
    public List<DeskSection> sections() {
        return List.of(
                new DeskSection("procedures", 110, BUNDLE, "menu.procedures", "procedures/import", "tenant", "admin", true));
    }
}
