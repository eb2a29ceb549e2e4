package vn.egov.tenantadmin.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.egov.platform.persistence.OwnTransaction;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Html;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.desk.Desk;
import vn.egov.tenantadmin.boundary.ReorganisationResource;

/**
 * {@code /t/{code}/admin/reorganise}: a reorganisation plan over the unit's subtree, written as CSV (one operation
 * per line, as in the README). "Chạy thử" (dry-run) shows what would happen, changing nothing; the result page
 * carries the plan and its basis so that "Áp dụng" (apply) does exactly what was shown, or is refused if a unit
 * changed meanwhile. The checks and the work are {@link ReorganisationResource}'s.
 */
@Path("t/{code}/admin/reorganise")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(Desk.HTML)
public class ReorganisationPage {
    static final String EXAMPLE = "operation,units,target,parent,code,name,kind\n";

    @Inject
    Desk layout;

    @Inject
    OwnTransaction ownTransaction;

    @Inject
    ReorganisationResource plans;

    @GET
    public Response form() {
        Tenant unit = layout.requireSubtree();
        return layout.ok(page(unit, new Form("", EXAMPLE, ""), null, null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@FormParam("csrf") String csrf, @FormParam("action") String action, @FormParam("title") String title,
                           @FormParam("plan") String plan, @FormParam("basis") String basis,
                           @FormParam("effective") String effective) {
        layout.checkCsrf(csrf);
        Tenant unit = layout.requireSubtree();
        String text = plan == null ? "" : plan;
        Form form = new Form(title, text, effective == null ? "" : effective.strip());
        try {
            if ("apply".equals(action)) {
                JsonObject done = ownTransaction.call(() -> plans.applyCsv(text, title, basis, form.effective()));
                return layout.ok(page(unit, form, null, applied(done)));
            }
            JsonObject report = ownTransaction.call(() -> plans.dryRunCsv(text, title, form.effective()));
            return layout.ok(page(unit, form, null, dryRun(report, form)));
        } catch (ProblemException e) {
            if (e.problem().status() == 401 || e.problem().status() == 403) {
                throw layout.error(e.problem());
            }
            throw layout.refuse(e.problem().status(), page(unit, form.withErrors(e.problem().fieldErrors()), refused(e), null));
        }
    }

    private String refused(ProblemException e) {
        StringBuilder b = new StringBuilder("<div class=\"error\" role=\"alert\" id=\"plan-errors\"><p>")
                .append(Html.escape(layout.en() ? e.problem().detailEn() : e.problem().detailVi())).append("</p>");
        JsonArray errors = e.problem().errors();
        if (errors != null && !errors.isEmpty()) {
            b.append("<ul>");
            for (JsonValue v : errors) {
                JsonObject err = v.asJsonObject();
                b.append("<li>").append(Html.escape(layout.t("Dòng ", "Line "))).append(err.getInt("line")).append(": ")
                        .append(Html.escape(layout.message(err.getString("reason")))).append("</li>");
            }
            b.append("</ul>");
        }
        return b.append("</div>").toString();
    }

    /** What the officer typed, shown again as it was, with the messages of the fields that were refused. */
    private record Form(String title, String text, String effective, java.util.Map<String, java.util.List<String>> errors) {
        Form(String title, String text, String effective) {
            this(title, text, effective, java.util.Map.of());
        }

        Form withErrors(java.util.Map<String, java.util.List<String>> found) {
            return new Form(title, text, effective, found);
        }
    }

    private String dryRun(JsonObject r, Form form) {
        StringBuilder b = new StringBuilder("<section id=\"dry-run\"><h2>").append(Html.escape(layout.t("Kết quả chạy thử (chưa thay đổi gì)",
                "Dry-run (nothing changed yet)"))).append("</h2><ol>");
        for (JsonValue v : r.getJsonArray("operations")) {
            JsonObject op = v.asJsonObject();
            b.append("<li>").append(Html.escape(op.getString("summary")));
            if (op.containsKey("units")) {
                b.append("<ul>");
                for (JsonValue u : op.getJsonArray("units")) {
                    JsonObject x = u.asJsonObject();
                    long records = x.getJsonObject("records").values().stream().mapToLong(n -> ((jakarta.json.JsonNumber) n).longValue()).sum();
                    b.append("<li><code>").append(Html.escape(x.getString("code"))).append("</code> → <code>")
                            .append(Html.escape(x.getString("successor"))).append("</code>: ").append(x.getInt("users"))
                            .append(layout.t(" người dùng, ", " users, ")).append(records).append(layout.t(" bản ghi, ", " records, "))
                            .append(x.getInt("subUnits")).append(layout.t(" đơn vị trực thuộc", " sub-units")).append("</li>");
                }
                b.append("</ul>");
            }
            b.append("</li>");
        }
        b.append("</ol><p id=\"dry-run-totals\">").append(Html.escape(layout.t("Kết thúc ", "Ending "))).append(r.getInt("unitsEnded"))
                .append(Html.escape(layout.t(" đơn vị, chuyển ", " units, moving "))).append(r.getInt("unitsMoved"))
                .append(Html.escape(layout.t(" đơn vị, tạo mới ", " units, creating "))).append(r.getInt("unitsCreated")).append(".</p>")
                .append("<p id=\"dry-run-effective\">").append(Html.escape(layout.t("Ngày hiệu lực (các sổ đăng ký văn bản của đơn vị kết thúc khóa vào ngày này): ",
                        "Effective date (the registers of the units that end close on this day): "))).append(Html.escape(r.getString("effective", ""))).append("</p>");
        JsonArray conflicts = r.getJsonArray("conflicts");
        if (!conflicts.isEmpty()) {
            // a dry-run with conflicts is a plan that would not apply: each is said, and there is nothing to apply
            b.append("<div class=\"error\" role=\"alert\" id=\"conflicts\"><p>").append(Html.escape(layout.t(
                    "Kế hoạch chưa áp dụng được; sửa kế hoạch hoặc dữ liệu rồi chạy thử lại:", "The plan would not apply; change it or the data and run the dry-run again:")))
                    .append("</p><ul>");
            for (JsonValue v : conflicts) {
                JsonObject k = v.asJsonObject();
                b.append("<li>").append(Html.escape(layout.t("Dòng ", "Line "))).append(k.getInt("line")).append(": ")
                        .append(Html.escape(k.containsKey("unit") ? k.getString("unit") + " → " + k.getString("successor") + " (" + k.getString("module")
                                + ", " + k.getString("table") + "): " + k.getString("rule") + (k.getString("rows").isEmpty() ? "" : " [" + k.getString("rows") + "]")
                                : k.getString("detail"))).append("</li>");
            }
            b.append("</ul></div></section>");
            return b.toString();
        }
        b.append("<form method=\"post\" action=\"").append(Html.escape(layout.withLang("reorganise"))).append("\">")
                .append(layout.csrfField())
                .append("<input type=\"hidden\" name=\"action\" value=\"apply\">")
                .append("<input type=\"hidden\" name=\"title\" value=\"").append(Html.escape(form.title() == null ? "" : form.title())).append("\">")
                .append("<input type=\"hidden\" name=\"basis\" value=\"").append(Html.escape(r.getString("basisToken"))).append("\">")
                .append("<input type=\"hidden\" name=\"effective\" value=\"").append(Html.escape(r.getString("effective", ""))).append("\">")
                .append("<input type=\"hidden\" name=\"plan\" value=\"").append(Html.escape(form.text())).append("\">")
                .append("<p><button type=\"submit\" id=\"apply\">").append(Html.escape(layout.t("Áp dụng kế hoạch này", "Apply this plan")))
                .append("</button></p></form></section>");
        return b.toString();
    }

    private String applied(JsonObject r) {
        StringBuilder b = new StringBuilder("<section id=\"applied\" role=\"status\"><h2>")
                .append(Html.escape(layout.t("Đã áp dụng kế hoạch số ", "Applied plan "))).append(r.getJsonNumber("planId"))
                .append("</h2><p>").append(Html.escape(layout.t("Bản ghi đã chuyển sang đơn vị kế thừa: ", "Records given to successors: ")))
                .append(Html.escape(r.getJsonObject("moved").toString())).append("</p><p>")
                .append(Html.escape(layout.t("Tổng số bản ghi trước / sau: ", "Records before / after: ")))
                .append(Html.escape(r.getJsonObject("before").toString())).append(" / ").append(Html.escape(r.getJsonObject("after").toString()))
                .append("</p></section>");
        return b.toString();
    }

    private String page(Tenant unit, Form form, String error, String result) {
        StringBuilder b = new StringBuilder("<h1>").append(Html.escape(layout.t("Sắp xếp đơn vị", "Reorganise units"))).append("</h1>")
                .append("<p>").append(Html.escape(layout.t(
                        "Mỗi dòng một thao tác: merge (sáp nhập vào đơn vị có sẵn ở cột target, hoặc đơn vị mới với code, name, kind), "
                                + "move (chuyển đơn vị về parent), rename (mã và/hoặc tên mới), dissolve (giải thể; đơn vị trực thuộc về cấp trên). "
                                + "Nhiều đơn vị trong cột units cách nhau bằng dấu chấm phẩy.",
                        "One operation per line: merge (into the existing unit in target, or a new one with code, name, kind), move (under parent), "
                                + "rename (new code and/or name), dissolve (its sub-units move up). Several units in the units column are separated by semicolons.")))
                .append("</p>");
        if (error != null) {
            b.append(error);
        }
        b.append("<form method=\"post\" action=\"").append(Html.escape(layout.withLang("reorganise"))).append("\">")
                .append(layout.csrfField()).append("<input type=\"hidden\" name=\"action\" value=\"dry-run\">")
                .append("<label for=\"title\">").append(Html.escape(layout.t("Tên kế hoạch", "Plan title"))).append("</label>")
                .append("<input id=\"title\" name=\"title\" size=\"60\" value=\"").append(Html.escape(form.title() == null ? "" : form.title())).append("\">")
                .append("<label for=\"effective\">").append(Html.escape(layout.t("Ngày hiệu lực (dd/MM/yyyy; để trống là hôm nay)",
                        "Effective date (dd/MM/yyyy; empty for today)"))).append("</label>")
                .append("<input id=\"effective\" name=\"effective\" size=\"12\" placeholder=\"dd/MM/yyyy\" value=\"").append(Html.escape(form.effective()))
                .append("\"").append(form.errors().containsKey("effective") ? " aria-invalid=\"true\" aria-describedby=\"effective-error\"" : "").append(">");
        if (form.errors().containsKey("effective")) {
            b.append("<span class=\"field-error\" id=\"effective-error\">").append(Html.escape(String.join(" ", form.errors().get("effective")))).append("</span>");
        }
        b.append("<label for=\"plan\">").append(Html.escape(layout.t("Kế hoạch (CSV)", "Plan (CSV)"))).append("</label>")
                .append("<textarea id=\"plan\" name=\"plan\" rows=\"12\" cols=\"100\" spellcheck=\"false\">").append(Html.escape(form.text()))
                .append("</textarea><p><button type=\"submit\" id=\"dry-run-button\">")
                .append(Html.escape(layout.t("Chạy thử", "Dry-run"))).append("</button></p></form>");
        if (result != null) {
            b.append(result);
        }
        return layout.page(unit, "reorganise", "Sắp xếp đơn vị", "Reorganise units", b.toString());
    }
}
