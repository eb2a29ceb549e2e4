package vn.egov.portal.control;

import java.text.Normalizer;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Cleans the rich text editors write (article bodies, static pages) with jsoup's safelist sanitiser: the usual
 * text markup, links (http, https, mailto, and the site's own relative links), images (http/https or the unit's
 * own files), tables. No script, no style, no event handler, no {@code javascript:} or {@code data:} URL survives.
 * The classes kept are a block's alignment ({@link #ALIGNMENTS}) and indentation ({@link #INDENTS}), what the editor
 * writes instead of an inline style and the site's CSS shows; any other class is dropped. A link left without its
 * address is unwrapped, an image without {@code alt} gets an empty one (decorative). Text is normalised to NFC.
 */
public final class Sanitiser {
    private static final Safelist SAFE = Safelist.relaxed()
            .addTags("figure", "figcaption", "hr", "s", "mark")
            .addAttributes("a", "title")
            .addAttributes("img", "loading")
            .addAttributes("td", "scope").addAttributes("th", "scope")
            .addProtocols("a", "href", "#")
            .preserveRelativeLinks(true)
            .addEnforcedAttribute("a", "rel", "noopener nofollow")
            .addAttributes("p", "class").addAttributes("h1", "class").addAttributes("h2", "class").addAttributes("h3", "class")
            .addAttributes("h4", "class").addAttributes("h5", "class").addAttributes("h6", "class")
            .addAttributes("blockquote", "class").addAttributes("li", "class").addAttributes("td", "class").addAttributes("th", "class");
    /** The classes a block may keep: its alignment, as the editor sets it and the site's CSS shows it. */
    public static final Set<String> ALIGNMENTS = Set.of("align-left", "align-center", "align-right", "align-justify");
    /** The classes of a block's indentation outside a list, one a level (the editor's indent button, the site's CSS). */
    public static final Set<String> INDENTS = Set.of("indent-1", "indent-2", "indent-3", "indent-4");

    private Sanitiser() {
    }

    public static String clean(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        String nfc = Normalizer.normalize(html, Normalizer.Form.NFC);
        // a base URI is needed for relative links to be kept (they are checked against it, then written back relative)
        Document clean = new Cleaner(SAFE).clean(Jsoup.parseBodyFragment(nfc, "https://portal.invalid/"));
        for (Element e : clean.body().select("[class]")) {
            String kept = String.join(" ", e.classNames().stream().filter(c -> ALIGNMENTS.contains(c) || INDENTS.contains(c)).distinct().toList());
            if (kept.isEmpty()) {
                e.removeAttr("class");
            } else {
                e.attr("class", kept);
            }
        }
        // what the safelist leaves must still be HTML a page may hold (the W3C checker refuses the rest): a link whose
        // address was refused (javascript:) is its text, an image without a text alternative is marked decorative
        clean.body().select("a:not([href])").unwrap();
        clean.body().select("img:not([alt])").attr("alt", "");
        clean.outputSettings(new Document.OutputSettings().prettyPrint(false));
        return clean.body().html();
    }

    /** The text of some HTML (for summaries, search and feeds). */
    public static String text(String html) {
        return html == null ? "" : Jsoup.parse(html).text();
    }
}
