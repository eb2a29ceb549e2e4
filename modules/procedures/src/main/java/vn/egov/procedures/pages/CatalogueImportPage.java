package vn.egov.procedures.pages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.desk.Desk;
import vn.egov.platform.web.desk.DeskFrame;
import vn.egov.platform.web.pages.Messages;
import vn.egov.procedures.control.CatalogueCsv;

/**
 * {@code /t/{province}/admin/procedures/import}: the province's administrators upload the catalogue as CSV. The
 * whole file is checked first (every bad line named, nothing stored); then a script ({@code procedures/catalogue-import.js})
 * sends it to the catalogue's import API in batches of {@link #BATCH}, each batch all or nothing, with a progress bar
 * and the running counts of new procedures, new versions and unchanged ones. Uploading the same file again changes
 * nothing (every procedure is unchanged), so an interrupted import is finished by uploading it again. Made from the
 * template {@code catalogue-import.jte}.
 */
@Path("t/{code}/admin/procedures/import")
@RequestScoped
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class CatalogueImportPage {
    static final int BATCH = 25;
    static final int READ_LIMIT = 8 * 1024 * 1024;

    /**
     * What the template shows: the form's address, the problems of a refused file (each "where: what"), or the checked
     * procedures (as JSON for the script), the import API's address and the batch size.
     */
    public record ImportView(String action, List<String> problems, boolean checked, int count, String json, String api, int batch, String lang) {
    }

    @Inject
    Desk layout;

    @Inject
    Access access;

    @GET
    public Response form() {
        Tenant province = layout.call(() -> access.requireProvinceAdmin());
        DeskFrame.Page desk = desk(province);
        return layout.okTemplate(render(desk, view(province, null, null)));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response check(List<EntityPart> parts) throws IOException {
        Tenant province = layout.call(() -> access.requireProvinceAdmin());
        String csrf = null;
        byte[] file = new byte[0];
        for (EntityPart p : parts) {
            if (p.getName().equals("csrf")) {
                csrf = p.getContent(String.class);
            } else if (p.getName().equals("file")) {
                try (InputStream in = p.getContent()) {
                    file = in.readNBytes(READ_LIMIT + 1);
                }
            }
        }
        layout.checkCsrf(csrf);
        DeskFrame.Page desk = desk(province);
        Messages t = desk.page().t();
        if (file.length == 0 || file.length > READ_LIMIT) {
            throw layout.refuseTemplate(400, render(desk, view(province, List.of(t.text("import.chooseFile")), null)));
        }
        CatalogueCsv.Result r = CatalogueCsv.parse(new String(file, StandardCharsets.UTF_8), t::text);
        if (!r.problems().isEmpty()) {
            throw layout.refuseTemplate(400, render(desk, view(province, problems(r.problems(), t), null)));
        }
        return layout.okTemplate(render(desk, view(province, null, r.procedures())));
    }

    private DeskFrame.Page desk(Tenant province) {
        return layout.desk(province, "procedures", ProcedurePages.BUNDLE, "import.title");
    }

    private String render(DeskFrame.Page desk, ImportView view) {
        return ProcedurePages.TEMPLATES.render("catalogue-import.jte", desk.page(), "desk", desk, "view", view);
    }

    /** The form ({@code procedures} null), with the problems of a refused file if any; or the checked file's plan. */
    private ImportView view(Tenant province, List<String> problems, List<ObjectNode> checked) {
        List<ObjectNode> procedures = checked == null ? List.of() : checked;
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < procedures.size(); i++) {
            json.append(i == 0 ? "" : ",").append(procedures.get(i).toString());
        }
        json.append("]");
        return new ImportView(layout.url(province, "procedures/import"), problems, checked != null, procedures.size(), json.toString(),
                "/api/t/" + province.getCode() + "/procedures/import", BATCH, layout.lang());
    }

    /** Each problem (already in the page's language) as "where: what" (a line named "dòng 3" in Vietnamese). */
    private List<String> problems(Map<String, List<String>> problems, Messages t) {
        List<String> out = new ArrayList<>();
        problems.forEach((at, list) -> {
            String where = at.startsWith("line ") ? t.text("import.line", at.substring(5))
                    : t.has("import.at." + at) ? t.text("import.at." + at) : at;
            list.forEach(m -> out.add(where + ": " + m));
        });
        return out;
    }
}
