package vn.egov.documents.pages;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import vn.egov.platform.web.desk.DeskSection;

/** The documents' entry of the desk's menu (the unit's staff). */
@ApplicationScoped
public class DocumentSections implements DeskSection.Contribution {

    static final String BUNDLE = "vn.egov.documents.pages.messages";

    @Override
    public List<DeskSection> sections() {
        return List.of(
                new DeskSection("documents", 130, BUNDLE, "menu.documents", "documents", "documents", "read", false));
    }
}
