package vn.egov.dossiers.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.egov.dossiers.boundary.PaymentAccountResource;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Html;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.desk.Desk;

/**
 * {@code /t/{code}/admin/payment-account}: the unit's administrator sets the bank account its fees are paid into
 * (through {@link PaymentAccountResource}); a refused form comes back with each message beside its field, the values
 * kept, nothing saved.
 */
@Path("t/{code}/admin/payment-account")
@RequestScoped
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class PaymentAccountPage {

    @Inject
    Desk layout;

    @Inject
    PaymentAccountResource api;

    @GET
    public Response form() {
        Tenant unit = layout.require();
        JsonObject a = (JsonObject) layout.call(api::get).getEntity();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("bin", a.getBoolean("own") ? a.getString("bin") : "");
        v.put("account", a.getBoolean("own") ? a.getString("account") : "");
        v.put("name", a.getBoolean("own") ? a.getString("name") : "");
        return layout.ok(render(unit, v, a, Map.of()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(MultivaluedMap<String, String> form) {
        layout.checkCsrf(form.getFirst("csrf"));
        Tenant unit = layout.require();
        Map<String, String> v = new LinkedHashMap<>();
        for (String f : List.of("bin", "account", "name")) {
            String value = form.getFirst(f);
            v.put(f, value == null ? "" : value.strip());
        }
        try {
            api.put(Jsonp.createObjectBuilder().add("bin", v.get("bin")).add("account", v.get("account")).add("name", v.get("name")).build());
        } catch (ProblemException e) {
            if (e.problem().status() != 400) {
                throw layout.error(e.problem());
            }
            Map<String, String> errors = new LinkedHashMap<>();
            e.problem().fieldErrors().forEach((field, messages) -> errors.put(field, String.join(" ", messages.stream().map(layout::message).toList())));
            JsonObject current = (JsonObject) layout.call(api::get).getEntity();
            throw layout.refuse(400, render(unit, v, current, errors));
        }
        layout.flash(Html.escape(layout.t("Đã lưu tài khoản thu phí, lệ phí của đơn vị.", "The unit's fee account was saved.")));
        return layout.redirect("/t/" + unit.getCode() + "/admin/payment-account");
    }

    private String render(Tenant unit, Map<String, String> v, JsonObject current, Map<String, String> errors) {
        StringBuilder b = new StringBuilder("<h1>").append(layout.t("Tài khoản thu phí, lệ phí", "Fee account")).append("</h1>");
        if (!errors.isEmpty()) {
            b.append(layout.refusedBanner(null));
        }
        b.append("<p id=\"current\">").append(Html.escape(current.getBoolean("own")
                ? layout.t("Phí, lệ phí của hồ sơ nộp tại đơn vị được chuyển vào tài khoản " + current.getString("account") + " (" + current.getString("name")
                        + ", mã ngân hàng " + current.getString("bin") + ").", "Fees of the unit's dossiers are paid into account " + current.getString("account")
                        + " (" + current.getString("name") + ", bank " + current.getString("bin") + ").")
                : layout.t("Đơn vị chưa có tài khoản riêng: phí, lệ phí được chuyển vào tài khoản chung của tỉnh (" + current.getString("account") + ").",
                        "The unit has no account of its own: fees go to the province's common account (" + current.getString("account") + ")."))).append("</p>");
        b.append("<p>").append(Html.escape(layout.t("Yêu cầu thanh toán đã lập giữ tài khoản đã ghi khi lập; tài khoản mới áp dụng cho hồ sơ tiếp nhận sau khi lưu.",
                "Payment requests already made keep the account they named; the new one applies to dossiers received after saving."))).append("</p>");
        b.append("<form method=\"post\" action=\"").append(Html.escape(layout.url(unit, "payment-account"))).append("\" novalidate>").append(layout.csrfField())
                .append(layout.input("bin", "Mã ngân hàng (BIN, 6 chữ số)", "Bank BIN (6 digits)", v.get("bin"), errors, "inputmode=\"numeric\" maxlength=\"6\""))
                .append(layout.input("account", "Số tài khoản", "Account number", v.get("account"), errors, "inputmode=\"numeric\" maxlength=\"19\""))
                .append(layout.input("name", "Tên chủ tài khoản", "Account holder", v.get("name"), errors, "maxlength=\"100\""))
                .append("<p><button type=\"submit\" id=\"save-account\">").append(layout.t("Lưu", "Save")).append("</button></p></form>");
        return layout.page(unit, "payment-account", "Tài khoản thu phí", "Fee account", b.toString());
    }
}
