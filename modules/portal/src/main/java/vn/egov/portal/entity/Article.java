package vn.egov.portal.entity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** An article of a unit's site, in any state of its workflow. */
public record Article(long id, long tenantId, Long categoryId, String title, String summary, String body, Long coverFileId,
                      List<Long> attachments, List<String> tags, String author, Status status, boolean featured,
                      boolean shareUpward, Instant publishAt, String reviewComment, int version, long views,
                      String createdBy, String updatedBy, Instant updatedAt) {

    /** The workflow: draft → submitted → published, or returned to the editor with a comment; unpublished. */
    public enum Status {
        DRAFT, SUBMITTED, RETURNED, PUBLISHED, UNPUBLISHED;

        /** The key of its name in the portal's texts ({@code status.draft}: "Bản nháp"). */
        public String key() {
            return "status." + db();
        }

        public String db() {
            return name().toLowerCase();
        }

        public static Status of(String db) {
            return valueOf(db.toUpperCase());
        }
    }

    public Article {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
        attachments = List.copyOf(attachments);
        tags = List.copyOf(tags);
    }

    /** Published and due: what visitors see. */
    public boolean live(Instant now) {
        return status == Status.PUBLISHED && publishAt != null && !publishAt.isAfter(now);
    }
}
