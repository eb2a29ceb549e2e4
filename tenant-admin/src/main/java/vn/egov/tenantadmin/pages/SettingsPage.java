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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.egov.platform.persistence.OwnTransaction;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Html;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.desk.Desk;
import vn.egov.tenantadmin.boundary.SettingsResource;
import vn.egov.tenantadmin.control.UnitSettings;

/**
 * {@code /t/{code}/admin/settings}: the unit's display name, short name, contact, mail sender name and
 * default language. The version read goes out as a hidden field and comes back with the form; if someone
 * saved meanwhile, the API refuses (409) and the form is shown again with the user's values and the reason.
 */
@Path("t/{code}/admin/settings")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(Desk.HTML)
public class SettingsPage {
    static final List<String> FIELDS = List.of("displayName", "shortName", "address", "phone", "email", "mailSenderName",
            "defaultLanguage", "version");

    @Inject
    Desk layout;

    @Inject
    OwnTransaction ownTransaction;

    @Inject
    Validator validator;

    @Inject
    SettingsResource settings;

    @GET
    public Response form() {
        Tenant unit = layout.require();
        UnitSettings s = layout.call(settings::get);
        Map<String, String> v = new LinkedHashMap<>();
        v.put("displayName", s.displayName());
        v.put("shortName", s.shortName());
        v.put("address", s.address());
        v.put("phone", s.phone());
        v.put("email", s.email());
        v.put("mailSenderName", s.mailSenderName());
        v.put("defaultLanguage", s.defaultLanguage());
        v.put("version", Integer.toString(s.version()));
        return layout.ok(render(unit, v, Map.of(), null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(MultivaluedMap<String, String> form) {
        layout.checkCsrf(form.getFirst("csrf"));
        Tenant unit = layout.require();
        Map<String, String> v = new LinkedHashMap<>();
        for (String f : FIELDS) {
            String value = form.getFirst(f);
            v.put(f, value == null ? "" : value.strip());
        }
        Integer version;
        try {
            version = Integer.valueOf(v.get("version"));
        } catch (NumberFormatException e) {
            version = null; // reported by the validation below
        }
        SettingsResource.SettingsInput in = new SettingsResource.SettingsInput(v.get("displayName"), v.get("shortName"),
                v.get("address"), v.get("phone"), blank(v.get("email")), v.get("mailSenderName"), v.get("defaultLanguage"), version);
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<SettingsResource.SettingsInput> c : validator.validate(in)) {
            errors.merge(c.getPropertyPath().toString(), layout.message(c.getMessage()), (a, b) -> a + " " + b);
        }
        if (!errors.isEmpty()) {
            throw layout.refuse(400, render(unit, v, errors, null));
        }
        try {
            ownTransaction.call(() -> settings.change(in));
        } catch (ProblemException e) {
            if (e.problem().status() != 409) {
                throw layout.error(e.problem());
            }
            // changed meanwhile: keep what the user typed, say so, and offer the current values
            String detail = layout.en() ? e.problem().detailEn() : e.problem().detailVi();
            throw layout.refuse(409, render(unit, v, Map.of(), detail));
        }
        layout.flash(Html.escape(layout.t("Đã lưu cấu hình của đơn vị.", "The unit's settings were saved.")));
        return layout.redirect("/t/" + unit.getCode() + "/admin/settings");
    }

    private String render(Tenant unit, Map<String, String> v, Map<String, String> errors, String detail) {
        StringBuilder b = new StringBuilder("<h1>").append(layout.t("Cấu hình đơn vị", "Unit settings")).append("</h1>");
        if (!errors.isEmpty() || detail != null) {
            b.append(layout.refusedBanner(detail));
            if (detail != null) {
                b.append("<p>").append(Desk.link(layout.url(unit, "settings"),
                        layout.t("Tải lại để xem cấu hình hiện tại", "Reload to see the current settings"))).append("</p>");
            }
        }
        b.append("<form method=\"post\" action=\"").append(Html.escape(layout.url(unit, "settings"))).append("\" novalidate>")
                .append(layout.csrfField())
                .append("<input type=\"hidden\" name=\"version\" id=\"version\" value=\"").append(Html.escape(v.get("version"))).append("\">")
                .append(layout.input("displayName", "Tên hiển thị", "Display name", v.get("displayName"), errors, "required maxlength=\"200\""))
                .append(layout.input("shortName", "Tên viết tắt", "Short name", v.get("shortName"), errors, "maxlength=\"60\""))
                .append(layout.input("address", "Địa chỉ", "Address", v.get("address"), errors, "maxlength=\"300\""))
                .append(layout.input("phone", "Điện thoại", "Phone", v.get("phone"), errors, "type=\"tel\" maxlength=\"40\""))
                .append(layout.input("email", "Thư điện tử", "Email", v.get("email"), errors, "type=\"email\""))
                .append(layout.input("mailSenderName", "Tên người gửi thư", "Mail sender name", v.get("mailSenderName"), errors, "maxlength=\"200\""))
                .append(layout.select("defaultLanguage", "Ngôn ngữ mặc định", "Default language", v.get("defaultLanguage"),
                        List.of(new String[] {"vi", "Tiếng Việt", "Vietnamese"}, new String[] {"en", "Tiếng Anh", "English"}), errors));
        if (errors.containsKey("version")) {
            b.append("<p class=\"field-error\">").append(Html.escape(errors.get("version"))).append("</p>");
        }
        b.append("<p><button type=\"submit\">").append(layout.t("Lưu", "Save")).append("</button></p></form>");
        return layout.page(unit, "settings", "Cấu hình", "Settings", b.toString());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
