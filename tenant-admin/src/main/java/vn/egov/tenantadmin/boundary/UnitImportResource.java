package vn.egov.tenantadmin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.tenantadmin.control.UnitCsvPlan;
import vn.egov.tenantadmin.control.UnitImports;

/**
 * {@code POST /api/t/{unit}/units/import/validate} with a GSO-format CSV: checks every line and answers the
 * plan (units to create, parents first; units already there) or every bad line with its number and reason.
 * It changes nothing; the units are then created one by one through {@code POST /api/t/{parent}/units}, which
 * is what the {@code egov import-units} command does, with a progress bar. The check is {@link UnitImports}'s.
 */
@Path("api/t/{unit}/units/import")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(MediaType.APPLICATION_JSON)
public class UnitImportResource {
    @Inject
    Access access;

    @Inject
    UnitImports imports;

    /** {@code existingUnits}: the codes of the file's units that are there already ({@code existing} of them). */
    public record Plan(boolean valid, List<UnitCsvPlan.Row> toCreate, int existing, List<String> existingUnits) {
    }

    @POST
    @Path("validate")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public Plan validate(byte[] csv) {
        Tenant root = access.requireSubtree("tenant", "admin");
        UnitCsvPlan.Result result = imports.check(root, csv);
        return new Plan(true, result.toCreate(), result.existing().size(), result.existing());
    }
}
