package vn.egov.dossiers.control;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The note of a line of a dossier's history: what the platform says (a key of the dossiers' texts and its arguments,
 * written in the reader's language when read) or what a person wrote (a step's name, a reason), kept as written.
 */
public record HistoryNote(String key, List<String> args, String text) {

    /** The platform's words: {@code key} of the dossiers' texts, {@code {0}}, {@code {1}}… filled with {@code args}. */
    public static HistoryNote said(String key, Object... args) {
        return new HistoryNote(key, Arrays.stream(args).map(String::valueOf).toList(), null);
    }

    /** What a person wrote, kept as it is (null: no note). */
    public static HistoryNote written(String text) {
        return new HistoryNote(null, List.of(), text);
    }

    /** The note in {@code locale}: the key's text there, or what was written. */
    public String in(Locale locale) {
        return key == null ? text : Wording.in(locale).text(key, args.toArray());
    }
}
