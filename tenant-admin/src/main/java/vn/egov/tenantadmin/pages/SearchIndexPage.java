package vn.egov.tenantadmin.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.search.control.IndexAdmin;
import vn.egov.platform.search.control.OutboxWorker;
import vn.egov.platform.search.control.Reindexer;
import vn.egov.platform.search.control.Searcher;
import vn.egov.platform.security.Role;
import vn.egov.platform.tenancy.TenantScope;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Html;
import vn.egov.platform.web.desk.Desk;

/**
 * {@code /t/{code}/admin/search}: the search index of the unit (and its subtree, as far as the admin's rights
 * reach). What waits in the outbox and why (the last errors), the recent reindex jobs with their progress, a
 * button to reindex, and the consistency check (database against index, per unit) on demand.
 */
@Path("t/{code}/admin/search")
@RequestScoped
@Produces(Desk.HTML)
public class SearchIndexPage {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    @Inject
    Desk layout;

    @Inject
    IndexAdmin admin;

    @Inject
    Reindexer reindexer;

    @Inject
    OutboxWorker worker;

    @GET
    @Transactional
    @TenantTransactional
    public Response show(@QueryParam("check") String check) {
        Tenant unit = layout.require();
        boolean subtree = layout.may(unit.getPath(), true);
        StringBuilder b = new StringBuilder("<h1>").append(Html.escape(layout.t("Chỉ mục tìm kiếm", "Search index")))
                .append("</h1><p>").append(Html.escape(layout.t(
                        "Mọi thay đổi cần tìm kiếm được ghi vào hàng đợi cùng giao dịch với dữ liệu, rồi được gửi sang máy chủ tìm kiếm; "
                                + "khi máy chủ tìm kiếm ngừng, thay đổi chờ trong hàng đợi và không bị mất.",
                        "Every change that must be searchable is queued in the same transaction as the data, then sent to the search "
                                + "server; while it is down, changes wait in the queue and nothing is lost."))).append("</p>");
        IndexAdmin.Backlog backlog = admin.backlog();
        b.append("<h2>").append(layout.t("Hàng đợi", "Outbox")).append("</h2><dl id=\"backlog\">")
                .append(dt(layout.t("Đang chờ gửi", "Waiting"), Long.toString(backlog.pending()), "pending"))
                .append(dt(layout.t("Đã gửi lỗi, sẽ thử lại", "Failed, will retry"), Long.toString(backlog.failing()), "failing"))
                .append(dt(layout.t("Mục chờ lâu nhất từ", "Oldest waiting since"), when(backlog.oldest()), "oldest"))
                .append("</dl>");
        if (!backlog.lastErrors().isEmpty()) {
            b.append("<table id=\"errors\"><caption>").append(layout.t("Lỗi gần nhất", "Last errors")).append("</caption><thead><tr>");
            for (String h : new String[] {layout.t("Mục", "Item"), layout.t("Đơn vị", "Unit"), layout.t("Số lần thử", "Attempts"),
                    layout.t("Lỗi", "Error"), layout.t("Thử lại lúc", "Next attempt")}) {
                b.append("<th scope=\"col\">").append(Html.escape(h)).append("</th>");
            }
            b.append("</tr></thead><tbody>");
            for (IndexAdmin.Failing f : backlog.lastErrors()) {
                b.append("<tr><td><code>").append(Html.escape(f.docId())).append("</code></td><td>").append(Html.escape(f.unit()))
                        .append("</td><td>").append(f.attempts()).append("</td><td>").append(Html.escape(f.error()))
                        .append("</td><td>").append(when(f.nextAttempt())).append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        if (layout.user().map(u -> u.has(Role.PROVINCE_ADMIN)).orElse(false)) {
            JsonObject w = worker.lastStatus();
            b.append("<h2>").append(layout.t("Tiến trình gửi (toàn tỉnh)", "Outbox worker (province-wide)")).append("</h2><dl id=\"worker\">")
                    .append(dt(layout.t("Nút", "Node"), w.getString("node", "—"), "worker-node"))
                    .append(dt(layout.t("Lần chạy gần nhất", "Last run"), whenText(w.getString("lastRun", null)), "worker-run"))
                    .append(dt(layout.t("Gửi thành công gần nhất", "Last success"), whenText(w.getString("lastSuccess", null)), "worker-success"))
                    .append(dt(layout.t("Lỗi gần nhất", "Last error"), w.getString("lastError", "—") + " "
                            + whenText(w.getString("lastErrorAt", null)), "worker-error"))
                    .append("</dl>");
        }
        b.append("<h2>").append(layout.t("Lập lại chỉ mục", "Reindex")).append("</h2>")
                .append("<form method=\"post\" action=\"").append(Html.escape(layout.url(unit, "search"))).append("\">")
                .append(layout.csrfField())
                .append("<p>").append(Html.escape(layout.t("Đọc lại toàn bộ dữ liệu cần tìm kiếm của đơn vị từ cơ sở dữ liệu và thay bản trong chỉ mục.",
                        "Reads every searchable item of the unit again from the database and replaces the index's copy."))).append("</p>");
        if (subtree) {
            b.append("<p>").append(layout.checkbox("subtree", "true", "Cả các đơn vị trực thuộc", "Its sub-units too", true)).append("</p>");
        }
        b.append("<button type=\"submit\" id=\"reindex\">").append(layout.t("Lập lại chỉ mục", "Reindex")).append("</button></form>");
        if (!backlog.recentJobs().isEmpty()) {
            b.append("<table id=\"jobs\"><caption>").append(layout.t("Các lần lập chỉ mục gần đây", "Recent reindex jobs"))
                    .append("</caption><thead><tr>");
            for (String h : new String[] {"#", layout.t("Đơn vị", "Unit"), layout.t("Người yêu cầu", "Requested by"), layout.t("Bắt đầu", "Started"),
                    layout.t("Tiến độ", "Progress"), layout.t("Số mục", "Items"), layout.t("Còn chờ", "Waiting"), layout.t("Trạng thái", "State")}) {
                b.append("<th scope=\"col\">").append(Html.escape(h)).append("</th>");
            }
            b.append("</tr></thead><tbody>");
            for (IndexAdmin.Job j : backlog.recentJobs()) {
                int percent = j.unitsTotal() == 0 ? 100 : 100 * j.unitsDone() / j.unitsTotal();
                b.append("<tr><td>").append(j.id()).append("</td><td>").append(Html.escape(j.unit()))
                        .append(j.subtree() ? layout.t(" (cả cây)", " (subtree)") : "").append("</td><td>").append(Html.escape(j.requestedBy()))
                        .append("</td><td>").append(when(j.startedAt())).append("</td><td><progress max=\"100\" value=\"").append(percent)
                        .append("\">").append(percent).append("%</progress> ").append(j.unitsDone()).append('/').append(j.unitsTotal())
                        .append("</td><td>").append(j.documents()).append("</td><td>").append(j.pending()).append("</td><td>")
                        .append(Html.escape(j.error() != null ? layout.t("Lỗi: ", "Error: ") + j.error()
                                : j.done() ? layout.t("Xong", "Done") : layout.t("Đang chạy", "Running"))).append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        b.append("<h2>").append(layout.t("Kiểm tra khớp dữ liệu", "Consistency check")).append("</h2>");
        if (check == null) {
            b.append("<p><a id=\"run-check\" href=\"").append(Html.escape(layout.url(unit, "search") + (layout.en() ? "&" : "?") + "check=1"))
                    .append("\">").append(layout.t("So sánh số mục trong cơ sở dữ liệu và trong chỉ mục", "Compare the items in the database and in the index"))
                    .append("</a></p>");
        } else {
            b.append(checkTable(unit));
        }
        return layout.ok(layout.page(unit, "search", "Chỉ mục tìm kiếm", "Search index", b.toString()));
    }

    private String checkTable(Tenant unit) {
        IndexAdmin.Check c;
        try {
            c = admin.check(unit, layout.user().map(u -> u.reachesSubtree()).orElse(false));
        } catch (Searcher.BadQuery | Searcher.Unavailable e) {
            return "<div class=\"error\" role=\"alert\" id=\"check-result\"><p>" + Html.escape(layout.t(
                    "Máy chủ tìm kiếm đang không trả lời; chưa kiểm tra được. Dữ liệu không bị mất.",
                    "The search server does not answer; the check cannot run now. No data is lost.")) + "</p></div>";
        }
        StringBuilder b = new StringBuilder("<div id=\"check-result\" data-consistent=\"").append(c.consistent()).append("\"><p class=\"")
                .append(c.consistent() ? "ok" : "error").append("\">").append(Html.escape(c.consistent()
                        ? layout.t("Khớp: ", "Consistent: ") + c.database() + layout.t(" mục trong cơ sở dữ liệu và trong chỉ mục.", " items in the database and in the index.")
                        : layout.t("Lệch ở ", "Differences in ") + c.differences().size() + layout.t(" đơn vị", " units")
                        + (c.pending() > 0 ? layout.t(" (còn " + c.pending() + " mục đang chờ gửi)", " (" + c.pending() + " items still waiting)")
                        : layout.t(". Hãy lập lại chỉ mục.", ". Reindex to repair.")))).append("</p>");
        b.append("<table><thead><tr>");
        for (String h : new String[] {layout.t("Đơn vị", "Unit"), layout.t("Cơ sở dữ liệu", "Database"), layout.t("Chỉ mục", "Index"),
                layout.t("Đang chờ", "Waiting")}) {
            b.append("<th scope=\"col\">").append(Html.escape(h)).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (IndexAdmin.UnitCount u : c.consistent() ? c.units() : c.differences()) {
            b.append("<tr").append(u.consistent() ? "" : " class=\"differs\"").append("><td>").append(Html.escape(u.name()))
                    .append(" <code>").append(Html.escape(u.code())).append("</code></td><td>").append(u.database()).append("</td><td>")
                    .append(u.index()).append("</td><td>").append(u.pending()).append("</td></tr>");
        }
        return b.append("</tbody></table></div>").toString();
    }

    @POST
    public Response reindex(@FormParam("csrf") String csrf, @FormParam("subtree") String subtreeParam) {
        layout.checkCsrf(csrf);
        boolean subtree = "true".equals(subtreeParam);
        Tenant unit = subtree ? layout.requireSubtree() : layout.require();
        long id = reindexer.start(unit, subtree, layout.user().orElseThrow().username(),
                new TenantScope(unit.getId(), unit.getPath(), subtree));
        layout.flash(Html.escape(layout.t("Đã bắt đầu lập lại chỉ mục (lần số " + id + "); tiến độ ở bảng dưới.",
                "Reindex started (job " + id + "); its progress is in the table below.")));
        return layout.redirect("/t/" + unit.getCode() + "/admin/search");
    }

    private String dt(String term, String value, String id) {
        return "<dt>" + Html.escape(term) + "</dt><dd id=\"" + id + "\">" + Html.escape(value) + "</dd>";
    }

    private static String when(Instant t) {
        return t == null ? "—" : WHEN.format(t);
    }

    private static String whenText(String iso) {
        return iso == null ? "—" : WHEN.format(Instant.parse(iso));
    }
}
