package vn.egov.tenantadmin.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.desk.Desk;
import vn.egov.platform.web.desk.DeskFrame;
import vn.egov.tenantadmin.control.UnitSettingsChanges;
import vn.egov.platform.settings.UnitSettings;

/**
 * {@code /t/{code}/admin/settings}: the unit's display name, short name, contact, mail sender name and
 * default language. The version read goes out as a hidden field and comes back with the form; if someone
 * saved meanwhile, the API refuses (409) and the form is shown again with the user's values and the reason. Made from
 * the template {@code settings.jte}.
 */
@Path("t/{code}/admin/settings")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(Desk.HTML)
public class SettingsPage {
    static final List<String> FIELDS = List.of("displayName", "shortName", "address", "phone", "email", "mailSenderName",
            "defaultLanguage", "version");

    /** The form: the values as typed (or read), the messages at the fields, a refusal (changed meanwhile) above it. */
    public record View(Map<String, String> values, Map<String, String> errors, String refusal, List<DeskFrame.Option> languages,
                       String formAction) {
        public boolean refused() {
            return refusal != null || !errors.isEmpty();
        }
    }

    @Inject
    Desk layout;

    @Inject
    OwnTransaction ownTransaction;

    @Inject
    Validator validator;

    @Inject
    UnitSettingsChanges settings;

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
        return layout.okTemplate(render(unit, v, Map.of(), null));
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
        UnitSettingsChanges.SettingsInput in = new UnitSettingsChanges.SettingsInput(v.get("displayName"), v.get("shortName"),
                v.get("address"), v.get("phone"), blank(v.get("email")), v.get("mailSenderName"), v.get("defaultLanguage"), version);
        Map<String, String> errors = AdminPages.violations(layout, validator.validate(in), f -> f);
        if (!errors.isEmpty()) {
            throw layout.refuseTemplate(400, render(unit, v, errors, null));
        }
        try {
            ownTransaction.call(() -> settings.change(in));
        } catch (ProblemException e) {
            if (e.problem().status() != 409) {
                throw layout.error(e.problem());
            }
            // changed meanwhile: keep what the user typed, say so, and offer the current values
            String detail = AdminPages.detail(layout, e);
            throw layout.refuseTemplate(409, render(unit, v, Map.of(), detail));
        }
        layout.flash(AdminPages.flash(layout, "settings.saved"));
        return layout.redirect("/t/" + unit.getCode() + "/admin/settings");
    }

    private String render(Tenant unit, Map<String, String> v, Map<String, String> errors, String detail) {
        DeskFrame.Page desk = layout.desk(unit, "settings", AdminPages.BUNDLE, "settings.title");
        List<DeskFrame.Option> languages = List.of(
                new DeskFrame.Option("vi", desk.page().t().text("settings.language.vi"), "vi".equals(v.get("defaultLanguage"))),
                new DeskFrame.Option("en", desk.page().t().text("settings.language.en"), "en".equals(v.get("defaultLanguage"))));
        return AdminPages.render("settings.jte", desk, new View(v, errors, detail, languages, layout.url(unit, "settings")));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
