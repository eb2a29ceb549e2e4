package vn.egov.platform.words;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A text the platform says, kept in no language: a key of a module's bundle ({@code bundle}, as {@link Words#of} names
 * it) with its arguments (texts, or phrases of their own, said in the same language), written in the reader's language
 * when read ({@link #in}). What a module hands to another
 * that writes it later (a reorganisation rule's description and conflicts, a stored report), so that each reader gets
 * it in theirs: Vietnamese, English, or the pseudo-language.
 */
public record Phrase(String bundle, String key, List<Object> args) {

    public Phrase {
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(key, "key");
        args = args.stream().map(a -> a instanceof Phrase ? a : (Object) String.valueOf(a)).toList();
    }

    /**
     * {@code key} of {@code bundle}, {@code {0}}, {@code {1}}… to be filled with {@code args}: each kept as text (null as
     * "null"), or as a phrase of its own.
     */
    public static Phrase of(String bundle, String key, Object... args) {
        return new Phrase(bundle, key, Arrays.asList(args));
    }

    /** The text in {@code locale}: English, the pseudo-language, or Vietnamese (any other language, and none). */
    public String in(Locale locale) {
        return Words.of(language(locale), bundle).text(key, args.stream().map(a -> a instanceof Phrase p ? p.in(locale) : a).toArray());
    }

    /** The language a bundle is read in for {@code locale}: English, the pseudo-language, or Vietnamese. */
    public static Locale language(Locale locale) {
        String l = locale == null ? "vi" : locale.getLanguage();
        return "en".equals(l) ? Locale.ENGLISH : Words.PSEUDO.equals(l) ? Locale.forLanguageTag(Words.PSEUDO) : Locale.forLanguageTag("vi");
    }
}
