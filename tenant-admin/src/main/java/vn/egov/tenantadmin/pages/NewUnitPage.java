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
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.egov.platform.persistence.OwnTransaction;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.Slugs;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.tenancy.entity.TenantKind;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.desk.Desk;
import vn.egov.platform.web.desk.DeskFrame;
import vn.egov.tenantadmin.control.NewUnit;
import vn.egov.tenantadmin.control.Units;

/**
 * {@code /t/{code}/admin/units/new}: the form for a sub-unit and its first administrator. Bad input re-shows
 * the form with the user's values and a message at each bad field (nothing is created); success redirects to
 * the overview, which shows the first administrator's one-time password once. Made from the template
 * {@code newUnit.jte}.
 */
@Path("t/{code}/admin/units/new")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(Desk.HTML)
public class NewUnitPage {
    static final List<String> FIELDS = List.of("kind", "name", "code", "gsoCode", "customDomain", "address", "phone", "email",
            "adminUsername", "adminDisplayName");

    /** The form: the values as typed, the messages at the fields, the refusal above it, the kinds to choose from. */
    public record View(String parentName, Map<String, String> values, Map<String, String> errors, String refusal,
                       List<DeskFrame.Option> kinds, boolean subtree, String formAction) {
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
    Units units;

    @GET
    public Response form() {
        Tenant parent = layout.requireSubtree();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("kind", defaultKind(parent));
        return layout.okTemplate(render(parent, values, false, Map.of(), null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        layout.checkCsrf(form.getFirst("csrf"));
        Tenant parent = layout.requireSubtree();
        Map<String, String> values = values(form);
        boolean subtree = form.containsKey("adminSubtree");
        NewUnit input = new NewUnit(values.get("code"), values.get("name"), values.get("kind"), blank(values.get("gsoCode")),
                blank(values.get("customDomain")), blank(values.get("address")), blank(values.get("phone")), blank(values.get("email")),
                new NewUnit.FirstAdmin(values.get("adminUsername"), values.get("adminDisplayName"), subtree,
                        form.containsKey("adminInvite"), null, null));
        Map<String, String> errors = AdminPages.violations(layout, validator.validate(input), path -> switch (path) {
            case "firstAdmin.username" -> "adminUsername";
            case "firstAdmin.displayName" -> "adminDisplayName";
            default -> path;
        });
        if (!errors.isEmpty()) {
            throw layout.refuseTemplate(400, render(parent, values, subtree, errors, null));
        }
        Units.Created created;
        try {
            created = ownTransaction.call(() -> units.create(input, URI.create(layout.request().getRequestURL().toString())));
        } catch (ProblemException e) {
            // a taken code, GSO code, domain or username; a suspended parent; no right: the form again, nothing created
            if (e.problem().status() == 401 || e.problem().status() == 403) {
                throw layout.error(e.problem());
            }
            String detail = AdminPages.detail(layout, e);
            Map<String, String> at = new LinkedHashMap<>();
            String field = conflictField(e.problem().detailEn());
            if (field != null) {
                at.put(field, detail);
            }
            throw layout.refuseTemplate(e.problem().status(), render(parent, values, subtree, at, detail));
        }
        Units.FirstAdmin admin = created.firstAdmin();
        layout.flash(AdminPages.flashTemplate(layout, "flashUnitCreated.jte", "name", input.name(), "code", created.code(),
                "admin", admin.username(), "password", admin.oneTimePassword(), "invitation", admin.invitation()));
        return layout.redirect("/t/" + parent.getCode() + "/admin/");
    }

    /** The form's fields, stripped; a code left empty derived from the name (as the CSV import does). */
    private static Map<String, String> values(MultivaluedMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String f : FIELDS) {
            String v = form.getFirst(f);
            values.put(f, v == null ? "" : v.strip());
        }
        if (values.get("code").isEmpty() && !values.get("name").isEmpty()) {
            try {
                values.put("code", Slugs.of(values.get("name")));
            } catch (IllegalArgumentException e) {
                // no letters: the code stays empty and is reported
            }
        }
        return values;
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
        DeskFrame.Page desk = layout.desk(parent, "new", AdminPages.BUNDLE, "newUnit.title");
        List<DeskFrame.Option> kinds = new ArrayList<>();
        for (TenantKind k : TenantKind.values()) {
            kinds.add(new DeskFrame.Option(k.dbValue(), AdminPages.kind(desk.page(), k), k.dbValue().equals(v.getOrDefault("kind", ""))));
        }
        return AdminPages.render("newUnit.jte", desk, new View(parent.getName(), v, errors, detail, kinds, subtree,
                layout.url(parent, "units/new")));
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
