package vn.egov.portal.entity;

import java.time.Instant;
import java.util.List;

/**
 * One saved state of an article, kept for its history and for restoring. Its note is what the person wrote
 * ({@code note}), or the platform's words when they wrote none: {@code noteKey} of the portal's texts and its
 * arguments, said in the reader's language (versions saved before these were kept have their Vietnamese in {@code note}).
 */
public record ArticleVersion(long id, long articleId, int version, String title, String summary, String body, Long categoryId,
                             String status, String noteKey, List<String> noteArgs, String note, String savedBy, Instant savedAt) {
    public ArticleVersion {
        noteArgs = List.copyOf(noteArgs);
    }
}
