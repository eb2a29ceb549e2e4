package vn.egov.portal.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.words.Words;

/**
 * Collects field errors, each a key of the portal's bundles with its arguments, and turns them into one 400 problem
 * whose messages are written in the reader's language.
 */
public final class Invalid {
    private final Map<String, Said> errors = new LinkedHashMap<>();

    private record Said(String key, Object[] args) {
        String in(Words words) {
            return words.text(key, args);
        }
    }

    /** {@code field}'s error, the text of {@code key} (the first one given for a field stays). */
    public Invalid add(String field, String key, Object... args) {
        errors.putIfAbsent(field, new Said(key, args));
        return this;
    }

    public boolean any() {
        return !errors.isEmpty();
    }

    public void throwIfAny() {
        if (errors.isEmpty()) {
            return;
        }
        int count = errors.size();
        throw new ProblemException(Problem.said(Wording::in, 400, "invalid-input", "problem.invalidInput",
                w -> w.text("problem.fieldsInvalid", count), w -> {
                    Map<String, List<String>> fields = new LinkedHashMap<>();
                    errors.forEach((k, v) -> fields.put(k, List.of(v.in(w))));
                    return fields;
                }));
    }

    /** A 409 {@code conflict} whose detail is the text of {@code key} in the reader's language. */
    public static ProblemException conflict(String key, Object... args) {
        return new ProblemException(Problem.of(Wording::in, 409, "conflict", "problem.notPossibleNow", key, args));
    }

    /** The same, {@code {0}} of its detail the text of {@code argKey} in the reader's language (an article's status). */
    public static ProblemException conflictSaying(String key, String argKey) {
        return new ProblemException(Problem.said(Wording::in, 409, "conflict", "problem.notPossibleNow", w -> w.text(key, w.text(argKey)),
                w -> Map.of()));
    }
}
