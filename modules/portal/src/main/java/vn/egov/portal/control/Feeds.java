package vn.egov.portal.control;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.portal.entity.Article;
import vn.egov.portal.entity.Category;
import vn.egov.portal.entity.SitePage;

/** RSS 2.0 per unit and category, and the unit's sitemap.xml (sitemaps.org 0.9). */
public final class Feeds {
    private Feeds() {
    }

    static String xml(String s) {
        return vn.egov.platform.web.Html.escape(s);
    }

    public static String rss(Tenant unit, String name, Optional<Category> category, List<Article> items, String baseUrl) {
        String site = baseUrl + "/t/" + unit.getCode() + "/";
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>");
        b.append("<title>").append(xml(name + category.map(c -> " · " + c.name()).orElse(""))).append("</title>");
        b.append("<link>").append(xml(site + category.map(Renderer::categoryPath).orElse(""))).append("</link>");
        b.append("<description>").append(xml("Tin bài của " + name)).append("</description><language>vi</language>");
        for (Article a : items) {
            String link = site + "articles/" + a.id();
            b.append("<item><title>").append(xml(a.title())).append("</title><link>").append(xml(link)).append("</link><guid isPermaLink=\"true\">")
                    .append(xml(link)).append("</guid><pubDate>")
                    .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(a.publishAt().atZone(Renderer.VIETNAM))).append("</pubDate>");
            if (!a.summary().isBlank()) {
                b.append("<description>").append(xml(a.summary())).append("</description>");
            }
            b.append("</item>");
        }
        return b.append("</channel></rss>").toString();
    }

    public static String sitemap(Tenant unit, List<Category> categories, List<SitePage> pages, List<Article> articles, String baseUrl) {
        String site = baseUrl + "/t/" + unit.getCode() + "/";
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        b.append("<url><loc>").append(xml(site)).append("</loc><changefreq>hourly</changefreq></url>");
        for (Category c : categories) {
            b.append("<url><loc>").append(xml(site + Renderer.categoryPath(c))).append("</loc></url>");
        }
        for (SitePage p : pages) {
            b.append("<url><loc>").append(xml(site + Renderer.pagePath(p))).append("</loc><lastmod>")
                    .append(DateTimeFormatter.ISO_LOCAL_DATE.format(p.updatedAt().atZone(Renderer.VIETNAM))).append("</lastmod></url>");
        }
        for (Article a : articles) {
            b.append("<url><loc>").append(xml(site + "articles/" + a.id())).append("</loc><lastmod>")
                    .append(DateTimeFormatter.ISO_LOCAL_DATE.format((a.updatedAt().isAfter(a.publishAt()) ? a.updatedAt() : a.publishAt())
                            .atZone(Renderer.VIETNAM))).append("</lastmod></url>");
        }
        return b.append("</urlset>").toString();
    }
}
