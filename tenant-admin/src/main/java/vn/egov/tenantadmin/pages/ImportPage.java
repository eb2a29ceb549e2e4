package vn.egov.tenantadmin.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.tenancy.entity.TenantKind;
import vn.egov.platform.web.Html;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.desk.Desk;
import vn.egov.tenantadmin.boundary.UnitImportResource;
import vn.egov.tenantadmin.control.UnitCsvPlan;

/**
 * {@code /t/{code}/admin/import}: upload a GSO-format CSV; the server validates it (the same check as
 * {@code POST /api/t/{code}/units/import/validate}: every bad line with its number, nothing created), then a
 * small script creates the planned units in order, parents first, through {@code POST /api/t/{parent}/units}
 * with the session, showing a progress bar and a live count, and lists the one-time passwords at the end. As
 * with {@code egov import-units}, a unit that turns out to exist already is skipped, and uploading the file
 * again plans only what is missing.
 */
@Path("t/{code}/admin/import")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(Desk.HTML)
public class ImportPage {
    /** A little more than the API accepts, so that a too large file is refused by the API's own check. */
    static final int READ_LIMIT = 5 * 1024 * 1024 + 1;

    @Inject
    Desk layout;

    @Inject
    UnitImportResource importer;

    @GET
    public Response form() {
        Tenant root = layout.requireSubtree();
        return layout.ok(layout.page(root, "import", "Nhập đơn vị từ CSV", "Import units from CSV", uploadForm(root)));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response validate(List<EntityPart> parts) throws IOException {
        String csrf = null;
        byte[] csv = new byte[0];
        String fileName = "";
        for (EntityPart part : parts) {
            if ("csrf".equals(part.getName())) {
                try (InputStream in = part.getContent()) {
                    csrf = new String(in.readNBytes(200), java.nio.charset.StandardCharsets.US_ASCII);
                }
            } else if ("file".equals(part.getName())) {
                try (InputStream in = part.getContent()) {
                    csv = in.readNBytes(READ_LIMIT);
                }
                fileName = part.getFileName().orElse("");
            }
        }
        layout.checkCsrf(csrf);
        Tenant root = layout.requireSubtree();
        UnitImportResource.Plan plan;
        try {
            plan = importer.validate(csv);
        } catch (ProblemException e) {
            if (e.problem().status() == 401 || e.problem().status() == 403) {
                throw layout.error(e.problem());
            }
            throw layout.refuse(e.problem().status(), layout.page(root, "import", "Nhập đơn vị từ CSV", "Import units from CSV",
                    invalid(fileName, e) + uploadForm(root)));
        }
        return layout.ok(layout.page(root, "import", "Nhập đơn vị từ CSV", "Import units from CSV", planPage(root, fileName, plan)));
    }

    private String uploadForm(Tenant root) {
        return "<h1>" + layout.t("Nhập danh sách đơn vị từ tệp CSV", "Import units from a CSV file") + "</h1>"
                + "<p>" + Html.escape(layout.t("Các đơn vị không ghi đơn vị cấp trên sẽ được tạo trực thuộc ",
                "Units with no parent in the file go directly under ")) + "<strong>" + Html.escape(root.getName()) + "</strong>.</p>"
                + "<p>" + layout.t("Định dạng của Tổng cục Thống kê (GSO), mã UTF-8 (có hoặc không có BOM), dòng đầu là tiêu đề:",
                "The General Statistics Office (GSO) format, UTF-8 (with or without a BOM), a header line first:")
                + "</p><pre>gso_code,name,unit_type,level,parent_gso_code\n"
                + "02635,Phường Duyên Hải,Phường,commune,080</pre>"
                + "<p class=\"hint\">" + layout.t("Dòng bắt đầu bằng # là chú thích. Đơn vị cấp trên có thể nằm ở bất kỳ dòng nào. "
                        + "Tệp được kiểm tra toàn bộ trước; không có đơn vị nào được tạo nếu có dòng sai.",
                "Lines starting with # are comments. Parents may come in any order. The whole file is checked first; "
                        + "no unit is created if a line is wrong.") + "</p>"
                + "<form method=\"post\" enctype=\"multipart/form-data\" action=\"" + Html.escape(layout.url(root, "import")) + "\">"
                + layout.csrfField()
                + "<label for=\"file\">" + layout.t("Tệp CSV", "CSV file") + "</label>"
                + "<input type=\"file\" id=\"file\" name=\"file\" accept=\".csv,text/csv,text/plain\" required>"
                + "<p><button type=\"submit\">" + layout.t("Kiểm tra tệp", "Check the file") + "</button></p></form>";
    }

    /** Every bad line with its number and reason (or the file-level refusal). */
    private String invalid(String fileName, ProblemException e) {
        StringBuilder b = new StringBuilder("<div class=\"error\" role=\"alert\" id=\"import-invalid\"><p><strong>")
                .append(Html.escape(layout.en() ? e.problem().titleEn() : e.problem().titleVi())).append("</strong>");
        if (!fileName.isEmpty()) {
            b.append(" (").append(Html.escape(fileName)).append(")");
        }
        b.append(": ").append(Html.escape(layout.en() ? e.problem().detailEn() : e.problem().detailVi())).append("</p></div>");
        JsonArray errors = e.problem().errors();
        if (errors != null && !errors.isEmpty()) {
            b.append("<table id=\"bad-lines\"><caption>").append(layout.t("Các dòng không hợp lệ", "Invalid lines"))
                    .append("</caption><thead><tr><th scope=\"col\">").append(layout.t("Dòng", "Line")).append("</th><th scope=\"col\">")
                    .append(layout.t("Lý do", "Reason")).append("</th></tr></thead><tbody>");
            for (JsonObject err : errors.getValuesAs(JsonObject.class)) {
                b.append("<tr><td>").append(err.getInt("line")).append("</td><td>")
                        .append(Html.escape(layout.message(err.getString("reason")))).append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        return b.toString();
    }

    private String planPage(Tenant root, String fileName, UnitImportResource.Plan plan) {
        List<UnitCsvPlan.Row> rows = plan.toCreate();
        int n = rows.size();
        StringBuilder b = new StringBuilder("<h1>").append(layout.t("Nhập đơn vị từ CSV", "Import units from CSV")).append("</h1>");
        b.append("<p id=\"plan-summary\">").append(Html.escape(fileName.isEmpty() ? layout.t("Tệp", "The file") : fileName))
                .append(": ").append(layout.t("hợp lệ; ", "valid; ")).append("<strong id=\"to-create\">").append(n).append("</strong> ")
                .append(layout.t("đơn vị cần tạo, ", "unit(s) to create, ")).append("<strong id=\"existing\">").append(plan.existing())
                .append("</strong> ").append(layout.t("đơn vị đã có (bỏ qua).", "already there (skipped).")).append("</p>");
        if (n == 0) {
            b.append("<p>").append(layout.t("Không có gì cần tạo.", "Nothing to create.")).append(" ")
                    .append(Desk.link(layout.url(root, ""), layout.t("Về trang tổng quan", "Back to the overview"))).append("</p>");
            return b.toString();
        }
        b.append("<table id=\"plan\"><caption>").append(layout.t("Theo thứ tự tạo (đơn vị cấp trên trước)", "In creation order (parents first)"))
                .append("</caption><thead><tr><th scope=\"col\">").append(layout.t("Dòng", "Line")).append("</th><th scope=\"col\">GSO</th><th scope=\"col\">")
                .append(layout.t("Tên", "Name")).append("</th><th scope=\"col\">").append(layout.t("Loại", "Kind")).append("</th><th scope=\"col\">")
                .append(layout.t("Mã", "Code")).append("</th><th scope=\"col\">").append(layout.t("Trực thuộc", "Under")).append("</th></tr></thead><tbody>");
        JsonArrayBuilder jobs = Jsonp.createArrayBuilder();
        for (UnitCsvPlan.Row r : rows) {
            TenantKind kind = TenantKind.fromDb(r.kind());
            b.append("<tr><td>").append(r.line()).append("</td><td>").append(Html.escape(r.gsoCode())).append("</td><td>")
                    .append(Html.escape(r.name())).append("</td><td>").append(Html.escape(layout.en() ? kind.english() : kind.vietnamese()))
                    .append("</td><td><code>").append(Html.escape(r.code())).append("</code></td><td><code>")
                    .append(Html.escape(r.parentCode())).append("</code></td></tr>");
            // the same request body as 'egov import-units' sends for a row
            String admin = "qt." + r.code();
            jobs.add(Jsonp.createObjectBuilder().add("line", r.line()).add("code", r.code()).add("parent", r.parentCode())
                    .add("body", Jsonp.createObjectBuilder().add("code", r.code()).add("name", r.name()).add("kind", r.kind())
                            .add("gsoCode", r.gsoCode()).add("firstAdmin", Jsonp.createObjectBuilder()
                                    .add("username", admin.length() > 64 ? admin.substring(0, 64) : admin)
                                    .add("displayName", "Quản trị " + r.name()))));
        }
        b.append("</tbody></table>");
        b.append("<noscript><p class=\"error\">").append(layout.t("Cần bật JavaScript để tạo các đơn vị từ trang này (hoặc dùng lệnh egov import-units).",
                "JavaScript is needed to create the units from this page (or use the egov import-units command).")).append("</p></noscript>");
        b.append("<p><button type=\"button\" id=\"start\">").append(layout.t("Tạo ", "Create ")).append(n)
                .append(layout.t(" đơn vị", " unit(s)")).append("</button></p>");
        b.append("<label for=\"progress\">").append(layout.t("Tiến độ", "Progress")).append("</label>")
                .append("<progress id=\"progress\" max=\"").append(n).append("\" value=\"0\">0/").append(n).append("</progress>")
                .append("<p role=\"status\" aria-live=\"polite\"><span id=\"done\">0</span>/<span id=\"total\">").append(n).append("</span> ")
                .append(layout.t("đã xử lý", "done")).append(" · ").append(layout.t("tạo mới: ", "created: ")).append("<span id=\"created\">0</span> · ")
                .append(layout.t("đã có: ", "already there: ")).append("<span id=\"skipped\">0</span></p>")
                .append("<div id=\"import-error\" class=\"error\" role=\"alert\" hidden></div>")
                .append("<div id=\"import-done\" class=\"ok\" role=\"status\" hidden></div>")
                .append("<table id=\"passwords\" hidden><caption>").append(layout.t("Quản trị viên đầu tiên và mật khẩu một lần (chỉ hiện một lần)",
                        "First administrators and their one-time passwords (shown this once)"))
                .append("</caption><thead><tr><th scope=\"col\">").append(layout.t("Đơn vị", "Unit")).append("</th><th scope=\"col\">")
                .append(layout.t("Tên đăng nhập", "Username")).append("</th><th scope=\"col\">").append(layout.t("Mật khẩu một lần", "One-time password"))
                .append("</th></tr></thead><tbody></tbody></table>")
                .append("<p><a id=\"download\" hidden download=\"").append(Html.escape(root.getCode())).append("-admins.csv\">")
                .append(layout.t("Tải danh sách mật khẩu (CSV)", "Download the passwords (CSV)")).append("</a></p>");
        // JSON in a data block: '<' escaped so that nothing in a name can close the script element
        b.append("<script type=\"application/json\" id=\"jobs\">").append(jobs.build().toString().replace("<", "\\u003c")).append("</script>");
        b.append("<script>").append(SCRIPT.replace("$LANG", layout.lang())
                .replace("$FAILED", Html.jsString(layout.t("Dòng %LINE (%CODE) không tạo được: ", "Line %LINE (%CODE) failed: ")))
                .replace("$STOPPED", Html.jsString(layout.t("Đã dừng. Các đơn vị đã tạo được giữ lại; tải tệp lên lần nữa để tạo phần còn lại.",
                        "Stopped. The units created so far stay; upload the file again to create the rest.")))
                .replace("$DONE", Html.jsString(layout.t("Hoàn tất: %C đơn vị được tạo, %S đơn vị đã có.", "Done: %C unit(s) created, %S already there."))))
                .append("</script>");
        return b.toString();
    }


    /** Creates the planned units one by one, in order (parents first), with the page's session. */
    static final String SCRIPT = """
            (function () {
              var jobs = JSON.parse(document.getElementById('jobs').textContent);
              var start = document.getElementById('start'), bar = document.getElementById('progress');
              var done = 0, created = 0, skipped = 0, csv = 'unit_code,username,one_time_password\\n';
              function show(id, n) { document.getElementById(id).textContent = n; }
              function cell(tr, text) { var td = document.createElement('td'); td.textContent = text; tr.appendChild(td); }
              async function one(job) {
                var r = await fetch('/api/t/' + encodeURIComponent(job.parent) + '/units', {method: 'POST', credentials: 'same-origin',
                  headers: {'Content-Type': 'application/json', 'Accept': 'application/json', 'Accept-Language': '$LANG'},
                  body: JSON.stringify(job.body)});
                if (r.status === 201) {
                  var a = (await r.json()).firstAdmin, tr = document.createElement('tr');
                  cell(tr, job.code); cell(tr, a.username); cell(tr, a.oneTimePassword);
                  document.querySelector('#passwords tbody').appendChild(tr);
                  document.getElementById('passwords').hidden = false;
                  csv += job.code + ',' + a.username + ',' + a.oneTimePassword + '\\n';
                  created++; show('created', created);
                  return null;
                }
                if (r.status === 409 && (await fetch('/api/tenants/' + encodeURIComponent(job.code), {headers: {'Accept': 'application/json'}})).ok) {
                  skipped++; show('skipped', skipped); // created by an earlier, interrupted run
                  return null;
                }
                var p = {};
                try { p = await r.json(); } catch (e) { p = {title: 'HTTP ' + r.status}; }
                return (p.title || ('HTTP ' + r.status)) + (p.detail ? ': ' + p.detail : '');
              }
              start.addEventListener('click', async function () {
                start.disabled = true;
                for (var i = 0; i < jobs.length; i++) {
                  var failure;
                  try { failure = await one(jobs[i]); } catch (e) { failure = String(e); }
                  if (failure) {
                    var box = document.getElementById('import-error');
                    box.textContent = $FAILED.replace('%LINE', jobs[i].line).replace('%CODE', jobs[i].code) + failure + ' ' + $STOPPED;
                    box.hidden = false;
                    break;
                  }
                  done++; bar.value = done; show('done', done);
                }
                if (created > 0) {
                  var link = document.getElementById('download');
                  link.href = URL.createObjectURL(new Blob([csv], {type: 'text/csv'}));
                  link.hidden = false;
                }
                if (done === jobs.length) {
                  var ok = document.getElementById('import-done');
                  ok.textContent = $DONE.replace('%C', created).replace('%S', skipped);
                  ok.hidden = false;
                }
              });
            })();
            """;
}
