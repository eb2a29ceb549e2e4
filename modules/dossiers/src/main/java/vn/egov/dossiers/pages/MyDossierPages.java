package vn.egov.dossiers.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.egov.dossiers.boundary.MyDossiersResource;
import vn.egov.dossiers.control.Intake;
import vn.egov.platform.security.SubjectScopeProvider.CurrentUser;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.web.Csrf;
import vn.egov.platform.web.Html;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.ProblemException;

/**
 * {@code /me/dossiers}: the logged-in applicant's dossiers, and one of them whole: where it is, its history, the
 * notices the agency sent (as PDFs), the slip, the result to download; and what the applicant can do at that point:
 * send the papers asked for, withdraw it, rate the service once the result is there. Each action goes through the
 * same API code as a program would, in the same scopes; a refused one comes back with its message.
 */
@Path("me/dossiers")
@RequestScoped
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class MyDossierPages {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/uuuu");

    @Inject
    MyDossiersResource api;

    @Context
    HttpServletRequest request;

    @Inject
    vn.egov.dossiers.boundary.MyPickupsResource pickups;

    @GET
    public Response list(@QueryParam("pickup") String askedPickup) {
        if (CurrentUser.get().isEmpty()) {
            return login();
        }
        StringBuilder b = new StringBuilder(Forms.STYLE).append("<h1>Hồ sơ của tôi</h1>");
        if (askedPickup != null) {
            b.append("<p class=\"notice\" role=\"status\" id=\"pickup-asked\">Đã gửi yêu cầu nhận hồ sơ qua bưu chính. Bưu điện sẽ liên hệ và đến nhận "
                    + "hồ sơ; tình trạng yêu cầu ở bảng bên dưới.</p>");
        }
        var all = ((jakarta.json.JsonArray) api.mine().getEntity());
        if (all.isEmpty()) {
            b.append("<p>Bạn chưa nộp hồ sơ nào.</p>");
        } else {
            b.append("<table class=\"list\"><thead><tr><th scope=\"col\">Mã hồ sơ</th><th scope=\"col\">Thủ tục</th><th scope=\"col\">Ngày nộp</th>"
                    + "<th scope=\"col\">Hẹn trả</th><th scope=\"col\">Tình trạng</th></tr></thead><tbody>");
            for (JsonValue v : all) {
                JsonObject d = v.asJsonObject();
                b.append("<tr><td><a href=\"/me/dossiers/").append(Html.escape(d.getString("code"))).append("\">").append(Html.escape(d.getString("code")))
                        .append("</a></td><td>").append(Html.escape(d.getString("procedureName"))).append("</td><td>").append(d.getString("receivedDate"))
                        .append("</td><td>").append(d.getString("dueDate")).append("</td><td class=\"status\">").append(Forms.status(d.getString("status")))
                        .append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        var asked = (jakarta.json.JsonArray) pickups.mine().getEntity();
        if (!asked.isEmpty()) {
            b.append("<h2>Hồ sơ giấy gửi qua bưu chính</h2><table class=\"list\" id=\"pickups\"><thead><tr><th scope=\"col\">Số yêu cầu</th>"
                    + "<th scope=\"col\">Thủ tục</th><th scope=\"col\">Địa chỉ nhận</th><th scope=\"col\">Ngày yêu cầu</th><th scope=\"col\">Tình trạng</th>"
                    + "</tr></thead><tbody>");
            for (JsonValue v : asked) {
                JsonObject p = v.asJsonObject();
                b.append("<tr><td>").append(p.getJsonNumber("id").longValue()).append("</td><td>").append(Html.escape(p.getString("procedureCode")))
                        .append("</td><td>").append(Html.escape(p.getString("address"))).append("</td><td>")
                        .append(Intake.DAY.format(java.time.Instant.parse(p.getString("requestedAt")).atZone(Intake.VIETNAM))).append("</td><td class=\"status\">")
                        .append(Html.escape(pickupStatus(p))).append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        return page("Hồ sơ của tôi", b.toString(), 200);
    }

    /** Where a pickup is, in the applicant's words. */
    static String pickupStatus(JsonObject p) {
        return switch (p.getString("status")) {
            case "requested" -> "Đã gửi yêu cầu, chờ bưu điện xác nhận";
            case "accepted" -> "Bưu điện đã nhận yêu cầu (số hiệu bưu gửi " + p.getString("tracking", "") + ")";
            case "arrived" -> "Hồ sơ đã đến cơ quan, chờ tiếp nhận";
            case "received" -> "Cơ quan đã tiếp nhận hồ sơ (xem ở bảng trên)";
            default -> p.getString("status");
        };
    }

    @GET
    @Path("{code}")
    public Response one(@PathParam("code") String code, @QueryParam("new") String isNew) {
        if (CurrentUser.get().isEmpty()) {
            return login();
        }
        try {
            return page("Hồ sơ " + code, render(code, isNew != null ? "Đã nộp hồ sơ. Mã hồ sơ của bạn: " + code
                    + ". Hãy tải giấy tiếp nhận và hẹn trả kết quả bên dưới." : null, Map.of()), 200);
        } catch (ProblemException e) {
            return page("Không tìm thấy", "<h1>Không tìm thấy hồ sơ</h1><p class=\"error\">" + Html.escape(e.problem().detailVi()) + "</p>", e.problem().status());
        }
    }

    @POST
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("code") String code, MultivaluedMap<String, String> form) throws Exception {
        if (CurrentUser.get().isEmpty()) {
            return login();
        }
        if (!Csrf.valid(request, form.getFirst(Csrf.FIELD))) {
            return page("Hồ sơ " + code, render(code, null, Map.of("", "Phiên làm việc đã hết hạn: hãy tải lại trang rồi gửi lại. Chưa có gì thay đổi.")), 403);
        }
        String action = String.valueOf(form.getFirst("action"));
        try {
            switch (action) {
                case "rate" -> {
                    int score;
                    try {
                        score = Integer.parseInt(String.valueOf(form.getFirst("score")));
                    } catch (NumberFormatException e) {
                        score = 0;
                    }
                    api.rate(code, Jsonp.createObjectBuilder().add("score", score).add("note", String.valueOf(Optional.ofNullable(form.getFirst("note")).orElse("")))
                            .build());
                    return done(code, "Cảm ơn bạn đã đánh giá.");
                }
                case "withdraw" -> {
                    api.withdraw(code, Jsonp.createObjectBuilder().add("reason", String.valueOf(Optional.ofNullable(form.getFirst("reason")).orElse(""))).build());
                    return done(code, "Đã rút hồ sơ.");
                }
                default -> {
                    return page("Hồ sơ " + code, render(code, null, Map.of("", "Không rõ thao tác.")), 400);
                }
            }
        } catch (ProblemException e) {
            return page("Hồ sơ " + code, render(code, null, Map.of(action, message(e))), e.problem().status());
        }
    }

    @POST
    @Path("{code}/supplement")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response supplement(@PathParam("code") String code, List<EntityPart> parts) throws Exception {
        if (CurrentUser.get().isEmpty()) {
            return login();
        }
        String csrf = null;
        for (EntityPart p : parts) {
            if (p.getName().equals(Csrf.FIELD)) {
                csrf = p.getContent(String.class);
            }
        }
        if (!Csrf.valid(request, csrf)) {
            return page("Hồ sơ " + code, render(code, null, Map.of("", "Phiên làm việc đã hết hạn: hãy tải lại trang rồi gửi lại.")), 403);
        }
        try {
            api.supplement(code, parts.stream().filter(p -> p.getName().startsWith("paper.")).toList());
            return done(code, "Đã gửi giấy tờ bổ sung. Hồ sơ tiếp tục được giải quyết.");
        } catch (ProblemException e) {
            return page("Hồ sơ " + code, render(code, null, Map.of("supplement", message(e))), e.problem().status());
        }
    }

    private static String message(ProblemException e) {
        StringBuilder m = new StringBuilder(e.problem().detailVi());
        if (e.problem().fieldErrors() != null) {
            e.problem().fieldErrors().values().forEach(list -> list.forEach(s -> m.append(" ").append(s.contains(" / ") ? s.substring(0, s.indexOf(" / ")) : s)));
        }
        return m.toString();
    }

    private Response done(String code, String message) {
        request.getSession(true).setAttribute("vn.egov.dossiers.flash", message);
        return Response.seeOther(URI.create("/me/dossiers/" + code)).build();
    }

    private String render(String code, String notice, Map<String, String> errors) {
        JsonObject d = (JsonObject) api.one(code).getEntity();
        String c = Html.escape(code);
        StringBuilder b = new StringBuilder(Forms.STYLE).append("<p><a href=\"/me/dossiers\">Hồ sơ của tôi</a></p><h1>Hồ sơ ").append(c).append("</h1>");
        Object flash = request.getSession(true).getAttribute("vn.egov.dossiers.flash");
        if (flash != null) {
            request.getSession().removeAttribute("vn.egov.dossiers.flash");
            b.append("<p class=\"ok\" role=\"status\" id=\"flash\">").append(Html.escape(flash.toString())).append("</p>");
        }
        if (notice != null) {
            b.append("<p class=\"ok\" role=\"status\" id=\"flash\">").append(Html.escape(notice)).append("</p>");
        }
        if (errors.containsKey("")) {
            b.append("<p class=\"error\" role=\"alert\">").append(Html.escape(errors.get(""))).append("</p>");
        }
        String status = d.getString("status");
        b.append("<table class=\"list\"><tbody>")
                .append("<tr><th scope=\"row\">Thủ tục</th><td>").append(Html.escape(d.getString("procedureName"))).append("</td></tr>")
                .append("<tr><th scope=\"row\">Tình trạng</th><td class=\"status\" id=\"status\">").append(Forms.status(status)).append("</td></tr>")
                .append("<tr><th scope=\"row\">Ngày nộp</th><td>").append(d.getString("receivedDate")).append("</td></tr>")
                .append("<tr><th scope=\"row\">Hẹn trả kết quả</th><td>").append(d.containsKey("newDueDate") ? d.getString("newDueDate") + " (hẹn lại; hẹn ban đầu "
                        + d.getString("dueDate") + ")" : d.getString("dueDate")).append("</td></tr>")
                .append("<tr><th scope=\"row\">Nhận kết quả</th><td>").append("post".equals(d.getString("returnBy")) ? "qua bưu chính" : "trực tuyến").append("</td></tr>")
                .append("</tbody></table>");
        b.append("<p><a href=\"/api/me/dossiers/").append(c).append("/receipt.pdf\" id=\"slip\">Giấy tiếp nhận hồ sơ và hẹn trả kết quả (PDF)</a></p>");

        if (d.containsKey("payment")) {
            JsonObject pay = d.getJsonObject("payment");
            String amount = String.format("%,d", pay.getJsonNumber("amount").longValue()).replace(',', '.');
            b.append("<h2>Phí, lệ phí</h2><div id=\"payment\">");
            if (pay.getString("status").equals("pending")) {
                b.append("<p>Số tiền phải nộp: <strong>").append(amount).append(" đồng</strong>, nội dung chuyển khoản: <strong>").append(Html.escape(pay.getString("reference")))
                        .append("</strong>. Quét mã bằng ứng dụng ngân hàng để thanh toán:</p>").append(QrSvg.of(pay.getString("qr"), 220, "Mã VietQR thanh toán " + amount + " đồng"));
            } else {
                b.append("<p>Đã nộp ").append(amount).append(" đồng (mã giao dịch ").append(Html.escape(pay.getString("transactionId"))).append(").")
                        .append(pay.getJsonNumber("refunded").longValue() > 0 ? " Đã hoàn trả " + String.format("%,d", pay.getJsonNumber("refunded").longValue()).replace(',', '.')
                                + " đồng." : "").append("</p>");
            }
            b.append("</div>");
        }
        b.append("<h2>Tệp của hồ sơ</h2><ul id=\"files\">");
        for (JsonValue v : d.getJsonArray("files")) {
            JsonObject f = v.asJsonObject();
            String kind = switch (f.getString("kind")) {
                case "result" -> "Kết quả: ";
                case "supplement" -> "Bổ sung: ";
                default -> "";
            };
            b.append("<li").append(f.getString("kind").equals("result") ? " class=\"result\"" : "").append(">").append(kind).append("<a href=\"/api/me/dossiers/")
                    .append(c).append("/files/").append(f.getJsonNumber("id").longValue()).append("\">").append(Html.escape(f.getString("name"))).append("</a></li>");
        }
        b.append("</ul>");

        if (!d.getJsonArray("notices").isEmpty()) {
            b.append("<h2>Thông báo của cơ quan giải quyết</h2><ul>");
            for (JsonValue v : d.getJsonArray("notices")) {
                JsonObject n = v.asJsonObject();
                int form = n.getInt("form");
                String title = switch (form) {
                    case 2 -> "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ";
                    case 3 -> "Phiếu từ chối giải quyết hồ sơ";
                    case 4 -> "Phiếu xin lỗi và hẹn lại ngày trả kết quả";
                    default -> "Phiếu dừng giải quyết hồ sơ";
                };
                b.append("<li><a href=\"/api/me/dossiers/").append(c).append("/forms/").append(form).append(".pdf\">").append(title).append("</a>: ")
                        .append(Html.escape(n.getString("reason"))).append("</li>");
            }
            b.append("</ul>");
        }

        if (status.equals("supplement")) {
            JsonObject asked = d.getJsonArray("notices").stream().map(JsonValue::asJsonObject).filter(n -> n.getInt("form") == 2 && !n.containsKey("answeredAt"))
                    .reduce((a, z) -> z).orElse(null);
            if (asked != null) {
                b.append("<h2>Bổ sung giấy tờ</h2>");
                if (errors.containsKey("supplement")) {
                    b.append("<p class=\"error\" role=\"alert\">").append(Html.escape(errors.get("supplement"))).append("</p>");
                }
                b.append("<form class=\"dossier\" method=\"post\" enctype=\"multipart/form-data\" action=\"/me/dossiers/").append(c).append("/supplement\">")
                        .append(Csrf.field(request));
                for (JsonValue p : asked.getJsonArray("papers")) {
                    String id = ((jakarta.json.JsonString) p).getString();
                    b.append("<label for=\"s-").append(Html.escape(id)).append("\">").append(Html.escape(id)).append("</label><input type=\"file\" required ")
                            .append("accept=\"application/pdf,image/*\" id=\"s-").append(Html.escape(id)).append("\" name=\"paper.").append(Html.escape(id)).append("\">");
                }
                b.append("<p><button type=\"submit\" id=\"send-supplement\">Gửi giấy tờ bổ sung</button></p></form>");
            }
        }
        if (status.equals("done") && !d.containsKey("rating")) {
            b.append("<h2>Đánh giá mức độ hài lòng</h2>");
            if (errors.containsKey("rate")) {
                b.append("<p class=\"error\" role=\"alert\">").append(Html.escape(errors.get("rate"))).append("</p>");
            }
            b.append("<form class=\"dossier\" method=\"post\" action=\"/me/dossiers/").append(c).append("\">").append(Csrf.field(request))
                    .append("<input type=\"hidden\" name=\"action\" value=\"rate\"><fieldset><legend>Bạn hài lòng thế nào với việc giải quyết hồ sơ?</legend>");
            String[] labels = {"Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng"};
            for (int i = 5; i >= 1; i--) {
                b.append("<label><input type=\"radio\" name=\"score\" value=\"").append(i).append("\" id=\"score-").append(i).append("\"> ").append(labels[i - 1])
                        .append("</label>");
            }
            b.append("</fieldset><label for=\"rating-note\">Góp ý (nếu có)</label><textarea id=\"rating-note\" name=\"note\" rows=\"3\"></textarea>")
                    .append("<p><button type=\"submit\" id=\"send-rating\">Gửi đánh giá</button></p></form>");
        } else if (d.containsKey("rating")) {
            b.append("<p id=\"rated\">Bạn đã đánh giá: ").append(d.getInt("rating")).append("/5.</p>");
        }
        if (!List.of("done", "refused", "stopped").contains(status)) {
            b.append("<details><summary>Rút hồ sơ</summary>");
            if (errors.containsKey("withdraw")) {
                b.append("<p class=\"error\" role=\"alert\">").append(Html.escape(errors.get("withdraw"))).append("</p>");
            }
            b.append("<form class=\"dossier\" method=\"post\" action=\"/me/dossiers/").append(c).append("\">").append(Csrf.field(request))
                    .append("<input type=\"hidden\" name=\"action\" value=\"withdraw\"><label for=\"reason\">Lý do rút hồ sơ</label>")
                    .append("<textarea id=\"reason\" name=\"reason\" rows=\"2\" required></textarea><p><button type=\"submit\">Rút hồ sơ</button></p></form></details>");
        }
        b.append("<h2>Quá trình giải quyết</h2><ol id=\"history\">");
        for (JsonValue v : d.getJsonArray("history")) {
            JsonObject e = v.asJsonObject();
            b.append("<li>").append(TIME.format(Instant.parse(e.getString("at")).atZone(Intake.VIETNAM))).append(" — ").append(Forms.status(e.getString("status")))
                    .append(e.getString("note").isEmpty() ? "" : ": " + Html.escape(e.getString("note"))).append("</li>");
        }
        b.append("</ol>");
        return b.toString();
    }

    private Response page(String title, String body, int status) {
        UserPrincipal me = CurrentUser.get().orElse(null);
        String user = me == null ? "" : "<p class=\"hint\">Đang đăng nhập: " + Html.escape(me.displayName()) + " · <a href=\"/logout\">Đăng xuất</a></p>";
        return Response.status(status).type(MediaType.TEXT_HTML + ";charset=utf-8").entity(Html.page("vi", title, user + body)).build();
    }

    private static Response login() {
        return Response.seeOther(URI.create("/login")).build();
    }
}
