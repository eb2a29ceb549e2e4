package vn.egov.portal.control;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import vn.egov.portal.entity.Article;
import vn.egov.portal.entity.Category;
import vn.egov.portal.entity.SitePage;
import vn.egov.portal.entity.StoredFile;

/**
 * What a unit's public site's pages and the modules around it share: the site's paths (categories, pages, articles,
 * files), dates (dd/MM/yyyy, Vietnam time) and sizes. The pages themselves are {@code pages.SitePages}'s.
 */
public final class Renderer {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(VIETNAM);
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(VIETNAM);
    public static final int PAGE_SIZE = 10;

    private Renderer() {
    }

    public static String date(Instant i) {
        return i == null ? "" : DATE.format(i);
    }

    public static String dateTime(Instant i) {
        return i == null ? "" : DATE_TIME.format(i);
    }

    // ---- links

    public static String categoryPath(Category c) {
        return "categories/" + c.id() + "-" + c.slug();
    }

    public static String pagePath(SitePage p) {
        return "pages/" + p.id() + "-" + p.slug();
    }

    public static String size(int bytes) {
        return bytes >= 1 << 20 ? String.format("%.1f MB", bytes / 1048576.0) : Math.max(1, bytes / 1024) + " KB";
    }

    public static String articleHref(SiteView v, String code, Article a) {
        return "/t/" + code + "/articles/" + a.id() + v.langQuery();
    }

    public static String fileHref(SiteView v, StoredFile f, boolean thumb) {
        return "/t/" + v.unitCodes().getOrDefault(f.tenantId(), v.unit().getCode()) + "/files/" + f.id() + (thumb ? "/thumbnail" : "")
                + "?v=" + f.sha256().substring(0, 12);
    }

    public static String url(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
