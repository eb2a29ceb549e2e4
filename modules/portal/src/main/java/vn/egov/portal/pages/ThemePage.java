package vn.egov.portal.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Html;
import vn.egov.platform.web.desk.DeskFrame;
import vn.egov.platform.web.pages.Messages;
import vn.egov.portal.control.SiteFiles;
import vn.egov.portal.control.Themes;
import vn.egov.portal.entity.StoredFile;
import vn.egov.portal.entity.Theme;

/**
 * {@code /t/{code}/admin/portal/theme}: the unit's administrators choose the public site's colours (checked for
 * contrast), layout, banner and footer; {@code action=preview} shows the home page with them in a sandboxed frame
 * (nothing saved), {@code action=save} applies them. Made from {@code editor/theme.jte}.
 */
@Path("t/{code}/admin/portal/theme")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class ThemePage {
    static final String TEMPLATE = "editor/theme.jte";

    /** The form as filled in, its messages, the choices, and the home page with the proposed theme (or null). */
    public record ThemeView(Map<String, String> values, Map<String, String> errors, String action, List<DeskFrame.Option> layouts,
                            List<DeskFrame.Option> banners, String previewHtml) {
        public DeskFrame.Attributes colour() {
            return DeskFrame.attributes("type=\"color\"");
        }

        /**
         * The preview as the value of the frame's {@code srcdoc}, escaped here: jte writes nothing into a {@code srcdoc}
         * it is given (it holds a document), so the template takes it as it is from this method.
         */
        public String previewAttribute() {
            return Html.escape(previewHtml);
        }

        public DeskFrame.Attributes footer() {
            return DeskFrame.attributes("maxlength=\"1000\"");
        }
    }

    @Inject
    PortalDesk desk;

    @Inject
    SiteFiles siteFiles;

    @Inject
    Themes themes;

    @Inject
    Site site;

    @GET
    public Response theme() {
        Tenant unit = desk.layout().require();
        Theme t = themes.theme(unit);
        Map<String, String> v = new LinkedHashMap<>();
        v.put("primary", t.primary());
        v.put("accent", t.accent());
        v.put("layout", t.layout().name().toLowerCase(Locale.ROOT));
        v.put("bannerFileId", t.bannerFileId() == null ? "" : t.bannerFileId().toString());
        v.put("footerText", t.footerText() == null ? "" : t.footerText());
        PortalDesk.Frame f = frame(unit);
        return desk.ok(TEMPLATE, f, view(unit, f.t(), v, Map.of(), null));
    }

    /** {@code action=preview}: shows the home page with the proposed theme (nothing saved); {@code action=save}: applies it. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveTheme(MultivaluedMap<String, String> form) {
        desk.layout().checkCsrf(form.getFirst("csrf"));
        Tenant unit = desk.layout().require();
        PortalDesk.Frame f = frame(unit);
        Map<String, String> v = PortalDesk.values(form);
        Map<String, String> errors = new LinkedHashMap<>();
        Long banner = desk.number(f.t(), form.getFirst("bannerFileId"), "bannerFileId", errors);
        Optional<Theme> checked = errors.isEmpty() ? desk.change(() -> themes.checkTheme(unit, v.get("primary"), v.get("accent"), v.get("layout"),
                v.get("footerText"), banner), errors) : Optional.empty();
        if (checked.isEmpty()) {
            throw desk.refuse(400, TEMPLATE, f, view(unit, f.t(), v, errors, null));
        }
        if ("save".equals(form.getFirst("action"))) {
            desk.change(() -> themes.saveTheme(unit, checked.get(), desk.username()), errors);
            desk.flash(f.t(), "flash.theme");
            return desk.redirect(desk.sub(unit, "theme").replace("?lang=en", ""));
        }
        return desk.ok(TEMPLATE, f, view(unit, f.t(), v, errors, site.homePreview(unit, desk.layout().locale(), checked.get())));
    }

    private PortalDesk.Frame frame(Tenant unit) {
        return desk.frame(unit, "theme.title", "theme");
    }

    private ThemeView view(Tenant unit, Messages t, Map<String, String> v, Map<String, String> errors, String previewHtml) {
        List<DeskFrame.Option> layouts = new ArrayList<>();
        for (Theme.Layout l : Theme.Layout.values()) {
            String name = l.name().toLowerCase(Locale.ROOT);
            layouts.add(new DeskFrame.Option(name, t.text(l.key()), name.equals(v.get("layout"))));
        }
        List<DeskFrame.Option> banners = new ArrayList<>();
        banners.add(new DeskFrame.Option("", t.text("none"), v.get("bannerFileId") == null || v.get("bannerFileId").isEmpty()));
        siteFiles.files(unit, 200).stream().filter(StoredFile::image).forEach(file -> banners.add(new DeskFrame.Option(String.valueOf(file.id()),
                file.name(), String.valueOf(file.id()).equals(v.get("bannerFileId")))));
        return new ThemeView(v, errors, desk.sub(unit, "theme"), layouts, banners, previewHtml);
    }
}
