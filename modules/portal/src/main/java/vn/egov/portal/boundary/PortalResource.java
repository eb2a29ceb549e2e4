package vn.egov.portal.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Optional;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Problem;
import vn.egov.portal.control.Editorial;
import vn.egov.portal.control.SiteFiles;
import vn.egov.portal.control.SiteStructure;
import vn.egov.portal.control.Themes;
import vn.egov.portal.control.Invalid;
import vn.egov.portal.entity.Article;
import vn.egov.portal.entity.MenuItem;
import vn.egov.portal.entity.Theme;

/**
 * {@code /api/t/{unit}/portal}: what a unit's editors ({@code portal:edit}) and approvers ({@code portal:approve})
 * do to its site. Unit administrators have both rights. Everything runs under the unit's row-level-security scope
 * and names the unit: another unit's article, draft or file is "not found".
 */
@Path("api/t/{unit}/portal")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(MediaType.APPLICATION_JSON)
public class PortalResource {
    static final String DOMAIN = "portal";

    @Inject
    Access access;

    @Inject
    Editorial editorial;

    @Inject
    SiteStructure structure;

    @Inject
    SiteFiles siteFiles;

    @Inject
    Themes themes;

    private Tenant edit() {
        return access.require(DOMAIN, "edit");
    }

    private Tenant approve() {
        return access.require(DOMAIN, "approve");
    }

    private boolean isApprover(Tenant unit) {
        return org.apache.shiro.SecurityUtils.getSubject().isPermitted(
                vn.egov.platform.security.ScopedPermission.required(DOMAIN, "approve", unit.getPath()));
    }

    private boolean isAdmin(Tenant unit) {
        return org.apache.shiro.SecurityUtils.getSubject().isPermitted(
                vn.egov.platform.security.ScopedPermission.required("tenant", "admin", unit.getPath()));
    }

    // ---- articles

    @GET
    @Path("articles")
    public Response articles(@QueryParam("status") String status, @QueryParam("limit") @DefaultValue("50") int limit) {
        Tenant unit = access.require(DOMAIN, "read");
        Optional<Article.Status> s = Optional.empty();
        if (status != null && !status.isBlank()) {
            try {
                s = Optional.of(Article.Status.of(status));
            } catch (IllegalArgumentException e) {
                new Invalid().add("status", "problem.field.articleStatus").throwIfAny();
            }
        }
        return Response.ok(PortalJson.array(editorial.articles(unit, s, Math.max(1, Math.min(limit, 200))).stream()
                .map(a -> PortalJson.article(a, unit.getCode())).toList())).build();
    }

