package vn.egov.documents.exchange;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import vn.egov.documents.control.Wording;
import vn.egov.platform.words.Words;

/**
 * A reason an edXML package or status is refused: a key of the documents' texts ({@code edxml.*}) and its arguments
 * (element names, ids, what the parser said), said in the reader's language when the refusal is answered.
 */
public record Refusal(String key, List<String> args) {
    public Refusal {
        args = List.copyOf(args);
    }

    static Refusal of(String key, Object... args) {
        return new Refusal(key, Arrays.stream(args).map(String::valueOf).toList());
    }

    /** The reason in the words of a language. */
    public String in(Words words) {
        return words.text(key, args.toArray());
    }

    /** The reason in Vietnamese (the axis's and the logs' language). */
    public String vietnamese() {
        return in(Wording.in(Locale.forLanguageTag("vi")));
    }
}
