package vn.egov.portal.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;

/** Collects field errors (Vietnamese; English after " / ") and turns them into one 400 problem. */
public final class Invalid {
    private final Map<String, String> errors = new LinkedHashMap<>();

    public Invalid add(String field, String vi, String en) {
        errors.putIfAbsent(field, vi + " / " + en);
        return this;
    }

    public boolean any() {
        return !errors.isEmpty();
    }

    public Map<String, String> errors() {
        return Map.copyOf(errors);
    }

    public void throwIfAny() {
        if (errors.isEmpty()) {
            return;
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        errors.forEach((k, v) -> fields.put(k, List.of(v)));
        throw new ProblemException(new Problem(400, "invalid-input", "Dữ liệu không hợp lệ", "Invalid input",
                "Có " + errors.size() + " trường chưa hợp lệ; xem từng trường. Không có gì thay đổi.",
                errors.size() + " field(s) are invalid; see each field. Nothing changed.", fields));
    }

    /** A 409 {@code conflict} whose detail is the text of {@code key} in the reader's language. */
    public static ProblemException conflict(String key, Object... args) {
        return new ProblemException(Problem.of(Wording::in, 409, "conflict", "problem.notPossibleNow", key, args));
    }
}
