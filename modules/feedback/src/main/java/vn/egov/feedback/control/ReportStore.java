package vn.egov.feedback.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import vn.egov.feedback.entity.Report;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Fields;
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.audit.AuditLog;

/**
 * A unit's reports in the unit's own scope (the request's, or the one carried for a citizen's submission): written,
 * listed newest first, read one by one, answered and published, each change in the audit trail. A report of another
 * unit is not found, whatever its code: the query asks for the unit, and row-level security asks again.
 */
@ApplicationScoped
public class ReportStore {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final int ANSWER_MAX = 10000;
    public static final int DESK_PAGE = 20;

    @PersistenceContext(unitName = "feedback")
    EntityManager em;

    @Inject
    AuditLog audit;

    /** One page of reports: the reports, and whether more follow. */
    public record Slice<T>(List<T> items, int page, boolean more) {
    }

    /** A citizen's report, with its new code ({@code PA26-000042}: the year and a number of the whole province). */
    @Transactional
    @TenantTransactional
    public Report insert(Tenant unit, UserPrincipal citizen, Draft d) {
        long n = ((Number) em.createNativeQuery("SELECT nextval('feedback_code_seq')").getSingleResult()).longValue();
        String code = "PA%02d-%06d".formatted(LocalDate.now(VIETNAM).getYear() % 100, n);
        Report r = new Report(unit.getId(), code, citizen.userId(), citizen.displayName(), d.subject(), d.content(), d.category(), d.consent());
        em.persist(r);
        em.flush();
        return r;
    }

    /** The unit's reports, the newest first ({@code status} null: all). */
    @Transactional
    @TenantTransactional
    public Slice<Report> list(Tenant unit, String status, int page) {
        int p = Math.max(1, page);
        var query = em.createQuery("SELECT r FROM Report r WHERE r.tenantId = :t" + (status == null ? "" : " AND r.status = :s")
                + " ORDER BY r.createdAt DESC, r.id DESC", Report.class).setParameter("t", unit.getId());
        if (status != null) {
            query.setParameter("s", status);
        }
        List<Report> rows = query.setFirstResult((p - 1) * DESK_PAGE).setMaxResults(DESK_PAGE + 1).getResultList();
        return new Slice<>(rows.subList(0, Math.min(rows.size(), DESK_PAGE)), p, rows.size() > DESK_PAGE);
    }

    @Transactional
    @TenantTransactional
    public Report one(Tenant unit, String code) {
        return find(unit, code);
    }

    /** The unit answers (or answers again, while the report is not published). */
    @Transactional
    @TenantTransactional
    public Report answer(Tenant unit, String code, String text, String actor) {
        Report r = find(unit, code);
        String answer = text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC).strip().replace("\r\n", "\n");
        if (answer.isEmpty() || answer.length() > ANSWER_MAX) {
            Fields f = new Fields().add("answer", answer.isEmpty() ? "invalid.answerRequired" : "invalid.answerLength", ANSWER_MAX);
            throw invalid(f);
        }
        if (Report.PUBLISHED.equals(r.getStatus())) {
            throw conflict("problem.alreadyPublished", code);
        }
        JsonObject before = state(r);
        r.answer(answer, actor);
        em.flush();
        audit.record(unit.getId(), "feedback.answered", code, before, state(r));
        return r;
    }

    /** Published with its answer on the unit's site: only an answered report whose citizen agreed. */
    @Transactional
    @TenantTransactional
    public Report publish(Tenant unit, String code, String actor) {
        Report r = find(unit, code);
        if (Report.PUBLISHED.equals(r.getStatus())) {
            throw conflict("problem.alreadyPublished", code);
        }
        if (!r.isConsent()) {
            throw conflict("problem.noConsent", code);
        }
        if (!Report.ANSWERED.equals(r.getStatus())) {
            throw conflict("problem.notAnswered", code);
        }
        JsonObject before = state(r);
        r.publish(actor);
        em.flush();
        audit.record(unit.getId(), "feedback.published", code, before, state(r));
        return r;
    }

    private Report find(Tenant unit, String code) {
        return em.createQuery("SELECT r FROM Report r WHERE r.tenantId = :t AND r.code = :c", Report.class)
                .setParameter("t", unit.getId()).setParameter("c", code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT))
                .getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound(Wording::in, "notFound.report", code));
    }

    private static JsonObject state(Report r) {
        return Json.createObjectBuilder().add("status", r.getStatus()).add("answer", r.getAnswer() == null ? "" : r.getAnswer()).build();
    }

    static ProblemException invalid(Fields f) {
        int count = f.size();
        return new ProblemException(Problem.said(Wording::in, 400, "invalid-input", "problem.invalid.title",
                w -> w.text("problem.invalid.detail", count), f::in));
    }

    static ProblemException conflict(String key, Object... args) {
        return new ProblemException(Problem.said(Wording::in, 409, "conflict", "problem.conflict.title",
                w -> w.text(key, args), w -> Map.of()));
    }
}
