package vn.egov.dossiers.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.egov.dossiers.control.Intake;
import vn.egov.dossiers.entity.Dossier;
import vn.egov.platform.persistence.ScopedWork;
import vn.egov.platform.security.Role;
import vn.egov.platform.security.SubjectScopeProvider.CurrentUser;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.tenancy.TenantContext;
import vn.egov.platform.tenancy.TenantScope;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Csrf;
import vn.egov.platform.web.Html;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.UnitSites;
import vn.egov.procedures.control.Catalogue;
import vn.egov.procedures.entity.Procedure;
import vn.egov.procedures.entity.ProcedureVersion;

/**
 * {@code /t/{code}/procedures/{procedure}/apply}: the online submission form of a procedure the unit offers, built
 * from the typed form and the papers of its current version, for a citizen's or business's account (the login page
 * comes first). A refused submission comes back with every message beside its field, the values kept, nothing
 * stored; an accepted one goes to the applicant's page of the dossier, with its code and slip.
 */
@Path("t/{code}/procedures/{procedure}/apply")
@RequestScoped
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class ApplyPage {

    @Inject
    TenantContext context;

    @Inject
    Catalogue catalogue;

    @Inject
    Intake intake;

    @Inject
    UnitSites site;

    @Context
    HttpServletRequest request;

    @GET
    public Response form(@PathParam("procedure") String code) {
        Tenant unit = unit();
        Optional<Response> refused = mustBeApplicant(unit);
        if (refused.isPresent()) {
            return refused.get();
        }
        return render(unit, code, Map.of(), Map.of(), "online", 200);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response submit(@PathParam("procedure") String code, List<EntityPart> parts) throws Exception {
        Tenant unit = unit();
        Optional<Response> refused = mustBeApplicant(unit);
        if (refused.isPresent()) {
            return refused.get();
        }
        Map<String, String> values = new HashMap<>();
        List<Intake.Paper> papers = new ArrayList<>();
        String csrf = null;
        String returnBy = "online";
        if (parts.size() > 60) {
            return render(unit, code, values, Map.of("", List.of("Quá nhiều phần trong biểu mẫu.")), returnBy, 400);
        }
        for (EntityPart p : parts) {
            String name = p.getName();
            if (name.equals(Csrf.FIELD)) {
                csrf = p.getContent(String.class);
            } else if (name.equals("returnBy")) {
                returnBy = p.getContent(String.class);
            } else if (name.equals("email")) {
                values.put("@email", p.getContent(String.class));
            } else if (name.equals("postAddress")) {
                values.put("@postAddress", p.getContent(String.class));
            } else if (name.startsWith("form.")) {
                values.put(name.substring(5), p.getContent(String.class));
            } else if (name.startsWith("paper.")) {
                byte[] content;
                try (InputStream in = p.getContent()) {
                    content = in.readNBytes(10 * 1024 * 1024 + 1);
                }
                if (content.length > 0) {
                    papers.add(new Intake.Paper(name.substring(6), p.getFileName().orElse("tep"), content));
                }
            }
        }
        if (!Csrf.valid(request, csrf)) {
            return render(unit, code, values, Map.of("", List.of("Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ: hãy gửi lại. Chưa có gì được lưu.")),
                    returnBy, 403);
        }
        JsonNode definition = definition(unit, code);
        if (definition == null) {
            return Response.status(404).entity(site.notFound(unit, false)).build();
        }
        ObjectNode form = Forms.formJson(definition, values);
        UserPrincipal me = CurrentUser.get().orElseThrow();
        String giveBack = returnBy;
        try {
            Dossier d = ScopedWork.call(new TenantScope(unit.getId(), unit.getPath(), false), () -> intake.receive(unit, code, form, papers,
                    new Intake.Applicant(me.userId(), me.displayName(), me.username(), values.get("@email"), values.get("@postAddress")), "online", giveBack));
            return Response.seeOther(URI.create("/me/dossiers/" + d.code() + "?new=1")).build();
        } catch (ProblemException e) {
            Map<String, List<String>> errors = e.problem().fieldErrors() == null || e.problem().fieldErrors().isEmpty()
                    ? Map.of("", List.of(e.problem().detailVi())) : e.problem().fieldErrors();
            return render(unit, code, values, errors, returnBy, e.problem().status());
        }
    }

    private Optional<Response> mustBeApplicant(Tenant unit) {
        Optional<UserPrincipal> me = CurrentUser.get();
        if (me.isEmpty()) {
            return Optional.of(Response.seeOther(URI.create("/login")).build());
        }
        if (!me.get().has(Role.CITIZEN)) {
            return Optional.of(Response.status(403).entity(site.framed(unit, false, "Nộp hồ sơ trực tuyến",
                    "<h1>Nộp hồ sơ trực tuyến</h1><p class=\"error\" role=\"alert\">Chỉ tài khoản công dân, doanh nghiệp nộp hồ sơ trực tuyến. "
                            + "Cán bộ tiếp nhận hồ sơ tại quầy ở trang một cửa của đơn vị.</p>", "procedures")).build());
        }
        return Optional.empty();
    }

    private JsonNode definition(Tenant unit, String code) {
        Optional<Procedure> p = catalogue.offered(unit, code);
        if (p.isEmpty()) {
            return null;
        }
        ProcedureVersion v = catalogue.version(p.get(), p.get().currentVersion()).orElseThrow();
        try {
            return vn.egov.procedures.control.Definitions.parse(v.definitionJson());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Response render(Tenant unit, String code, Map<String, String> values, Map<String, List<String>> errors, String returnBy, int status) {
        Optional<Procedure> p = catalogue.offered(unit, code);
        JsonNode d = definition(unit, code);
        if (p.isEmpty() || d == null) {
            return Response.status(404).entity(site.notFound(unit, false)).build();
        }
        String u = Html.escape(unit.getCode());
        StringBuilder b = new StringBuilder(Forms.STYLE);
        b.append("<p><a href=\"/t/").append(u).append("/procedures/").append(Html.escape(code)).append("\">Về trang thủ tục</a></p>");
        b.append("<h1>Nộp hồ sơ trực tuyến</h1><p class=\"hint\">").append(Html.escape(p.get().name())).append(" — mã thủ tục ")
                .append(Html.escape(p.get().code())).append("</p>");
        if (!errors.isEmpty()) {
            b.append("<div class=\"error\" role=\"alert\" id=\"form-errors\"><p>Hồ sơ chưa được nộp: có ").append(errors.size())
                    .append(" chỗ cần sửa. Chưa có gì được lưu.</p>");
            List<String> general = errors.get("");
            if (general != null) {
                general.forEach(m -> b.append("<p>").append(Html.escape(m)).append("</p>"));
            }
            b.append("</div>");
        }
        b.append("<form class=\"dossier\" method=\"post\" enctype=\"multipart/form-data\" action=\"/t/").append(u).append("/procedures/")
                .append(Html.escape(code)).append("/apply\">").append(Csrf.field(request));
        b.append(Forms.fieldsAndPapers(d, values, errors));
        b.append("<fieldset><legend>Nhận kết quả</legend>");
        Map<String, String> ways = new LinkedHashMap<>();
        ways.put("online", "Trực tuyến (tải kết quả trên cổng)");
        ways.put("post", "Qua dịch vụ bưu chính công ích");
        ways.forEach((k, v) -> b.append("<label><input type=\"radio\" name=\"returnBy\" value=\"").append(k).append("\"")
                .append(k.equals(returnBy) ? " checked" : "").append("> ").append(v).append("</label>"));
        b.append(Forms.errors("returnBy", errors, "returnBy"));
        b.append("<label for=\"postAddress\">Địa chỉ nhận kết quả qua bưu chính</label><input id=\"postAddress\" name=\"postAddress\" value=\"")
                .append(Html.escape(values.getOrDefault("@postAddress", ""))).append("\"").append(Forms.invalid(errors, "postAddress", "postAddress")).append(">")
                .append("<p class=\"hint\">Chỉ cần khi chọn nhận qua bưu chính: số nhà, thôn/tổ, xã/phường, huyện, tỉnh.</p>")
                .append(Forms.errors("postAddress", errors, "postAddress"));
        b.append("<label for=\"email\">Thư điện tử nhận thông báo về hồ sơ (nếu muốn)</label><input type=\"email\" id=\"email\" name=\"email\" value=\"")
                .append(Html.escape(values.getOrDefault("@email", ""))).append("\"").append(Forms.invalid(errors, "email", "email")).append(">")
                .append(Forms.errors("email", errors, "email"));
        b.append("</fieldset><p><button type=\"submit\" id=\"submit-dossier\">Nộp hồ sơ</button></p></form>");
        return Response.status(status).entity(site.framed(unit, false, "Nộp hồ sơ: " + p.get().name(), b.toString(),
                "procedures/" + code + "/apply")).build();
    }

    private Tenant unit() {
        return context.tenant().orElseThrow(() -> ProblemException.notFound("đơn vị", "unit"));
    }

}
