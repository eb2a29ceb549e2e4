package vn.egov.platform.words;

import java.util.List;
import java.util.Locale;

/**
 * A note kept beside a record's line (a dossier's or a document's history, an article's version): either what the
 * platform says ({@link #said}, a {@link Phrase} whose key and arguments are stored, written in the reader's language
 * when read) or what a person wrote ({@link #written}), kept as written. One of the two is null; both are null for a
 * line without a note.
 */
public record Note(Phrase said, String written) {

    public Note {
        if (said != null && written != null) {
            throw new IllegalArgumentException("a note is said or written, not both");
        }
        if (said != null && said.args().stream().anyMatch(Phrase.class::isInstance)) {
            throw new IllegalArgumentException("a stored note's arguments are texts");
        }
    }

    /** The platform's words: {@code key} of {@code bundle}, {@code {0}}, {@code {1}}… filled with {@code args} as texts. */
    public static Note said(String bundle, String key, Object... args) {
        return new Note(Phrase.of(bundle, key, args), null);
    }

    /** What a person wrote, kept as it is (null: no note). */
    public static Note written(String text) {
        return new Note(null, text);
    }

    /** A note as a row keeps it: said if it has a key (of {@code bundle}, with {@code args}), else the text written. */
    public static Note stored(String bundle, String key, List<String> args, String text) {
        return key == null ? written(text) : new Note(new Phrase(bundle, key, List.<Object>copyOf(args)), null);
    }

    /** The key of the platform's words, or null for what a person wrote. */
    public String key() {
        return said == null ? null : said.key();
    }

    /** The arguments of the platform's words as the row keeps them (none for what a person wrote). */
    public List<String> args() {
        return said == null ? List.of() : said.args().stream().map(String::valueOf).toList();
    }

    /** The note in {@code locale}: the platform's words in its language (English, the pseudo-language or Vietnamese), or what was written. */
    public String in(Locale locale) {
        return said == null ? written : said.in(locale);
    }
}
