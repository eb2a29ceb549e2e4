package vn.egov.dossiers.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.egov.dossiers.control.ProcessModel.Step;
import vn.egov.dossiers.control.Processing.State;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Fields;
import vn.egov.platform.web.ProblemException;

/**
 * The papers a request to supplement (form 02) asked for have come, from the applicant or at the counter on their
 * behalf: they are checked against what was asked and stored, the request is answered, the clock runs again and the
 * dossier goes back to the unit that asked, at the step after the wait. In the holder's scope, in one transaction.
 */
@ApplicationScoped
public class Supplements {
    @Inject
    Db db;

    @Inject
    Processing processing;

    @Inject
    TenantDirectory directory;

    /**
     * The papers asked for have come (from the applicant, or at the counter on their behalf): they are stored, the
     * request is answered, the clock runs again and the dossier goes back to the unit that asked, at the step after
     * the wait. In the holder's scope.
     */
    @Transactional
    @TenantTransactional
    public State supplied(Tenant unit, String code, List<Intake.Paper> files, Long applicantId, String actor) {
        State s = processing.locked(code);
        if (applicantId != null && !applicantId.equals(s.applicantId())) {
            throw ProblemException.notFound(Wording::in, "notFound.yourDossier", code);
        }
        if (s.holderId() != unit.getId()) {
            throw Processing.conflict("problem.notHeldHere", code);
        }
        if (!s.status().equals("supplement")) {
            throw Processing.conflict("problem.notWaitingForPapers", code);
        }
        if (applicantId == null) {
            Duties.require(unit.getId(), Duties.DESK, "problem.duty.papers");
        }
        long noticeId = db.one("SELECT id FROM dossier_notice WHERE dossier_id = ? AND form = 2 AND answered_at IS NULL ORDER BY id DESC LIMIT 1",
                rs -> rs.getLong(1), s.id()).orElseThrow();
        List<String> asked = db.one("SELECT papers::text FROM dossier_notice WHERE id = ?", rs -> rs.getString(1), noticeId)
                .map(t -> { List<String> l = new ArrayList<>(); Intake.read(t).forEach(n -> l.add(n.asText())); return l; }).orElseThrow();
        com.fasterxml.jackson.databind.node.ArrayNode declared = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        processing.definition(s.procedureId(), s.procedureVersion()).path("papers").forEach(p -> {
            if (asked.contains(p.path("id").asText())) {
                declared.add(((com.fasterxml.jackson.databind.node.ObjectNode) p.deepCopy()).put("required", true));
            }
        });
        Fields problems = new Fields();
        List<Object[]> checked = Intake.checkPapers(declared, files, problems);
        if (!problems.isEmpty()) {
            throw Processing.invalid(problems);
        }
        Intake.store(db, s.holderId(), s.id(), checked, "supplement");
        db.update("UPDATE dossier_notice SET answered_at = now() WHERE id = ?", noticeId);
        ProcessModel model = processing.model(s);
        Step from = model.step(s.stepId()).orElseThrow();
        Step to = model.step(model.next(from.id()).get(0).to()).orElseThrow();
        boolean elsewhere = s.holderId() != s.tenantId();
        Tenant holder = directory.byId(s.holderId()).orElseThrow();
        return processing.advance(holder, s, from, to, s.holderId(), elsewhere ? "transferred" : "in_progress", null,
                "Đã nhận giấy tờ bổ sung (" + checked.size() + " tệp)", actor);
    }
}
