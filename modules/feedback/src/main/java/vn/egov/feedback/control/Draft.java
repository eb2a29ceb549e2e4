package vn.egov.feedback.control;

import java.text.Normalizer;
import java.util.List;
import vn.egov.platform.web.Fields;

/**
 * What a citizen writes: subject, content (plain text, kept as typed and always shown escaped: markup is never
 * rendered), an optional category of {@link #CATEGORIES}, and whether the report may be published with its answer.
 */
public record Draft(String subject, String content, String category, boolean consent) {
    public static final int SUBJECT_MIN = 5;
    public static final int SUBJECT_MAX = 200;
    public static final int CONTENT_MIN = 20;
    public static final int CONTENT_MAX = 5000;
    /** The categories a report may name (their names are the bundle's {@code category.*}). */
    public static final List<String> CATEGORIES = List.of("procedures", "infrastructure", "environment", "order", "conduct", "other");

    /** The draft as it will be kept: text in NFC, the subject on one line, surrounding blanks gone, no category as null. */
    public Draft {
        subject = clean(subject).replaceAll("\\s+", " ");
        content = clean(content).replace("\r\n", "\n");
        category = category == null || category.isBlank() ? null : category.strip();
    }

    private static String clean(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC).strip();
    }

    /** What is wrong with it, each field's message a key of the module's texts; empty when it may be kept. */
    public Fields problems() {
        Fields f = new Fields();
        if (subject.isEmpty()) {
            f.add("subject", "invalid.subjectRequired");
        } else if (subject.length() < SUBJECT_MIN || subject.length() > SUBJECT_MAX) {
            f.add("subject", "invalid.subjectLength", SUBJECT_MIN, SUBJECT_MAX);
        } else if (controls(subject)) {
            f.add("subject", "invalid.controlCharacters");
        }
        if (content.isEmpty()) {
            f.add("content", "invalid.contentRequired");
        } else if (content.length() < CONTENT_MIN || content.length() > CONTENT_MAX) {
            f.add("content", "invalid.contentLength", CONTENT_MIN, CONTENT_MAX, content.length());
        } else if (controls(content.replace("\n", "").replace("\t", ""))) {
            f.add("content", "invalid.controlCharacters");
        }
        if (category != null && !CATEGORIES.contains(category)) {
            f.add("category", "invalid.category");
        }
        return f;
    }

    private static boolean controls(String s) {
        return s.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL);
    }
}
