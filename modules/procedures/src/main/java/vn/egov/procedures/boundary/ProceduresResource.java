package vn.egov.procedures.boundary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.TenantContext;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.Problem;
import vn.egov.procedures.control.Wording;
import vn.egov.platform.web.ProblemException;
import vn.egov.procedures.control.Catalogue;
import vn.egov.procedures.entity.Procedure;
import vn.egov.procedures.entity.ProcedureVersion;

/**
 * {@code /api/t/{unit}/procedures}: the procedures a unit offers (its own, and those it adopted from the province's
 * master catalogue; for the province, the master catalogue itself), each with its current version and every
 * earlier one. Reading is public. The unit's administrators import its own procedures (JSON: an array, or
 * {@code {"procedures": [...]}}; checked whole, nothing stored if anything is wrong) and adopt or drop procedures of
 * the province's catalogue; the master catalogue is imported by the province's administrators.
 */
@Path("api/t/{unit}/procedures")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProceduresResource {

    @Inject
    TenantContext context;

    @Inject
    TenantDirectory directory;

    @Inject
    Access access;

    @Inject
    Catalogue catalogue;

    private Tenant unit() {
        return context.tenant().orElseThrow(() -> ProblemException.notFound(Wording::in, "notFound.unit"));
    }

    @GET
    public Response list() {
        Tenant unit = unit();
        JsonArrayBuilder a = Jsonp.createArrayBuilder();
        for (Procedure p : catalogue.offered(unit)) {
            a.add(summary(p));
        }
        return Response.ok(a.build()).build();
    }

    @GET
    @Path("{code}")
    public Response current(@PathParam("code") String code) {
        Procedure p = offered(code);
        return version(p, p.currentVersion());
    }

    @GET
    @Path("{code}/versions/{version: [0-9]{1,6}}")
    public Response version(@PathParam("code") String code, @PathParam("version") int version) {
        return version(offered(code), version);
    }

    private Procedure offered(String code) {
        Tenant unit = unit();
        return catalogue.offered(unit, code).orElseThrow(() -> ProblemException.notFound(Wording::in, "notFound.procedureOfThisUnit", code));
    }

    private Response version(Procedure p, int n) {
        ProcedureVersion v = catalogue.version(p, n).orElseThrow(() -> ProblemException.notFound(Wording::in, "notFound.versionOfProcedure", n, p.code()));
        JsonObjectBuilder b = summary(p).add("version", v.version()).add("versionCreatedAt", v.createdAt().toString())
                .add("definition", Jsonp.createReader(new StringReader(v.definitionJson())).readObject());
        return Response.ok(b.build()).build();
    }

    /** Owner codes already looked up in this request (a list names few owners: the province and the unit). */
    private final java.util.Map<Long, String> owners = new java.util.HashMap<>();

    private JsonObjectBuilder summary(Procedure p) {
        String owner = owners.computeIfAbsent(p.ownerId(), id -> directory.byId(id).map(Tenant::getCode).orElse(""));
        return Jsonp.createObjectBuilder().add("code", p.code()).add("name", p.name()).add("sector", p.sector()).add("level", p.level().db())
                .add("onlineLevel", p.onlineLevel().db()).add("timeLimitDays", p.timeLimitDays()).add("currentVersion", p.currentVersion())
                .add("owner", owner);
    }

    /** Imports the unit's own procedures (the province's: its master catalogue). All or nothing. */
    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @TenantTransactional
    public Response importCatalogue(String body) {
        Tenant unit = unit();
        boolean province = unit.getParentId() == null;
        if (province) {
            Tenant root = access.requireProvinceAdmin();
            if (!root.getId().equals(unit.getId())) {
                throw ProblemException.forbidden();
            }
        } else {
            access.require("tenant", "admin");
        }
        List<JsonNode> items = new ArrayList<>();
        try {
            JsonNode root = vn.egov.procedures.control.Definitions.parse(body == null ? "" : body);
            JsonNode list = root.isArray() ? root : root.path("procedures");
            if (!list.isArray()) {
                throw invalidJson("problem.notAList");
            }
            list.forEach(items::add);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw invalidJson("problem.notJson", line, column);
        }
        List<Catalogue.Outcome> out = catalogue.importAll(unit, province, items, access.username());
        JsonArrayBuilder a = Jsonp.createArrayBuilder();
        int created = 0;
        int versioned = 0;
        int unchanged = 0;
        for (Catalogue.Outcome o : out) {
            a.add(Jsonp.createObjectBuilder().add("code", o.code()).add("result", o.result()).add("version", o.version()));
            switch (o.result()) {
                case "created" -> created++;
                case "new-version" -> versioned++;
                default -> unchanged++;
            }
        }
        return Response.ok(Jsonp.createObjectBuilder().add("created", created).add("newVersions", versioned).add("unchanged", unchanged)
                .add("items", a).build()).build();
    }

    /** The unit offers a procedure of the province's catalogue (201), or did already (200). Its administrators. */
    @PUT
    @Path("adopted/{code}")
    @Transactional
    @TenantTransactional
    public Response adopt(@PathParam("code") String code) {
        Tenant unit = access.require("tenant", "admin");
        Tenant province = province(unit);
        if (province.getId().equals(unit.getId())) {
            throw new ProblemException(Problem.of(Wording::in, 409, "conflict", "problem.notPossible", "problem.adoptOwn"));
        }
        boolean added = catalogue.adopt(unit, province, code, access.username());
        return Response.status(added ? 201 : 200).entity(Jsonp.createObjectBuilder().add("code", code).add("adopted", true).build()).build();
    }

    @DELETE
    @Path("adopted/{code}")
    @Transactional
    @TenantTransactional
    public Response drop(@PathParam("code") String code) {
        Tenant unit = access.require("tenant", "admin");
        if (!catalogue.drop(unit, code)) {
            throw ProblemException.notFound(Wording::in, "notFound.adoptedProcedure", code);
        }
        return Response.noContent().build();
    }

    private Tenant province(Tenant unit) {
        if (unit.getParentId() == null) {
            return unit;
        }
        return directory.ancestors(unit).stream().filter(t -> t.getParentId() == null).findFirst().orElseThrow();
    }

    private static ProblemException invalidJson(String key, Object... args) {
        return new ProblemException(Problem.said(Wording::in, 400, "invalid-input", "problem.invalidInput",
                w -> w.text(key, args) + " " + w.text("problem.nothingChanged"), w -> Map.of()));
    }
}
