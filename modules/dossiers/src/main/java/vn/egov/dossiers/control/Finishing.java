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
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.words.Note;

/**
 * The result of a dossier: returned with its files at an end step its current step leads to (the receiving unit holds
 * it again; it is done), shipped by post when the applicant asked so, and delivered. Each in the acting unit's scope,
 * in one transaction with its history and outbox.
 */
@ApplicationScoped
public class Finishing {
    @Inject
    Db db;

    @Inject
    Processing processing;

    @Inject
    Announcements announcements;

    @Inject
    TenantDirectory directory;

    @Inject
    Payments payments;

    /**
     * The result: the dossier goes to an end step its current step leads to, with the result's files (required
     * when it is returned online). The receiving unit holds it again; it is done.
     */
    @Transactional
    @TenantTransactional
    public State finish(Tenant unit, String code, List<Intake.Paper> files, String note, Integer version, String actor) {
        State s = processing.holding(unit, code, version);
        if (s.status().equals("supplement")) {
            throw Processing.conflict("problem.waitsForPapers", code);
        }
        ProcessModel model = processing.model(s);
        Step from = model.step(s.stepId()).orElseThrow();
        Duties.require(unit.getId(), Duties.ending(from.role()), "problem.duty.endWithResult", from.name(), from.id());
        Step end = model.next(from.id()).stream().map(t -> model.step(t.to()).orElseThrow()).filter(Step::end).findFirst().orElseThrow(() ->
                Processing.conflict("problem.notAnEnd", from.name(),
                        String.join(", ", model.next(from.id()).stream().map(t -> t.to()).toList()), from.id()));
        payments.requirePaidBefore(s.id(), processing.definition(s.procedureId(), s.procedureVersion()), end.id());
        Fields problems = new Fields();
        List<Object[]> checked = new ArrayList<>();
        for (Intake.Paper f : files) {
            Intake.checkFile(f, "result", problems).ifPresent(c -> checked.add(new Object[] {f, c}));
        }
        if (checked.isEmpty() && problems.isEmpty() && s.returnBy().equals("online")) {
            problems.add("result", "problem.field.attachResultFilePdf");
        }
        if (!problems.isEmpty()) {
            throw Processing.invalid(problems);
        }
        Intake.store(db, unit.getId(), s.id(), checked, "result");
        State after = processing.advance(unit, s, from, end, s.tenantId(), "done", null, Processing.clean(note, 2000) == null ? "Có kết quả giải quyết" : Processing.clean(note, 2000), actor);
        if (after.returnBy().equals("post")) {
            // the result goes by post: a shipment for the postal service, through the outbox (its adapter gives the tracking number)
            String address = db.one("SELECT coalesce(post_address, '') FROM dossier WHERE id = ?", rs -> rs.getString(1), s.id()).orElse("");
            long shipment = db.insert("INSERT INTO dossier_shipment (tenant_id, dossier_id, recipient, address) VALUES (?, ?, ?, ?) RETURNING id",
                    unit.getId(), s.id(), s.applicantName(), address.isEmpty() ? "(chưa có địa chỉ)" : address);
            String payload = Jsonp.createObjectBuilder().add("shipmentId", shipment).add("dossierCode", s.code()).add("recipient", s.applicantName())
                    .add("address", address).add("sender", directory.byId(s.tenantId()).map(Tenant::getName).orElse("")).add("service", "BCCI-TRA-KQ")
                    .build().toString();
            db.insert("INSERT INTO dossier_outbox (tenant_id, dossier_id, target, payload) VALUES (?, ?, 'vnpost', CAST(? AS jsonb)) RETURNING id",
                    unit.getId(), s.id(), payload);
        }
        return after;
    }

    /**
     * The postal service delivered the result ({@code tracking}): the shipment and the dossier say so, and the
     * national portal and the applicant hear that the result was returned. In the scope of the unit that shipped it.
     * A report repeated for the same shipment changes nothing.
     */
    @Transactional
    @TenantTransactional
    public boolean delivered(Tenant unit, String code, String tracking) {
        State s = processing.locked(code);
        int n = db.update("UPDATE dossier_shipment SET status = 'delivered', delivered_at = now() WHERE dossier_id = ? AND tracking = ? AND status = 'accepted'",
                s.id(), tracking);
        if (n == 0) {
            return false;
        }
        db.update("UPDATE dossier SET returned_at = now(), row_version = row_version + 1 WHERE id = ?", s.id());
        State after = processing.locked(code);
        announcements.event(unit.getId(), s.id(), after.status(), "vnpost", Note.said(Wording.BUNDLE, "history.deliveredByPost", tracking));
        announcements.national(unit.getId(), after, NationalPortal.RESULT_RETURNED);
        announcements.mail(unit.getId(), after, "tell.delivered", code, tracking);
        return true;
    }
}
