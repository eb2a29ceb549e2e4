package vn.egov.portal.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.tenantadmin.api.UnitLogos;

/**
 * {@code /t/{code}/admin/portal/logo}: the unit's administrators upload the logo its site shows in the header (PNG or
 * JPEG, told by its content; tenant administration's {@link UnitLogos} checks and stores it) or remove it. A refused
 * file is named beside the field and nothing changes. Made from {@code editor/logo.jte}.
 */
@Path("t/{code}/admin/portal/logo")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class LogoPage {
    static final String TEMPLATE = "editor/logo.jte";

    /** The page: the current logo's address (null: none), the form's addresses and the field's message. */
    public record LogoView(String current, String action, String removeAction, Map<String, String> errors) {
    }

    @Inject
    PortalDesk desk;

    @Inject
    UnitLogos logos;

    @GET
    public Response logo() {
        Tenant unit = desk.layout().require();
        return desk.ok(TEMPLATE, frame(unit), view(unit, Map.of()));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(List<EntityPart> parts) throws IOException {
        Upload u = Upload.read(parts);
        desk.layout().checkCsrf(u.fields().getFirst("csrf"));
        Tenant unit = desk.layout().require();
        PortalDesk.Frame f = frame(unit);
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<Upload.File> file = u.files().stream().filter(x -> x.field().equals("logo")).findFirst();
        if (file.isEmpty()) {
            errors.put("logo", f.t().text("logo.choose"));
        } else if (desk.change(() -> logos.set(unit, file.get().content(), desk.username()), errors).isPresent()) {
            desk.flash(f.t(), "flash.logo");
            return desk.redirect("/t/" + unit.getCode() + "/admin/portal/logo");
        }
        throw desk.refuse(400, TEMPLATE, f, view(unit, errors));
    }

    @POST
    @Path("remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(MultivaluedMap<String, String> form) {
        desk.layout().checkCsrf(form.getFirst("csrf"));
        Tenant unit = desk.layout().require();
        desk.run(() -> logos.remove(unit));
        desk.flash(desk.t(), "flash.logoRemoved");
        return desk.redirect("/t/" + unit.getCode() + "/admin/portal/logo");
    }

    private PortalDesk.Frame frame(Tenant unit) {
        return desk.frame(unit, "logo.title", "logo");
    }

    private LogoView view(Tenant unit, Map<String, String> errors) {
        return new LogoView(logos.href(unit).orElse(null), desk.sub(unit, "logo"), desk.sub(unit, "logo/remove"), errors);
    }
}
