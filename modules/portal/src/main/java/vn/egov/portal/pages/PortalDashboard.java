package vn.egov.portal.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.portal.control.Editorial;
import vn.egov.portal.entity.Article;

/**
 * {@code /t/{code}/admin/portal}: the editors' start page, the articles awaiting review (for approvers) and all of
 * them, newest first. Made from {@code editor/dashboard.jte}; the other screens are {@link ArticlePages},
 * {@link ThemePage}, {@link MenuPage}, {@link CategoriesPage}, {@link StaticPages} and {@link FilesPage}.
 */
@Path("t/{code}/admin/portal")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class PortalDashboard {

    /** The dashboard: the articles awaiting review ({@code null} for someone who may not approve) and all of them. */
    public record DashboardView(List<ArticleRow> waiting, List<ArticleRow> all, String newHref) {
    }

    /** An article's line: its title linking to its form, its state, when it goes public, who edited it last and when. */
    public record ArticleRow(String title, String href, String status, Instant publishAt, String updatedBy, Instant updatedAt) {
    }

    @Inject
    PortalDesk desk;

    @Inject
    Editorial editorial;

    @GET
    public Response dashboard() {
        Tenant unit = desk.require("read");
        List<ArticleRow> waiting = desk.may(unit, "portal", "approve")
                ? rows(unit, editorial.articles(unit, Optional.of(Article.Status.SUBMITTED), 50)) : null;
        DashboardView view = new DashboardView(waiting, rows(unit, editorial.articles(unit, Optional.empty(), 100)),
                desk.sub(unit, "articles/new"));
        return desk.ok("editor/dashboard.jte", desk.frame(unit, "dashboard.title", ""), view);
    }

    private List<ArticleRow> rows(Tenant unit, List<Article> articles) {
        return articles.stream().map(a -> new ArticleRow(a.title(), desk.sub(unit, "articles/" + a.id()), a.status().db(), a.publishAt(),
                a.updatedBy(), a.updatedAt())).toList();
    }
}
