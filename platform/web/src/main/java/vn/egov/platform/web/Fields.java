package vn.egov.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.egov.platform.words.Words;

/**
 * A form's or a request's field errors, each a key of the module's words with its arguments, collected where the
 * language is not known yet and written in it by {@link #in} (see {@link Problem#said}): no "tiếng Việt / English"
 * pairs to split later.
 */
public final class Fields {
    private record Said(String key, Object[] args) {
    }

    private final Map<String, List<Said>> errors = new LinkedHashMap<>();

    /** One more error of {@code field}: the text of {@code key} with {@code args}. */
    public Fields add(String field, String key, Object... args) {
        errors.computeIfAbsent(field, k -> new ArrayList<>()).add(new Said(key, args));
        return this;
    }

    /** {@code field}'s error, in place of any it had. */
    public Fields put(String field, String key, Object... args) {
        errors.put(field, new ArrayList<>(List.of(new Said(key, args))));
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Whether {@code field} has an error already. */
    public boolean containsKey(String field) {
        return errors.containsKey(field);
    }

    public int size() {
        return errors.size();
    }

    /** The errors by field, written with {@code words} (the module's texts in the reader's language). */
    public Map<String, List<String>> in(Words words) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        errors.forEach((field, said) -> out.put(field, said.stream().map(s -> words.text(s.key(), s.args())).toList()));
        return out;
    }
}
