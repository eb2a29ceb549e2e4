package vn.egov.tenantadmin.pages;

import vn.egov.platform.web.desk.Desk;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Html;
import vn.egov.platform.web.ProblemException;
import vn.egov.tenantadmin.boundary.UnitAdminResource;

/**
 * {@code /t/{code}/admin/audit}: the audit trail of the unit and its sub-units as far as the user's rights
 * reach, newest first, 50 a page, filtered by action, actor and dates (dd/MM/yyyy). A bad date re-shows the
 * filter with the message at the field. A GET form: filtering changes nothing.
 */
@Path("t/{code}/admin/audit")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(Desk.HTML)
public class AuditPage {
    static final int PAGE_SIZE = 50; // what the API answers per page

    /** The actions the platform records, with their names for people. */
    static final List<String[]> ACTIONS = List.of(
            new String[] {"unit.provisioned", "Tạo đơn vị", "Unit created"},
            new String[] {"unit.suspended", "Tạm dừng đơn vị", "Unit suspended"},
            new String[] {"unit.reactivated", "Cho đơn vị hoạt động lại", "Unit reactivated"},
            new String[] {"unit.renamed", "Đổi tên, mã đơn vị", "Unit renamed"},
            new String[] {"unit.settings.changed", "Đổi cấu hình đơn vị", "Settings changed"},
            new String[] {"user.created", "Tạo người dùng", "User created"},
            new String[] {"user.changed", "Đổi người dùng", "User changed"},
            new String[] {"token.revoked", "Thu hồi mã truy cập API của người dùng", "User's API token revoked"});

    @Inject
    Desk layout;

    @Inject
    UnitAdminResource units;

    @GET
    public Response audit(@QueryParam("action") String action, @QueryParam("actor") String actor,
                          @QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("page") @DefaultValue("1") String pageParam) {
        Tenant unit = layout.require();
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put("action", action == null ? "" : action.strip());
        filter.put("actor", actor == null ? "" : actor.strip());
        filter.put("from", from == null ? "" : from.strip());
        filter.put("to", to == null ? "" : to.strip());
        int page;
        try {
            page = Math.max(1, Integer.parseInt(pageParam.strip()));
        } catch (NumberFormatException e) {
            page = 1;
        }
        List<UnitAdminResource.Entry> entries;
        try {
            entries = units.audit(filter.get("action"), filter.get("actor"), filter.get("from"), filter.get("to"), page);
        } catch (ProblemException e) {
            if (e.problem().status() != 400) {
                throw layout.error(e.problem());
            }
            Map<String, String> errors = new LinkedHashMap<>();
            String detail = layout.en() ? e.problem().detailEn() : e.problem().detailVi();
            e.problem().fieldErrors().keySet().forEach(f -> errors.put(f, detail));
            throw layout.refuse(400, layout.page(unit, "audit", "Nhật ký", "Audit trail",
                    heading(unit) + layout.refusedBanner(detail) + filterForm(unit, filter, errors)));
        }
        StringBuilder b = new StringBuilder(heading(unit)).append(filterForm(unit, filter, Map.of()));
        if (entries.isEmpty()) {
            b.append("<p id=\"no-entries\">").append(layout.t("Không có mục nào phù hợp.", "No matching entries.")).append("</p>");
        } else {
            b.append("<table id=\"audit\"><caption>").append(layout.t("Trang ", "Page ")).append(page).append("</caption><thead><tr>");
            for (String h : List.of(layout.t("Người thực hiện", "Who"), layout.t("Thời điểm", "When"), layout.t("Đơn vị", "Unit"),
                    layout.t("Thao tác", "Action"), layout.t("Đối tượng", "Target"), layout.t("Trước", "Before"), layout.t("Sau", "After"))) {
                b.append("<th scope=\"col\">").append(Html.escape(h)).append("</th>");
            }
            b.append("</tr></thead><tbody>");
            for (UnitAdminResource.Entry e : entries) {
                b.append("<tr><td>").append(Html.escape(e.actor())).append("</td><td>").append(Html.escape(e.at()))
                        .append("</td><td><code>").append(Html.escape(e.unit())).append("</code></td><td data-action=\"")
                        .append(Html.escape(e.action())).append("\">").append(Html.escape(actionName(e.action())))
                        .append("</td><td>").append(Html.escape(e.target())).append("</td><td><code>").append(Html.escape(e.before()))
                        .append("</code></td><td><code>").append(Html.escape(e.after())).append("</code></td></tr>");
            }
            b.append("</tbody></table>");
        }
        b.append("<nav aria-label=\"").append(layout.t("Phân trang", "Pages")).append("\"><p>");
        if (page > 1) {
            b.append("<a rel=\"prev\" href=\"").append(Html.escape(pageUrl(unit, filter, page - 1))).append("\">")
                    .append(layout.t("← Trang trước", "← Previous page")).append("</a> ");
        }
        if (entries.size() == PAGE_SIZE) {
            b.append("<a rel=\"next\" href=\"").append(Html.escape(pageUrl(unit, filter, page + 1))).append("\">")
                    .append(layout.t("Trang sau →", "Next page →")).append("</a>");
        }
        b.append("</p></nav>");
        return layout.ok(layout.page(unit, "audit", "Nhật ký", "Audit trail", b.toString()));
    }

