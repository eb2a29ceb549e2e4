package vn.egov.platform.web.mail;

import java.util.Locale;
import vn.egov.platform.web.pages.Locales;
import vn.egov.platform.web.pages.Messages;
import vn.egov.platform.web.pages.Templates;

/**
 * A module's e-mails: plain-text templates (the module's {@code src/main/jte-mail}, precompiled by the {@code mail}
 * execution of its {@code jte-maven-plugin} into {@code templatesPackage}) and their texts in the module's mail bundle
 * ({@code bundle_vi.properties} / {@code bundle_en.properties}). A template takes the texts of the letter's language as
 * {@code t}, the English ones as {@code en} (for a summary line in English), and the letter's own values; nothing in
 * it is escaped, since an e-mail's text is no markup. Adding a language is adding a bundle file.
 */
public final class Letters {
    private final Templates templates;
    private final String bundle;

    private Letters(Templates templates, String bundle) {
        this.templates = templates;
        this.bundle = bundle;
    }

    public static Letters of(String templatesPackage, String bundle) {
        return new Letters(Templates.mail(templatesPackage), bundle);
    }

    /** A text of the bundle in {@code locale}, its {@code {0}}, {@code {1}}… filled (a subject, a word). */
    public String text(Locale locale, String key, Object... args) {
        return Messages.of(locale, bundle).text(key, args);
    }

    /** The same in Vietnamese, the letters' language unless a unit's setting says otherwise. */
    public String text(String key, Object... args) {
        return text(Locales.VIETNAMESE, key, args);
    }

    /** The template {@code name} written in {@code locale}, with the parameters it names ({@code "letter", letter}). */
    public String write(Locale locale, String name, Object... params) {
        Object[] all = new Object[params.length + 4];
        all[0] = "t";
        all[1] = Messages.of(locale, bundle);
        all[2] = "en";
        all[3] = Messages.of(Locales.ENGLISH, bundle);
        System.arraycopy(params, 0, all, 4, params.length);
        return templates.text(name, all);
    }

    /** The same in Vietnamese. */
    public String write(String name, Object... params) {
        return write(Locales.VIETNAMESE, name, params);
    }
}
