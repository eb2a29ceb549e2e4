package vn.egov.dossiers.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import vn.egov.dossiers.control.Intake;
import vn.egov.dossiers.entity.Dossier;
import vn.egov.platform.web.pages.Page;
import vn.egov.platform.web.pages.Templates;

/**
 * The public status of a dossier for a person (the page the QR code on the receipt slip opens in a phone's browser,
 * {@code /api/dossiers/{code}} asked for as HTML): its code, agency, procedure, status and dates, nothing about the
 * applicant. Made from the template {@code status-page.jte} in the platform's bare layout, in the request's language.
 */
public final class StatusPage {

    /** What the page shows. */
    public record StatusView(String code, String unitName, String procedureName, String status, String receivedDate, String dueDate) {
    }

    private StatusPage() {
    }

    /** The page of {@code d}, received by the unit named {@code unitName}. */
    public static Response found(HttpServletRequest request, String unitName, Dossier d) {
        Page page = Page.of(request, DossierTemplates.BUNDLE, "lookup.title", d.code());
        StatusView view = new StatusView(d.code(), unitName, d.procedureName(), d.status(), Intake.DAY.format(d.receivedAt().atZone(Intake.VIETNAM)),
                Intake.DAY.format(d.dueDate()));
        return answer(200, DossierTemplates.TEMPLATES.render("status-page.jte", page, "view", view));
    }

    /** No dossier has {@code code} (or none this address may see). */
    public static Response missing(HttpServletRequest request, String code) {
        Page page = Page.of(request, DossierTemplates.BUNDLE, "lookup.missing");
        return answer(404, DossierTemplates.TEMPLATES.render("status-missing.jte", page, "code", code));
    }

    private static Response answer(int status, String html) {
        return Response.status(status).type(Templates.HTML).header("Content-Security-Policy", Templates.CONTENT_SECURITY_POLICY)
                .header("Cache-Control", "no-store").entity(html).build();
    }
}
