package vn.egov.notices.boundary;

import vn.egov.notices.entity.Notice;

/** A notice as the API shows it. Dates are ISO-8601 on the wire; pages show dd/MM/yyyy. */
public record NoticeView(long id, String unit, String title, String body, String createdBy, String createdAt,
                         String updatedAt, int version, String audience) {
    static NoticeView of(Notice n, String unitCode) {
        return new NoticeView(n.getId(), unitCode, n.getTitle(), n.getBody(), n.getCreatedBy(),
                n.getCreatedAt().toString(), n.getUpdatedAt() == null ? null : n.getUpdatedAt().toString(), n.getVersion(), n.getAudience());
    }
}
