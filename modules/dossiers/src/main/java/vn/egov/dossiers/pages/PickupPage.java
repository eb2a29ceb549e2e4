package vn.egov.dossiers.pages;

import vn.egov.dossiers.control.Wording;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.egov.dossiers.control.Pickups;
import vn.egov.platform.persistence.ScopedWork;
import vn.egov.platform.security.Role;
import vn.egov.platform.security.SubjectScopeProvider.CurrentUser;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.tenancy.TenantContext;
import vn.egov.platform.tenancy.TenantScope;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Csrf;
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.UnitSites;
import vn.egov.platform.web.pages.Locales;
import vn.egov.platform.web.pages.Page;
import vn.egov.platform.web.pages.Templates;
import vn.egov.procedures.api.OfferedProcedures;
import vn.egov.procedures.api.OfferedProcedures.Offered;

/**
 * {@code /t/{code}/procedures/{procedure}/pickup}: a citizen's or business's account asks the postal service to pick
 * its paper dossier up at an address and carry it to the unit, for a procedure the unit takes by post. The request
 * goes through the pickups' control ({@link Pickups}) as the API's does; a refused one comes back with its messages beside the
 * fields, the values kept, nothing stored; an accepted one goes to the applicant's page, where the request is followed.
 * Its main part is the template {@code pickup.jte}, in the request's language, framed by the unit's site and
 * sent with the strict content security policy.
 */
@Path("t/{code}/procedures/{procedure}/pickup")
@RequestScoped
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class PickupPage {

    /** What {@code pickup.jte} shows: the procedure, the unit the papers go to, the form as typed, the messages. */
    public record PickupView(String procedureHref, String procedureName, String procedureCode, String unitName, List<String> general, int errorCount,
                             String action, String address, String addressError, String email, String emailError) {
    }

    @Inject
    TenantContext context;

    @Inject
    OfferedProcedures catalogue;

    @Inject
    Pickups pickups;

    @Inject
    UnitSites site;

    @Context
    HttpServletRequest request;

    @GET
    public Response form(@PathParam("procedure") String code) {
        Tenant unit = unit();
        return refusal(unit).orElseGet(() -> render(unit, code, Map.of(), Map.of(), 200));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response ask(@PathParam("procedure") String code, MultivaluedMap<String, String> form) throws Exception {
        Tenant unit = unit();
        Optional<Response> refused = refusal(unit);
        if (refused.isPresent()) {
            return refused.get();
        }
        Map<String, String> values = Map.of("address", value(form, "address"), "email", value(form, "email"));
        if (!Csrf.valid(request, form.getFirst(Csrf.FIELD))) {
            return render(unit, code, values, Map.of("", List.of(page().t().text("apply.expired"))), 403);
        }
        try {
            if (!"active".equals(unit.getStatus())) {
                throw ProblemException.notFound(Wording::in, "notFound.unitCode", unit.getCode());
            }
            UserPrincipal me = CurrentUser.get().orElseThrow();
            JsonObject asked = ScopedWork.call(new TenantScope(unit.getId(), unit.getPath(), false), () -> pickups.request(unit, code,
                    values.get("address"), values.get("email"), me.userId(), me.displayName()));
            long id = asked.getJsonNumber("id").longValue();
            return Response.seeOther(URI.create("/me/dossiers?pickup=" + id)).build();
        } catch (ProblemException e) {
            Problem said = e.problem().in(page().t().locale());
            Map<String, List<String>> errors = said.fieldErrors() == null || said.fieldErrors().isEmpty()
                    ? Map.of("", List.of(page().t().english() ? said.detailEn() : said.detailVi())) : said.fieldErrors();
            return render(unit, code, values, errors, e.problem().status());
        }
    }

    private static String value(MultivaluedMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null ? "" : v;
    }

    private Optional<Response> refusal(Tenant unit) {
        Optional<UserPrincipal> me = CurrentUser.get();
        if (me.isEmpty()) {
            return Optional.of(Response.seeOther(URI.create("/login")).build());
        }
        if (!me.get().has(Role.CITIZEN)) {
            Page page = page();
            String main = DossierTemplates.TEMPLATES.render("refusal.jte", page, "message", page.t().lookup("pickup.citizensOnly"));
            return Optional.of(strict(403, site.framed(unit, page.t().locale(), page.title(), List.of(), main, "procedures")));
        }
        return Optional.empty();
    }

    private Response render(Tenant unit, String code, Map<String, String> values, Map<String, List<String>> errors, int status) {
        Optional<Offered> p = catalogue.offered(unit, code);
        Page page = page();
        boolean en = page.t().english();
        if (p.isEmpty()) {
            return strict(404, site.notFound(unit, page.t().locale()));
        }
        String base = "/t/" + unit.getCode() + "/procedures/" + code;
        List<String> general = new ArrayList<>(errors.getOrDefault("", List.of()));
        errors.getOrDefault("procedure", List.of()).forEach(m -> general.add(DossierTemplates.half(m, en)));
        PickupView view = new PickupView(page.link(base), p.get().name(), p.get().code(), unit.getName(), general, errors.size(),
                page.link(base + "/pickup"), values.getOrDefault("address", ""), Forms.error(errors, "address", en), values.getOrDefault("email", ""),
                Forms.error(errors, "email", en));
        String main = DossierTemplates.TEMPLATES.render("pickup.jte", page, "view", view);
        return strict(status, site.framed(unit, page.t().locale(), page.t().text("pickup.frameTitle", p.get().name()),
                DossierTemplates.STYLESHEETS, main,
                "procedures/" + code + "/pickup"));
    }

    private Page page() {
        return Page.of(request, DossierTemplates.BUNDLE, "pickup.title");
    }

    private Tenant unit() {
        return context.tenant().orElseThrow(() -> ProblemException.notFound(Wording::in, "notFound.unit"));
    }

    /** A page of the unit's site (made from templates, nothing inline), sent with the strict content security policy. */
    private static Response strict(int status, Object page) {
        return Response.status(status).header("Content-Security-Policy", Templates.CONTENT_SECURITY_POLICY).header("Vary", Locales.VARY)
                .entity(page).build();
    }
}
