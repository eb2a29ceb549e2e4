package vn.egov.procedures.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import vn.egov.platform.tenancy.TenantContext;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.ProblemException;
import vn.egov.procedures.control.Catalogue;
import vn.egov.procedures.control.FormTemplates;
import vn.egov.procedures.control.Wording;
import vn.egov.procedures.entity.FormTemplate;
import vn.egov.procedures.entity.Procedure;

/**
 * {@code /t/{code}/procedures/{procedure}/forms/{id}}: a form template of a procedure the unit offers, downloaded as a
 * file (its name, its type as judged when it was stored, {@code nosniff}); any other unit's address answers 404.
 */
@Path("t/{code}/procedures/{procedure}/forms/{id: [0-9]{1,18}}")
@RequestScoped
public class FormDownloads {

    @Inject
    TenantContext context;

    @Inject
    Catalogue catalogue;

    @Inject
    FormTemplates templates;

    @GET
    public Response download(@PathParam("procedure") String code, @PathParam("id") long id, @Context Request request) {
        Tenant unit = context.tenant().orElseThrow(() -> ProblemException.notFound(Wording::in, "notFound.unit"));
        Procedure p = catalogue.offered(unit, code).orElseThrow(() -> ProblemException.notFound(Wording::in, "notFound.procedureOfThisUnit", code));
        Optional<FormTemplate> t = templates.one(p, id);
        if (t.isEmpty()) {
            throw ProblemException.notFound(Wording::in, "notFound.template", id, code);
        }
        EntityTag tag = new EntityTag(t.get().sha256());
        Response.ResponseBuilder same = request.evaluatePreconditions(tag);
        if (same != null) {
            return same.build();
        }
        byte[] content = templates.content(p, id).orElseThrow();
        String ascii = t.get().name().replaceAll("[^A-Za-z0-9._-]", "_");
        return Response.ok(content, t.get().contentType()).tag(tag)
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(t.get().name(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header("Cache-Control", "public, max-age=3600").header("X-Content-Type-Options", "nosniff").build();
    }
}
