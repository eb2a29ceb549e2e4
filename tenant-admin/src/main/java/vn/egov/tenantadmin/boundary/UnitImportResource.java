package vn.egov.tenantadmin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;
import vn.egov.tenantadmin.control.UnitCsvPlan;

/**
 * {@code POST /api/t/{unit}/units/import/validate} with a GSO-format CSV: checks every line and answers the
 * plan (units to create, parents first; units already there) or every bad line with its number and reason.
 * It changes nothing; the units are then created one by one through {@code POST /api/t/{parent}/units}, which
 * is what the {@code egov import-units} command does, with a progress bar.
 */
@Path("api/t/{unit}/units/import")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(MediaType.APPLICATION_JSON)
public class UnitImportResource {
    static final int MAX_BYTES = 5 * 1024 * 1024;

    @Inject
    Access access;

    @PersistenceContext(unitName = "tenant-admin")
    EntityManager em;

    /** {@code existingUnits}: the codes of the file's units that are there already ({@code existing} of them). */
    public record Plan(boolean valid, List<UnitCsvPlan.Row> toCreate, int existing, List<String> existingUnits) {
    }

    @POST
    @Path("validate")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public Plan validate(byte[] csv) {
        Tenant root = access.requireSubtree("tenant", "admin");
        if (csv == null || csv.length == 0) {
            throw invalid(List.of(new UnitCsvPlan.LineError(1, "Tệp trống / the file is empty")));
        }
        if (csv.length > MAX_BYTES) {
            throw new ProblemException(Problem.of(413, "too-large", "Tệp quá lớn", "File too large",
                    "Tệp CSV lớn hơn 5 MB; hãy chia nhỏ.", "The CSV is larger than 5 MB; split it."));
        }
        UnitCsvPlan.Result result = UnitCsvPlan.plan(csv, root.getCode(), existing(root));
        if (!result.valid()) {
            throw invalid(result.errors());
        }
        return new Plan(true, result.toCreate(), result.existing().size(), result.existing());
    }

    /** The whole tree read once: which GSO codes and unit codes exist, and which lie in the import's subtree. */
    @SuppressWarnings("unchecked")
    private UnitCsvPlan.Existing existing(Tenant root) {
        Map<String, String> gsoInSubtree = new HashMap<>();
        Map<String, String> gsoAnywhere = new HashMap<>();
        java.util.Set<String> codes = new java.util.HashSet<>();
        List<Object[]> rows = em.createNativeQuery("SELECT code, gso_code, path <@ CAST(?1 AS ltree) FROM tenant")
                .setParameter(1, root.getPath()).getResultList();
        for (Object[] r : rows) {
            codes.add((String) r[0]);
            if (r[1] != null) {
                gsoAnywhere.put((String) r[1], (String) r[0]);
                if (Boolean.TRUE.equals(r[2])) {
                    gsoInSubtree.put((String) r[1], (String) r[0]);
                }
            }
        }
        return new UnitCsvPlan.Existing() {
            @Override public Optional<String> codeOfGso(String gso) { return Optional.ofNullable(gsoInSubtree.get(gso)); }
            @Override public boolean gsoTaken(String gso) { return gsoAnywhere.containsKey(gso); }
            @Override public boolean codeTaken(String code) { return codes.contains(code); }
        };
    }

    private static ProblemException invalid(List<UnitCsvPlan.LineError> errors) {
        return new ProblemException(new Problem(422, "csv-invalid", "Tệp CSV có dòng không hợp lệ", "The CSV has invalid lines",
                errors.size() + " dòng không hợp lệ; không có đơn vị nào được tạo. Sửa các dòng được liệt kê rồi gửi lại.",
                errors.size() + " invalid line(s); no unit was created. Fix the listed lines and send again.",
                Map.of(), UnitCsvPlan.LineError.json(errors)));
    }
}
