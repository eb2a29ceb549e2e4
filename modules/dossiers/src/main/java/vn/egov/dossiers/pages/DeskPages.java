package vn.egov.dossiers.pages;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
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
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.egov.dossiers.boundary.DossierWorkResource;
import vn.egov.dossiers.control.Intake;
import vn.egov.dossiers.control.Processing;
import vn.egov.dossiers.entity.Dossier;
import vn.egov.platform.persistence.ScopedWork;
import vn.egov.platform.tenancy.TenantScope;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Html;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.desk.Desk;
import vn.egov.procedures.entity.Procedure;

/**
 * {@code /t/{code}/admin/dossiers}: the unit's one-stop desk for its staff. The dossiers the unit holds (its own
 * and those transferred to it), oldest due first, and one dossier whole (papers, handovers, notices, history) with
 * the actions its process allows at its step: move it on (to a colleague, to another agency, or back to the
 * applicant for papers), return the result with its file, refuse, apologise with a new date, stop. Every action
 * goes through the dossiers' API code; a refused one comes back with its message beside the form, nothing changed.
 */
@Path("t/{code}/admin/dossiers")
@RequestScoped
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class DeskPages {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/uuuu");

    @Inject
    Desk layout;

    @Inject
    Access access;

    @Inject
    DossierWorkResource api;

    @Inject
    TenantDirectory directory;

    @Inject
    vn.egov.procedures.control.Catalogue catalogue;

    @Inject
    Intake intake;

    @Inject
    vn.egov.dossiers.control.Pickups pickups;

    @GET
    public Response inbox() {
        Tenant unit = layout.call(() -> access.require("dossiers", "read"));
        JsonArray held = (JsonArray) layout.call(() -> api.inbox()).getEntity();
        StringBuilder b = new StringBuilder(Forms.STYLE).append("<h1>").append(layout.t("Một cửa: hồ sơ đang giữ", "One-stop desk: dossiers held")).append("</h1>")
                .append("<p>").append(Desk.link(layout.url(unit, "dossiers/new"), layout.t("Tiếp nhận hồ sơ tại quầy", "Receive at the counter")))
                .append(" · ").append(Desk.link(layout.url(unit, "dossier-stats"), layout.t("Thống kê hồ sơ", "Figures"))).append("</p>");
        int arrived = layout.call(() -> pickups.arrivedAt(unit)).size();
        if (arrived > 0) {
            b.append("<p id=\"pickups\">").append(layout.t("Hồ sơ gửi qua bưu chính đã đến, chờ tiếp nhận: ", "Paper dossiers the post brought, to receive: "))
                    .append(arrived).append("</p>");
        }
        if (held.isEmpty()) {
            b.append("<p id=\"inbox-empty\">").append(layout.t("Không có hồ sơ nào cần xử lý.", "Nothing to act on.")).append("</p>");
        } else {
            b.append("<table class=\"list\" id=\"inbox\"><thead><tr><th scope=\"col\">").append(layout.t("Mã hồ sơ", "Code")).append("</th><th scope=\"col\">")
                    .append(layout.t("Thủ tục", "Procedure")).append("</th><th scope=\"col\">").append(layout.t("Người nộp", "Applicant"))
                    .append("</th><th scope=\"col\">").append(layout.t("Bước", "Step")).append("</th><th scope=\"col\">").append(layout.t("Hạn bước", "Step due"))
                    .append("</th><th scope=\"col\">").append(layout.t("Hẹn trả", "Due")).append("</th><th scope=\"col\">").append(layout.t("Tình trạng", "Status"))
                    .append("</th></tr></thead><tbody>");
            for (JsonValue v : held) {
                JsonObject d = v.asJsonObject();
                b.append("<tr><td><a href=\"").append(Html.escape(layout.url(unit, "dossiers/" + d.getString("code")))).append("\">").append(Html.escape(d.getString("code")))
                        .append("</a>").append(d.getString("unit").equals(unit.getCode()) ? "" : "<br><span class=\"hint\">" + layout.t("liên thông từ ", "transferred from ")
                                + Html.escape(d.getString("unit")) + "</span>")
                        .append("</td><td>").append(Html.escape(d.getString("procedureName"))).append("</td><td>").append(Html.escape(d.getString("applicantName")))
                        .append("</td><td>").append(Html.escape(d.getString("stepName"))).append("</td><td>").append(d.getString("stepDue", ""))
                        .append("</td><td>").append(d.getString("dueDate")).append("</td><td class=\"status\">").append(Forms.status(d.getString("status")))
                        .append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        return layout.ok(layout.page(unit, "dossiers", "Một cửa", "One-stop desk", b.toString()));
    }

    /** Receiving at the counter: the procedures the unit offers, then the chosen one's form (and the paper dossiers the post brought). */
    @GET
    @Path("new")
    public Response counter(@jakarta.ws.rs.QueryParam("procedure") String procedure) {
        Tenant unit = layout.call(() -> access.require("dossiers", "write"));
        return layout.ok(counterPage(unit, procedure, Map.of(), Map.of()));
    }

    @POST
    @Path("new")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response receive(@jakarta.ws.rs.QueryParam("procedure") String procedure, List<EntityPart> parts) throws Exception {
        Map<String, String> values = new java.util.HashMap<>();
        List<Intake.Paper> papers = new java.util.ArrayList<>();
        for (EntityPart p : parts) {
            String name = p.getName();
            if (name.startsWith("paper.")) {
                byte[] content;
                try (java.io.InputStream in = p.getContent()) {
                    content = in.readNBytes(10 * 1024 * 1024 + 1);
                }
                if (content.length > 0) {
                    papers.add(new Intake.Paper(name.substring(6), p.getFileName().orElse("tep"), content));
                }
            } else if (name.startsWith("form.")) {
                values.put(name.substring(5), p.getContent(String.class));
            } else {
                values.put("@" + name, p.getContent(String.class));
            }
        }
        layout.checkCsrf(values.get("@csrf"));
        Tenant unit = layout.call(() -> access.require("dossiers", "write"));
        Optional<Procedure> proc = catalogue.offered(unit, procedure == null ? "" : procedure);
        if (proc.isEmpty()) {
            throw layout.refuse(404, counterPage(unit, null, Map.of(), Map.of()));
        }
        JsonNode definition = definition(proc.get());
        String pickup = values.getOrDefault("@pickup", "");
        String name = values.getOrDefault("@applicantName", "").strip();
        if (pickup.isEmpty() && (name.isEmpty() || name.length() > 200)) {
            throw layout.refuse(400, counterPage(unit, procedure, values, Map.of("applicantName", List.of("Hãy ghi họ tên người nộp hồ sơ (tối đa 200 ký tự)."))));
        }
        String staff = access.username();
        Intake.Applicant applicant = new Intake.Applicant(null, java.text.Normalizer.normalize(name.isEmpty() ? "-" : name, java.text.Normalizer.Form.NFC), staff,
                values.get("@email"), values.get("@postAddress"));
        try {
            Dossier d = ScopedWork.call(new TenantScope(unit.getId(), unit.getPath(), false), () -> intake.receive(unit, procedure,
                    Forms.formJson(definition, values), papers, applicant, "counter", values.getOrDefault("@returnBy", "online"),
                    pickup.isEmpty() ? null : Long.valueOf(pickup)));
            layout.flash(Html.escape(layout.t("Đã tiếp nhận hồ sơ " + d.code() + ". In giấy tiếp nhận và hẹn trả kết quả cho người nộp.",
                    "Dossier " + d.code() + " received. Print the receipt slip for the applicant.")));
            return layout.redirect("/t/" + unit.getCode() + "/admin/dossiers/" + d.code());
        } catch (ProblemException e) {
            Map<String, List<String>> errors = e.problem().fieldErrors() == null || e.problem().fieldErrors().isEmpty()
                    ? Map.of("", List.of(layout.en() ? e.problem().detailEn() : e.problem().detailVi())) : e.problem().fieldErrors();
            throw layout.refuse(e.problem().status(), counterPage(unit, procedure, values, errors));
        }
    }

    private String counterPage(Tenant unit, String procedure, Map<String, String> values, Map<String, List<String>> errors) {
        StringBuilder b = new StringBuilder(Forms.STYLE).append("<p>").append(Desk.link(layout.url(unit, "dossiers"), layout.t("Hồ sơ đang giữ", "Dossiers held")))
                .append("</p><h1>").append(layout.t("Tiếp nhận hồ sơ tại bộ phận một cửa", "Receive a dossier at the counter")).append("</h1>");
        Optional<Procedure> proc = procedure == null ? Optional.empty() : catalogue.offered(unit, procedure);
        if (proc.isEmpty()) {
            b.append("<ul id=\"procedures\">");
            for (Procedure p : catalogue.offered(unit)) {
                b.append("<li>").append(Desk.link(layout.url(unit, "dossiers/new?procedure=" + p.code()), p.name() + " (" + p.code() + ")")).append("</li>");
            }
            b.append("</ul>");
            return layout.page(unit, "dossiers", "Tiếp nhận hồ sơ", "Receive a dossier", b.toString());
        }
        Procedure p = proc.get();
        JsonNode d = definition(p);
        b.append("<p class=\"hint\">").append(Html.escape(p.name())).append(" — ").append(Html.escape(p.code())).append("</p>");
        if (!errors.isEmpty()) {
            b.append("<div class=\"error\" role=\"alert\" id=\"form-errors\"><p>").append(layout.t("Hồ sơ chưa được tiếp nhận: có ", "Not received: "))
                    .append(errors.size()).append(layout.t(" chỗ cần sửa. Chưa có gì được lưu.", " thing(s) to correct. Nothing was stored.")).append("</p>");
            errors.getOrDefault("", List.of()).forEach(m -> b.append("<p>").append(Html.escape(m)).append("</p>"));
            b.append("</div>");
        }
        b.append("<form class=\"dossier\" method=\"post\" enctype=\"multipart/form-data\" action=\"").append(Html.escape(layout.url(unit, "dossiers/new?procedure="
                + p.code()))).append("\">").append(layout.csrfField()).append("<fieldset><legend>").append(layout.t("Người nộp", "Applicant")).append("</legend>");
        List<jakarta.json.JsonObject> arrived = layout.call(() -> pickups.arrivedAt(unit)).stream().filter(x -> x.getString("procedureCode").equals(p.code())).toList();
        if (!arrived.isEmpty()) {
            b.append("<label for=\"pickup\">").append(layout.t("Hồ sơ gửi qua bưu chính đã đến (nếu là hồ sơ đó)", "A paper dossier the post brought (if it is one)"))
                    .append("</label><select id=\"pickup\" name=\"pickup\"><option value=\"\">—</option>");
            arrived.forEach(x -> b.append("<option value=\"").append(x.getJsonNumber("id").longValue()).append("\">").append(Html.escape(x.getString("applicantName")))
                    .append(" — ").append(Html.escape(x.getString("tracking", ""))).append("</option>"));
            b.append("</select>");
        }
        b.append("<label for=\"applicantName\">").append(layout.t("Họ tên người nộp", "Applicant's name")).append("</label><input id=\"applicantName\" name=\"applicantName\" value=\"")
                .append(Html.escape(values.getOrDefault("@applicantName", ""))).append("\"").append(Forms.invalid(errors, "applicantName", "applicantName")).append(">")
                .append(Forms.errors("applicantName", errors, "applicantName"))
                .append("<label for=\"email\">").append(layout.t("Thư điện tử nhận thông báo (nếu có)", "E-mail for notices (optional)"))
                .append("</label><input type=\"email\" id=\"email\" name=\"email\" value=\"").append(Html.escape(values.getOrDefault("@email", ""))).append("\">")
                .append(Forms.errors("email", errors, "email")).append("</fieldset>");
        b.append(Forms.fieldsAndPapers(d, values, errors));
        b.append("<p><button type=\"submit\" id=\"receive\">").append(layout.t("Tiếp nhận hồ sơ", "Receive the dossier")).append("</button></p></form>");
        return layout.page(unit, "dossiers", "Tiếp nhận hồ sơ", "Receive a dossier", b.toString());
    }

    private JsonNode definition(Procedure p) {
        try {
            return vn.egov.procedures.control.Definitions.parse(catalogue.version(p, p.currentVersion()).orElseThrow().definitionJson());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @GET
    @Path("{dossier}")
    public Response one(@PathParam("dossier") String code) {
        Tenant unit = layout.call(() -> access.require("dossiers", "read"));
        return layout.ok(render(unit, code, null, null));
    }

    @POST
    @Path("{dossier}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("dossier") String code, MultivaluedMap<String, String> form) {
        layout.checkCsrf(form.getFirst("csrf"));
        Tenant unit = layout.call(() -> access.require("dossiers", "write"));
        String action = String.valueOf(form.getFirst("action"));
        try {
            switch (action) {
                case "move" -> {
                    JsonObjectBuilder o = Jsonp.createObjectBuilder().add("to", text(form, "to")).add("note", text(form, "note"))
                            .add("assignee", text(form, "assignee")).add("toUnit", text(form, "toUnit"));
                    JsonArrayBuilder papers = Jsonp.createArrayBuilder();
                    List<String> ticked = form.get("papers");
                    if (ticked != null) {
                        ticked.forEach(papers::add);
                    }
                    o.add("papers", papers);
                    if (!text(form, "version").isEmpty()) {
                        o.add("version", Integer.parseInt(text(form, "version")));
                    }
                    api.move(code, o.build());
                    layout.flash(Html.escape(layout.t("Đã chuyển hồ sơ.", "The dossier was moved.")));
                }
                case "refuse" -> {
                    api.refuse(code, Jsonp.createObjectBuilder().add("reason", text(form, "reason")).build());
                    layout.flash(Html.escape(layout.t("Đã từ chối giải quyết hồ sơ; phiếu mẫu 03 đã lập.", "Refused; form 03 issued.")));
                }
                case "apology" -> {
                    api.apologize(code, Jsonp.createObjectBuilder().add("reason", text(form, "reason")).add("newDate", text(form, "newDate")).build());
                    layout.flash(Html.escape(layout.t("Đã lập phiếu xin lỗi và hẹn lại ngày trả kết quả.", "Apology and new date issued.")));
                }
                case "stop" -> {
                    api.stop(code, Jsonp.createObjectBuilder().add("reason", text(form, "reason")).add("byApplicant", form.getFirst("byApplicant") != null).build());
                    layout.flash(Html.escape(layout.t("Đã dừng giải quyết hồ sơ.", "The dossier was stopped.")));
                }
                default -> throw ProblemException.notFound("thao tác " + action, "action " + action);
            }
        } catch (ProblemException | NumberFormatException e) {
            String message = e instanceof ProblemException p ? layout.detail(p) : layout.t("Phiên bản không hợp lệ.", "Invalid version.");
            int status = e instanceof ProblemException p ? p.problem().status() : 400;
            throw layout.refuse(status, render(unit, code, action, message));
        }
        return layout.redirect("/t/" + unit.getCode() + "/admin/dossiers/" + code);
    }

    @POST
    @Path("{dossier}/result")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response result(@PathParam("dossier") String code, List<EntityPart> parts) throws Exception {
        String csrf = null;
        for (EntityPart p : parts) {
            if (p.getName().equals("csrf")) {
                csrf = p.getContent(String.class);
            }
        }
        layout.checkCsrf(csrf);
        Tenant unit = layout.call(() -> access.require("dossiers", "write"));
        try {
            api.result(code, parts.stream().filter(p -> !p.getName().equals("csrf")).toList());
        } catch (ProblemException e) {
            throw layout.refuse(e.problem().status(), render(unit, code, "result", layout.detail(e)));
        }
        layout.flash(Html.escape(layout.t("Đã trả kết quả.", "The result was returned.")));
        return layout.redirect("/t/" + unit.getCode() + "/admin/dossiers/" + code);
    }

    private static String text(MultivaluedMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null ? "" : v;
    }

    private String render(Tenant unit, String code, String failedAction, String failure) {
        JsonObject d = (JsonObject) layout.call(() -> api.one(code)).getEntity();
        String c = Html.escape(code);
        String base = "/api/t/" + Html.escape(unit.getCode()) + "/dossiers/" + c;
        boolean mine = d.getString("holder").equals(unit.getCode());
        String status = d.getString("status");
        boolean open = !List.of("done", "refused", "stopped").contains(status);
        StringBuilder b = new StringBuilder(Forms.STYLE);
        b.append("<p>").append(Desk.link(layout.url(unit, "dossiers"), layout.t("Hồ sơ đang giữ", "Dossiers held"))).append("</p>");
        b.append("<h1>").append(layout.t("Hồ sơ ", "Dossier ")).append(c).append("</h1>");
        if (failure != null) {
            b.append("<p class=\"error\" role=\"alert\" id=\"action-error\">").append(Html.escape(failure)).append("</p>");
        }
        Tenant holder = directory.byCode(d.getString("holder")).orElse(unit);
        b.append("<table class=\"list\"><tbody>");
        row(b, layout.t("Thủ tục", "Procedure"), Html.escape(d.getString("procedureName")) + " (" + Html.escape(d.getString("procedureCode")) + ")");
        row(b, layout.t("Người nộp", "Applicant"), Html.escape(d.getString("applicantName")));
        row(b, layout.t("Tình trạng", "Status"), "<span class=\"status\" id=\"status\">" + Forms.status(status) + "</span>");
        row(b, layout.t("Bước hiện tại", "Current step"), Html.escape(d.getString("stepName")) + (d.containsKey("stepDue") ? " — " + layout.t("hạn ", "due ")
                + d.getString("stepDue") : ""));
        row(b, layout.t("Đơn vị đang giữ", "Held by"), "<span id=\"holder\">" + Html.escape(holder.getName()) + "</span>");
        row(b, layout.t("Nhận ngày", "Received"), d.getString("receivedDate"));
        row(b, layout.t("Hẹn trả", "Due"), d.getString("dueDate") + (d.containsKey("newDueDate") ? " — " + layout.t("hẹn lại ", "new date ")
                + d.getString("newDueDate") : "") + (d.getBoolean("overdue") ? " <span class=\"late\">" + layout.t("quá hạn", "overdue") + "</span>" : ""));
        b.append("</tbody></table>");
        b.append("<p><a href=\"").append(base).append("/receipt.pdf\">").append(layout.t("Giấy tiếp nhận (mẫu 01)", "Receipt slip (form 01)"))
                .append("</a> · <a href=\"").append(base).append("/forms/6.pdf\">").append(layout.t("Phiếu kiểm soát (mẫu 06)", "Control sheet (form 06)")).append("</a></p>");

        b.append("<h2>").append(layout.t("Thông tin tờ khai và tệp", "Form and files")).append("</h2><table class=\"list\"><tbody>");
        JsonObject labels = d.getJsonObject("formLabels");
        d.getJsonObject("form").forEach((k, v) -> row(b, Html.escape(labels.getString(k, k)), Html.escape(v instanceof jakarta.json.JsonString s ? s.getString() : v.toString())));
        b.append("</tbody></table><ul id=\"files\">");
        for (JsonValue v : d.getJsonArray("files")) {
            JsonObject f = v.asJsonObject();
            b.append("<li>").append(Html.escape(f.getString("kind"))).append(": <a href=\"").append(base).append("/files/").append(f.getJsonNumber("id").longValue())
                    .append("\">").append(Html.escape(f.getString("name"))).append("</a> (").append(Html.escape(f.getString("paper"))).append(")</li>");
        }
        b.append("</ul>");

        if (mine && open && !status.equals("supplement")) {
            b.append(actions(unit, d, failedAction));
        } else if (!mine && open) {
            b.append("<p class=\"hint\">").append(layout.t("Hồ sơ đang do đơn vị khác giữ: chỉ xem.", "Held by another unit: read only.")).append("</p>");
        } else if (status.equals("supplement")) {
            b.append("<p class=\"hint\">").append(layout.t("Đang chờ người nộp bổ sung giấy tờ.", "Waiting for the applicant's papers.")).append("</p>");
        }

        b.append("<h2>").append(layout.t("Giao nhận giữa các bước", "Handovers")).append("</h2><table class=\"list\" id=\"handovers\"><thead><tr><th>")
                .append(layout.t("Thời gian", "Time")).append("</th><th>").append(layout.t("Từ bước", "From")).append("</th><th>").append(layout.t("Sang bước", "To"))
                .append("</th><th>").append(layout.t("Đơn vị nhận", "Receiving unit")).append("</th><th>").append(layout.t("Người giao", "Given by"))
                .append("</th><th>").append(layout.t("Kết quả bước", "Step outcome")).append("</th></tr></thead><tbody>");
        for (JsonValue v : d.getJsonArray("handovers")) {
            JsonObject h = v.asJsonObject();
            String outcome = switch (h.getString("outcome", "")) {
                case "early" -> layout.t("Sớm hạn", "Early");
                case "on_time" -> layout.t("Đúng hạn", "On time");
                case "late" -> layout.t("Quá hạn", "Late");
                default -> "";
            };
            b.append("<tr><td>").append(TIME.format(Instant.parse(h.getString("at")).atZone(Intake.VIETNAM))).append("</td><td>").append(Html.escape(h.getString("fromName")))
                    .append("</td><td>").append(Html.escape(h.getString("toName"))).append("</td><td>").append(Html.escape(h.getString("toUnit"))).append("</td><td>")
                    .append(Html.escape(h.getString("givenBy"))).append("</td><td>").append(outcome).append("</td></tr>");
        }
        b.append("</tbody></table><h2>").append(layout.t("Lịch sử", "History")).append("</h2><ol>");
        for (JsonValue v : d.getJsonArray("history")) {
            JsonObject e = v.asJsonObject();
            b.append("<li>").append(TIME.format(Instant.parse(e.getString("at")).atZone(Intake.VIETNAM))).append(" — ").append(Forms.status(e.getString("status")))
                    .append(": ").append(Html.escape(e.getString("note"))).append(" (").append(Html.escape(e.getString("actor", ""))).append(")</li>");
        }
        b.append("</ol>");
        return layout.page(unit, "dossiers", "Hồ sơ " + code, "Dossier " + code, b.toString());
    }

    /** The forms of the actions the dossier's step allows. */
    private String actions(Tenant unit, JsonObject d, String failedAction) {
        String action = layout.withLang("/t/" + unit.getCode() + "/admin/dossiers/" + d.getString("code"));
        StringBuilder b = new StringBuilder("<h2>").append(layout.t("Xử lý", "Act")).append("</h2>");
        List<JsonObject> next = d.getJsonArray("next").stream().map(JsonValue::asJsonObject).toList();
        JsonObject duty = d.getJsonObject("duty");
        if (duty != null && !duty.getBoolean("mayEnd")) {
            // the step is someone else's duty: say whose, and offer no move (the server would refuse it anyway)
            String names = String.join(layout.t(" hoặc ", " or "), duty.getJsonArray("names").getValuesAs(jakarta.json.JsonString::getString));
            b.append("<p class=\"notice\" id=\"not-your-duty\">").append(Html.escape(layout.t("Bước hiện tại do " + names
                    + " thực hiện; tài khoản của bạn chưa được giao nhiệm vụ này.", "The current step is the duty of " + names
                    + "; your account has not been given it."))).append("</p>");
            next = List.of();
        }
        List<JsonObject> moves = next.stream().filter(n -> !n.getBoolean("end")).toList();
        if (!moves.isEmpty()) {
            b.append("<form class=\"dossier\" method=\"post\" action=\"").append(Html.escape(action)).append("\" id=\"move-form\">").append(layout.csrfField())
                    .append("<input type=\"hidden\" name=\"action\" value=\"move\"><input type=\"hidden\" name=\"version\" value=\"").append(d.getInt("version")).append("\">")
                    .append("<fieldset><legend>").append(layout.t("Chuyển bước", "Move on")).append("</legend>");
            for (JsonObject n : moves) {
                String role = n.getString("role");
                String hint = switch (role) {
                    case "OTHER_AGENCY" -> layout.t(" — chuyển liên thông, chọn đơn vị nhận", " — transfer, choose the agency");
                    case "APPLICANT" -> layout.t(" — yêu cầu bổ sung, chọn giấy tờ và ghi lý do", " — ask for papers: tick them, give the reason");
                    default -> "";
                };
                b.append("<label><input type=\"radio\" name=\"to\" required value=\"").append(Html.escape(n.getString("step"))).append("\" id=\"to-")
                        .append(Html.escape(n.getString("step"))).append("\"> ").append(Html.escape(n.getString("label"))).append(hint).append("</label>");
            }
            if (moves.stream().anyMatch(n -> n.getString("role").equals("OTHER_AGENCY"))) {
                b.append("<label for=\"toUnit\">").append(layout.t("Đơn vị nhận liên thông", "Receiving agency")).append("</label><select id=\"toUnit\" name=\"toUnit\">")
                        .append("<option value=\"\">—</option>");
                for (Tenant t : directory.subtree(directory.ancestors(unit).isEmpty() ? unit : directory.ancestors(unit).get(0))) {
                    if (t.getId().equals(unit.getId()) || !"active".equals(t.getStatus()) || (t.getKind().name().equalsIgnoreCase("commune")
                            && !t.getId().equals(directory.byCode(d.getString("unit")).map(Tenant::getId).orElse(-1L)))) {
                        continue;
                    }
                    b.append("<option value=\"").append(Html.escape(t.getCode())).append("\">").append(Html.escape(t.getName())).append("</option>");
                }
                b.append("</select>");
            }
            if (moves.stream().anyMatch(n -> n.getString("role").equals("APPLICANT"))) {
                b.append("<fieldset><legend>").append(layout.t("Giấy tờ cần bổ sung", "Papers to supplement")).append("</legend>");
                JsonArray papers = d.getJsonArray("papers");
                for (JsonValue p : papers) {
                    JsonObject paper = p.asJsonObject();
                    b.append("<label><input type=\"checkbox\" name=\"papers\" value=\"").append(Html.escape(paper.getString("id"))).append("\"> ")
                            .append(Html.escape(paper.getString("name"))).append("</label>");
                }
                b.append("</fieldset>");
            }
            b.append("<label for=\"assignee\">").append(layout.t("Giao cho cán bộ (tên đăng nhập, nếu giao trong đơn vị)", "Assign to (username, within the unit)"))
                    .append("</label><input id=\"assignee\" name=\"assignee\"><label for=\"note\">").append(layout.t("Ghi chú / lý do", "Note / reason"))
                    .append("</label><textarea id=\"note\" name=\"note\" rows=\"2\"></textarea><p><button type=\"submit\" id=\"move\">")
                    .append(layout.t("Chuyển", "Move")).append("</button></p></fieldset></form>");
        }
        if (next.stream().anyMatch(n -> n.getBoolean("end"))) {
            b.append("<form class=\"dossier\" method=\"post\" enctype=\"multipart/form-data\" action=\"").append(Html.escape(layout.withLang("/t/" + unit.getCode()
                    + "/admin/dossiers/" + d.getString("code") + "/result"))).append("\" id=\"result-form\">").append(layout.csrfField())
                    .append("<input type=\"hidden\" name=\"version\" value=\"").append(d.getInt("version")).append("\"><fieldset><legend>")
                    .append(layout.t("Trả kết quả", "Return the result")).append("</legend><label for=\"result\">").append(layout.t("Tệp kết quả (PDF hoặc ảnh)", "Result file (PDF or image)"))
                    .append("</label><input type=\"file\" id=\"result\" name=\"result\" accept=\"application/pdf,image/*\"><label for=\"result-note\">")
                    .append(layout.t("Ghi chú", "Note")).append("</label><input id=\"result-note\" name=\"note\"><p><button type=\"submit\" id=\"return-result\">")
                    .append(layout.t("Trả kết quả", "Return the result")).append("</button></p></fieldset></form>");
        }
        b.append(small(action, "refuse", layout.t("Từ chối giải quyết (mẫu 03)", "Refuse (form 03)"), ""));
        b.append(small(action, "apology", layout.t("Xin lỗi và hẹn lại (mẫu 04)", "Apologise, new date (form 04)"), "<label for=\"newDate\">"
                + layout.t("Ngày hẹn mới (dd/MM/yyyy)", "New date (dd/MM/yyyy)") + "</label><input id=\"newDate\" name=\"newDate\" placeholder=\"dd/mm/yyyy\">"));
        b.append(small(action, "stop", layout.t("Dừng giải quyết (mẫu 05)", "Stop (form 05)"), "<label><input type=\"checkbox\" name=\"byApplicant\" value=\"on\"> "
                + layout.t("theo đề nghị của người nộp", "at the applicant's request") + "</label>"));
        return b.toString();
    }

    private String small(String action, String name, String title, String extra) {
        return "<details><summary>" + Html.escape(title) + "</summary><form class=\"dossier\" method=\"post\" action=\"" + Html.escape(action) + "\">"
                + layout.csrfField() + "<input type=\"hidden\" name=\"action\" value=\"" + name + "\"><label for=\"" + name + "-reason\">"
                + layout.t("Lý do", "Reason") + "</label><textarea id=\"" + name + "-reason\" name=\"reason\" rows=\"2\" required></textarea>" + extra
                + "<p><button type=\"submit\">" + Html.escape(title) + "</button></p></form></details>";
    }

    private static void row(StringBuilder b, String th, String tdHtml) {
        b.append("<tr><th scope=\"row\">").append(th).append("</th><td>").append(tdHtml).append("</td></tr>");
    }

}
