package vn.egov.feedback.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.egov.feedback.control.Draft;
import vn.egov.feedback.control.ReportStore;
import vn.egov.feedback.control.Reports;
import vn.egov.feedback.control.Wording;
import vn.egov.feedback.entity.Report;
import vn.egov.platform.security.Role;
import vn.egov.platform.security.SubjectScopeProvider.CurrentUser;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.tenancy.TenantContext;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Csrf;
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.UnitSites;
import vn.egov.platform.web.pages.Locales;
import vn.egov.platform.web.pages.Page;
import vn.egov.platform.web.pages.Templates;

/**
 * {@code /t/{code}/feedback}: "Phản ánh, kiến nghị" on every unit's site. The unit's published reports with their
 * answers, the latest first, {@value Reports#PUBLIC_PAGE} a page, and nothing of the citizens who wrote them; a page per
 * report; and ({@code new}, a citizen's account, the login first) the form a citizen writes one with. A refused report
 * comes back with each message beside its field, the values kept, nothing stored; a written one goes to the citizen's
 * own reports. Made from the templates {@code site-list.jte}, {@code site-one.jte} and {@code submit.jte}, framed by the
 * unit's site.
 */
@Path("t/{code}/feedback")
@RequestScoped
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class SitePages {

    @Inject
    TenantContext context;

    @Inject
    Reports reports;

    @Inject
    UnitSites site;

    @Context
    HttpServletRequest request;

    @GET
    public Response list(@QueryParam("page") @DefaultValue("1") int pageNo) {
        Tenant unit = unit();
        Page page = page("site.title");
        ReportStore.Slice<Reports.Published> slice = reports.published(unit, pageNo);
        String base = "/t/" + unit.getCode() + "/feedback";
        List<FeedbackViews.Shown> shown = slice.items().stream()
                .map(p -> FeedbackViews.Shown.of(p, page, page.link(base + "/" + p.code()))).toList();
        FeedbackViews.SiteList view = new FeedbackViews.SiteList(shown,
                slice.page() > 1 ? page.link(base + "?page=" + (slice.page() - 1)) : null,
                slice.more() ? page.link(base + "?page=" + (slice.page() + 1)) : null, page.link(base + "/new"));
        if (shown.isEmpty() && slice.page() > 1) {
            return send(404, site.notFound(unit, page.t().locale()));
        }
        String main = FeedbackViews.TEMPLATES.render("site-list.jte", page, "view", view);
        return send(200, site.framed(unit, page.t().locale(), page.title(), FeedbackViews.STYLESHEETS, main,
                "feedback" + (slice.page() > 1 ? "?page=" + slice.page() : "")));
    }

    @GET
    @Path("{report: PA[0-9]{2}-[0-9]{6}}")
    public Response one(@PathParam("report") String code) {
        Tenant unit = unit();
        Page page = page("site.title");
        Optional<Reports.Published> p = reports.publishedOne(unit, code);
        if (p.isEmpty()) {
            return send(404, site.notFound(unit, page.t().locale()));
        }
        FeedbackViews.Shown shown = FeedbackViews.Shown.of(p.get(), page, null);
        String main = FeedbackViews.TEMPLATES.render("site-one.jte", page, "report", shown, "listHref", page.link("/t/" + unit.getCode() + "/feedback"));
        return send(200, site.framed(unit, page.t().locale(), shown.subject(), FeedbackViews.STYLESHEETS, main, "feedback/" + shown.code()));
    }

    @GET
    @Path("new")
    public Response form() {
        Tenant unit = unit();
        Optional<Response> refused = mustBeCitizen(unit);
        return refused.orElseGet(() -> render(unit, 200, Map.of(), Map.of(), false, null));
    }

    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(MultivaluedMap<String, String> form) throws Exception {
        Tenant unit = unit();
        Optional<Response> refused = mustBeCitizen(unit);
        if (refused.isPresent()) {
            return refused.get();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String f : List.of("subject", "content", "category")) {
            values.put(f, Optional.ofNullable(form.getFirst(f)).orElse(""));
        }
        boolean consent = form.getFirst("consent") != null;
        Page page = page("form.title");
        if (!Csrf.valid(request, form.getFirst(Csrf.FIELD))) {
            return render(unit, 403, values, Map.of(), consent, page.t().text("form.expired"));
        }
        UserPrincipal me = CurrentUser.get().orElseThrow();
        try {
            Report r = reports.submit(unit, me, new Draft(values.get("subject"), values.get("content"), values.get("category"), consent));
            return Response.seeOther(URI.create(page.link("/me/feedback?new=" + r.getCode()))).build();
        } catch (ProblemException e) {
            Problem said = e.problem().in(page.t().locale());
            Map<String, String> errors = new LinkedHashMap<>();
            if (said.fieldErrors() != null) {
                said.fieldErrors().forEach((field, messages) -> errors.put(field, String.join(" ", messages)));
            }
            String general = errors.isEmpty() ? (page.t().english() ? said.detailEn() : said.detailVi()) : page.t().text("form.refused", errors.size());
            return render(unit, e.problem().status(), values, errors, consent, general);
        }
    }

    private Response render(Tenant unit, int status, Map<String, String> values, Map<String, String> errors, boolean consent, String general) {
        Page page = page("form.title");
        String base = "/t/" + unit.getCode() + "/feedback";
        FeedbackViews.Form view = new FeedbackViews.Form(page.link(base + "/new"), values, errors,
                FeedbackViews.categories(page.t(), values.get("category")), consent, general, page.link(base));
        String main = FeedbackViews.TEMPLATES.render("submit.jte", page, "view", view, "unitName", unit.getName());
        return send(status, site.framed(unit, page.t().locale(), page.title(), FeedbackViews.STYLESHEETS, main, "feedback/new"));
    }

    /** A citizen's or business's account writes reports; anyone else is told so (the login comes first: the filter's). */
    private Optional<Response> mustBeCitizen(Tenant unit) {
        Optional<UserPrincipal> me = CurrentUser.get();
        if (me.isEmpty()) {
            return Optional.of(Response.seeOther(URI.create("/login")).build());
        }
        if (!me.get().has(Role.CITIZEN)) {
            Page page = page("form.title");
            String main = FeedbackViews.TEMPLATES.render("refusal.jte", page, "message", page.t().lookup("form.citizensOnly"),
                    "listHref", page.link("/t/" + unit.getCode() + "/feedback"));
            return Optional.of(send(403, site.framed(unit, page.t().locale(), page.title(), FeedbackViews.STYLESHEETS, main, "feedback/new")));
        }
        return Optional.empty();
    }

    private Page page(String titleKey) {
        return Page.of(request, FeedbackViews.BUNDLE, titleKey);
    }

    private Tenant unit() {
        return context.tenant().orElseThrow(() -> ProblemException.notFound(Wording::in, "notFound.unit"));
    }

    /** A page of the unit's site (made from templates, nothing inline), sent with the strict content security policy. */
    private static Response send(int status, Object html) {
        return Response.status(status).type(Templates.HTML).header("Content-Security-Policy", Templates.CONTENT_SECURITY_POLICY)
                .header("Vary", Locales.VARY).header("Cache-Control", "no-cache").entity(html).build();
    }
}
