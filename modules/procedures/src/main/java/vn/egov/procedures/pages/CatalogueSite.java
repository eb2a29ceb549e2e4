package vn.egov.procedures.pages;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.text.Normalizer;
import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.egov.platform.tenancy.TenantContext;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Html;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.UnitSites;
import vn.egov.procedures.control.Catalogue;
import vn.egov.procedures.entity.Procedure;
import vn.egov.procedures.entity.ProcedureVersion;

/**
 * The catalogue on a unit's public site: {@code /t/{code}/procedures} lists what the unit offers by sector (filtered
 * by words, with or without diacritics, and by sector), and {@code /t/{code}/procedures/{procedure}} shows one
 * procedure as the law requires it to be published, with its process drawn.
 */
@Path("t/{code}/procedures")
@RequestScoped
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class CatalogueSite {

    @Inject
    TenantContext context;

    @Inject
    Catalogue catalogue;

    @Inject
    UnitSites site;

    private Tenant unit() {
        return context.tenant().orElseThrow(() -> ProblemException.notFound("đơn vị", "unit"));
    }

    @GET
    public Response list(@QueryParam("q") String q, @QueryParam("sector") String sector, @QueryParam("lang") String lang) {
        Tenant unit = unit();
        boolean en = "en".equals(lang);
        List<Procedure> all = catalogue.offered(unit);
        String words = fold(q == null ? "" : q.strip());
        List<Procedure> shown = all.stream()
                .filter(p -> words.isEmpty() || fold(p.name() + " " + p.code() + " " + p.sector()).contains(words))
                .filter(p -> sector == null || sector.isBlank() || p.sector().equals(sector)).toList();
        StringBuilder b = new StringBuilder("<h1>").append(en ? "Administrative procedures" : "Thủ tục hành chính").append("</h1>");
        b.append("<form role=\"search\" method=\"get\" action=\"/t/").append(Html.escape(unit.getCode())).append("/procedures\" class=\"filter\">")
                .append("<label for=\"pq\">").append(en ? "Find a procedure" : "Tìm thủ tục").append("</label> <input id=\"pq\" name=\"q\" type=\"search\" value=\"")
                .append(Html.escape(q == null ? "" : q)).append("\"> <label for=\"ps\">").append(en ? "Sector" : "Lĩnh vực").append("</label> <select id=\"ps\" name=\"sector\">")
                .append("<option value=\"\">").append(en ? "(all)" : "(tất cả)").append("</option>");
        all.stream().map(Procedure::sector).distinct().sorted().forEach(s -> b.append("<option").append(s.equals(sector) ? " selected" : "")
                .append(">").append(Html.escape(s)).append("</option>"));
        b.append("</select>").append(en ? "<input type=\"hidden\" name=\"lang\" value=\"en\">" : "").append(" <button type=\"submit\">")
                .append(en ? "Find" : "Tìm").append("</button></form>");
        b.append("<p id=\"procedure-count\">").append(shown.size()).append(en ? " procedure(s)" : " thủ tục").append("</p>");
        Map<String, List<Procedure>> bySector = new LinkedHashMap<>();
        shown.forEach(p -> bySector.computeIfAbsent(p.sector(), k -> new java.util.ArrayList<>()).add(p));
        for (Map.Entry<String, List<Procedure>> e : bySector.entrySet()) {
            b.append("<h2>").append(Html.escape(e.getKey())).append("</h2><table><thead><tr><th scope=\"col\">").append(en ? "Code" : "Mã")
                    .append("</th><th scope=\"col\">").append(en ? "Procedure" : "Tên thủ tục").append("</th><th scope=\"col\">")
                    .append(en ? "Online" : "Trực tuyến").append("</th><th scope=\"col\">").append(en ? "Time limit" : "Thời hạn").append("</th></tr></thead><tbody>");
            for (Procedure p : e.getValue()) {
                b.append("<tr><td>").append(Html.escape(p.code())).append("</td><td><a href=\"/t/").append(Html.escape(unit.getCode()))
                        .append("/procedures/").append(Html.escape(p.code())).append(en ? "?lang=en" : "").append("\">").append(Html.escape(p.name()))
                        .append("</a></td><td>").append(online(p.onlineLevel(), en)).append("</td><td>")
                        .append(ProcessDiagram.days(p.timeLimitDays().doubleValue(), en)).append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        String path = "procedures" + (q == null || q.isBlank() ? "" : "?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
        return Response.ok(site.framed(unit, en, en ? "Administrative procedures" : "Thủ tục hành chính", b.toString(), path))
                .header("Cache-Control", "public, max-age=60").build();
    }

    @GET
    @Path("{procedure}")
    public Response one(@PathParam("procedure") String code, @QueryParam("lang") String lang) {
        Tenant unit = unit();
        boolean en = "en".equals(lang);
        Optional<Procedure> found = catalogue.offered(unit, code);
        if (found.isEmpty()) {
            return Response.status(404).entity(site.notFound(unit, en)).build();
        }
        Procedure p = found.get();
        ProcedureVersion v = catalogue.version(p, p.currentVersion()).orElseThrow();
        JsonNode d = read(v.definitionJson());
        StringBuilder b = new StringBuilder("<p><a href=\"/t/").append(Html.escape(unit.getCode())).append("/procedures").append(en ? "?lang=en" : "")
                .append("\">").append(en ? "All procedures" : "Tất cả thủ tục").append("</a></p>");
        b.append("<style>.facts th,.papers th{text-align:left;vertical-align:top;padding:.25rem 1rem .25rem 0}.papers td{padding:.25rem 1rem .25rem 0}</style>");
        b.append("<h1>").append(Html.escape(p.name())).append("</h1><table class=\"facts\"><tbody>");
        row(b, en ? "Code" : "Mã thủ tục", Html.escape(p.code()));
        row(b, en ? "Sector" : "Lĩnh vực", Html.escape(p.sector()));
        row(b, en ? "Level" : "Cấp thực hiện", p.level().label(en));
        row(b, en ? "Online" : "Mức độ trực tuyến", online(p.onlineLevel(), en));
        row(b, en ? "Time limit" : "Thời hạn giải quyết", ProcessDiagram.days(p.timeLimitDays().doubleValue(), en));
        StringBuilder channels = new StringBuilder();
        d.path("channels").forEach(c -> channels.append(channels.length() > 0 ? ", " : "").append(channel(c.asText(), en)));
        row(b, en ? "Ways to submit" : "Cách thức thực hiện", channels.toString());
        StringBuilder fees = new StringBuilder();
        NumberFormat money = NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN"));
        d.path("fees").forEach(f -> fees.append(fees.length() > 0 ? "<br>" : "").append(Html.escape(f.path("description").asText())).append(": ")
                .append(f.path("amount").asLong() == 0 ? (en ? "free" : "miễn phí") : money.format(f.path("amount").asLong()) + " đ"));
        row(b, en ? "Fees" : "Phí, lệ phí", fees.length() == 0 ? (en ? "none" : "không") : fees.toString());
        row(b, en ? "Result" : "Kết quả", Html.escape(d.path("result").asText()));
        if (!d.path("conditions").asText("").isBlank()) {
            row(b, en ? "Conditions" : "Yêu cầu, điều kiện", Html.escape(d.path("conditions").asText()));
        }
        row(b, en ? "Legal basis" : "Căn cứ pháp lý", Html.escape(d.path("legalBasis").asText()));
        row(b, en ? "Version" : "Phiên bản", v.version() + "");
        b.append("</tbody></table>");
        boolean online = false;
        boolean byPost = false;
        for (JsonNode c : d.path("channels")) {
            online |= c.asText().equals("online");
            byPost |= c.asText().equals("post");
        }
        if (online) {
            // the submission form itself asks for a citizen's or business's login first
            b.append("<p><a class=\"apply\" id=\"apply\" href=\"/t/").append(Html.escape(unit.getCode())).append("/procedures/").append(Html.escape(p.code()))
                    .append("/apply\">").append(en ? "Submit online" : "Nộp hồ sơ trực tuyến").append("</a></p>");
        }
        if (byPost) {
            // the postal service picks the paper dossier up at the applicant's address (a login first, too)
            b.append("<p><a id=\"pickup\" href=\"/t/").append(Html.escape(unit.getCode())).append("/procedures/").append(Html.escape(p.code()))
                    .append("/pickup\">").append(en ? "Send the paper dossier by post (picked up at your address)" : "Gửi hồ sơ giấy qua bưu chính (nhận tại nhà)")
                    .append("</a></p>");
        }
        b.append("<h2>").append(en ? "Papers" : "Thành phần hồ sơ").append("</h2><table class=\"papers\"><thead><tr><th scope=\"col\">").append(en ? "Paper" : "Giấy tờ")
                .append("</th><th scope=\"col\">").append(en ? "Originals" : "Bản chính").append("</th><th scope=\"col\">").append(en ? "Copies" : "Bản sao")
                .append("</th><th scope=\"col\">").append(en ? "Form" : "Mẫu đơn").append("</th></tr></thead><tbody>");
        d.path("papers").forEach(paper -> {
            b.append("<tr><td>").append(Html.escape(paper.path("name").asText())).append(paper.path("required").asBoolean(true) ? "" : en ? " (if any)" : " (nếu có)")
                    .append("</td><td>").append(paper.path("originals").asInt(1)).append("</td><td>").append(paper.path("copies").asInt(0)).append("</td><td>");
            if (paper.hasNonNull("template")) {
                b.append("<a href=\"").append(Html.escape(paper.path("template").asText())).append("\" rel=\"noopener\">").append(en ? "download" : "tải về").append("</a>");
            }
            b.append("</td></tr>");
        });
        b.append("</tbody></table>");
        if (!d.path("steps").asText("").isBlank()) {
            b.append("<h2>").append(en ? "Steps" : "Trình tự thực hiện").append("</h2><p>").append(Html.escape(d.path("steps").asText())).append("</p>");
        }
        b.append("<h2>").append(en ? "What the online form asks" : "Thông tin cần khai khi nộp trực tuyến").append("</h2><ul>");
        d.path("form").path("fields").forEach(f -> b.append("<li>").append(Html.escape(f.path("label").asText()))
                .append(f.path("required").asBoolean(false) ? (en ? " (required)" : " (bắt buộc)") : "").append("</li>"));
        b.append("</ul><h2 id=\"process-h\">").append(en ? "How it is handled" : "Quy trình xử lý").append("</h2>")
                .append("<div class=\"diagram\" style=\"overflow-x:auto\">").append(ProcessDiagram.svg(d.path("process"), en)).append("</div><ol class=\"steps\">");
        d.path("process").path("steps").forEach(s -> b.append("<li>").append(Html.escape(s.path("name").asText())).append(" — ")
                .append(Html.escape(ProcessDiagram.role(s.path("role").asText(), en))).append(", ")
                .append(s.path("pausesClock").asBoolean(false) ? (en ? "clock paused" : "dừng tính thời gian") : ProcessDiagram.days(s.path("days").asDouble(0), en))
                .append("</li>"));
        b.append("</ol>");
        return Response.ok(site.framed(unit, en, p.name(), b.toString(), "procedures/" + p.code())).header("Cache-Control", "public, max-age=60").build();
    }

    private static JsonNode read(String json) {
        try {
            return vn.egov.procedures.control.Definitions.parse(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void row(StringBuilder b, String label, String html) {
        b.append("<tr><th scope=\"row\">").append(label).append("</th><td>").append(html).append("</td></tr>");
    }

    static String online(Procedure.OnlineLevel l, boolean en) {
        return l == Procedure.OnlineLevel.FULL ? (en ? "fully online" : "toàn trình") : (en ? "partly online" : "một phần");
    }

    static String channel(String c, boolean en) {
        return switch (c) {
            case "online" -> en ? "online" : "trực tuyến";
            case "counter" -> en ? "at the one-stop desk" : "trực tiếp tại bộ phận một cửa";
            case "post" -> en ? "by post" : "qua bưu chính công ích";
            default -> c;
        };
    }

    /** Lower case without diacritics (đ as d), for matching what visitors type. */
    static String fold(String s) {
        String n = Normalizer.normalize(s.toLowerCase(Locale.ROOT).replace('đ', 'd'), Normalizer.Form.NFD);
        return n.replaceAll("\\p{M}+", "");
    }
}
