package vn.egov.portal.control;

import java.text.Normalizer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Cleans the rich text editors write (article bodies, static pages) with jsoup's safelist sanitiser: the usual
 * text markup, links (http, https, mailto, and the site's own relative links), images (http/https or the unit's
 * own files), tables. No script, no style, no event handler, no {@code javascript:} or {@code data:} URL survives.
 * Text is normalised to NFC.
 */
public final class Sanitiser {
    private static final Safelist SAFE = Safelist.relaxed()
            .addTags("figure", "figcaption", "hr", "s", "mark")
            .addAttributes("a", "title")
            .addAttributes("img", "loading")
            .addAttributes("td", "scope").addAttributes("th", "scope")
            .addProtocols("a", "href", "#")
            .preserveRelativeLinks(true)
            .addEnforcedAttribute("a", "rel", "noopener nofollow");

    private Sanitiser() {
    }

    public static String clean(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        String nfc = Normalizer.normalize(html, Normalizer.Form.NFC);
        // a base URI is needed for relative links to be kept (they are checked against it, then written back relative)
        Document.OutputSettings out = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(nfc, "https://portal.invalid/", SAFE, out);
    }

    /** The text of some HTML (for summaries, search and feeds). */
    public static String text(String html) {
        return html == null ? "" : Jsoup.parse(html).text();
    }
}
