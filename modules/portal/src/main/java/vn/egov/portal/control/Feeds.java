package vn.egov.portal.control;

import java.io.StringWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.portal.entity.Article;
import vn.egov.portal.entity.Category;
import vn.egov.portal.entity.SitePage;

/**
 * RSS 2.0 per unit and category, and the unit's sitemap.xml (sitemaps.org 0.9), written with the JDK's XML stream
 * writer (it escapes every value; no markup in strings).
 */
public final class Feeds {
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();
    private static final String SITEMAPS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private Feeds() {
    }

    /** What writes the body of a document. */
    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static String document(Body body) {
        StringWriter out = new StringWriter(8192);
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("a feed could not be written", e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    /** The feed's language: the sites' own (a unit's news are written in Vietnamese). */
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    public static String rss(Tenant unit, String name, Optional<Category> category, List<Article> items, String baseUrl) {
        String site = baseUrl + "/t/" + unit.getCode() + "/";
        return document(w -> {
            w.writeStartElement("rss");
            w.writeAttribute("version", "2.0");
            w.writeStartElement("channel");
            element(w, "title", name + category.map(c -> " · " + c.name()).orElse(""));
            element(w, "link", site + category.map(Renderer::categoryPath).orElse(""));
            element(w, "description", Wording.in(VIETNAMESE).text("feed.description", name));
            element(w, "language", "vi");
            for (Article a : items) {
                String link = site + "articles/" + a.id();
                w.writeStartElement("item");
                element(w, "title", a.title());
                element(w, "link", link);
                w.writeStartElement("guid");
                w.writeAttribute("isPermaLink", "true");
                w.writeCharacters(link);
                w.writeEndElement();
                element(w, "pubDate", DateTimeFormatter.RFC_1123_DATE_TIME.format(a.publishAt().atZone(Renderer.VIETNAM)));
                if (!a.summary().isBlank()) {
                    element(w, "description", a.summary());
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    public static String sitemap(Tenant unit, List<Category> categories, List<SitePage> pages, List<Article> articles, String baseUrl) {
        String site = baseUrl + "/t/" + unit.getCode() + "/";
        return document(w -> {
            w.writeStartElement("urlset");
            w.writeDefaultNamespace(SITEMAPS);
            url(w, site, null, "hourly");
            for (Category c : categories) {
                url(w, site + Renderer.categoryPath(c), null, null);
            }
            for (SitePage p : pages) {
                url(w, site + Renderer.pagePath(p), DateTimeFormatter.ISO_LOCAL_DATE.format(p.updatedAt().atZone(Renderer.VIETNAM)), null);
            }
            for (Article a : articles) {
                url(w, site + "articles/" + a.id(), DateTimeFormatter.ISO_LOCAL_DATE.format(
                        (a.updatedAt().isAfter(a.publishAt()) ? a.updatedAt() : a.publishAt()).atZone(Renderer.VIETNAM)), null);
            }
            w.writeEndElement();
        });
    }

    private static void url(XMLStreamWriter w, String loc, String lastmod, String changefreq) throws XMLStreamException {
        w.writeStartElement("url");
        element(w, "loc", loc);
        if (lastmod != null) {
            element(w, "lastmod", lastmod);
        }
        if (changefreq != null) {
            element(w, "changefreq", changefreq);
        }
        w.writeEndElement();
    }
}
