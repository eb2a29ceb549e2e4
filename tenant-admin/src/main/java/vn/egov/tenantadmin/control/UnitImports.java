package vn.egov.tenantadmin.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;

/**
 * The check of a GSO-format CSV before units are imported under {@code root}: every line read, the plan (units to
 * create, parents first; units already there) or every bad line with its number and reason (a 422 problem); an
 * empty file (422) or one over {@value #MAX_BYTES} bytes (413) is refused. It changes nothing. The API's
 * {@code validate} and the import page both ask here, in the caller's transaction and scope.
 */
@RequestScoped
public class UnitImports {
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    @PersistenceContext(unitName = "tenant-admin")
    EntityManager em;

    /** The plan of {@code csv} under {@code root}: valid, or a problem naming every bad line. */
    public UnitCsvPlan.Result check(Tenant root, byte[] csv) {
        if (csv == null || csv.length == 0) {
            throw invalid(List.of(new UnitCsvPlan.LineError(1, "importError.empty")));
        }
        if (csv.length > MAX_BYTES) {
            throw new ProblemException(Problem.of(Wording::in, 413, "too-large", "problem.fileTooLarge.title", "problem.csvTooLarge"));
        }
        UnitCsvPlan.Result result = UnitCsvPlan.plan(csv, root.getCode(), existing(root));
        if (!result.valid()) {
            throw invalid(result.errors());
        }
        return result;
    }

    /** The whole tree read once: which GSO codes and unit codes exist, and which lie in the import's subtree. */
    @SuppressWarnings("unchecked")
    private UnitCsvPlan.Existing existing(Tenant root) {
        Map<String, String> gsoInSubtree = new HashMap<>();
        Map<String, String> gsoAnywhere = new HashMap<>();
        Set<String> codes = new HashSet<>();
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
        return new ProblemException(Problem.said(Wording::in, 422, "csv-invalid", "problem.csvInvalid.title",
                w -> w.text("problem.csvInvalid", errors.size()), w -> Map.of(), w -> UnitCsvPlan.LineError.json(errors, Wording.of(w))));
    }
}
