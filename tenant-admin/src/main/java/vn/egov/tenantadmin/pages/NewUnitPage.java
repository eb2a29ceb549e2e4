package vn.egov.tenantadmin.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.egov.platform.persistence.OwnTransaction;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.Slugs;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.tenancy.entity.TenantKind;
import vn.egov.platform.web.Html;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.desk.Desk;
import vn.egov.tenantadmin.boundary.NewUnit;
import vn.egov.tenantadmin.boundary.UnitAdminResource;

/**
 * {@code /t/{code}/admin/units/new}: the form for a sub-unit and its first administrator. Bad input re-shows
 * the form with the user's values and a message at each bad field (nothing is created); success redirects to
 * the overview, which shows the first administrator's one-time password once.
 */
@Path("t/{code}/admin/units/new")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(Desk.HTML)
public class NewUnitPage {
    static final List<String> FIELDS = List.of("kind", "name", "code", "gsoCode", "customDomain", "address", "phone", "email",
            "adminUsername", "adminDisplayName");

    @Inject
    Desk layout;

    @Inject
    OwnTransaction ownTransaction;

    @Inject
    Validator validator;

    @Inject
    UnitAdminResource units;

    @GET
    public Response form() {
        Tenant parent = layout.requireSubtree();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("kind", defaultKind(parent));
        return layout.ok(render(parent, values, false, Map.of(), null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        layout.checkCsrf(form.getFirst("csrf"));
        Tenant parent = layout.requireSubtree();
        Map<String, String> values = new LinkedHashMap<>();
        for (String f : FIELDS) {
            String v = form.getFirst(f);
            values.put(f, v == null ? "" : v.strip());
        }
        boolean subtree = form.containsKey("adminSubtree");
        if (values.get("code").isEmpty() && !values.get("name").isEmpty()) {
            try {
                values.put("code", Slugs.of(values.get("name"))); // the same rule as the CSV import
            } catch (IllegalArgumentException e) {
                // no letters: the code stays empty and is reported below
            }
        }
        NewUnit input = new NewUnit(values.get("code"), values.get("name"), values.get("kind"), blank(values.get("gsoCode")),
                blank(values.get("customDomain")), blank(values.get("address")), blank(values.get("phone")), blank(values.get("email")),
                new NewUnit.FirstAdmin(values.get("adminUsername"), values.get("adminDisplayName"), subtree,
                        form.containsKey("adminInvite"), null, null));
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<NewUnit> v : validator.validate(input)) {
            String path = v.getPropertyPath().toString();
            String field = switch (path) {
                case "firstAdmin.username" -> "adminUsername";
                case "firstAdmin.displayName" -> "adminDisplayName";
                default -> path;
            };
            errors.merge(field, layout.message(v.getMessage()),
                    (a, b) -> a + " " + b);
        }
        if (!errors.isEmpty()) {
            throw layout.refuse(400, render(parent, values, subtree, errors, null));
        }
        UnitAdminResource.Created created;
        try {
            created = (UnitAdminResource.Created) ownTransaction.call(() -> units.create(input)).getEntity();
        } catch (ProblemException e) {
            // a taken code, GSO code, domain or username; a suspended parent; no right: the form again, nothing created
            if (e.problem().status() == 401 || e.problem().status() == 403) {
                throw layout.error(e.problem());
            }
            String detail = layout.en() ? e.problem().detailEn() : e.problem().detailVi();
            Map<String, String> at = new LinkedHashMap<>();
            String field = conflictField(e.problem().detailEn());
            if (field != null) {
                at.put(field, detail);
            }
            throw layout.refuse(e.problem().status(), render(parent, values, subtree, at, detail));
        }
        layout.flash(Html.escape(layout.t("Đã tạo đơn vị ", "Created the unit ")) + "<strong>" + Html.escape(input.name())
                + "</strong> (<code>" + Html.escape(created.code()) + "</code>). "
                + Html.escape(layout.t("Quản trị viên đầu tiên:", "First administrator:"))
                + " <span id=\"first-admin\" class=\"secret\">" + Html.escape(created.firstAdmin().username()) + "</span>, "
                + (created.firstAdmin().invitation() != null
                ? Html.escape(layout.t("đường dẫn mời (dùng một lần, hết hạn ", "invitation link (works once, until "))
                + Html.escape(created.firstAdmin().invitation().expiresAt()) + "): <span id=\"invitation\" class=\"secret\">"
                + Html.escape(created.firstAdmin().invitation().url()) + "</span>. "
                + Html.escape(layout.t("Hãy gửi đường dẫn cho người nhận qua kênh an toàn; họ tự chọn mật khẩu.",
                        "Send the link to the person safely; they choose their own password."))
                : Html.escape(layout.t("mật khẩu một lần:", "one-time password:"))
                + " <span id=\"one-time-password\" class=\"secret\">" + Html.escape(created.firstAdmin().oneTimePassword()) + "</span>. "
                + Html.escape(layout.t("Mật khẩu chỉ hiện một lần này; hãy chuyển cho người nhận qua kênh an toàn. "
                        + "Lần đăng nhập đầu, họ phải đặt mật khẩu mới.",
                        "The password is shown this once only; hand it over safely. They must choose a new one when they first log in."))));
        return layout.redirect("/t/" + parent.getCode() + "/admin/");
    }

    /** Which form field a duplicate refers to (the template names it in its message). */
    private static String conflictField(String detailEn) {
        if (detailEn == null) {
            return null;
        }
        return detailEn.contains("GSO code") ? "gsoCode" : detailEn.contains("custom domain") ? "customDomain"
                : detailEn.contains("username") ? "adminUsername" : detailEn.contains("unit code") ? "code" : null;
    }

    private String render(Tenant parent, Map<String, String> v, boolean subtree, Map<String, String> errors, String detail) {
        StringBuilder b = new StringBuilder("<h1>").append(layout.t("Tạo đơn vị trực thuộc ", "New unit under "))
                .append(Html.escape(parent.getName())).append("</h1>");
        if (!errors.isEmpty() || detail != null) {
            b.append(layout.refusedBanner(detail));
        }
        b.append("<form method=\"post\" action=\"").append(Html.escape(layout.url(parent, "units/new"))).append("\" novalidate>")
                .append(layout.csrfField())
                .append("<fieldset><legend>").append(layout.t("Đơn vị", "Unit")).append("</legend>");
        List<String[]> kinds = new ArrayList<>();
        for (TenantKind k : TenantKind.values()) {
            kinds.add(new String[] {k.dbValue(), k.vietnamese(), k.english()});
        }
        b.append(layout.select("kind", "Loại đơn vị", "Kind", v.getOrDefault("kind", ""), kinds, errors))
                .append(layout.input("name", "Tên đơn vị", "Name", v.get("name"), errors, "required maxlength=\"200\" autocomplete=\"off\""))
                .append(layout.input("code", "Mã đơn vị (dùng trong địa chỉ /t/…/)", "Unit code (used in the address /t/…/)", v.get("code"), errors,
                        "maxlength=\"63\" autocomplete=\"off\" spellcheck=\"false\""))
                .append("<p class=\"hint\">").append(layout.t("Chữ thường không dấu, chữ số, gạch ngang; để trống để tạo từ tên, ví dụ xa-ban-vuoc.",
                        "Lower-case letters, digits, hyphens; leave empty to derive it from the name, e.g. xa-ban-vuoc.")).append("</p>")
                .append(layout.input("gsoCode", "Mã GSO (không bắt buộc)", "GSO code (optional)", v.get("gsoCode"), errors, "inputmode=\"numeric\" maxlength=\"5\""))
                .append(layout.input("customDomain", "Tên miền riêng (không bắt buộc)", "Custom domain (optional)", v.get("customDomain"), errors,
                        "spellcheck=\"false\""))
                .append("</fieldset><fieldset><legend>").append(layout.t("Liên hệ", "Contact")).append("</legend>")
                .append(layout.input("address", "Địa chỉ", "Address", v.get("address"), errors, "maxlength=\"300\""))
                .append(layout.input("phone", "Điện thoại", "Phone", v.get("phone"), errors, "type=\"tel\" maxlength=\"40\""))
                .append(layout.input("email", "Thư điện tử", "Email", v.get("email"), errors, "type=\"email\""))
                .append("</fieldset><fieldset><legend>").append(layout.t("Quản trị viên đầu tiên", "First administrator")).append("</legend>")
                .append(layout.input("adminUsername", "Tên đăng nhập", "Username", v.get("adminUsername"), errors,
                        "required autocomplete=\"off\" spellcheck=\"false\""))
                .append(layout.input("adminDisplayName", "Họ tên", "Full name", v.get("adminDisplayName"), errors, "required"));
        b.append(layout.checkbox("adminSubtree", "on", "Có quyền quản trị các đơn vị cấp dưới của đơn vị mới",
                "May administer the units below the new one", subtree));
        b.append(layout.checkbox("adminInvite", "on", "Gửi lời mời (người nhận tự chọn mật khẩu) thay cho mật khẩu một lần",
                "Send an invitation (they choose their password) instead of a one-time password", false));
        b.append("<p class=\"hint\">").append(layout.t("Không chọn lời mời: mật khẩu một lần được tạo tự động và chỉ hiện một lần sau khi tạo.",
                        "Without an invitation, a one-time password is generated and shown once after creation.")).append("</p></fieldset>")
                .append("<p><button type=\"submit\">").append(layout.t("Tạo đơn vị", "Create the unit")).append("</button></p></form>");
        return layout.page(parent, "new", "Tạo đơn vị trực thuộc", "New sub-unit", b.toString());
    }

    /** What most units under this one are: communes under a district, districts under the province. */
    private static String defaultKind(Tenant parent) {
        return switch (parent.getKind()) {
            case PROVINCE -> "district";
            case CITY, TOWN -> "ward";
            case DISTRICT -> "commune";
            default -> "agency";
        };
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
