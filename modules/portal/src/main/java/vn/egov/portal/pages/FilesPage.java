package vn.egov.portal.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Jsonp;
import vn.egov.portal.control.SiteFiles;
import vn.egov.portal.entity.StoredFile;

/**
 * {@code /t/{code}/admin/portal/files}: the unit's files and images (uploaded here, public now or with the article that
 * shows them), and {@code files/images.json}, the images the rich text editor offers. Made from {@code editor/files.jte}.
 */
@Path("t/{code}/admin/portal/files")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class FilesPage {
    static final String TEMPLATE = "editor/files.jte";

    /** The upload form's address and messages, and the unit's files with their public addresses. */
    public record FilesView(String action, Map<String, String> errors, List<Row> files) {
    }

    /** A file: its public address, and its size in pixels for an image. */
    public record Row(StoredFile file, String href) {
        public String type() {
            return file.contentType() + (file.width() != null ? " " + file.width() + "×" + file.height() : "");
        }
    }

    @Inject
    PortalDesk desk;

    @Inject
    SiteFiles siteFiles;

    @GET
    public Response files() {
        Tenant unit = desk.require("read");
        return desk.ok(TEMPLATE, desk.frame(unit, "files.title", "files"), view(unit, Map.of()));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(List<EntityPart> parts) throws IOException {
        Upload u = Upload.read(parts);
        desk.layout().checkCsrf(u.fields().getFirst("csrf"));
        Tenant unit = desk.require("edit");
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<Upload.File> file = u.files().stream().filter(f -> f.field().equals("file")).findFirst();
        boolean p = "on".equals(u.fields().getFirst("public"));
        if (file.isEmpty() || file.get().content().length == 0) {
            errors.put("file", desk.t().text("files.choose"));
        } else if (desk.change(() -> siteFiles.upload(unit, file.get().name(), file.get().content(), p, desk.username()), errors).isPresent()) {
            desk.flash(desk.t(), "flash.uploaded");
            return desk.redirect("/t/" + unit.getCode() + "/admin/portal/files");
        }
        throw desk.refuse(400, TEMPLATE, desk.frame(unit, "files.title", "files"), view(unit, errors));
    }

    /** The unit's images for the editor's "insert image" list (TinyMCE's image_list format). */
    @GET
    @Path("images.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response imageList() {
        Tenant unit = desk.require("read");
        JsonArrayBuilder list = Jsonp.createArrayBuilder();
        for (StoredFile f : siteFiles.files(unit, 500)) {
            if (f.image()) {
                list.add(Jsonp.createObjectBuilder().add("title", f.name()).add("value", "/t/" + unit.getCode() + "/files/" + f.id()));
            }
        }
        return Response.ok(list.build().toString(), MediaType.APPLICATION_JSON + ";charset=utf-8").header("Cache-Control", "private, no-store").build();
    }

    private FilesView view(Tenant unit, Map<String, String> errors) {
        return new FilesView(desk.sub(unit, "files"), errors, siteFiles.files(unit, 200).stream()
                .map(f -> new Row(f, "/t/" + unit.getCode() + "/files/" + f.id())).toList());
    }
}
