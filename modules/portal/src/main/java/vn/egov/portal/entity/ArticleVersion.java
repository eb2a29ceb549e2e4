package vn.egov.portal.entity;

import java.time.Instant;

/** One saved state of an article, kept for its history and for restoring. */
public record ArticleVersion(long id, long articleId, int version, String title, String summary, String body, Long categoryId,
                             String status, String note, String savedBy, Instant savedAt) {
}