    private String heading(Tenant unit) {
        return "<h1>" + layout.t("Nhật ký quản trị", "Audit trail") + "</h1><p>"
                + layout.t("Các thao tác quản trị tại đơn vị và các đơn vị trực thuộc (trong phạm vi quyền của bạn), mới nhất trước.",
                "Administrative actions in the unit and its sub-units (as far as your rights reach), newest first.") + "</p>";
    }

    private String filterForm(Tenant unit, Map<String, String> f, Map<String, String> errors) {
        List<String[]> actions = new ArrayList<>();
        actions.add(new String[] {"", "Tất cả", "All"});
        ACTIONS.forEach(a -> actions.add(new String[] {a[0], a[1] + " (" + a[0] + ")", a[2] + " (" + a[0] + ")"}));
        StringBuilder b = new StringBuilder("<form method=\"get\" action=\"").append(Html.escape("/t/" + unit.getCode() + "/admin/audit"))
                .append("\" id=\"audit-filter\"><fieldset><legend>").append(layout.t("Lọc", "Filter")).append("</legend>");
        if (layout.en()) {
            b.append("<input type=\"hidden\" name=\"lang\" value=\"en\">");
        }
        b.append(layout.select("action", "Thao tác", "Action", f.get("action"), actions, errors))
                .append(layout.input("actor", "Người thực hiện (tên đăng nhập)", "Who (username)", f.get("actor"), errors, "spellcheck=\"false\""))
                .append(layout.input("from", "Từ ngày (dd/MM/yyyy)", "From (dd/MM/yyyy)", f.get("from"), errors, "placeholder=\"01/11/2026\" inputmode=\"numeric\""))
                .append(layout.input("to", "Đến ngày (dd/MM/yyyy)", "To (dd/MM/yyyy)", f.get("to"), errors, "placeholder=\"30/11/2026\" inputmode=\"numeric\""))
                .append("<p><button type=\"submit\">").append(layout.t("Lọc", "Filter")).append("</button> ")
                .append(Desk.link(layout.url(unit, "audit"), layout.t("Bỏ lọc", "Clear"))).append("</p></fieldset></form>");
        return b.toString();
    }

    private String pageUrl(Tenant unit, Map<String, String> f, int page) {
        StringBuilder q = new StringBuilder("/t/").append(unit.getCode()).append("/admin/audit?page=").append(page);
        f.forEach((k, v) -> {
            if (!v.isEmpty()) {
                q.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return layout.withLang(q.toString());
    }

    private String actionName(String action) {
        for (String[] a : ACTIONS) {
            if (a[0].equals(action)) {
                return layout.en() ? a[2] : a[1];
            }
        }
        return action;
    }
}
