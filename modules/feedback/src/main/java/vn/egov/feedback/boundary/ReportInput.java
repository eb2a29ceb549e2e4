package vn.egov.feedback.boundary;

/** What a citizen sends: subject, content (plain text), an optional category, and whether it may be published. */
public record ReportInput(String subject, String content, String category, Boolean consent) {
}
