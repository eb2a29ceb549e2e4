package vn.egov.portal.control;

import java.time.Instant;
import java.util.List;

/** An article as an editor sends it (API or form); checked by {@link Editorial}. */
public record ArticleInput(String title, String summary, String body, Long categoryId, Long coverFileId, List<Long> attachments,
                           List<String> tags, String author, boolean featured, boolean shareUpward, Instant publishAt, String note) {
    public ArticleInput {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
