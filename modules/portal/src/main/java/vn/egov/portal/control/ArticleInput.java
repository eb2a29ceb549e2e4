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

    /** The same article with files uploaded along with the form: a new cover (if any) and more attachments. */
    public ArticleInput withFiles(Long newCover, List<Long> newAttachments) {
        List<Long> all = new java.util.ArrayList<>(attachments);
        newAttachments.stream().filter(id -> !all.contains(id)).forEach(all::add);
        return new ArticleInput(title, summary, body, categoryId, newCover != null ? newCover : coverFileId, all, tags, author, featured,
                shareUpward, publishAt, note);
    }
}
