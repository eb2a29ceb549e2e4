package vn.egov.portal.pages;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.pages.Page;
import vn.egov.platform.words.Words;

/**
 * The rich-text editor's words (TinyMCE's interface) in the page's language, from the portal's bundle {@value #BUNDLE}
 * ({@code editor_vi.properties}, {@code editor_en.properties}: TinyMCE's English text → this language's), handed to
 * {@code editor.js} as a JSON object in an attribute of its script tag (the page runs nothing inline). TinyMCE's
 * language is the page's, its language pack tinymce-i18n's file of that language (none for English, TinyMCE's own):
 * a language is a bundle file more. The pseudo-language's words are the English ones, marked.
 */
public final class EditorWords {
    public static final String BUNDLE = "vn.egov.portal.pages.editor";
    private static final ConcurrentHashMap<String, String> JSON = new ConcurrentHashMap<>();

    private EditorWords() {
    }

    /** The words of the page's language as a JSON object. */
    public static String json(Page page) {
        Locale locale = page.t().locale();
        return JSON.computeIfAbsent(locale.toLanguageTag(), k -> load(locale));
    }

    /** TinyMCE's language: the page's ({@code en} for the pseudo-language). */
    public static String language(Page page) {
        return page.lang();
    }

    /** The address of TinyMCE's language pack for the page's language; none for English, which TinyMCE speaks itself. */
    public static String languagePack(Page page) {
        return "en".equals(page.lang()) ? null : "/vendor/tinymce-i18n/" + PortalDesk.TINYMCE_I18N + "/langs6/" + page.lang() + ".js";
    }

    static String load(Locale locale) {
        boolean pseudo = Words.pseudo(locale);
        ResourceBundle words = Words.bundle(BUNDLE, pseudo ? Locale.ENGLISH : locale);
        var json = Jsonp.createObjectBuilder();
        for (String key : new TreeSet<>(words.keySet())) {
            json.add(key, pseudo ? Words.pseudo(words.getString(key)) : words.getString(key));
        }
        return json.build().toString();
    }
}