    @POST
    @Path("articles")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonObject body) {
        Tenant unit = edit();
        Article a = editorial.create(unit, PortalJson.articleInput(body), access.username());
        return Response.status(201).header("Location", "/api/t/" + unit.getCode() + "/portal/articles/" + a.id())
                .entity(PortalJson.article(a, unit.getCode())).build();
    }

    @GET
    @Path("articles/{id}")
    public JsonObject article(@PathParam("id") long id) {
        Tenant unit = access.require(DOMAIN, "read");
        return PortalJson.article(editorial.article(unit, id), unit.getCode());
    }

    @PUT
    @Path("articles/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject update(@PathParam("id") long id, JsonObject body) {
        Tenant unit = edit();
        return PortalJson.article(editorial.update(unit, id, PortalJson.articleInput(body), access.username(), isApprover(unit)), unit.getCode());
    }

    @DELETE
    @Path("articles/{id}")
    public Response delete(@PathParam("id") long id) {
        editorial.delete(edit(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("articles/{id}/submit")
    public JsonObject submit(@PathParam("id") long id) {
        Tenant unit = edit();
        return PortalJson.article(editorial.submit(unit, id, access.username()), unit.getCode());
    }

    /** Body (optional): {@code {"publishAt": "2026-12-01T01:00:00Z"}} to schedule it. */
    @POST
    @Path("articles/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject approve(@PathParam("id") long id, JsonObject body) {
        Tenant unit = approve();
        Invalid bad = new Invalid();
        var at = PortalJson.instant(body, "publishAt", bad);
        bad.throwIfAny();
        return PortalJson.article(editorial.approve(unit, id, at, access.username(), isAdmin(unit)), unit.getCode());
    }

    @POST
    @Path("articles/{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject returnToEditor(@PathParam("id") long id, JsonObject body) {
        Tenant unit = approve();
        return PortalJson.article(editorial.returnToEditor(unit, id, PortalJson.str(body, "comment"), access.username()), unit.getCode());
    }

    @POST
    @Path("articles/{id}/unpublish")
    public JsonObject unpublish(@PathParam("id") long id) {
        Tenant unit = approve();
        return PortalJson.article(editorial.unpublish(unit, id, access.username()), unit.getCode());
    }

    @GET
    @Path("articles/{id}/versions")
    public Response versions(@PathParam("id") long id, @Context HttpServletRequest request) {
        Tenant unit = access.require(DOMAIN, "read");
        Locale reader = Problem.language(request);
        return Response.ok(PortalJson.array(editorial.versions(unit, id).stream().map(v -> PortalJson.version(v, reader)).toList())).build();
    }

    @POST
    @Path("articles/{id}/versions/{version}/restore")
    public JsonObject restore(@PathParam("id") long id, @PathParam("version") int version) {
        Tenant unit = edit();
        return PortalJson.article(editorial.restore(unit, id, version, access.username(), isApprover(unit)), unit.getCode());
    }

    // ---- categories

    @GET
    @Path("categories")
    public Response categories() {
        Tenant unit = access.require(DOMAIN, "read");
        return Response.ok(PortalJson.array(structure.categories(unit).stream().map(c -> PortalJson.category(c, unit.getCode())).toList())).build();
    }

    @POST
    @Path("categories")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createCategory(JsonObject body) {
        Tenant unit = edit();
        var c = structure.saveCategory(unit, null, PortalJson.str(body, "name"), PortalJson.str(body, "nameEn"),
                body != null && body.getBoolean("announcements", false), body == null ? 0 : body.getInt("position", 0));
        return Response.status(201).entity(PortalJson.category(c, unit.getCode())).build();
    }

    @PUT
    @Path("categories/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject updateCategory(@PathParam("id") long id, JsonObject body) {
        Tenant unit = edit();
        return PortalJson.category(structure.saveCategory(unit, id, PortalJson.str(body, "name"), PortalJson.str(body, "nameEn"),
                body != null && body.getBoolean("announcements", false), body == null ? 0 : body.getInt("position", 0)), unit.getCode());
    }

    @DELETE
    @Path("categories/{id}")
    public Response deleteCategory(@PathParam("id") long id) {
        structure.deleteCategory(edit(), id);
        return Response.noContent().build();
    }

    // ---- static pages

    @GET
    @Path("pages")
    public Response pages() {
        Tenant unit = access.require(DOMAIN, "read");
        return Response.ok(PortalJson.array(structure.pages(unit).stream().map(p -> PortalJson.page(p, unit.getCode())).toList())).build();
    }

    @POST
    @Path("pages")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createPage(JsonObject body) {
        Tenant unit = edit();
        var p = structure.savePage(unit, null, PortalJson.str(body, "title"), PortalJson.str(body, "body"),
                body == null || body.getBoolean("published", true), access.username());
        return Response.status(201).entity(PortalJson.page(p, unit.getCode())).build();
    }

    @PUT
    @Path("pages/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject updatePage(@PathParam("id") long id, JsonObject body) {
        Tenant unit = edit();
        return PortalJson.page(structure.savePage(unit, id, PortalJson.str(body, "title"), PortalJson.str(body, "body"),
                body == null || body.getBoolean("published", true), access.username()), unit.getCode());
    }

    @DELETE
    @Path("pages/{id}")
    public Response deletePage(@PathParam("id") long id) {
        structure.deletePage(edit(), id);
        return Response.noContent().build();
    }

    // ---- menu

    @GET
    @Path("menu")
    public Response menu() {
        Tenant unit = access.require(DOMAIN, "read");
        return Response.ok(PortalJson.array(structure.menu(unit).stream().map(PortalJson::menuItem).toList())).build();
    }

    @POST
    @Path("menu")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addMenuItem(JsonObject body) {
        return Response.status(201).entity(PortalJson.menuItem(saveMenuItem(edit(), null, body))).build();
    }

    @PUT
    @Path("menu/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject updateMenuItem(@PathParam("id") long id, JsonObject body) {
        return PortalJson.menuItem(saveMenuItem(edit(), id, body));
    }

    /** Adds ({@code id} null) or changes a menu item from its JSON. */
    private MenuItem saveMenuItem(Tenant unit, Long id, JsonObject body) {
        if (body == null) {
            new Invalid().add("body", "problem.field.bodyMissing").throwIfAny();
        }
        Invalid bad = new Invalid();
        Long parent = PortalJson.lng(body, "parentId", bad);
        MenuItem.Target kind = null;
        try {
            kind = MenuItem.Target.valueOf(String.valueOf(PortalJson.str(body, "kind")).toUpperCase());
        } catch (IllegalArgumentException e) {
            bad.add("kind", "problem.field.menuKind");
        }
        bad.throwIfAny();
        return structure.saveMenuItem(unit, id, parent, PortalJson.str(body, "label"), PortalJson.str(body, "labelEn"), kind,
                PortalJson.str(body, "target"), body.getInt("position", 0));
    }

    @DELETE
    @Path("menu/{id}")
    public Response deleteMenuItem(@PathParam("id") long id) {
        structure.deleteMenuItem(edit(), id);
        return Response.noContent().build();
    }

    // ---- theme

    @GET
    @Path("theme")
    public JsonObject theme() {
        return PortalJson.theme(themes.theme(access.require(DOMAIN, "read")));
    }

    /** Theme and layout are the unit's face: administrators only. */
    @PUT
    @Path("theme")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject saveTheme(JsonObject body) {
        Tenant unit = access.require("tenant", "admin");
        Invalid bad = new Invalid();
        Long banner = PortalJson.lng(body, "bannerFileId", bad);
        bad.throwIfAny();
        Theme t = themes.checkTheme(unit, PortalJson.str(body, "primary"), PortalJson.str(body, "accent"), PortalJson.str(body, "layout"),
                PortalJson.str(body, "footerText"), banner);
        return PortalJson.theme(themes.saveTheme(unit, t, access.username()));
    }

    // ---- files

    @GET
    @Path("files")
    public Response files() {
        Tenant unit = access.require(DOMAIN, "read");
        return Response.ok(PortalJson.array(siteFiles.files(unit, 200).stream().map(f -> PortalJson.file(f, unit.getCode())).toList())).build();
    }

    /** The file's bytes as the body (any content type: it is judged by its content), its name in {@code ?name=}. */
    @POST
    @Path("files")
    @Consumes(MediaType.WILDCARD)
    public Response upload(byte[] content, @QueryParam("name") String name, @QueryParam("public") @DefaultValue("false") boolean isPublic) {
        Tenant unit = edit();
        var f = siteFiles.upload(unit, name, content, isPublic, access.username());
        return Response.status(201).entity(PortalJson.file(f, unit.getCode())).build();
    }

    @DELETE
    @Path("files/{id}")
    public Response deleteFile(@PathParam("id") long id) {
        siteFiles.deleteFile(edit(), id);
        return Response.noContent().build();
    }
}
