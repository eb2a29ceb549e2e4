package vn.egov.feedback.pages;

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
import java.net.URI;
import java.util.List;
import java.util.Optional;
import vn.egov.feedback.control.Reports;
import vn.egov.feedback.entity.Report;
import vn.egov.platform.security.SubjectScopeProvider.CurrentUser;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.UnitSites;
import vn.egov.platform.web.pages.Locales;
import vn.egov.platform.web.pages.Page;
import vn.egov.platform.web.pages.Templates;

/**
 * {@code /me/feedback}: the logged-in citizen's own reports, whichever units they wrote to, with their status and the
 * answers (read in the applicant scope), framed by the site of the person's own unit; private to them.
 */
@Path("me/feedback")
@RequestScoped
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class MyFeedbackPage {

    @Context
    HttpServletRequest request;

    @Inject
    Reports reports;

    @Inject
    TenantDirectory directory;

    @Inject
    UnitSites site;

    @GET
    public Response mine(@QueryParam("new") String justWritten) {
        Optional<UserPrincipal> me = CurrentUser.get();
        if (me.isEmpty()) {
            return Response.seeOther(URI.create("/login")).build();
        }
        Page page = Page.of(request, FeedbackViews.BUNDLE, "mine.title");
        List<FeedbackViews.MineRow> rows = reports.mine(me.get().userId()).stream().map(r -> row(r, page)).toList();
        String written = justWritten != null && rows.stream().anyMatch(r -> r.code().equals(justWritten)) ? justWritten : null;
        Optional<Tenant> home = directory.byId(me.get().tenantId());
        String main = FeedbackViews.TEMPLATES.render("mine.jte", page, "view",
                new FeedbackViews.Mine(rows, written, home.map(h -> page.link("/t/" + h.getCode() + "/feedback/new")).orElse(null)));
        String html = home.map(unit -> site.framed(unit, page.t().locale(), page.title(), FeedbackViews.STYLESHEETS, main, "/me/feedback")).orElse(main);
        return Response.ok(html, Templates.HTML).header("Content-Security-Policy", Templates.CONTENT_SECURITY_POLICY)
                .header("Cache-Control", "private, no-store").header("Vary", Locales.VARY).build();
    }

    private FeedbackViews.MineRow row(Report r, Page page) {
        Optional<Tenant> unit = directory.byId(r.getTenantId());
        String publicHref = Report.PUBLISHED.equals(r.getStatus()) && unit.isPresent()
                ? page.link("/t/" + unit.get().getCode() + "/feedback/" + r.getCode()) : null;
        return new FeedbackViews.MineRow(r.getCode(), unit.map(Tenant::getName).orElse(""), r.getSubject(), r.getContent(),
                FeedbackViews.categoryLabel(page.t(), r.getCategory()), r.getStatus(), FeedbackViews.statusLabel(page.t(), r.getStatus()),
                r.getAnswer(), page.date(r.getCreatedAt()), page.date(r.getAnsweredAt()), r.isConsent(), publicHref);
    }
}
