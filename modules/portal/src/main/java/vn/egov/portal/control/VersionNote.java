package vn.egov.portal.control;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The note of an article's version: what the platform says when the person gave no note (a key of the portal's texts
 * and its arguments, written in the reader's language when read: created, edited, submitted, approved, returned,
 * unpublished, restored) or what a person wrote, kept as written.
 */
public record VersionNote(String key, List<String> args, String text) {

    public VersionNote {
        args = List.copyOf(args);
    }

    /** The platform's words: {@code key} of the portal's texts, {@code {0}}, {@code {1}}… filled with {@code args}. */
    public static VersionNote said(String key, Object... args) {
        return new VersionNote(key, Arrays.stream(args).map(String::valueOf).toList(), null);
    }

    /** What a person wrote, kept as it is (null: no note). */
    public static VersionNote written(String text) {
        return new VersionNote(null, List.of(), text);
    }

    /** The person's note, or the platform's {@code key} when they gave none. */
    static VersionNote writtenOr(String text, String key) {
        return text == null ? said(key) : written(text);
    }

    /** The note in {@code locale}: the key's text there, or what was written. */
    public String in(Locale locale) {
        return key == null ? text : Wording.in(locale).text(key, args.toArray());
    }
}
