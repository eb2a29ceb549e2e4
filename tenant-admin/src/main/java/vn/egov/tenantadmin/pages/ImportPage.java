package vn.egov.tenantadmin.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
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
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.tenancy.entity.TenantKind;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.desk.Desk;
import vn.egov.platform.web.desk.DeskFrame;
import vn.egov.tenantadmin.control.UnitCsvPlan;
import vn.egov.tenantadmin.control.Wording;
import vn.egov.tenantadmin.control.UnitImports;

/**
 * {@code /t/{code}/admin/import}: upload a GSO-format CSV; the server validates it (the same check as
 * {@code POST /api/t/{code}/units/import/validate}, {@link UnitImports}: every bad line with its number, nothing created), then a
 * small script ({@code import.js}) creates the planned units in order, parents first, through {@code POST /api/t/{parent}/units}
 * with the session, showing a progress bar and a live count, and lists the one-time passwords at the end. As
 * with {@code egov import-units}, a unit that turns out to exist already is skipped, and uploading the file
 * again plans only what is missing. Made from the templates {@code import.jte} and {@code importPlan.jte}.
 */
@Path("t/{code}/admin/import")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(Desk.HTML)
public class ImportPage {
    /** A little more than the API accepts, so that a too large file is refused by the API's own check. */
    static final int READ_LIMIT = 5 * 1024 * 1024 + 1;

    @Inject
    Desk layout;

    @Inject
    UnitImports imports;

    /** A refused file: the problem's title and detail, the file's name, every bad line with its reason. */
    public record Invalid(String title, String fileName, String detail, List<BadLine> lines) {
    }

    /** A bad line of the file: its number and why. */
    public record BadLine(int line, String reason) {
    }

    /** The upload form (under which unit the units without a parent go), with the refusal of the last file if any. */
    public record UploadView(String rootName, String formAction, Invalid invalid) {
    }

    /** A planned unit: its line in the file, GSO code, name, kind for people, code, and the code of its parent. */
    public record PlanRow(int line, String gsoCode, String name, String kind, String code, String parentCode) {
    }

    /**
     * The checked file: what it creates (in order, parents first) and what is there already; for the page's script, the
     * requests to send (JSON), the language to ask answers in, the name of the passwords' file.
     */
    public record PlanView(String fileName, int existing, List<PlanRow> rows, String overview, String jobs, String lang,
                           String downloadName) {
    }

    @GET
    public Response form() {
        Tenant root = layout.requireSubtree();
        DeskFrame.Page desk = layout.desk(root, "import", AdminPages.BUNDLE, "import.title");
        return layout.okTemplate(AdminPages.render("import.jte", desk, new UploadView(root.getName(), layout.url(root, "import"), null)));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response validate(List<EntityPart> parts) throws IOException {
        String csrf = null;
        byte[] csv = new byte[0];
        String fileName = "";
        for (EntityPart part : parts) {
            if ("csrf".equals(part.getName())) {
                try (InputStream in = part.getContent()) {
                    csrf = new String(in.readNBytes(200), java.nio.charset.StandardCharsets.US_ASCII);
                }
            } else if ("file".equals(part.getName())) {
                try (InputStream in = part.getContent()) {
                    csv = in.readNBytes(READ_LIMIT);
                }
                fileName = part.getFileName().orElse("");
            }
        }
        layout.checkCsrf(csrf);
        Tenant root = layout.requireSubtree();
        DeskFrame.Page desk = layout.desk(root, "import", AdminPages.BUNDLE, "import.title");
        UnitCsvPlan.Result plan;
        try {
            plan = imports.check(root, csv);
        } catch (ProblemException e) {
            if (e.problem().status() == 401 || e.problem().status() == 403) {
                throw layout.error(e.problem());
            }
            UploadView view = new UploadView(root.getName(), layout.url(root, "import"), invalid(fileName, e));
            throw layout.refuseTemplate(e.problem().status(), AdminPages.render("import.jte", desk, view));
        }
        return layout.okTemplate(AdminPages.render("importPlan.jte", desk, planView(desk, root, fileName, plan)));
    }

    /** Every bad line with its number and reason (or the file-level refusal). */
    private Invalid invalid(String fileName, ProblemException e) {
        List<BadLine> lines = new ArrayList<>();
        JsonArray errors = e.problem().in(layout.locale()).errors();
        if (errors != null) {
            for (JsonObject err : errors.getValuesAs(JsonObject.class)) {
                String reason = err.getString("reason");
                lines.add(new BadLine(err.getInt("line"), e.problem().perLanguage() ? reason : layout.message(reason)));
            }
        }
        return new Invalid(layout.en() ? e.problem().titleEn() : e.problem().titleVi(), fileName, AdminPages.detail(layout, e), lines);
    }

    private PlanView planView(DeskFrame.Page desk, Tenant root, String fileName, UnitCsvPlan.Result plan) {
        List<PlanRow> rows = new ArrayList<>();
        for (UnitCsvPlan.Row r : plan.toCreate()) {
            rows.add(new PlanRow(r.line(), r.gsoCode(), r.name(), AdminPages.kind(desk.page(), TenantKind.fromDb(r.kind())), r.code(),
                    r.parentCode()));
        }
        return new PlanView(fileName, plan.existing().size(), rows, layout.url(root, ""), jobs(plan.toCreate()), layout.lang(),
                root.getCode() + "-admins.csv");
    }

    /** The requests the page's script sends, one a planned unit: the same body as 'egov import-units' sends for a row. */
    private static String jobs(List<UnitCsvPlan.Row> rows) {
        JsonArrayBuilder jobs = Jsonp.createArrayBuilder();
        for (UnitCsvPlan.Row r : rows) {
            String admin = "qt." + r.code();
            jobs.add(Jsonp.createObjectBuilder().add("line", r.line()).add("code", r.code()).add("parent", r.parentCode())
                    .add("body", Jsonp.createObjectBuilder().add("code", r.code()).add("name", r.name()).add("kind", r.kind())
                            .add("gsoCode", r.gsoCode()).add("firstAdmin", Jsonp.createObjectBuilder()
                                    .add("username", admin.length() > 64 ? admin.substring(0, 64) : admin)
                                    .add("displayName", Wording.VIETNAMESE.text("import.firstAdminName", r.name())))));
        }
        return jobs.build().toString();
    }
}
