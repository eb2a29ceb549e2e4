package vn.egov.tenantadmin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Problem;
import vn.egov.tenantadmin.control.Wording;
import vn.egov.platform.web.ProblemException;
import vn.egov.tenantadmin.control.Audit;
import vn.egov.tenantadmin.control.NewUnit;
import vn.egov.tenantadmin.control.UnitTemplate;
import vn.egov.tenantadmin.control.Units;

/**
 * {@code /api/t/{unit}/...}: administering the request's unit and its sub-units. Creating a sub-unit needs
 * administration rights over the unit's whole subtree; suspending a unit needs them over its parent (a unit
 * cannot lift its own suspension); reading the audit needs them over the unit (sub-units' entries only as far
 * as the rights reach).
 */
@Path("api/t/{unit}")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(MediaType.APPLICATION_JSON)
public class UnitAdminResource {
    static final String DOMAIN = Units.DOMAIN;
    static final String ACTION = Units.ACTION;

    @Inject
    Access access;

    @Inject
    UnitTemplate template;

    @Inject
    Units units;

    @Inject
    Audit audit;

    @Inject
    TenantDirectory directory;

    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.core.UriInfo uri;

    public record Entry(long id, String unit, String actor, String action, String target, String before, String after,
                        String at) {
    }

    @POST
    @Path("units")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull(message = "{invalid.the-body-is-missing}") NewUnit input) {
        Units.Created created = units.create(input, uri.getBaseUri());
        return Response.created(URI.create("/api/tenants/" + created.code())).entity(created).build();
    }

    /** One unit of a batch: its parent's code (the request's unit or below it, or a unit created earlier in the batch). */
    public record BatchItem(
            @NotBlank(message = "{invalid.parent-is-required}") String parent,
            @Valid @NotNull(message = "{invalid.unit-is-required}") NewUnit unit) {
    }

    public record BatchResult(List<Units.Created> created, List<String> existing) {
    }

    /**
     * Creates up to 200 units in one transaction, each from the template exactly as {@code POST units} does
     * (so modules' defaults and the audit too), parents before children in the list. Units whose code exists
     * already are skipped and listed in {@code existing}, so re-sending a batch adds only what is missing. Any
     * other failure rolls the whole batch back and names the unit. This is how the CSV import provisions: one
     * request and one transaction per batch rather than per unit. The import gives each first administrator's
     * one-time password (or invitation token) itself, having written it down first: a batch whose answer is lost
     * (the connection dropped, the client killed) loses no credential, and sending it again answers its units as
     * {@code existing}.
     */
    @POST
    @Path("units/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    public BatchResult batch(@NotNull(message = "{invalid.the-body-is-missing}")
                             @jakarta.validation.constraints.Size(min = 1, max = 200, message = "{invalid.batch-size}")
                             List<@Valid @NotNull BatchItem> items) {
        Tenant root = access.requireSubtree(DOMAIN, ACTION);
        List<Units.Created> created = new java.util.ArrayList<>();
        List<String> existing = new java.util.ArrayList<>();
        for (BatchItem item : items) {
            if (directory.byCode(item.unit().code()).isPresent()) {
                existing.add(item.unit().code());
                continue;
            }
            Tenant parent = directory.byCode(item.parent()).orElseThrow(() -> new ProblemException(Problem.of(Wording::in, 422, "unknown-parent",
                    "problem.unknownParent.title", "problem.unknownParent", item.unit().code(), item.parent())));
            if (!(parent.getPath().equals(root.getPath()) || parent.getPath().startsWith(root.getPath() + "."))) {
                throw ProblemException.forbidden();
            }
            if (!parent.isActive()) {
                throw new ProblemException(Problem.of(Wording::in, 409, "parent-suspended", "problem.parentSuspended.title",
                        "problem.batchParentSuspended", item.unit().code(), parent.getCode()));
            }
            UnitTemplate.Provisioned p;
            try {
                p = template.provision(parent, item.unit());
            } catch (UnitTemplate.AlreadyThere e) {
                // committed meanwhile, e.g. by an earlier run's batch the server was still finishing: nothing of it
                // was written in this transaction, so the batch goes on
                existing.add(e.code());
                continue;
            } catch (ProblemException e) {
                Problem why = e.problem();
                String code = item.unit().code();
                throw new ProblemException(Problem.inLanguages(language -> {
                    Problem said = why.in(language);
                    return said.withDetail(Wording.in(language).text("problem.inBatch", code, said.detailVi()),
                            Wording.ENGLISH.text("problem.inBatch", code, said.detailEn()));
                }));
            }
            created.add(Units.created(p, parent, uri.getBaseUri()));
        }
        return new BatchResult(created, existing);
    }

    public record Rename(
            @NotBlank(message = "{invalid.code-is-required}")
            @jakarta.validation.constraints.Size(max = 63, message = "{invalid.code-is-at-most-63-characters}")
            @jakarta.validation.constraints.Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$",
                    message = "{invalid.code-form}")
            String code,
            @NotBlank(message = "{invalid.name-is-required}")
            @jakarta.validation.constraints.Size(max = 200, message = "{invalid.name-is-at-most-200-characters}") String name,
            @jakarta.validation.constraints.Size(max = 300, message = "{invalid.reason-is-at-most-300-characters}") String reason) {
    }

    /**
     * Renames and/or recodes the unit (rights over its parent needed). The old code keeps answering with a
     * permanent redirect; the change is kept in the unit's history and the audit.
     */
    @POST
    @Path("rename")
    @Consumes(MediaType.APPLICATION_JSON)
    public Units.Status rename(@Valid @NotNull(message = "{invalid.the-body-is-missing}") Rename in) {
        Tenant unit = units.fromAbove("problem.rootUnit.rename");
        template.rename(unit, in.code(), java.text.Normalizer.normalize(in.name().strip(), java.text.Normalizer.Form.NFC), in.reason());
        return new Units.Status(in.code(), unit.getStatus());
    }

    @POST
    @Path("suspend")
    public Units.Status suspend() {
        return units.suspend();
    }

    @POST
    @Path("reactivate")
    public Units.Status reactivate() {
        return units.reactivate();
    }

    /** The audit trail of the unit and its sub-units; filters by action, actor and dates (dd/MM/yyyy). */
    @GET
    @Path("audit")
    public List<Entry> audit(@QueryParam("action") String action, @QueryParam("actor") String actor,
                             @QueryParam("from") String from, @QueryParam("to") String to,
                             @QueryParam("page") @DefaultValue("1") int page) {
        // the unit's own administrators read its trail; entries of sub-units appear only for those whose
        // rights (and so whose database scope) reach them
        Tenant unit = access.require(DOMAIN, ACTION);
        return audit.trail(directory.subtree(unit), action, actor, from, to, page).stream()
                .map(l -> new Entry(l.id(), l.unit(), l.actor(), l.action(), l.target(), l.before(), l.after(), l.at())).toList();
    }
}
