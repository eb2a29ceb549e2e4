package vn.egov.dossiers.pages;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.egov.dossiers.boundary.MyPickupsResource;
import vn.egov.platform.security.Role;
import vn.egov.platform.security.SubjectScopeProvider.CurrentUser;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.tenancy.TenantContext;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Csrf;
import vn.egov.platform.web.Html;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.UnitSites;
import vn.egov.procedures.control.Catalogue;
import vn.egov.procedures.entity.Procedure;

/**
 * {@code /t/{code}/procedures/{procedure}/pickup}: a citizen's or business's account asks the postal service to pick
 * its paper dossier up at an address and carry it to the unit, for a procedure the unit takes by post. The request
 * goes through the pickups API ({@link MyPickupsResource}); a refused one comes back with its messages beside the
 * fields, the values kept, nothing stored; an accepted one goes to the applicant's page, where the request is followed.
 */
@Path("t/{code}/procedures/{procedure}/pickup")
@RequestScoped
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class PickupPage {

    @Inject
    TenantContext context;

    @Inject
    Catalogue catalogue;

    @Inject
    MyPickupsResource pickups;

    @Inject
    UnitSites site;

    @Context
    HttpServletRequest request;

    @GET
    public Response form(@PathParam("procedure") String code) {
        Tenant unit = unit();
        return refusal(unit).orElseGet(() -> render(unit, code, Map.of(), Map.of(), 200));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response ask(@PathParam("procedure") String code, MultivaluedMap<String, String> form) throws Exception {
        Tenant unit = unit();
        Optional<Response> refused = refusal(unit);
        if (refused.isPresent()) {
            return refused.get();
        }
        Map<String, String> values = Map.of("address", value(form, "address"), "email", value(form, "email"));
        if (!Csrf.valid(request, form.getFirst(Csrf.FIELD))) {
            return render(unit, code, values, Map.of("", List.of("Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ: hãy gửi lại. Chưa có gì được lưu.")), 403);
        }
        try {
            Response r = pickups.request(Jsonp.createObjectBuilder().add("unit", unit.getCode()).add("procedure", code).add("address", values.get("address"))
                    .add("email", values.get("email")).build());
            long id = ((jakarta.json.JsonObject) r.getEntity()).getJsonNumber("id").longValue();
            return Response.seeOther(URI.create("/me/dossiers?pickup=" + id)).build();
        } catch (ProblemException e) {
            Map<String, List<String>> errors = e.problem().fieldErrors() == null || e.problem().fieldErrors().isEmpty()
                    ? Map.of("", List.of(e.problem().detailVi())) : e.problem().fieldErrors();
            return render(unit, code, values, errors, e.problem().status());
        }
    }

    private static String value(MultivaluedMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null ? "" : v;
    }

    private Optional<Response> refusal(Tenant unit) {
        Optional<UserPrincipal> me = CurrentUser.get();
        if (me.isEmpty()) {
            return Optional.of(Response.seeOther(URI.create("/login")).build());
        }
        if (!me.get().has(Role.CITIZEN)) {
            return Optional.of(Response.status(403).entity(site.framed(unit, false, "Gửi hồ sơ qua bưu chính",
                    "<h1>Gửi hồ sơ qua bưu chính</h1><p class=\"error\" role=\"alert\">Chỉ tài khoản công dân, doanh nghiệp gửi hồ sơ qua bưu chính.</p>",
                    "procedures")).build());
        }
        return Optional.empty();
    }

    private Response render(Tenant unit, String code, Map<String, String> values, Map<String, List<String>> errors, int status) {
        Optional<Procedure> p = catalogue.offered(unit, code);
        if (p.isEmpty()) {
            return Response.status(404).entity(site.notFound(unit, false)).build();
        }
        String u = Html.escape(unit.getCode());
        String c = Html.escape(code);
        StringBuilder b = new StringBuilder(Forms.STYLE);
        b.append("<p><a href=\"/t/").append(u).append("/procedures/").append(c).append("\">Về trang thủ tục</a></p>");
        b.append("<h1>Gửi hồ sơ giấy qua bưu chính</h1><p class=\"hint\">").append(Html.escape(p.get().name())).append(" — mã thủ tục ")
                .append(Html.escape(p.get().code())).append("</p>");
        b.append("<p>Nhân viên bưu chính công ích đến địa chỉ của bạn nhận hồ sơ giấy và chuyển đến ").append(Html.escape(unit.getName()))
                .append(". Khi hồ sơ đến, bộ phận một cửa tiếp nhận và bạn theo dõi hồ sơ ở trang Hồ sơ của tôi.</p>");
        if (!errors.isEmpty()) {
            b.append("<div class=\"error\" role=\"alert\" id=\"form-errors\"><p>Chưa gửi được yêu cầu: có ").append(errors.size())
                    .append(" chỗ cần sửa. Chưa có gì được lưu.</p>");
            List<String> general = errors.get("");
            if (general != null) {
                general.forEach(m -> b.append("<p>").append(Html.escape(m)).append("</p>"));
            }
            List<String> procedure = errors.get("procedure");
            if (procedure != null) {
                procedure.forEach(m -> b.append("<p>").append(Html.escape(m)).append("</p>"));
            }
            b.append("</div>");
        }
        b.append("<form class=\"dossier\" method=\"post\" action=\"/t/").append(u).append("/procedures/").append(c).append("/pickup\">")
                .append(Csrf.field(request));
        b.append("<label for=\"address\">Địa chỉ nhận hồ sơ</label><input id=\"address\" name=\"address\" value=\"")
                .append(Html.escape(values.getOrDefault("address", ""))).append("\"").append(Forms.invalid(errors, "address", "address")).append(">")
                .append("<p class=\"hint\">Số nhà, thôn/tổ, xã/phường, huyện, tỉnh.</p>").append(Forms.errors("address", errors, "address"));
        b.append("<label for=\"email\">Thư điện tử nhận thông báo (nếu muốn)</label><input type=\"email\" id=\"email\" name=\"email\" value=\"")
                .append(Html.escape(values.getOrDefault("email", ""))).append("\"").append(Forms.invalid(errors, "email", "email")).append(">")
                .append(Forms.errors("email", errors, "email"));
        b.append("<p><button type=\"submit\" id=\"ask-pickup\">Gửi yêu cầu</button></p></form>");
        return Response.status(status).entity(site.framed(unit, false, "Gửi hồ sơ qua bưu chính: " + p.get().name(), b.toString(),
                "procedures/" + code + "/pickup")).build();
    }

    private Tenant unit() {
        return context.tenant().orElseThrow(() -> ProblemException.notFound("đơn vị", "unit"));
    }
}
