package vn.egov.documents.pages;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import vn.egov.platform.security.Role;
import vn.egov.platform.web.desk.Arrival;
import vn.egov.platform.web.desk.DeskSection;

/** The documents' entry of the desk's menu (the unit's staff). */
@ApplicationScoped
public class DocumentSections implements DeskSection.Contribution, Arrival.Contribution {

    static final String BUNDLE = "vn.egov.documents.pages.messages";

    @Override
    public List<DeskSection> sections() {
        return List.of(
                new DeskSection("documents", 130, BUNDLE, "menu.documents", "documents", "documents", "read", false, DeskSection.Group.DOCUMENTS, false));
    }

    /** Where its people land after login ({@code /me/start}): the clerk lands on the registers, other staff on the documents they handle. */
    @Override
    public List<Arrival> arrivals() {
        return List.of(
                new Arrival(30, Set.of(Role.CLERK), "/t/{unit}/admin/documents"),
                new Arrival(50, Set.of(Role.STAFF), "/t/{unit}/admin/documents"));
    }
}
