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

    /**
     * An argument that is itself said in the reader's language when the errors are written: {@code key} of the same
     * words (or of the platform's, for a module whose words fall back to them), with {@code args}; such as the reason
     * the platform's file check gave.
     */
    public static Object said(String key, Object... args) {
        return new Said(key, args);
    }

    /** The errors by field, written with {@code words} (the module's texts in the reader's language). */
    public Map<String, List<String>> in(Words words) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        errors.forEach((field, said) -> out.put(field, said.stream().map(s -> words.text(s.key(), filled(words, s.args()))).toList()));
        return out;
    }

    private static Object[] filled(Words words, Object[] args) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof Said inner) {
                out[i] = words.text(inner.key(), filled(words, inner.args()));
            }
        }
        return out;
    }
}
