package vn.egov.dossiers.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.egov.dossiers.control.Intake;
import vn.egov.dossiers.control.Lookup;
import vn.egov.dossiers.control.Wording;
import vn.egov.dossiers.entity.Dossier;
import vn.egov.platform.persistence.ScopedWork;
import vn.egov.platform.tenancy.TenantContext;
import vn.egov.platform.tenancy.TenantScope;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.UnitSites;
import vn.egov.platform.web.pages.Locales;
import vn.egov.platform.web.pages.Page;
import vn.egov.platform.web.pages.Templates;

/**
 * {@code /t/{code}/lookup}: "look up a dossier" on every unit's site. A code in (it is on the receipt slip); the
 * dossier's agency, procedure, status, dates and the steps of its way out, and nothing about the applicant, their
 * papers or who handled it. Found whichever unit of the province holds it now (as the receipt's QR code finds it);
 * a malformed or unknown code is said beside the field; at most {@value Lookup#PER_MINUTE} lookups a minute from one
 * address. Its main part is the template {@code lookup.jte}, framed by the unit's site, in the request's language.
 */
@Path("t/{code}/lookup")
@RequestScoped
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class LookupPage {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /** What {@code lookup.jte} shows: the form (the code as typed, its error), and the dossier when found. */
    public record LookupView(String action, String code, String codeError, Found found) {
    }

    /** The dossier's public part. */
    public record Found(String code, String unitName, String procedureName, String status, String receivedDate, String dueDate, List<StepRow> steps) {
    }

    /** A step of its way: when, and the status it reached. */
    public record StepRow(String when, String status) {
    }

    @Inject
    TenantContext context;

    @Inject
    TenantDirectory directory;

    @Inject
    Lookup lookup;

    @Inject
    UnitSites site;

    @Context
    HttpServletRequest request;

    @GET
    public Response page(@QueryParam("code") String asked) throws Exception {
        Tenant unit = context.tenant().orElseThrow(() -> ProblemException.notFound(Wording::in, "notFound.unit"));
        Page page = Page.of(request, DossierTemplates.BUNDLE, "lookupPage.title");
        if (asked == null || asked.isBlank()) {
            return render(unit, page, 200, "", null, null);
        }
        String code = asked.strip().toLowerCase(Locale.ROOT);
        if (code.length() > 80 || !Lookup.CODE.matcher(code).matches()) {
            return render(unit, page, 400, asked, page.t().text("lookupPage.badCode"), null);
        }
        if (!lookup.allowed(request.getRemoteAddr())) {
            return render(unit, page, 429, asked, page.t().text("lookupPage.tooMany", Lookup.PER_MINUTE), null);
        }
        Optional<Tenant> holder = lookup.unitOf(code).flatMap(directory::byId);
        if (holder.isPresent()) {
            TenantScope scope = new TenantScope(holder.get().getId(), holder.get().getPath(), false);
            Optional<Dossier> d = ScopedWork.call(scope, () -> lookup.byCode(holder.get(), code));
            if (d.isPresent()) {
                List<StepRow> steps = ScopedWork.call(scope, () -> lookup.steps(holder.get(), d.get().id())).stream()
                        .map(s -> new StepRow(WHEN.format(s.at().atZone(Intake.VIETNAM)), s.status())).toList();
                Dossier x = d.get();
                return render(unit, page, 200, code, null, new Found(x.code(), holder.get().getName(), x.procedureName(), x.status(),
                        Intake.DAY.format(x.receivedAt().atZone(Intake.VIETNAM)), Intake.DAY.format(x.dueDate()), steps));
            }
        }
        return render(unit, page, 404, asked, page.t().text("lookupPage.notFound", code), null);
    }

    private Response render(Tenant unit, Page page, int status, String code, String error, Found found) {
        String main = DossierTemplates.TEMPLATES.render("lookup.jte", page, "view",
                new LookupView(page.link("/t/" + unit.getCode() + "/lookup"), code, error, found));
        String path = "lookup" + (code.isEmpty() ? "" : "?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8));
        String title = found == null ? page.t().text("lookupPage.title") : page.t().text("lookup.title", found.code());
        return Response.status(status).header("Content-Security-Policy", Templates.CONTENT_SECURITY_POLICY).header("Vary", Locales.VARY)
                .header("Cache-Control", "no-store")
                .entity(site.framed(unit, page.t().locale(), title, DossierTemplates.STYLESHEETS, main, path)).build();
    }
}
