package vn.egov.feedback.boundary;

import vn.egov.feedback.entity.Report;

/**
 * A report as the API shows it: to the unit's staff with the citizen's name, to the citizen without their own
 * account's details. Dates are ISO-8601 on the wire; pages show dd/MM/yyyy.
 */
public record ReportView(String code, String unit, String subject, String content, String category, boolean consent, String status,
                         String applicantName, String answer, String createdAt, String answeredAt, String publishedAt) {
    static ReportView of(Report r, String unitCode, boolean withName) {
        return new ReportView(r.getCode(), unitCode, r.getSubject(), r.getContent(), r.getCategory(), r.isConsent(), r.getStatus(),
                withName ? r.getApplicantName() : null, r.getAnswer(), r.getCreatedAt().toString(),
                r.getAnsweredAt() == null ? null : r.getAnsweredAt().toString(), r.getPublishedAt() == null ? null : r.getPublishedAt().toString());
    }
}
