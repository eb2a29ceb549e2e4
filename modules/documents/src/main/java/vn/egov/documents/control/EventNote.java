package vn.egov.documents.control;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import vn.egov.platform.words.Words;

/**
 * The note of a line of a document's history: what the platform says (a key of the documents' texts and its
 * arguments, written in the reader's language when read) or what a person wrote (a review note, a reason, a result),
 * kept as written. Lines written before the keys keep their Vietnamese text.
 */
public record EventNote(String key, List<String> args, String text) {
    public EventNote {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** The platform's words: {@code key} of the documents' texts, {@code {0}}, {@code {1}}… filled with {@code args}. */
    public static EventNote said(String key, Object... args) {
        return new EventNote(key, Arrays.stream(args).map(String::valueOf).toList(), null);
    }

    /** What a person wrote, kept as it is (null: no note). */
    public static EventNote written(String text) {
        return new EventNote(null, List.of(), text);
    }

    /** The note in the words of a language: the key's text there, or what was written. */
    public String in(Words words) {
        return key == null ? text : words.text(key, args.toArray());
    }

    /** The note in Vietnamese (the JSON's {@code note}, and the stored text beside the key). */
    public String vietnamese() {
        return in(Wording.in(Locale.forLanguageTag("vi")));
    }
}
