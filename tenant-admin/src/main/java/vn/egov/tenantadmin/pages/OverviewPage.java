package vn.egov.tenantadmin.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import vn.egov.platform.persistence.OwnTransaction;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Html;
import vn.egov.platform.web.desk.Desk;
import vn.egov.tenantadmin.boundary.UnitAdminResource;

/**
 * {@code /t/{code}/admin/}: the unit, its status, its sub-units (with links to their admin pages), and the
 * suspend / reactivate buttons where the user's rights reach (the parent's side decides, as in the API).
 */
@Path("t/{code}/admin")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(Desk.HTML)
public class OverviewPage {

    @Inject
    Desk layout;

    @Inject
    OwnTransaction ownTransaction;

    @Inject
    TenantDirectory directory;

    @Inject
    UnitAdminResource units;

    @GET
    public Response overview() {
        Tenant unit = layout.require();
        boolean en = layout.en();
        List<Tenant> children = directory.children(unit.getId());
        boolean below = layout.may(unit.getPath(), true);
        StringBuilder b = new StringBuilder("<h1>").append(Html.escape(unit.getName())).append("</h1>");
        b.append("<table><tbody>")
                .append(row(layout.t("Mã đơn vị", "Unit code"), "<code>" + Html.escape(unit.getCode()) + "</code>"))
                .append(row(layout.t("Loại đơn vị", "Kind"), Html.escape(en ? unit.getKind().english() : unit.getKind().vietnamese())))
                .append(row(layout.t("Mã GSO", "GSO code"), unit.getGsoCode() == null ? "—" : Html.escape(unit.getGsoCode())))
                .append(row(layout.t("Trạng thái", "Status"), status(unit)));
        if (unit.getCustomDomain() != null) {
            b.append(row(layout.t("Tên miền riêng", "Custom domain"), Html.escape(unit.getCustomDomain())));
        }
        if (unit.getParentId() != null) {
            directory.byId(unit.getParentId()).ifPresent(p -> b.append(row(layout.t("Đơn vị cấp trên", "Parent unit"),
                    layout.may(p.getPath(), false) ? Desk.link(layout.url(p, ""), p.getName()) : Html.escape(p.getName()))));
        }
        b.append("</tbody></table>");
        if (layout.mayFromAbove(unit)) {
            b.append(statusForm(unit, "self"));
        }

        b.append("<h2>").append(layout.t("Đơn vị trực thuộc", "Units under it")).append(" (").append(children.size()).append(")</h2>");
        if (below) {
            b.append("<p>").append(Desk.link(layout.url(unit, "units/new"), layout.t("Tạo đơn vị trực thuộc", "Create a sub-unit")))
                    .append(" · ").append(Desk.link(layout.url(unit, "import"), layout.t("Nhập danh sách đơn vị từ tệp CSV", "Import units from a CSV file")))
                    .append("</p>");
        }
        if (children.isEmpty()) {
            b.append("<p>").append(layout.t("Không có.", "None.")).append("</p>");
        } else {
            b.append("<table id=\"sub-units\"><thead><tr><th scope=\"col\">").append(layout.t("Tên", "Name"))
                    .append("</th><th scope=\"col\">").append(layout.t("Mã", "Code"))
                    .append("</th><th scope=\"col\">").append(layout.t("Loại", "Kind"))
                    .append("</th><th scope=\"col\">").append(layout.t("Trạng thái", "Status"))
                    .append("</th>").append(below ? "<th scope=\"col\">" + layout.t("Thao tác", "Action") + "</th>" : "")
                    .append("</tr></thead><tbody>");
            for (Tenant c : children) {
                b.append("<tr data-code=\"").append(Html.escape(c.getCode())).append("\"><td>")
                        .append(below ? Desk.link(layout.url(c, ""), c.getName())
                                : Desk.link(layout.withLang("/t/" + c.getCode() + "/"), c.getName()))
                        .append("</td><td><code>").append(Html.escape(c.getCode())).append("</code></td><td>")
                        .append(Html.escape(en ? c.getKind().english() : c.getKind().vietnamese())).append("</td><td>")
                        .append(status(c)).append("</td>");
                if (below) {
                    b.append("<td>").append(statusForm(c, "parent")).append("</td>");
                }
                b.append("</tr>");
            }
            b.append("</tbody></table>");
        }
        return layout.ok(layout.page(unit, "overview", "Quản trị đơn vị", "Unit administration", b.toString()));
    }

    @POST
    @Path("suspend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response suspend(@FormParam("csrf") String csrf, @FormParam("back") String back) {
        layout.checkCsrf(csrf);
        Tenant unit = layout.unit();
        layout.call(() -> ownTransaction.call(units::suspend));
        layout.flash(Html.escape(layout.t("Đã tạm dừng hoạt động: ", "Suspended: ") + unit.getName()
                + layout.t(". Cán bộ của đơn vị không đăng nhập được; dữ liệu vẫn được giữ.", ". Its staff cannot log in; its data stays.")));
        return back(unit, back);
    }

    @POST
    @Path("reactivate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reactivate(@FormParam("csrf") String csrf, @FormParam("back") String back) {
        layout.checkCsrf(csrf);
        Tenant unit = layout.unit();
        layout.call(() -> ownTransaction.call(units::reactivate));
        layout.flash(Html.escape(layout.t("Đã cho hoạt động trở lại: ", "Reactivated: ") + unit.getName()));
        return back(unit, back);
    }

    /** Back to the page the button was on: the unit's own overview, or its parent's (the only two choices). */
    private Response back(Tenant unit, String back) {
        if ("parent".equals(back) && unit.getParentId() != null) {
            Tenant parent = directory.byId(unit.getParentId()).orElse(unit);
            return layout.redirect("/t/" + parent.getCode() + "/admin/");
        }
        return layout.redirect("/t/" + unit.getCode() + "/admin/");
    }

    private String statusForm(Tenant t, String back) {
        boolean active = t.isActive();
        return "<form class=\"inline\" method=\"post\" action=\"" + Html.escape(layout.url(t, active ? "suspend" : "reactivate"))
                + "\">" + layout.csrfField() + "<input type=\"hidden\" name=\"back\" value=\"" + back + "\">"
                + "<button type=\"submit\" name=\"do\" value=\"" + (active ? "suspend" : "reactivate") + "\">"
                + Html.escape(active ? layout.t("Tạm dừng", "Suspend") : layout.t("Cho hoạt động lại", "Reactivate"))
                + ("self".equals(back) ? Html.escape(layout.t(" đơn vị này", " this unit"))
                        : "<span class=\"skip\"> " + Html.escape(t.getName()) + "</span>") + "</button></form>";
    }

    private String status(Tenant t) {
        return t.isActive() ? "<span class=\"status-active\">" + layout.t("Đang hoạt động", "Active") + "</span>"
                : "<span class=\"status-suspended\">" + layout.t("Tạm dừng", "Suspended") + "</span>";
    }

    private static String row(String header, String valueHtml) {
        return "<tr><th scope=\"row\">" + Html.escape(header) + "</th><td>" + valueHtml + "</td></tr>";
    }
}
