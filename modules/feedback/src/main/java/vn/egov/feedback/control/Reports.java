package vn.egov.feedback.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import vn.egov.feedback.entity.Report;
import vn.egov.platform.persistence.ApplicantReads;
import vn.egov.platform.persistence.PublicReads;
import vn.egov.platform.persistence.ScopedWork;
import vn.egov.platform.security.Role;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.tenancy.TenantScope;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;

/**
 * What citizens and visitors do with reports, each in its own scope: a citizen's account works for no unit, so its
 * report is written in the scope of the unit it is about (carried explicitly) after the checks (a citizen's account,
 * the draft, at most {@value #PER_HOUR} reports an hour); the citizen reads their own in the applicant scope; visitors
 * read a unit's published reports in the public scope, with nothing of the citizen.
 */
@ApplicationScoped
public class Reports {
    public static final int PER_HOUR = 5;
    public static final int PUBLIC_PAGE = 10;

    @Inject
    ReportStore store;

    @Inject
    ApplicantReads applicantReads;

    @Inject
    PublicReads publicReads;

    @PersistenceContext(unitName = "feedback")
    EntityManager em;

    /** A published report as visitors see it: no name, no account, nothing but what was asked and answered. */
    public record Published(String code, String subject, String content, String category, String answer, OffsetDateTime createdAt,
                            OffsetDateTime answeredAt, OffsetDateTime publishedAt) {
        static Published of(Report r) {
            return new Published(r.getCode(), r.getSubject(), r.getContent(), r.getCategory(), r.getAnswer(), r.getCreatedAt(),
                    r.getAnsweredAt(), r.getPublishedAt());
        }
    }

    /** The citizen {@code me} writes {@code d} about {@code unit}. */
    public Report submit(Tenant unit, UserPrincipal me, Draft d) throws Exception {
        if (!me.has(Role.CITIZEN)) {
            throw new ProblemException(Problem.of(Wording::in, 403, "citizens-only", "problem.citizensOnly.title", "problem.citizensOnly.detail"));
        }
        var problems = d.problems();
        if (!problems.isEmpty()) {
            throw ReportStore.invalid(problems);
        }
        long lastHour = applicantReads.read(me.userId(), () -> ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM feedback WHERE applicant_id = ?1 AND created_at > now() - interval '1 hour'")
                .setParameter(1, me.userId()).getSingleResult()).longValue());
        if (lastHour >= PER_HOUR) {
            throw new ProblemException(Problem.of(Wording::in, 429, "too-many-reports", "problem.tooMany.title", "problem.tooMany.detail", PER_HOUR));
        }
        return ScopedWork.call(new TenantScope(unit.getId(), unit.getPath(), false), () -> store.insert(unit, me, d));
    }

    /** The citizen's own reports, whichever units they are about, the newest first. */
    public List<Report> mine(long userId) {
        return applicantReads.read(userId, () -> em.createQuery("SELECT r FROM Report r WHERE r.applicantId = :me "
                + "ORDER BY r.createdAt DESC, r.id DESC", Report.class).setParameter("me", userId).setMaxResults(200).getResultList());
    }

    /** The unit's published reports, the latest published first. */
    public ReportStore.Slice<Published> published(Tenant unit, int page) {
        int p = Math.max(1, page);
        List<Published> rows = publicReads.read(() -> em.createQuery("SELECT r FROM Report r WHERE r.tenantId = :t AND r.status = 'published' "
                        + "ORDER BY r.publishedAt DESC, r.id DESC", Report.class)
                .setParameter("t", unit.getId()).setFirstResult((p - 1) * PUBLIC_PAGE).setMaxResults(PUBLIC_PAGE + 1)
                .getResultStream().map(Published::of).toList());
        return new ReportStore.Slice<>(rows.subList(0, Math.min(rows.size(), PUBLIC_PAGE)), p, rows.size() > PUBLIC_PAGE);
    }

    /** One published report of the unit. */
    public Optional<Published> publishedOne(Tenant unit, String code) {
        String c = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        return publicReads.read(() -> em.createQuery("SELECT r FROM Report r WHERE r.tenantId = :t AND r.code = :c AND r.status = 'published'",
                Report.class).setParameter("t", unit.getId()).setParameter("c", c).getResultStream().findFirst().map(Published::of));
    }
}
