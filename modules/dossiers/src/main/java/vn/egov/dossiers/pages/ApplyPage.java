package vn.egov.dossiers.pages;

import vn.egov.dossiers.control.Wording;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.egov.dossiers.control.Intake;
import vn.egov.dossiers.entity.Dossier;
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
 * {@code /t/{code}/procedures/{procedure}/apply}: the online submission form of a procedure the unit offers, built
 * from the typed form and the papers of its current version, for a citizen's or business's account (the login page
 * comes first). A refused submission comes back with every message beside its field, the values kept, nothing
 * stored; an accepted one goes to the applicant's page of the dossier, with its code and slip. Its main part is the template
 * {@code apply.jte}, in the request's language, framed by the unit's site and
 * sent with the strict content security policy.
 */
@Path("t/{code}/procedures/{procedure}/apply")
@RequestScoped
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class ApplyPage {

    /** What {@code apply.jte} shows: the procedure, the form with its papers, how the result is returned, the messages. */
    public record ApplyView(String procedureHref, String procedureName, String procedureCode, List<String> general, int errorCount, String action,
                            Forms.FormView form, String returnBy, String returnByError, String postAddress, String postAddressError, String email,
                            String emailError) {
    }

    @Inject
    TenantContext context;

    @Inject
    OfferedProcedures catalogue;

    @Inject
    Intake intake;

    @Inject
    UnitSites site;

    @Context
    HttpServletRequest request;

    @GET
    public Response form(@PathParam("procedure") String code) {
        Tenant unit = unit();
        Optional<Response> refused = mustBeApplicant(unit);
        if (refused.isPresent()) {
            return refused.get();
        }
        return render(unit, code, Map.of(), Map.of(), "online", 200);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response submit(@PathParam("procedure") String code, List<EntityPart> parts) throws Exception {
        Tenant unit = unit();
        Optional<Response> refused = mustBeApplicant(unit);
        if (refused.isPresent()) {
            return refused.get();
        }
        Map<String, String> values = new HashMap<>();
        List<Intake.Paper> papers = new ArrayList<>();
        String csrf = null;
        String returnBy = "online";
        if (parts.size() > 60) {
            return render(unit, code, values, Map.of("", List.of(page("apply.title").t().text("apply.tooManyParts"))), returnBy, 400);
        }
        for (EntityPart p : parts) {
            String name = p.getName();
            if (name.equals(Csrf.FIELD)) {
                csrf = p.getContent(String.class);
            } else if (name.equals("returnBy")) {
                returnBy = p.getContent(String.class);
            } else if (name.equals("email")) {
                values.put("@email", p.getContent(String.class));
            } else if (name.equals("postAddress")) {
                values.put("@postAddress", p.getContent(String.class));
            } else if (name.startsWith("form.")) {
                values.put(name.substring(5), p.getContent(String.class));
            } else if (name.startsWith("paper.")) {
                byte[] content;
                try (InputStream in = p.getContent()) {
                    content = in.readNBytes(10 * 1024 * 1024 + 1);
                }
                if (content.length > 0) {
                    papers.add(new Intake.Paper(name.substring(6), p.getFileName().orElse("tep"), content));
                }
            }
        }
        if (!Csrf.valid(request, csrf)) {
            return render(unit, code, values, Map.of("", List.of(page("apply.title").t().text("apply.expired"))), returnBy, 403);
        }
        JsonNode definition = definition(unit, code);
        if (definition == null) {
            return strict(404, site.notFound(unit, page("apply.title").t().locale()));
        }
        ObjectNode form = Forms.formJson(definition, values);
        UserPrincipal me = CurrentUser.get().orElseThrow();
        String giveBack = returnBy;
        try {
            Dossier d = ScopedWork.call(new TenantScope(unit.getId(), unit.getPath(), false), () -> intake.receive(unit, code, form, papers,
                    new Intake.Applicant(me.userId(), me.displayName(), me.username(), values.get("@email"), values.get("@postAddress")), "online", giveBack));
            return Response.seeOther(URI.create("/me/dossiers/" + d.code() + "?new=1")).build();
        } catch (ProblemException e) {
            Problem said = e.problem().in(page("apply.title").t().locale());
            Map<String, List<String>> errors = said.fieldErrors() == null || said.fieldErrors().isEmpty()
                    ? Map.of("", List.of(page("apply.title").t().english() ? said.detailEn() : said.detailVi())) : said.fieldErrors();
            return render(unit, code, values, errors, returnBy, e.problem().status());
        }
    }

    private Optional<Response> mustBeApplicant(Tenant unit) {
        Optional<UserPrincipal> me = CurrentUser.get();
        if (me.isEmpty()) {
            return Optional.of(Response.seeOther(URI.create("/login")).build());
        }
        if (!me.get().has(Role.CITIZEN)) {
            Page page = page("apply.title");
            String main = DossierTemplates.TEMPLATES.render("refusal.jte", page, "message", page.t().lookup("apply.citizensOnly"));
            return Optional.of(strict(403, site.framed(unit, page.t().locale(), page.title(), List.of(), main, "procedures")));
        }
        return Optional.empty();
    }

    private JsonNode definition(Tenant unit, String code) {
        Optional<Offered> p = catalogue.offered(unit, code);
        if (p.isEmpty()) {
            return null;
        }
        return catalogue.currentDefinition(p.get());
    }

    private Response render(Tenant unit, String code, Map<String, String> values, Map<String, List<String>> errors, String returnBy, int status) {
        Optional<Offered> p = catalogue.offered(unit, code);
        JsonNode d = definition(unit, code);
        Page page = page("apply.title");
        boolean en = page.t().english();
        if (p.isEmpty() || d == null) {
            return strict(404, site.notFound(unit, page.t().locale()));
        }
        String base = "/t/" + unit.getCode() + "/procedures/" + code;
        ApplyView view = new ApplyView(page.link(base), p.get().name(), p.get().code(), errors.getOrDefault("", List.of()), errors.size(),
                page.link(base + "/apply"), Forms.view(d, values, errors, en), returnBy, Forms.error(errors, "returnBy", en),
                values.getOrDefault("@postAddress", ""), Forms.error(errors, "postAddress", en), values.getOrDefault("@email", ""),
                Forms.error(errors, "email", en));
        String main = DossierTemplates.TEMPLATES.render("apply.jte", page, "view", view);
        return strict(status, site.framed(unit, page.t().locale(), page.t().text("apply.frameTitle", p.get().name()),
                DossierTemplates.STYLESHEETS, main,
                "procedures/" + code + "/apply"));
    }

    private Page page(String titleKey) {
        return Page.of(request, DossierTemplates.BUNDLE, titleKey);
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
