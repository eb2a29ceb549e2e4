package vn.egov.dossiers.control;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.egov.dossiers.entity.Dossier;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.persistence.PublicReads;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;

/**
 * A dossier's receipt slip for whoever may read the dossier: the caller reads the dossier and its files in its own
 * scope (the applicant's, or the unit's staff's); the papers' names come from the procedure version the dossier was
 * submitted under (public information, read in the public scope).
 */
@ApplicationScoped
public class Slips {

    @Inject
    Db db;

    @Inject
    PublicReads reads;

    @Inject
    TenantDirectory directory;

    /** The files of a dossier as (paper id, file name), in the caller's transaction and scope. */
    List<String[]> files(long dossierId) {
        return db.list("SELECT paper_id, name FROM dossier_file WHERE dossier_id = ? ORDER BY id", rs -> new String[] {rs.getString(1), rs.getString(2)},
                dossierId);
    }

    /** The procedure the dossier was submitted under, in the caller's transaction and scope. */
    long procedureId(long dossierId) {
        return db.one("SELECT procedure_id FROM dossier WHERE id = ?", rs -> rs.getLong(1), dossierId).orElseThrow();
    }

    /** The slip of {@code d}, its files and procedure read in the caller's transaction and scope. */
    public byte[] pdf(Dossier d, String statusUrl) {
        return pdf(d, procedureId(d.id()), files(d.id()), statusUrl);
    }

    byte[] pdf(Dossier d, long procedureId, List<String[]> files, String statusUrl) {
        String definition = reads.read(() -> db.one("SELECT definition::text FROM procedure_version WHERE procedure_id = ? AND version = ?",
                rs -> rs.getString(1), procedureId, d.procedureVersion())).orElse("{}");
        JsonNode papers = Intake.read(definition).path("papers");
        Map<String, String> names = new LinkedHashMap<>();
        papers.forEach(p -> names.put(p.path("id").asText(), p.path("name").asText()));
        Map<String, List<String>> byPaper = new LinkedHashMap<>();
        for (String[] f : files) {
            byPaper.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[1]);
        }
        List<ReceiptSlip.Received> received = new ArrayList<>();
        byPaper.forEach((paper, list) -> received.add(new ReceiptSlip.Received(names.getOrDefault(paper, paper), list)));
        String unit = directory.byId(d.tenantId()).map(Tenant::getName).orElse("");
        return ReceiptSlip.pdf(d, unit, received, statusUrl);
    }
}
