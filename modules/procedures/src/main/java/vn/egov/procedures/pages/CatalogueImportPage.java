package vn.egov.procedures.pages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Html;
import vn.egov.platform.web.desk.Desk;
import vn.egov.procedures.control.CatalogueCsv;

/**
 * {@code /t/{province}/admin/procedures/import}: the province's administrators upload the catalogue as CSV. The
 * whole file is checked first (every bad line named, nothing stored); then a small script sends it to the
 * catalogue's import API in batches of {@link #BATCH}, each batch all or nothing, with a progress bar and the
 * running counts of new procedures, new versions and unchanged ones. Uploading the same file again changes
 * nothing (every procedure is unchanged), so an interrupted import is finished by uploading it again.
 */
@Path("t/{code}/admin/procedures/import")
@RequestScoped
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class CatalogueImportPage {
    static final int BATCH = 25;
    static final int READ_LIMIT = 8 * 1024 * 1024;

    @Inject
    Desk layout;

    @Inject
    Access access;

    @GET
    public Response form() {
        Tenant province = layout.call(() -> access.requireProvinceAdmin());
        return layout.ok(layout.page(province, "procedures", "Nhập danh mục thủ tục", "Import the catalogue", upload(province, null)));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response check(List<EntityPart> parts) throws IOException {
        Tenant province = layout.call(() -> access.requireProvinceAdmin());
        String csrf = null;
        byte[] file = new byte[0];
        for (EntityPart p : parts) {
            if (p.getName().equals("csrf")) {
                csrf = p.getContent(String.class);
            } else if (p.getName().equals("file")) {
                try (InputStream in = p.getContent()) {
                    file = in.readNBytes(READ_LIMIT + 1);
                }
            }
        }
        layout.checkCsrf(csrf);
        if (file.length == 0 || file.length > READ_LIMIT) {
            throw layout.refuse(400, layout.page(province, "procedures", "Nhập danh mục thủ tục", "Import the catalogue",
                    upload(province, Map.of("file", List.of(layout.t("Hãy chọn một tệp CSV (tối đa 8 MB).", "Choose a CSV file (at most 8 MB)."))))));
        }
        CatalogueCsv.Result r = CatalogueCsv.parse(new String(file, StandardCharsets.UTF_8));
        if (!r.problems().isEmpty()) {
            throw layout.refuse(400, layout.page(province, "procedures", "Nhập danh mục thủ tục", "Import the catalogue", upload(province, r.problems())));
        }
        return layout.ok(layout.page(province, "procedures", "Nhập danh mục thủ tục", "Import the catalogue", plan(province, r.procedures())));
    }

    private String upload(Tenant province, Map<String, List<String>> problems) {
        StringBuilder b = new StringBuilder("<h1>").append(layout.t("Nhập danh mục thủ tục hành chính từ CSV", "Import the procedure catalogue from CSV"))
                .append("</h1><p class=\"hint\">").append(layout.t("Cột: ma_thu_tuc, ten_thu_tuc, linh_vuc, cap_thuc_hien (tinh|huyen|xa), muc_do "
                        + "(toan_trinh|mot_phan), thoi_han_ngay, cach_thuc (truc_tuyen;truc_tiep;buu_chinh), thanh_phan_ho_so (tên|bản chính|bản sao;...), "
                        + "phi_le_phi (mô tả|số tiền;...), ket_qua, can_cu_phap_ly, quy_trinh (mot_cap|lien_thong_huyen|lien_thong_so).",
                "Columns: see the Vietnamese page; the same as the national catalogue's export, plus a process template.")).append("</p>");
        if (problems != null) {
            b.append("<div class=\"error\" role=\"alert\" id=\"csv-errors\"><p>").append(layout.t("Tệp chưa nhập được: ", "The file was not imported: "))
                    .append(problems.size()).append(layout.t(" chỗ cần sửa. Không có gì được lưu.", " place(s) to correct. Nothing was stored.")).append("</p><ul>");
            problems.forEach((at, list) -> list.forEach(m -> b.append("<li>").append(Html.escape(at.replace("line ", layout.t("dòng ", "line "))))
                    .append(": ").append(Html.escape(layout.message(m))).append("</li>")));
            b.append("</ul></div>");
        }
        b.append("<form method=\"post\" enctype=\"multipart/form-data\" action=\"").append(Html.escape(layout.url(province, "procedures/import")))
                .append("\">").append(layout.csrfField()).append("<label for=\"file\">").append(layout.t("Tệp CSV (UTF-8)", "CSV file (UTF-8)"))
                .append("</label><input type=\"file\" id=\"file\" name=\"file\" accept=\".csv,text/csv\" required><p><button type=\"submit\" id=\"check\">")
                .append(layout.t("Kiểm tra tệp", "Check the file")).append("</button></p></form>");
        return b.toString();
    }

    private String plan(Tenant province, List<ObjectNode> procedures) {
        int n = procedures.size();
        StringBuilder b = new StringBuilder("<h1>").append(layout.t("Nhập danh mục thủ tục hành chính từ CSV", "Import the procedure catalogue from CSV"))
                .append("</h1><p class=\"ok\" id=\"checked\">").append(layout.t("Tệp hợp lệ: ", "The file is valid: ")).append(n)
                .append(layout.t(" thủ tục.", " procedure(s).")).append("</p>");
        b.append("<noscript><p class=\"error\">").append(layout.t("Cần bật JavaScript để nhập từ trang này (hoặc gửi JSON tới API nhập danh mục).",
                "JavaScript is needed to import from this page (or send JSON to the catalogue's import API).")).append("</p></noscript>");
        b.append("<p><button type=\"button\" id=\"start\">").append(layout.t("Nhập ", "Import ")).append(n).append(layout.t(" thủ tục", " procedure(s)"))
                .append("</button></p><label for=\"progress\">").append(layout.t("Tiến độ", "Progress")).append("</label><progress id=\"progress\" max=\"").append(n)
                .append("\" value=\"0\">0/").append(n).append("</progress><p role=\"status\" aria-live=\"polite\"><span id=\"done\">0</span>/").append(n).append(" · ")
                .append(layout.t("mới: ", "new: ")).append("<span id=\"created\">0</span> · ").append(layout.t("phiên bản mới: ", "new versions: "))
                .append("<span id=\"versioned\">0</span> · ").append(layout.t("không đổi: ", "unchanged: ")).append("<span id=\"unchanged\">0</span></p>")
                .append("<div id=\"import-error\" class=\"error\" role=\"alert\" hidden></div><div id=\"import-done\" class=\"ok\" role=\"status\" hidden></div>");
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            json.append(i == 0 ? "" : ",").append(procedures.get(i).toString());
        }
        json.append("]");
        b.append("<script type=\"application/json\" id=\"procedures\">").append(json.toString().replace("<", "\\u003c")).append("</script>");
        b.append("<script>").append(SCRIPT.replace("$URL", "/api/t/" + province.getCode() + "/procedures/import").replace("$BATCH", String.valueOf(BATCH))
                .replace("$LANG", layout.lang())
                .replace("$DONE", Html.jsString(layout.t("Hoàn tất: đã nhập toàn bộ danh mục.", "Done: the whole catalogue was imported.")))
                .replace("$STOPPED", Html.jsString(layout.t("Đã dừng ở lô bắt đầu từ thủ tục thứ %N (lô này không được lưu; các lô trước đã lưu). Tải tệp lên lần nữa để nhập tiếp: ",
                        "Stopped at the batch starting with procedure %N (that batch was not stored; earlier ones were). Upload the file again to go on: "))))
                .append("</script>");
        return b.toString();
    }


    static final String SCRIPT = """
            (function () {
              var all = JSON.parse(document.getElementById('procedures').textContent);
              var start = document.getElementById('start'), bar = document.getElementById('progress');
              var counts = {done: 0, created: 0, versioned: 0, unchanged: 0};
              function show() { for (var k in counts) { var e = document.getElementById(k); if (e) e.textContent = counts[k]; } bar.value = counts.done; }
              start.addEventListener('click', async function () {
                start.disabled = true;
                for (var i = 0; i < all.length; i += $BATCH) {
                  var batch = all.slice(i, i + $BATCH), r, body = {};
                  try {
                    r = await fetch('$URL', {method: 'POST', credentials: 'same-origin', headers: {'Content-Type': 'application/json',
                      'Accept': 'application/json', 'Accept-Language': '$LANG'}, body: JSON.stringify(batch)});
                    try { body = await r.json(); } catch (e) { body = {}; }
                  } catch (e) { r = {status: 0}; body = {title: String(e)}; }
                  if (r.status !== 200) {
                    var box = document.getElementById('import-error');
                    box.textContent = $STOPPED.replace('%N', i + 1) + (body.title || ('HTTP ' + r.status)) + (body.detail ? ': ' + body.detail : '');
                    box.hidden = false;
                    return;
                  }
                  counts.created += body.created; counts.versioned += body.newVersions; counts.unchanged += body.unchanged;
                  counts.done += batch.length; show();
                }
                var done = document.getElementById('import-done'); done.textContent = $DONE; done.hidden = false;
              });
            })();
            """;
}
