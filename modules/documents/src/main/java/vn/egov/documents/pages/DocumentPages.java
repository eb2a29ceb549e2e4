package vn.egov.documents.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.egov.documents.boundary.DocumentsResource;
import vn.egov.documents.control.Registers;
import vn.egov.platform.persistence.OwnTransaction;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Html;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.desk.Desk;

/**
 * {@code /t/{code}/admin/documents}: the unit's official documents for its staff. The overview holds what waits for
 * the clerk (sent by other units), the person's own work, and the year's outgoing and incoming registers. A draft is
 * entered with its main PDF; one document's page offers the actions its state and the person's duty allow (submit,
 * approve and sign or return, number and issue, send to units, recall; direct, write a note, finish). Every action goes
 * through the documents' API code in this request's transaction: a refused one comes back with its message on the same
 * page and nothing changed.
 */
@Path("t/{code}/admin/documents")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class DocumentPages {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/uuuu");
    static final int MAX_FILE = 20 * 1024 * 1024;
    /** The newest entries of each register the overview shows; the printed register (PDF, CSV) has them all. */
    static final int SHOWN = 200;

    static final String STYLE = """
            <style>
            form.doc label{display:block;margin-top:.6rem;font-weight:600}
            form.doc input[type=checkbox]{width:auto;margin-right:.4rem}
            form.doc input:not([type=checkbox]),form.doc select,form.doc textarea{width:min(100%,36rem);box-sizing:border-box;font-size:1rem;padding:.3rem;font-family:inherit}
            .field-error{color:#8a0000;margin:.2rem 0}
            .error{color:#8a0000;border:1px solid #8a0000;padding:.5rem}
            .urgent{color:#fff;background:#b00000;font-weight:bold;padding:0 .3rem}
            .secret{color:#fff;background:#333;font-weight:bold;padding:0 .3rem}
            .sig-VALID{color:#0b5e0b;font-weight:bold} .sig-INVALID,.sig-UNKNOWN_SIGNER{color:#8a0000;font-weight:bold} .sig-NOT_SIGNED{color:#555}
            .status{font-weight:bold}
            button{font-size:1rem;padding:.35rem .9rem;margin:.3rem 0;cursor:pointer}
            form.inline{display:inline}
            </style>
            """;

    static final Map<String, String[]> STATUS = Map.ofEntries(
            Map.entry("draft", new String[] {"Dự thảo", "Draft"}),
            Map.entry("review", new String[] {"Chờ lãnh đạo duyệt", "Awaiting the leader"}),
            Map.entry("signed", new String[] {"Đã ký, chờ cấp số", "Signed, awaiting its number"}),
            Map.entry("issued", new String[] {"Đã ban hành", "Issued"}),
            Map.entry("recalled", new String[] {"Đã thu hồi", "Recalled"}),
            Map.entry("registered", new String[] {"Đã vào sổ, chờ phân công", "Registered, awaiting direction"}),
            Map.entry("directed", new String[] {"Đang xử lý", "Being handled"}),
            Map.entry("done", new String[] {"Đã xử lý xong", "Done"}),
            Map.entry("received", new String[] {"Đã nhận, chờ vào sổ", "Received, not yet registered"}),
            Map.entry("accepted", new String[] {"Đã vào sổ đến", "Registered by the receiver"}),
            Map.entry("returned", new String[] {"Bị trả lại", "Returned"}));

    static final Map<String, String[]> OUTBOUND = Map.of(
            "queued", new String[] {"Đang chờ gửi qua trục liên thông", "Waiting to go through the axis"},
            "sent", new String[] {"Đã gửi lên trục liên thông", "Sent through the axis"},
            "received", new String[] {"Nơi nhận đã nhận", "Received by the organisation"},
            "returned", new String[] {"Nơi nhận trả lại", "Returned by the organisation"},
            "refused", new String[] {"Trục liên thông từ chối", "Refused by the axis"},
            "failed", new String[] {"Không gửi được", "Could not be sent"});

    /** The usual document types (Decree 30/2020, Article 7), offered while typing. */
    static final String DOC_TYPES = "<datalist id=\"doc-types\">" + java.util.stream.Stream.of("Công văn", "Quyết định", "Tờ trình", "Thông báo",
            "Kế hoạch", "Báo cáo", "Giấy mời", "Chỉ thị").map(t -> "<option value=\"" + t + "\">").collect(java.util.stream.Collectors.joining()) + "</datalist>";

    static final Map<String, String[]> URGENCY = Map.of("THUONG", new String[] {"Thường", "Normal"}, "KHAN", new String[] {"Khẩn", "Urgent"},
            "THUONG_KHAN", new String[] {"Thượng khẩn", "Very urgent"}, "HOA_TOC", new String[] {"Hỏa tốc", "Immediate"});

    static final Map<String, String[]> SECRECY = Map.of("MAT", new String[] {"Mật", "Confidential"}, "TOI_MAT", new String[] {"Tối mật", "Secret"},
            "TUYET_MAT", new String[] {"Tuyệt mật", "Top secret"});

    static final Map<String, String[]> EVENT = Map.ofEntries(
            Map.entry("drafted", new String[] {"Soạn dự thảo", "Drafted"}),
            Map.entry("submitted", new String[] {"Trình lãnh đạo", "Submitted"}),
            Map.entry("returned", new String[] {"Trả lại để sửa", "Returned for changes"}),
            Map.entry("signed", new String[] {"Duyệt và ký số", "Approved and signed"}),
            Map.entry("issued", new String[] {"Cấp số, ban hành", "Numbered and issued"}),
            Map.entry("sent", new String[] {"Gửi đi", "Sent"}),
            Map.entry("recalled", new String[] {"Thu hồi", "Recalled"}),
            Map.entry("registered", new String[] {"Vào sổ đến", "Registered"}),
            Map.entry("directed", new String[] {"Lãnh đạo phân công", "Directed"}),
            Map.entry("note", new String[] {"Ý kiến xử lý", "Handling note"}),
            Map.entry("done", new String[] {"Hoàn thành xử lý", "Done"}),
            Map.entry("result", new String[] {"Trả kết quả hồ sơ", "Returned as a dossier's result"}));

    @Inject
    Desk layout;

    @Inject
    Access access;

    @Inject
    DocumentsResource api;

    @Inject
    TenantDirectory directory;

    @Inject
    vn.egov.platform.search.control.Searcher searcher;

    /** Each change in a transaction of its own: a refused one rolls back alone, and the page can still be read to show it again. */
    @Inject
    OwnTransaction own;

    private Tenant require(String action) {
        return layout.call(() -> access.require("documents", action));
    }

    private String word(Map<String, String[]> words, String key) {
        String[] w = words.get(key);
        return w == null ? Html.escape(key) : layout.t(w[0], w[1]);
    }

    // ---------------------------------------------------------------- the overview

    @GET
    public Response overview() {
        Tenant unit = require("read");
        JsonArray queue = (JsonArray) layout.call(() -> api.queue()).getEntity();
        JsonArray edxml = (JsonArray) layout.call(() -> api.edXmlWaiting()).getEntity();
        JsonArray work = (JsonArray) layout.call(() -> api.work()).getEntity();
        JsonObject outgoing = (JsonObject) layout.call(() -> api.outgoing(null, 1, SHOWN, "newest", null)).getEntity();
        JsonObject incoming = (JsonObject) layout.call(() -> api.incoming(null, 1, SHOWN, "newest", null)).getEntity();
        return layout.ok(overviewPage(unit, queue, edxml, work, outgoing, incoming, null));
    }

    private String overviewPage(Tenant unit, JsonArray queue, JsonArray edxml, JsonArray work, JsonObject outgoing, JsonObject incoming, String failure) {
        String apiBase = "/api/t/" + Html.escape(unit.getCode()) + "/documents";
        StringBuilder b = new StringBuilder(STYLE).append("<h1>").append(layout.t("Văn bản đi, văn bản đến", "Official documents")).append("</h1>");
        if (failure != null) {
            b.append("<p class=\"error\" role=\"alert\" id=\"action-error\">").append(Html.escape(failure)).append("</p>");
        }
        b.append(searchForm(unit, null));
        b.append("<p>").append(Desk.link(layout.url(unit, "documents/new"), layout.t("Soạn văn bản đi", "Draft an outgoing document"))).append(" · ")
                .append(Desk.link(layout.url(unit, "documents/incoming/new"), layout.t("Vào sổ văn bản giấy", "Register a paper document"))).append("</p>");

        b.append("<h2>").append(layout.t("Văn bản đến chờ vào sổ", "Sent to this unit, to register")).append("</h2>");
        if (queue.isEmpty()) {
            b.append("<p id=\"queue-empty\">").append(layout.t("Không có văn bản nào chờ vào sổ.", "Nothing waits.")).append("</p>");
        } else {
            b.append("<table id=\"queue\"><thead><tr><th scope=\"col\">").append(layout.t("Độ khẩn", "Urgency")).append("</th><th scope=\"col\">")
                    .append(layout.t("Số, ký hiệu", "Number")).append("</th><th scope=\"col\">").append(layout.t("Nơi gửi", "From")).append("</th><th scope=\"col\">")
                    .append(layout.t("Trích yếu", "Abstract")).append("</th><th scope=\"col\">").append(layout.t("Nhận lúc", "Received")).append("</th><th scope=\"col\">")
                    .append(layout.t("Tệp", "Files")).append("</th><th scope=\"col\">").append(layout.t("Xử lý", "Act")).append("</th></tr></thead><tbody>");
            for (JsonValue v : queue) {
                JsonObject d = v.asJsonObject();
                long id = d.getJsonNumber("id").longValue();
                String from = directory.byCode(d.getString("from")).map(Tenant::getName).orElse(d.getString("from"));
                b.append("<tr id=\"delivery-").append(id).append("\"><td>").append(urgency(d.getString("urgency"))).append("</td><td>")
                        .append(Html.escape(d.getString("numberSymbol"))).append("</td><td>").append(Html.escape(from)).append("</td><td>")
                        .append(Html.escape(d.getString("abstract"))).append("</td><td>").append(time(d.getString("receivedAt", null))).append("</td><td>");
                for (JsonValue f : d.getJsonArray("files")) {
                    JsonObject file = f.asJsonObject();
                    b.append("<a href=\"").append(Html.escape(file.getString("url"))).append("\">").append(Html.escape(file.getString("name"))).append("</a><br>");
                }
                b.append("</td><td>").append(answerForms(Html.escape(layout.url(unit, "documents/queue/" + id)), Long.toString(id))).append("</td></tr>");
            }
            b.append("</tbody></table>");
        }

        if (!edxml.isEmpty()) {
            b.append("<h2 id=\"edxml\">").append(layout.t("Văn bản điện tử từ ngoài hệ thống (edXML) chờ vào sổ", "From outside the platform (edXML), to register"))
                    .append("</h2><table id=\"edxml-waiting\"><thead><tr><th scope=\"col\">").append(layout.t("Độ khẩn", "Urgency")).append("</th><th scope=\"col\">")
                    .append(layout.t("Số, ký hiệu", "Number")).append("</th><th scope=\"col\">").append(layout.t("Nơi gửi", "From")).append("</th><th scope=\"col\">")
                    .append(layout.t("Trích yếu", "Abstract")).append("</th><th scope=\"col\">").append(layout.t("Xử lý", "Act")).append("</th></tr></thead><tbody>");
            for (JsonValue v : edxml) {
                JsonObject p = v.asJsonObject();
                long id = p.getJsonNumber("id").longValue();
                String action = Html.escape(layout.url(unit, "documents/edxml/" + id));
                b.append("<tr><td>").append(urgency(p.getString("urgency"))).append("</td><td>").append(Html.escape(p.getString("numberSymbol"))).append("</td><td>")
                        .append(Html.escape(p.getString("from"))).append(" (").append(Html.escape(p.getString("fromOrganId"))).append(")</td><td>")
                        .append(Html.escape(p.getString("abstract"))).append("</td><td>").append(answerForms(action, "edxml-" + id)).append("</td></tr>");
            }
            b.append("</tbody></table>");
        }

        b.append("<h2>").append(layout.t("Văn bản tôi được giao xử lý", "My work")).append("</h2>");
        if (work.isEmpty()) {
            b.append("<p id=\"work-empty\">").append(layout.t("Không có văn bản nào đang giao cho bạn.", "Nothing is assigned to you.")).append("</p>");
        } else {
            b.append(table(unit, "work", work, true));
        }

        b.append("<h2>").append(layout.t("Sổ văn bản đi năm ", "Outgoing register ")).append(outgoing.getInt("year")).append("</h2><p>")
                .append("<a href=\"").append(apiBase).append("/outgoing/register.pdf\">").append(layout.t("In sổ (PDF)", "Print (PDF)")).append("</a> · <a href=\"")
                .append(apiBase).append("/outgoing/register.csv\">").append(layout.t("Xuất bảng tính (CSV)", "Spreadsheet (CSV)")).append("</a></p>")
                .append(shown(outgoing)).append(table(unit, "outgoing", outgoing.getJsonArray("documents"), false));
        b.append("<h2>").append(layout.t("Sổ văn bản đến năm ", "Incoming register ")).append(incoming.getInt("year")).append("</h2><p>")
                .append("<a href=\"").append(apiBase).append("/incoming/register.pdf\">").append(layout.t("In sổ (PDF)", "Print (PDF)")).append("</a> · <a href=\"")
                .append(apiBase).append("/incoming/register.csv\">").append(layout.t("Xuất bảng tính (CSV)", "Spreadsheet (CSV)")).append("</a></p>")
                .append(shown(incoming)).append(table(unit, "incoming", incoming.getJsonArray("documents"), false));
        b.append(identitySection(unit));
        return layout.page(unit, "documents", "Văn bản", "Documents", b.toString());
    }

    /** The search form, on the overview and above the results. */
    private String searchForm(Tenant unit, String q) {
        return "<form class=\"doc\" method=\"get\" role=\"search\" action=\"" + Html.escape("/t/" + unit.getCode() + "/admin/documents/search")
                + "\">" + (layout.en() ? "<input type=\"hidden\" name=\"lang\" value=\"en\">" : "") + "<label for=\"q\">"
                + layout.t("Tìm văn bản (trích yếu, số ký hiệu, nội dung tệp; có dấu hoặc không dấu)", "Search documents (abstract, number, file text)")
                + "</label><input type=\"search\" id=\"q\" name=\"q\" maxlength=\"200\" value=\"" + Html.escape(q == null ? "" : q) + "\">"
                + "<button type=\"submit\" id=\"search\">" + layout.t("Tìm", "Search") + "</button></form>";
    }

    /**
     * Full-text search over the documents through the search platform: this unit's subtree, and only what the person
     * may see (the filters come from the logged-in subject, as everywhere; a secret document only for its readers).
     */
    @GET
    @Path("search")
    public Response search(@jakarta.ws.rs.QueryParam("q") String q) {
        Tenant unit = require("read");
        String text = q == null ? "" : Normalizer.normalize(q.strip(), Normalizer.Form.NFC);
        StringBuilder b = new StringBuilder(STYLE).append("<p>").append(Desk.link(layout.url(unit, "documents"), layout.t("Văn bản", "Documents")))
                .append("</p><h1>").append(layout.t("Tìm văn bản", "Search documents")).append("</h1>").append(searchForm(unit, text));
        if (text.length() > vn.egov.platform.search.control.SearchQuery.MAX_TEXT) {
            b.append("<p class=\"error\" role=\"alert\" id=\"search-error\">").append(layout.t("Từ khóa dài tối đa 200 ký tự.", "At most 200 characters."))
                    .append("</p>");
        } else if (!text.isEmpty()) {
            try {
                vn.egov.platform.search.control.SearchResults r = searcher.search(new vn.egov.platform.search.control.SearchQuery(text, unit,
                        java.util.Optional.of("document"), 1, 30, vn.egov.platform.search.control.SearchQuery.Sort.RELEVANCE),
                        vn.egov.platform.security.SubjectScopeProvider.CurrentUser.get(), false);
                b.append("<p id=\"found\">").append(layout.t("Tìm thấy " + r.total() + " văn bản.", r.total() + " document(s) found.")).append("</p><ol id=\"results\">");
                for (vn.egov.platform.search.control.SearchResults.Item i : r.items()) {
                    // the item's address is the API's (/api/t/{unit}/documents/{id}); its page is the same under /t/{unit}/admin
                    String page = i.url().replaceFirst("^/api/t/([^/]+)/documents/", "/t/$1/admin/documents/");
                    b.append("<li><a href=\"").append(Html.escape(layout.withLang(page))).append("\">").append(i.titleHtml()).append("</a> — ")
                            .append(Html.escape(i.unitName())).append(i.snippet() == null || i.snippet().isEmpty() ? "" : "<br><span class=\"hint\">" + i.snippet() + "</span>")
                            .append("</li>");
                }
                b.append("</ol>");
            } catch (vn.egov.platform.search.control.Searcher.BadQuery e) {
                b.append("<p class=\"error\" role=\"alert\" id=\"search-error\">").append(layout.t(
                        "Không hiểu được câu tìm kiếm; hãy bỏ các ký tự đặc biệt (ngoặc, dấu hai chấm...) và thử lại.",
                        "The search could not be understood; remove special characters and try again.")).append("</p>");
            } catch (vn.egov.platform.search.control.Searcher.Unavailable e) {
                b.append("<p class=\"error\" role=\"alert\" id=\"search-error\">").append(layout.t(
                        "Chức năng tìm kiếm tạm thời không dùng được; các sổ văn bản vẫn xem được. Hãy thử lại sau ít phút.",
                        "Search is unavailable for now; the registers still work. Try again in a few minutes.")).append("</p>");
            }
        }
        return layout.ok(layout.page(unit, "documents", "Tìm văn bản", "Search documents", b.toString()));
    }

    /** The unit's organ id on the national axis; its administrators change it here. */
    private String identitySection(Tenant unit) {
        JsonObject id = (JsonObject) api.exchangeIdentity().getEntity();
        String organId = id.isNull("organId") ? null : id.getString("organId");
        StringBuilder b = new StringBuilder("<h2 id=\"exchange-identity\">").append(layout.t("Mã định danh trên trục liên thông văn bản quốc gia",
                "Organ id on the national document axis")).append("</h2><p id=\"organ-id\">").append(organId == null
                ? layout.t("Chưa khai báo: đơn vị chưa gửi được văn bản ra ngoài hệ thống.", "Not set: the unit cannot send documents outside the platform.")
                : Html.escape(organId)).append("</p>");
        boolean admin;
        try {
            access.require("tenant", "admin");
            admin = true;
        } catch (ProblemException notAdmin) {
            admin = false;
        }
        if (admin) {
            b.append("<form class=\"doc\" method=\"post\" action=\"").append(Html.escape(layout.url(unit, "documents/exchange-identity"))).append("\">")
                    .append(layout.csrfField()).append("<label for=\"organId\">").append(layout.t("Mã định danh (Quyết định 20/2020/QĐ-TTg, ví dụ 000.00.16.H38)",
                            "Organ id (Decision 20/2020/QĐ-TTg, e.g. 000.00.16.H38)")).append("</label><input id=\"organId\" name=\"organId\" value=\"")
                    .append(Html.escape(organId == null ? "" : organId)).append("\"><p><button type=\"submit\" id=\"save-organ-id\">")
                    .append(layout.t("Lưu mã định danh", "Save the organ id")).append("</button></p></form>");
        }
        return b.toString();
    }

    /** The unit's administrators set its organ id on the axis. */
    @POST
    @Path("exchange-identity")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setIdentity(MultivaluedMap<String, String> form) {
        layout.checkCsrf(form.getFirst("csrf"));
        Tenant unit = layout.call(() -> access.require("tenant", "admin"));
        JsonObject body = Jsonp.createObjectBuilder().add("organId", text(form, "organId")).build();
        try {
            own.call(() -> api.setExchangeIdentity(body));
        } catch (ProblemException e) {
            throw layout.refuse(e.problem().status(), overviewPage(unit, (JsonArray) api.queue().getEntity(), (JsonArray) api.edXmlWaiting().getEntity(),
                    (JsonArray) api.work().getEntity(), (JsonObject) api.outgoing(null, 1, SHOWN, "newest", null).getEntity(),
                    (JsonObject) api.incoming(null, 1, SHOWN, "newest", null).getEntity(), layout.detail(e)));
        }
        layout.flash(Html.escape(layout.t("Đã lưu mã định danh " + text(form, "organId") + ".", "Organ id " + text(form, "organId") + " saved.")));
        return layout.redirect("/t/" + unit.getCode() + "/admin/documents#exchange-identity");
    }

    /** Says when the register holds more than the newest entries shown. */
    private String shown(JsonObject register) {
        long total = register.getJsonNumber("total").longValue();
        int shown = register.getJsonArray("documents").size();
        return total <= shown ? "" : "<p class=\"hint\" id=\"" + register.getString("register") + "-shown\">" + layout.t("Hiển thị " + shown
                + " văn bản mới nhất trên tổng số " + total + "; in sổ hoặc xuất bảng tính để có đủ, hoặc tìm văn bản.", "The newest " + shown + " of "
                + total + " are shown; print or export the register for all of them, or search.") + "</p>";
    }

    /** Register it, or return it with a reason: the two answers to what arrived ({@code key} makes the elements' ids). */
    private String answerForms(String action, String key) {
        return "<form class=\"inline\" method=\"post\" action=\"" + action + "\">" + layout.csrfField()
                + "<input type=\"hidden\" name=\"action\" value=\"accept\"><button type=\"submit\" id=\"accept-" + key + "\">"
                + layout.t("Vào sổ đến", "Register") + "</button></form><details><summary>" + layout.t("Trả lại", "Return")
                + "</summary><form class=\"doc\" method=\"post\" action=\"" + action + "\">" + layout.csrfField()
                + "<input type=\"hidden\" name=\"action\" value=\"return\"><label for=\"reason-" + key + "\">" + layout.t("Lý do trả lại", "Reason")
                + "</label><textarea id=\"reason-" + key + "\" name=\"reason\" rows=\"2\"></textarea><button type=\"submit\" id=\"return-" + key + "\">"
                + layout.t("Trả lại nơi gửi", "Return to the sender") + "</button></form></details>";
    }

    private String table(Tenant unit, String id, JsonArray docs, boolean work) {
        if (docs.isEmpty()) {
            return "<p id=\"" + id + "-empty\">" + layout.t("Chưa có văn bản.", "No documents.") + "</p>";
        }
        StringBuilder b = new StringBuilder("<table id=\"").append(id).append("\"><thead><tr><th scope=\"col\">").append(layout.t("Số, ký hiệu", "Number"))
                .append("</th><th scope=\"col\">").append(layout.t("Ngày", "Date")).append("</th><th scope=\"col\">").append(layout.t("Loại", "Type"))
                .append("</th><th scope=\"col\">").append(layout.t("Trích yếu", "Abstract")).append("</th><th scope=\"col\">").append(layout.t("Độ khẩn", "Urgency"))
                .append("</th><th scope=\"col\">").append(work ? layout.t("Hạn xử lý", "Handle by") : layout.t("Nơi ban hành", "Issuer"))
                .append("</th><th scope=\"col\">").append(layout.t("Tình trạng", "Status")).append("</th></tr></thead><tbody>");
        for (JsonValue v : docs) {
            JsonObject d = v.asJsonObject();
            String label = d.getString("numberSymbol", layout.t("(chưa có số)", "(no number yet)"));
            String date = d.getString("register").equals("incoming") ? d.getString("receivedOn", d.getString("issuedOn", "")) : d.getString("issuedOn", "");
            b.append("<tr><td>").append(Desk.link(layout.url(unit, "documents/" + d.getJsonNumber("id").longValue()), label))
                    .append(d.containsKey("secrecy") ? " <span class=\"secret\">" + word(SECRECY, d.getString("secrecy")) + "</span>" : "")
                    .append("</td><td>").append(Html.escape(date)).append("</td><td>").append(Html.escape(d.getString("docType"))).append("</td><td>")
                    .append(Html.escape(d.getString("abstract"))).append("</td><td>").append(urgency(d.getString("urgency"))).append("</td><td>")
                    .append(Html.escape(work ? d.getString("handleBy", "") : d.getString("issuer"))).append("</td><td class=\"status\">")
                    .append(word(STATUS, d.getString("status"))).append("</td></tr>");
        }
        return b.append("</tbody></table>").toString();
    }

    private String urgency(String u) {
        String w = word(URGENCY, u);
        return u.equals("HOA_TOC") || u.equals("THUONG_KHAN") ? "<span class=\"urgent\">" + w + "</span>" : w;
    }

    private String time(String instant) {
        return instant == null ? "" : TIME.format(Instant.parse(instant).atZone(VIETNAM));
    }

    /** Accepting into the incoming register, or returning to the sender with a reason. */
    @POST
    @Path("{source: queue|edxml}/{delivery: [0-9]+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("source") String source, @PathParam("delivery") long delivery, MultivaluedMap<String, String> form) {
        layout.checkCsrf(form.getFirst("csrf"));
        Tenant unit = require("write");
        String action = text(form, "action");
        boolean edXml = source.equals("edxml");
        boolean despite = form.getFirst("despiteSignatures") != null;
        try {
            if (action.equals("accept")) {
                JsonObject d = own.call(() -> (JsonObject) (edXml ? api.acceptEdXml(delivery, despite) : api.accept(delivery, despite)).getEntity());
                layout.flash(Html.escape(layout.t("Đã vào sổ đến số " + d.getInt("number") + ". Trình lãnh đạo phân công xử lý.",
                        "Registered as incoming number " + d.getInt("number") + ". It goes to the leader for direction.")));
                return layout.redirect("/t/" + unit.getCode() + "/admin/documents/" + d.getJsonNumber("id").longValue());
            } else if (action.equals("return")) {
                JsonObject reason = Jsonp.createObjectBuilder().add("reason", text(form, "reason")).build();
                own.call(() -> edXml ? api.returnEdXml(delivery, reason) : api.giveBack(delivery, reason));
                layout.flash(Html.escape(layout.t("Đã trả lại văn bản cho nơi gửi.", "Returned to the sender.")));
                return layout.redirect("/t/" + unit.getCode() + "/admin/documents");
            }
            throw ProblemException.notFound("thao tác " + action, "action " + action);
        } catch (ProblemException e) {
            throw layout.refuse(e.problem().status(), overviewPage(unit, (JsonArray) api.queue().getEntity(), (JsonArray) api.edXmlWaiting().getEntity(),
                    (JsonArray) api.work().getEntity(), (JsonObject) api.outgoing(null, 1, SHOWN, "newest", null).getEntity(), (JsonObject) api.incoming(null, 1, SHOWN, "newest", null).getEntity(), layout.detail(e)));
        }
    }

    // ---------------------------------------------------------------- a new draft

    @GET
    @Path("new")
    public Response newDraft() {
        Tenant unit = require("write");
        return layout.ok(draftPage(unit, Map.of(), Map.of()));
    }

    /**
     * The draft and its main PDF in one transaction: a file that is not a PDF (or a field that is wrong) re-shows the
     * form with the message beside the field, and no draft is left behind.
     */
    @POST
    @Path("new")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response draft(List<EntityPart> parts) throws Exception {
        Map<String, String> values = new HashMap<>();
        byte[] main = null;
        String mainName = null;
        List<Object[]> attachments = new ArrayList<>();
        for (EntityPart p : parts) {
            if (p.getName().equals("mainFile") || p.getName().equals("attachment")) {
                byte[] content;
                try (InputStream in = p.getContent()) {
                    content = in.readNBytes(MAX_FILE + 1);
                }
                if (content.length == 0) {
                    continue;
                }
                if (p.getName().equals("mainFile")) {
                    main = content;
                    mainName = p.getFileName().orElse("van-ban.pdf");
                } else {
                    attachments.add(new Object[] {p.getFileName().orElse("phu-luc.pdf"), content});
                }
            } else {
                values.put(p.getName(), Normalizer.normalize(p.getContent(String.class), Normalizer.Form.NFC));
            }
        }
        layout.checkCsrf(values.get("csrf"));
        Tenant unit = require("write");
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (main == null) {
            errors.put("mainFile", List.of(layout.t("Hãy chọn tệp PDF của văn bản (bản chính để ký số).", "Choose the document's PDF (the file to sign).")));
        } else if (main.length > MAX_FILE) {
            errors.put("mainFile", List.of(layout.t("Tệp lớn hơn 20 MB.", "The file is larger than 20 MB.")));
        }
        JsonObjectBuilder body = Jsonp.createObjectBuilder();
        for (String f : List.of("docType", "symbol", "abstract", "signer", "place", "urgency", "secrecy", "recipientsText", "dueDate")) {
            String v = values.getOrDefault(f, "").strip();
            if (!v.isEmpty()) {
                body.add(f, v);
            }
        }
        String pages = values.getOrDefault("pageCount", "").strip();
        if (!pages.isEmpty()) {
            try {
                body.add("pageCount", Integer.parseInt(pages));
            } catch (NumberFormatException e) {
                errors.put("pageCount", List.of(layout.t("Số trang là một số nguyên.", "The page count is a whole number.")));
            }
        }
        long id;
        String[] field = {""};
        byte[] mainBytes = main;
        String mainFileName = mainName;
        try {
            // the draft and its files in one transaction of their own: all kept, or nothing
            id = own.call(() -> {
                long created = ((JsonObject) api.draft(body.build()).getEntity()).getJsonNumber("id").longValue();
                if (!errors.isEmpty()) {
                    throw new Undo(); // the fields are right but a file is wrong: the draft goes too
                }
                field[0] = "mainFile";
                api.addFile(created, "main", mainFileName, mainBytes);
                field[0] = "attachment";
                for (Object[] a : attachments) {
                    api.addFile(created, "attachment", (String) a[0], (byte[]) a[1]);
                }
                return created;
            });
        } catch (Undo u) {
            throw layout.refuse(400, draftPage(unit, values, errors));
        } catch (ProblemException e) {
            Map<String, List<String>> fe = fieldErrors(e);
            if (!field[0].isEmpty()) {
                // the file's problem, beside the file's field
                errors.put(field[0], fe.values().stream().flatMap(List::stream).toList());
            } else {
                errors.putAll(fe);
            }
            throw layout.refuse(e.problem().status(), draftPage(unit, values, errors));
        }
        layout.flash(Html.escape(layout.t("Đã lưu dự thảo. Kiểm tra lại rồi trình lãnh đạo ký.", "Draft saved. Check it, then submit it to the leader.")));
        return layout.redirect("/t/" + unit.getCode() + "/admin/documents/" + id);
    }

    // ---------------------------------------------------------------- a paper document that arrived

    @GET
    @Path("incoming/new")
    public Response newPaper() {
        Tenant unit = require("write");
        return layout.ok(paperPage(unit, Map.of(), Map.of(), false));
    }

    /**
     * A paper document registered from its metadata and its scan, in one transaction. The same number and symbol from the
     * same issuer already in this year's register is shown as a possible duplicate, with a box to confirm it is another one.
     */
    @POST
    @Path("incoming/new")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response registerPaper(List<EntityPart> parts) throws Exception {
        Map<String, String> values = new HashMap<>();
        byte[] scan = null;
        String scanName = null;
        for (EntityPart p : parts) {
            if (p.getName().equals("scan")) {
                try (InputStream in = p.getContent()) {
                    byte[] content = in.readNBytes(MAX_FILE + 1);
                    if (content.length > 0) {
                        scan = content;
                        scanName = p.getFileName().orElse("ban-quet.pdf");
                    }
                }
            } else {
                values.put(p.getName(), Normalizer.normalize(p.getContent(String.class), Normalizer.Form.NFC));
            }
        }
        layout.checkCsrf(values.get("csrf"));
        Tenant unit = require("write");
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (scan != null && scan.length > MAX_FILE) {
            errors.put("scan", List.of(layout.t("Tệp lớn hơn 20 MB.", "The file is larger than 20 MB.")));
        }
        JsonObjectBuilder body = Jsonp.createObjectBuilder();
        for (String f : List.of("numberSymbol", "issuer", "docType", "abstract", "signer", "issuedOn", "receivedOn", "urgency", "secrecy", "dueDate")) {
            String v = values.getOrDefault(f, "").strip();
            if (!v.isEmpty()) {
                body.add(f, v);
            }
        }
        body.add("confirmDuplicate", values.containsKey("confirmDuplicate"));
        String[] field = {""};
        byte[] scanBytes = scan;
        String scanFileName = scanName;
        long id;
        try {
            id = own.call(() -> {
                long created = ((JsonObject) api.registerPaper(body.build()).getEntity()).getJsonNumber("id").longValue();
                if (!errors.isEmpty()) {
                    throw new Undo();
                }
                if (scanBytes != null) {
                    field[0] = "scan";
                    api.addFile(created, "scan", scanFileName, scanBytes);
                }
                return created;
            });
        } catch (Undo u) {
            throw layout.refuse(400, paperPage(unit, values, errors, false));
        } catch (ProblemException e) {
            boolean duplicate = e.problem().type() != null && e.problem().type().endsWith("possible-duplicate");
            Map<String, List<String>> fe = fieldErrors(e);
            if (!field[0].isEmpty()) {
                errors.put(field[0], fe.values().stream().flatMap(List::stream).toList());
            } else {
                errors.putAll(fe);
            }
            throw layout.refuse(e.problem().status(), paperPage(unit, values, errors, duplicate));
        }
        layout.flash(Html.escape(layout.t("Đã vào sổ văn bản đến. Trình lãnh đạo phân công xử lý.", "Registered. It goes to the leader for direction.")));
        return layout.redirect("/t/" + unit.getCode() + "/admin/documents/" + id);
    }

    private String paperPage(Tenant unit, Map<String, String> values, Map<String, List<String>> errors, boolean duplicate) {
        StringBuilder b = new StringBuilder(STYLE).append("<p>").append(Desk.link(layout.url(unit, "documents"), layout.t("Văn bản", "Documents")))
                .append("</p><h1>").append(layout.t("Vào sổ văn bản đến bằng giấy", "Register a paper document")).append("</h1>");
        if (!errors.isEmpty()) {
            b.append("<div class=\"error\" role=\"alert\" id=\"form-errors\"><p>").append(duplicate
                    ? layout.t("Văn bản có thể đã vào sổ. Chưa có gì được lưu.", "This document may be registered already. Nothing was stored.")
                    : layout.t("Chưa vào sổ: có " + errors.size() + " chỗ cần sửa. Chưa có gì được lưu.", "Not registered: " + errors.size()
                    + " thing(s) to correct. Nothing was stored.")).append("</p>");
            // the API's words for the box ("confirmDuplicate") are the box below on this page
            errors.getOrDefault("", List.of()).forEach(m -> b.append("<p>").append(Html.escape(m.replace(" (confirmDuplicate)", ""))).append("</p>"));
            b.append("</div>");
        }
        b.append("<form class=\"doc\" method=\"post\" enctype=\"multipart/form-data\" action=\"").append(Html.escape(layout.url(unit, "documents/incoming/new")))
                .append("\">").append(layout.csrfField());
        field(b, "numberSymbol", layout.t("Số, ký hiệu (ví dụ 125/UBND-VP)", "Number and symbol (e.g. 125/UBND-VP)"), values, errors, " required");
        field(b, "issuer", layout.t("Cơ quan ban hành", "Issuer"), values, errors, " required");
        field(b, "docType", layout.t("Loại văn bản", "Document type"), values, errors, " required list=\"doc-types\"");
        b.append(DOC_TYPES);
        abstractField(b, values, errors);
        field(b, "signer", layout.t("Người ký", "Signer"), values, errors, "");
        field(b, "issuedOn", layout.t("Ngày ban hành (dd/MM/yyyy)", "Issued on (dd/MM/yyyy)"), values, errors, " placeholder=\"dd/mm/yyyy\" inputmode=\"numeric\"");
        field(b, "receivedOn", layout.t("Ngày đến (dd/MM/yyyy; để trống là hôm nay)", "Received on (dd/MM/yyyy; empty for today)"), values, errors,
                " placeholder=\"dd/mm/yyyy\" inputmode=\"numeric\"");
        urgencyField(b, values, errors);
        secrecyField(b, layout.t("Độ mật", "Secrecy"), values, errors);
        field(b, "dueDate", layout.t("Hạn trả lời (dd/MM/yyyy, nếu có)", "Reply by (dd/MM/yyyy, if any)"), values, errors, " placeholder=\"dd/mm/yyyy\" inputmode=\"numeric\"");
        b.append("<label for=\"scan\">").append(layout.t("Bản quét (PDF hoặc ảnh, đến 20 MB)", "Scan (PDF or image, up to 20 MB)"))
                .append("</label><input type=\"file\" id=\"scan\" name=\"scan\" accept=\"application/pdf,image/*\"").append(invalid(errors, "scan")).append(">")
                .append(errorText("scan", errors));
        if (duplicate) {
            b.append("<label><input type=\"checkbox\" id=\"confirmDuplicate\" name=\"confirmDuplicate\" value=\"on\"> ")
                    .append(layout.t("Tôi đã kiểm tra: đây là văn bản khác, vẫn vào sổ", "I checked: this is another document, register it")).append("</label>");
        }
        b.append("<p><button type=\"submit\" id=\"register-paper\">").append(layout.t("Vào sổ văn bản đến", "Register")).append("</button></p></form>");
        return layout.page(unit, "documents", "Vào sổ văn bản đến", "Register a paper document", b.toString());
    }

    /** Rolls a change's transaction back when the page itself found a fault the change did not. */
    private static final class Undo extends RuntimeException {
        Undo() {
            super("undone by the page", null, false, false);
        }
    }

    /** A problem's messages by field, in the page's language; a problem without fields under "". */
    private Map<String, List<String>> fieldErrors(ProblemException e) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (e.problem().fieldErrors() == null || e.problem().fieldErrors().isEmpty()) {
            out.put("", List.of(layout.en() ? e.problem().detailEn() : e.problem().detailVi()));
        } else {
            e.problem().fieldErrors().forEach((k, v) -> out.put(k, v.stream().map(layout::message).toList()));
        }
        return out;
    }

    private String draftPage(Tenant unit, Map<String, String> values, Map<String, List<String>> errors) {
        StringBuilder b = new StringBuilder(STYLE).append("<p>").append(Desk.link(layout.url(unit, "documents"), layout.t("Văn bản", "Documents")))
                .append("</p><h1>").append(layout.t("Soạn văn bản đi", "Draft an outgoing document")).append("</h1>");
        if (!errors.isEmpty()) {
            b.append("<div class=\"error\" role=\"alert\" id=\"form-errors\"><p>").append(layout.t("Dự thảo chưa được lưu: có ", "Not saved: "))
                    .append(errors.size()).append(layout.t(" chỗ cần sửa. Chưa có gì được lưu.", " thing(s) to correct. Nothing was stored.")).append("</p>");
            errors.getOrDefault("", List.of()).forEach(m -> b.append("<p>").append(Html.escape(m)).append("</p>"));
            b.append("</div>");
        }
        b.append("<form class=\"doc\" method=\"post\" enctype=\"multipart/form-data\" action=\"").append(Html.escape(layout.url(unit, "documents/new")))
                .append("\">").append(layout.csrfField());
        field(b, "docType", layout.t("Loại văn bản (Công văn, Quyết định, Tờ trình…)", "Document type"), values, errors, " required list=\"doc-types\"");
        b.append(DOC_TYPES);
        field(b, "symbol", layout.t("Ký hiệu (ví dụ UBND-VP; số do văn thư cấp khi ban hành)", "Symbol (e.g. UBND-VP; the clerk gives the number)"), values, errors, " required");
        abstractField(b, values, errors);
        field(b, "signer", layout.t("Người ký", "Signer"), values, errors, "");
        field(b, "place", layout.t("Địa danh", "Place"), values, errors, "");
        urgencyField(b, values, errors);
        secrecyField(b, layout.t("Độ mật (văn bản mật không gửi qua mạng)", "Secrecy (a secret document is never sent electronically)"), values, errors);
        field(b, "recipientsText", layout.t("Nơi nhận", "Recipients"), values, errors, "");
        field(b, "dueDate", layout.t("Hạn trả lời (dd/MM/yyyy, nếu có)", "Reply by (dd/MM/yyyy, if any)"), values, errors, " placeholder=\"dd/mm/yyyy\" inputmode=\"numeric\"");
        field(b, "pageCount", layout.t("Số trang", "Pages"), values, errors, " inputmode=\"numeric\"");
        b.append("<label for=\"mainFile\">").append(layout.t("Tệp văn bản (PDF, đến 20 MB)", "The document (PDF, up to 20 MB)"))
                .append("</label><input type=\"file\" id=\"mainFile\" name=\"mainFile\" accept=\"application/pdf\" required").append(invalid(errors, "mainFile")).append(">")
                .append(errorText("mainFile", errors));
        b.append("<label for=\"attachment\">").append(layout.t("Phụ lục (PDF, nếu có)", "Attachment (PDF, if any)"))
                .append("</label><input type=\"file\" id=\"attachment\" name=\"attachment\" accept=\"application/pdf\"").append(invalid(errors, "attachment"))
                .append(">").append(errorText("attachment", errors));
        b.append("<p><button type=\"submit\" id=\"save-draft\">").append(layout.t("Lưu dự thảo", "Save the draft")).append("</button></p></form>");
        return layout.page(unit, "documents", "Soạn văn bản đi", "Draft a document", b.toString());
    }

    private void abstractField(StringBuilder b, Map<String, String> values, Map<String, List<String>> errors) {
        b.append("<label for=\"abstract\">").append(layout.t("Trích yếu nội dung", "Abstract")).append("</label><textarea id=\"abstract\" name=\"abstract\" rows=\"3\" required")
                .append(invalid(errors, "abstract")).append(">").append(Html.escape(values.getOrDefault("abstract", ""))).append("</textarea>").append(errorText("abstract", errors));
    }

    private void urgencyField(StringBuilder b, Map<String, String> values, Map<String, List<String>> errors) {
        b.append("<label for=\"urgency\">").append(layout.t("Độ khẩn", "Urgency")).append("</label><select id=\"urgency\" name=\"urgency\">");
        for (String u : Registers.URGENCIES) {
            b.append("<option value=\"").append(u).append("\"").append(u.equals(values.getOrDefault("urgency", "THUONG")) ? " selected" : "").append(">")
                    .append(word(URGENCY, u)).append("</option>");
        }
        b.append("</select>").append(errorText("urgency", errors));
    }

    private void secrecyField(StringBuilder b, String label, Map<String, String> values, Map<String, List<String>> errors) {
        b.append("<label for=\"secrecy\">").append(Html.escape(label)).append("</label><select id=\"secrecy\" name=\"secrecy\"><option value=\"\">")
                .append(layout.t("Không mật", "Not secret")).append("</option>");
        for (String s : Registers.SECRECIES) {
            b.append("<option value=\"").append(s).append("\"").append(s.equals(values.get("secrecy")) ? " selected" : "").append(">").append(word(SECRECY, s)).append("</option>");
        }
        b.append("</select>").append(errorText("secrecy", errors));
    }

    private void field(StringBuilder b, String name, String label, Map<String, String> values, Map<String, List<String>> errors, String attributes) {
        b.append("<label for=\"").append(name).append("\">").append(Html.escape(label)).append("</label><input id=\"").append(name).append("\" name=\"")
                .append(name).append("\" value=\"").append(Html.escape(values.getOrDefault(name, ""))).append("\"").append(attributes)
                .append(invalid(errors, name)).append(">").append(errorText(name, errors));
    }

    private static String invalid(Map<String, List<String>> errors, String name) {
        return errors.containsKey(name) ? " aria-invalid=\"true\" aria-describedby=\"" + name + "-error\"" : "";
    }

    private static String errorText(String name, Map<String, List<String>> errors) {
        List<String> list = errors.get(name);
        if (list == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        list.forEach(m -> b.append("<p class=\"field-error\" id=\"").append(name).append("-error\">").append(Html.escape(m)).append("</p>"));
        return b.toString();
    }

    // ---------------------------------------------------------------- one document

    @GET
    @Path("{id: [0-9]+}")
    public Response one(@PathParam("id") long id) {
        Tenant unit = require("read");
        return layout.ok(render(unit, id, null));
    }

    @POST
    @Path("{id: [0-9]+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        layout.checkCsrf(form.getFirst("csrf"));
        Tenant unit = require("write");
        String action = text(form, "action");
        try {
            String done = own.call(() -> change(id, action, form));
            layout.flash(Html.escape(done));
        } catch (ProblemException e) {
            throw layout.refuse(e.problem().status(), render(unit, id, layout.detail(e)));
        }
        return layout.redirect("/t/" + unit.getCode() + "/admin/documents/" + id);
    }

    /** One action on a document through the API; its message for the next page. */
    private String change(long id, String action, MultivaluedMap<String, String> form) {
        return switch (action) {
            case "submit" -> {
                api.submit(id);
                yield layout.t("Đã trình lãnh đạo duyệt, ký.", "Submitted to the leader.");
            }
            case "approve" -> {
                api.review(id, Jsonp.createObjectBuilder().add("approve", true).add("note", text(form, "note")).build());
                yield layout.t("Đã duyệt và ký số văn bản. Văn thư cấp số, ban hành.", "Approved and signed. The clerk numbers and issues it.");
            }
            case "return" -> {
                api.review(id, Jsonp.createObjectBuilder().add("approve", false).add("note", text(form, "note")).build());
                yield layout.t("Đã trả lại dự thảo để sửa.", "Returned for changes.");
            }
            case "issue" -> {
                JsonObject d = (JsonObject) api.issue(id).getEntity();
                yield layout.t("Đã cấp số " + d.getString("numberSymbol") + " và ban hành; dấu của cơ quan đã được ký số lên văn bản.",
                        "Issued as " + d.getString("numberSymbol") + "; the organisation's seal is signed onto it.");
            }
            case "send" -> {
                JsonArrayBuilder to = Jsonp.createArrayBuilder();
                List<String> picked = form.get("to");
                if (picked != null) {
                    picked.stream().filter(s -> !s.isBlank()).forEach(to::add);
                }
                JsonObject sent = (JsonObject) api.send(id, Jsonp.createObjectBuilder().add("to", to).add("subtree", form.getFirst("subtree") != null).build())
                        .getEntity();
                yield layout.t("Đã gửi đến " + sent.getInt("deliveredCount") + " đơn vị.", "Sent to " + sent.getInt("deliveredCount") + " unit(s).")
                        + (sent.getJsonArray("already").isEmpty() ? "" : layout.t(" Đã gửi trước đó: ", " Sent before: ") + sent.getJsonArray("already").size());
            }
            case "send-external" -> {
                JsonArrayBuilder to = Jsonp.createArrayBuilder();
                for (String line : text(form, "organs").split("[\\s,;]+")) {
                    if (!line.isBlank()) {
                        to.add(line.strip());
                    }
                }
                JsonObject q = (JsonObject) api.sendExternal(id, Jsonp.createObjectBuilder().add("to", to).build()).getEntity();
                yield layout.t("Đã xếp " + q.getInt("queuedCount") + " gói tin edXML chờ gửi qua trục liên thông.",
                        q.getInt("queuedCount") + " edXML package(s) queued for the axis.");
            }
            case "recall" -> {
                api.recall(id, Jsonp.createObjectBuilder().add("reason", text(form, "reason")).build());
                yield layout.t("Đã thu hồi văn bản; các nơi nhận được báo.", "Recalled; the receivers are told.");
            }
            case "direct" -> {
                JsonArrayBuilder support = Jsonp.createArrayBuilder();
                for (String s : text(form, "supportHandlers").split("[,;\\s]+")) {
                    if (!s.isBlank()) {
                        support.add(s.strip());
                    }
                }
                JsonObjectBuilder o = Jsonp.createObjectBuilder().add("leadHandler", text(form, "leadHandler")).add("supportHandlers", support)
                        .add("direction", text(form, "direction"));
                if (!text(form, "handleBy").isBlank()) {
                    o.add("handleBy", text(form, "handleBy"));
                }
                api.direct(id, o.build());
                yield layout.t("Đã phân công xử lý.", "Directed.");
            }
            case "note" -> {
                api.note(id, Jsonp.createObjectBuilder().add("note", text(form, "note")).build());
                yield layout.t("Đã ghi ý kiến xử lý.", "Note added.");
            }
            case "done" -> {
                api.done(id, Jsonp.createObjectBuilder().add("result", text(form, "result")).build());
                yield layout.t("Đã hoàn thành xử lý văn bản.", "Done.");
            }
            default -> throw ProblemException.notFound("thao tác " + action, "action " + action);
        };
    }

    private static String text(MultivaluedMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null ? "" : Normalizer.normalize(v.strip(), Normalizer.Form.NFC);
    }

    private String render(Tenant unit, long id, String failure) {
        JsonObject d = (JsonObject) layout.call(() -> api.one(id)).getEntity();
        String status = d.getString("status");
        boolean outgoing = d.getString("register").equals("outgoing");
        String me = access.username();
        StringBuilder b = new StringBuilder(STYLE).append("<p>").append(Desk.link(layout.url(unit, "documents"), layout.t("Văn bản", "Documents")))
                .append("</p><h1>").append(outgoing ? layout.t("Văn bản đi ", "Outgoing document ") : layout.t("Văn bản đến ", "Incoming document "))
                .append(Html.escape(d.getString("numberSymbol", layout.t("(dự thảo)", "(draft)")))).append("</h1>");
        if (failure != null) {
            b.append("<p class=\"error\" role=\"alert\" id=\"action-error\">").append(Html.escape(failure)).append("</p>");
        }
        if (d.getBoolean("withdrawn", false)) {
            b.append("<p class=\"error\" id=\"withdrawn\">").append(layout.t("Nơi gửi đã thu hồi văn bản này: ", "The sender recalled this document: "))
                    .append(Html.escape(d.getString("withdrawnReason", ""))).append("</p>");
        }
        if (d.containsKey("signatureWarning")) {
            b.append("<p class=\"error\" id=\"signature-warning\">").append(Html.escape(d.getString("signatureWarning"))).append("</p>");
        }
        b.append("<table><tbody>");
        row(b, layout.t("Tình trạng", "Status"), "<span class=\"status\" id=\"status\">" + word(STATUS, status) + "</span>");
        row(b, layout.t("Loại văn bản", "Type"), Html.escape(d.getString("docType")));
        row(b, layout.t("Trích yếu", "Abstract"), "<span id=\"abstract\">" + Html.escape(d.getString("abstract")) + "</span>");
        row(b, layout.t("Cơ quan ban hành", "Issuer"), Html.escape(d.getString("issuer")));
        row(b, layout.t("Độ khẩn", "Urgency"), urgency(d.getString("urgency")));
        if (d.containsKey("secrecy")) {
            row(b, layout.t("Độ mật", "Secrecy"), "<span class=\"secret\">" + word(SECRECY, d.getString("secrecy")) + "</span>");
        }
        if (d.containsKey("number")) {
            row(b, outgoing ? layout.t("Số đi", "Number") : layout.t("Số đến", "Arrival number"), d.getInt("number") + " / " + d.getInt("year"));
        }
        opt(b, d, "issuedOn", layout.t("Ngày ban hành", "Issued on"));
        opt(b, d, "receivedOn", layout.t("Ngày đến", "Received on"));
        opt(b, d, "signer", layout.t("Người ký", "Signer"));
        opt(b, d, "recipientsText", layout.t("Nơi nhận", "Recipients"));
        opt(b, d, "dueDate", layout.t("Hạn trả lời", "Reply by"));
        opt(b, d, "reviewNote", layout.t("Ý kiến lãnh đạo", "Leader's note"));
        opt(b, d, "signedBy", layout.t("Lãnh đạo ký", "Signed by"));
        opt(b, d, "direction", layout.t("Ý kiến chỉ đạo", "Direction"));
        if (d.containsKey("leadHandler")) {
            row(b, layout.t("Người chủ trì xử lý", "Lead handler"), "<span id=\"lead-handler\">" + Html.escape(d.getString("leadHandler")) + "</span>");
        }
        if (d.containsKey("supportHandlers")) {
            row(b, layout.t("Người phối hợp", "Supporting"), Html.escape(String.join(", ", d.getJsonArray("supportHandlers").getValuesAs(jakarta.json.JsonString::getString))));
        }
        opt(b, d, "handleBy", layout.t("Hạn xử lý", "Handle by"));
        opt(b, d, "result", layout.t("Kết quả xử lý", "Result"));
        b.append("</tbody></table>");

        b.append("<h2>").append(layout.t("Tệp văn bản", "Files")).append("</h2><table id=\"files\"><thead><tr><th scope=\"col\">").append(layout.t("Tệp", "File"))
                .append("</th><th scope=\"col\">").append(layout.t("Loại", "Kind")).append("</th><th scope=\"col\">").append(layout.t("Chữ ký số", "Signatures"))
                .append("</th></tr></thead><tbody>");
        for (JsonValue v : d.getJsonArray("files")) {
            JsonObject f = v.asJsonObject();
            String kind = switch (f.getString("kind")) {
                case "main" -> layout.t("Văn bản chính", "Main");
                case "attachment" -> layout.t("Phụ lục", "Attachment");
                default -> layout.t("Bản quét", "Scan");
            };
            b.append("<tr><td><a href=\"").append(Html.escape(f.getString("url"))).append("\">").append(Html.escape(f.getString("name"))).append("</a></td><td>")
                    .append(kind).append("</td><td>").append(signature(f.getJsonObject("signature"))).append("</td></tr>");
        }
        b.append("</tbody></table>");

        if (d.containsKey("deliveries") && !d.getJsonArray("deliveries").isEmpty()) {
            b.append("<h2>").append(layout.t("Nơi nhận trên hệ thống", "Receivers on the platform")).append("</h2><table id=\"deliveries\"><thead><tr><th scope=\"col\">")
                    .append(layout.t("Đơn vị nhận", "Unit")).append("</th><th scope=\"col\">").append(layout.t("Tình trạng", "Status")).append("</th><th scope=\"col\">")
                    .append(layout.t("Thời gian", "When")).append("</th><th scope=\"col\">").append(layout.t("Lý do", "Reason")).append("</th></tr></thead><tbody>");
            for (JsonValue v : d.getJsonArray("deliveries")) {
                JsonObject x = v.asJsonObject();
                String to = x.getString("to");
                b.append("<tr id=\"to-").append(Html.escape(to)).append("\"><td>").append(Html.escape(directory.byCode(to).map(Tenant::getName).orElse(to)))
                        .append("</td><td class=\"status\">").append(word(STATUS, x.getString("status"))).append("</td><td>")
                        .append(time(x.getString("answeredAt", x.getString("receivedAt", null)))).append("</td><td>").append(Html.escape(x.getString("reason", "")))
                        .append("</td></tr>");
            }
            b.append("</tbody></table>");
        }

        if (d.containsKey("outbound") && !d.getJsonArray("outbound").isEmpty()) {
            b.append("<h2>").append(layout.t("Nơi nhận ngoài hệ thống (qua trục liên thông văn bản quốc gia)", "Organisations outside the platform (national axis)"))
                    .append("</h2><table id=\"outbound\"><thead><tr><th scope=\"col\">").append(layout.t("Cơ quan nhận", "Organisation"))
                    .append("</th><th scope=\"col\">").append(layout.t("Tình trạng", "Status")).append("</th><th scope=\"col\">").append(layout.t("Thời gian", "When"))
                    .append("</th><th scope=\"col\">").append(layout.t("Lý do, lỗi", "Reason, error")).append("</th></tr></thead><tbody>");
            for (JsonValue v : d.getJsonArray("outbound")) {
                JsonObject x = v.asJsonObject();
                String when = x.getString("answeredAt", x.getString("sentAt", x.getString("queuedAt", null)));
                String organ = x.getString("organName").equals(x.getString("organId")) ? x.getString("organId")
                        : x.getString("organName") + " (" + x.getString("organId") + ")";
                b.append("<tr><td>").append(Html.escape(organ)).append("</td><td class=\"status\">")
                        .append(word(OUTBOUND, x.getString("status"))).append(x.getString("status").equals("queued") && x.getInt("attempts") > 0
                                ? layout.t(" — đã thử " + x.getInt("attempts") + " lần", " — tried " + x.getInt("attempts") + " times") : "")
                        .append("</td><td>").append(time(when)).append("</td><td>").append(Html.escape(x.getString("reason", x.getString("lastError", ""))))
                        .append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        b.append(actions(unit, d, me));

        b.append("<h2>").append(layout.t("Lịch sử", "History")).append("</h2><ol id=\"history\">");
        for (JsonValue v : d.getJsonArray("history")) {
            JsonObject e = v.asJsonObject();
            b.append("<li>").append(time(e.getString("at"))).append(" — ").append(word(EVENT, e.getString("action"))).append(" (").append(Html.escape(e.getString("actor")))
                    .append(")").append(e.containsKey("note") ? ": " + Html.escape(e.getString("note")) : "").append("</li>");
        }
        b.append("</ol>");
        String title = d.getString("numberSymbol", d.getString("abstract"));
        return layout.page(unit, "documents", "Văn bản " + title, "Document " + title, b.toString());
    }

    private String signature(JsonObject check) {
        if (check == null) {
            return layout.t("(chưa kiểm tra)", "(not checked)");
        }
        String verdict = check.getString("verdict");
        StringBuilder b = new StringBuilder("<span class=\"sig-").append(Html.escape(verdict)).append("\">")
                .append(Html.escape(layout.en() ? verdict : check.getString("verdictText", verdict))).append("</span>");
        for (JsonValue v : check.getJsonArray("signatures")) {
            JsonObject s = v.asJsonObject();
            b.append("<br>").append(Html.escape(s.getString("signer", s.getString("organisation", "?"))));
            if (s.containsKey("signedAt")) {
                b.append(", ").append(time(s.getString("signedAt")));
            }
        }
        return b.toString();
    }

    /** The forms of the actions the document's state allows; the server decides duty and refuses what is not the person's. */
    private String actions(Tenant unit, JsonObject d, String me) {
        String action = Html.escape(layout.url(unit, "documents/" + d.getJsonNumber("id").longValue()));
        String status = d.getString("status");
        StringBuilder b = new StringBuilder();
        boolean outgoing = d.getString("register").equals("outgoing");
        if (outgoing) {
            switch (status) {
                case "draft" -> b.append(form(action, "submit", layout.t("Trình lãnh đạo ký", "Submit to the leader"), ""));
                case "review" -> {
                    b.append(form(action, "approve", layout.t("Duyệt và ký số", "Approve and sign"), "<label for=\"approve-note\">"
                            + layout.t("Ý kiến (nếu có)", "Note (if any)") + "</label><input id=\"approve-note\" name=\"note\">"));
                    b.append(form(action, "return", layout.t("Trả lại để sửa", "Return for changes"), "<label for=\"return-note\">"
                            + layout.t("Lý do trả lại", "Why") + "</label><textarea id=\"return-note\" name=\"note\" rows=\"2\"></textarea>"));
                }
                case "signed" -> b.append(form(action, "issue", layout.t("Cấp số và ban hành", "Number and issue"), ""));
                case "issued" -> {
                    if (!d.containsKey("secrecy")) {
                        b.append(form(action, "send", layout.t("Gửi văn bản", "Send"), sendFields(unit)));
                        b.append("<details><summary>").append(layout.t("Gửi cơ quan ngoài hệ thống (qua trục liên thông)", "Send outside the platform (national axis)"))
                                .append("</summary>").append(form(action, "send-external", layout.t("Gửi qua trục liên thông", "Send through the axis"),
                                        "<label for=\"organs\">" + layout.t("Mã định danh cơ quan nhận, mỗi dòng một mã (ví dụ 000.00.00.G22)",
                                                "Organisation ids, one per line (e.g. 000.00.00.G22)") + "</label><textarea id=\"organs\" name=\"organs\" rows=\"3\"></textarea>"))
                                .append("</details>");
                    }
                    b.append("<details><summary>").append(layout.t("Thu hồi văn bản", "Recall")).append("</summary>")
                            .append(form(action, "recall", layout.t("Thu hồi", "Recall"), "<label for=\"recall-reason\">" + layout.t("Lý do thu hồi", "Why")
                                    + "</label><textarea id=\"recall-reason\" name=\"reason\" rows=\"2\"></textarea>")).append("</details>");
                }
                default -> {
                }
            }
        } else {
            JsonValue support = d.get("supportHandlers");
            boolean handler = me.equals(d.getString("leadHandler", "")) || (support instanceof JsonArray a
                    && a.getValuesAs(jakarta.json.JsonString::getString).contains(me));
            switch (status) {
                case "registered" -> b.append(form(action, "direct", layout.t("Phân công xử lý", "Direct"), directFields(d)));
                case "directed" -> {
                    if (handler) {
                        b.append(form(action, "note", layout.t("Ghi ý kiến xử lý", "Add a note"), "<label for=\"note\">" + layout.t("Ý kiến", "Note")
                                + "</label><textarea id=\"note\" name=\"note\" rows=\"2\"></textarea>"));
                    }
                    if (me.equals(d.getString("leadHandler", ""))) {
                        b.append(form(action, "done", layout.t("Hoàn thành xử lý", "Finish"), "<label for=\"result\">" + layout.t("Kết quả xử lý", "Result")
                                + "</label><textarea id=\"result\" name=\"result\" rows=\"2\"></textarea>"));
                    }
                    b.append("<details><summary>").append(layout.t("Phân công lại", "Direct again")).append("</summary>")
                            .append(form(action, "direct", layout.t("Phân công lại", "Direct again"), directFields(d))).append("</details>");
                }
                default -> {
                }
            }
        }
        return b.isEmpty() ? "" : "<h2>" + layout.t("Xử lý", "Act") + "</h2>" + b;
    }

    private String directFields(JsonObject d) {
        return "<label for=\"leadHandler\">" + layout.t("Người chủ trì (tên đăng nhập)", "Lead handler (username)") + "</label><input id=\"leadHandler\" name=\"leadHandler\" value=\""
                + Html.escape(d.getString("leadHandler", "")) + "\"><label for=\"supportHandlers\">" + layout.t("Người phối hợp (tên đăng nhập, cách nhau bởi dấu phẩy)",
                "Supporting (usernames, comma-separated)") + "</label><input id=\"supportHandlers\" name=\"supportHandlers\"><label for=\"handleBy\">"
                + layout.t("Hạn xử lý (dd/MM/yyyy)", "Handle by (dd/MM/yyyy)") + "</label><input id=\"handleBy\" name=\"handleBy\" placeholder=\"dd/mm/yyyy\">"
                + "<label for=\"direction\">" + layout.t("Ý kiến chỉ đạo", "Direction") + "</label><textarea id=\"direction\" name=\"direction\" rows=\"2\"></textarea>";
    }

    /** The units this one may send to: every active unit of the province but itself, by the tree's order, and its whole subtree at once. */
    private String sendFields(Tenant unit) {
        List<Tenant> ancestors = directory.ancestors(unit);
        Tenant root = ancestors.isEmpty() ? unit : ancestors.get(0);
        StringBuilder b = new StringBuilder("<label for=\"to\">").append(layout.t("Đơn vị nhận (giữ Ctrl để chọn nhiều)", "Receiving units (Ctrl to pick several)"))
                .append("</label><select id=\"to\" name=\"to\" multiple size=\"12\">");
        directory.subtree(root).stream().filter(t -> !t.getId().equals(unit.getId()) && "active".equals(t.getStatus()))
                .sorted(java.util.Comparator.comparing(Tenant::getPath))
                .forEach(t -> b.append("<option value=\"").append(Html.escape(t.getCode())).append("\">").append("\u00a0\u00a0".repeat(Math.max(0, t.getLevel() - 1)))
                        .append(Html.escape(t.getName())).append("</option>"));
        b.append("</select>");
        if (!directory.children(unit.getId()).isEmpty()) {
            b.append("<label><input type=\"checkbox\" name=\"subtree\" id=\"subtree\" value=\"on\"> ")
                    .append(layout.t("Gửi tất cả đơn vị trực thuộc", "Send to every unit under this one")).append("</label>");
        }
        return b.toString();
    }

    private String form(String action, String name, String title, String fields) {
        return "<form class=\"doc\" method=\"post\" action=\"" + action + "\" id=\"" + name + "-form\">" + layout.csrfField()
                + "<input type=\"hidden\" name=\"action\" value=\"" + name + "\">" + fields + "<p><button type=\"submit\" id=\"" + name + "\">"
                + Html.escape(title) + "</button></p></form>";
    }

    private void opt(StringBuilder b, JsonObject d, String key, String label) {
        if (d.containsKey(key)) {
            row(b, label, Html.escape(d.getString(key)));
        }
    }

    private static void row(StringBuilder b, String th, String tdHtml) {
        b.append("<tr><th scope=\"row\">").append(th).append("</th><td>").append(tdHtml).append("</td></tr>");
    }
}
