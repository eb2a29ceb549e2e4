package vn.egov.portal.control;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Html;
import vn.egov.portal.entity.Article;
import vn.egov.portal.entity.Category;
import vn.egov.portal.entity.MenuItem;
import vn.egov.portal.entity.SitePage;
import vn.egov.portal.entity.StoredFile;
import vn.egov.portal.entity.Theme;

/**
 * The HTML of a unit's public site: server-rendered, usable without JavaScript, responsive, with landmarks
 * (header, nav, main, aside, footer), a skip link, one h1 per page, alt text, visible keyboard focus, the page's
 * language, and the theme's colours (checked for contrast when they were saved). Dates are dd/MM/yyyy, Vietnam time.
 */
public final class Renderer {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(VIETNAM);
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(VIETNAM);
    public static final int PAGE_SIZE = 10;
    /** Around the login link of a (cached, same for all) page: a logged-in visitor's copy gets their user line there. */
    public static final String USER_START = "<!--user-->";
    public static final String USER_END = "<!--/user-->";

    private Renderer() {
    }

    public static String date(Instant i) {
        return i == null ? "" : DATE.format(i);
    }

    public static String dateTime(Instant i) {
        return i == null ? "" : DATE_TIME.format(i);
    }

    static String e(String s) {
        return Html.escape(s);
    }

    // ---- pages

    public static String home(SiteView v, List<Article> featured, List<Article> latest, List<Article> announcements,
                              List<Article> rolledUp, Map<Long, StoredFile> covers) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(e(v.name())).append("</h1>");
        if (!v.name().equals(v.unit().getName())) {
            b.append("<p class=\"meta\">").append(e(v.unit().getName())).append("</p>");
        }
        if (!featured.isEmpty()) {
            b.append("<section aria-labelledby=\"featured-h\" class=\"featured\"><h2 id=\"featured-h\">")
                    .append(v.t("Tin nổi bật", "Featured")).append("</h2>");
            cards(b, v, featured, covers, true);
            b.append("</section>");
        }
        b.append("<section aria-labelledby=\"latest-h\" class=\"latest\"><h2 id=\"latest-h\">").append(v.t("Tin mới", "Latest news"))
                .append("</h2>");
        if (latest.isEmpty()) {
            b.append("<p>").append(v.t("Chưa có tin bài.", "No news yet.")).append("</p>");
        } else {
            cards(b, v, latest, covers, v.theme().layout() == Theme.Layout.MAGAZINE);
        }
        b.append("</section>");
        if (!rolledUp.isEmpty()) {
            b.append("<section aria-labelledby=\"below-h\" class=\"rolled-up\"><h2 id=\"below-h\">")
                    .append(v.t("Tin từ các đơn vị trực thuộc", "News from the units below")).append("</h2><ul class=\"list\">");
            for (Article a : rolledUp) {
                String code = v.unitCodes().get(a.tenantId());
                b.append("<li><a href=\"").append(e(articleHref(v, code, a))).append("\">").append(e(a.title())).append("</a> ")
                        .append("<span class=\"meta\">").append(e(v.unitNames().getOrDefault(a.tenantId(), ""))).append(" · ")
                        .append(date(a.publishAt())).append("</span></li>");
            }
            b.append("</ul></section>");
        }
        StringBuilder aside = new StringBuilder();
        if (!announcements.isEmpty()) {
            aside.append("<section aria-labelledby=\"ann-h\"><h2 id=\"ann-h\">").append(v.t("Thông báo", "Announcements"))
                    .append("</h2><ul class=\"list\">");
            for (Article a : announcements) {
                aside.append("<li><a href=\"").append(e(articleHref(v, v.unit().getCode(), a))).append("\">").append(e(a.title()))
                        .append("</a> <span class=\"meta\">").append(date(a.publishAt())).append("</span></li>");
            }
            aside.append("</ul></section>");
        }
        if (!v.children().isEmpty()) {
            aside.append("<section aria-labelledby=\"units-h\"><h2 id=\"units-h\">").append(v.t("Đơn vị trực thuộc", "Units below"))
                    .append(" (").append(v.children().size()).append(")</h2><ul class=\"units\">");
            for (Tenant c : v.children()) {
                aside.append("<li><a href=\"/t/").append(e(c.getCode())).append("/").append(v.english() ? "?lang=en" : "").append("\">")
                        .append(e(c.getName())).append("</a></li>");
            }
            aside.append("</ul></section>");
        }
        return frame(v, v.name(), b.toString(), aside.toString(), "");
    }

    public static String article(SiteView v, Article a, Optional<Category> category, Optional<StoredFile> cover,
                                 List<StoredFile> attachments) {
        StringBuilder b = new StringBuilder("<article>");
        b.append("<nav aria-label=\"").append(v.t("Đường dẫn", "Breadcrumb")).append("\" class=\"crumbs\"><ol><li><a href=\"")
                .append(e(v.href(""))).append("\">").append(v.t("Trang chủ", "Home")).append("</a></li>");
        category.ifPresent(c -> b.append("<li><a href=\"").append(e(v.href(categoryPath(c)))).append("\">").append(e(c.name(v.english())))
                .append("</a></li>"));
        b.append("</ol></nav>");
        b.append("<h1>").append(e(a.title())).append("</h1><p class=\"meta\">");
        b.append(v.t("Ngày đăng: ", "Published: ")).append(date(a.publishAt()));
        if (a.author() != null && !a.author().isBlank()) {
            b.append(" · ").append(v.t("Tác giả: ", "Author: ")).append(e(a.author()));
        }
        b.append(" · ").append(v.t("Lượt xem: ", "Views: ")).append(a.views()).append("</p>");
        if (!a.summary().isBlank()) {
            b.append("<p class=\"summary\">").append(e(a.summary())).append("</p>");
        }
        cover.ifPresent(f -> b.append("<figure><img src=\"").append(e(fileHref(v, f, false))).append("\" alt=\"").append(e(a.title()))
                .append("\"").append(f.width() != null ? " width=\"" + f.width() + "\" height=\"" + f.height() + "\"" : "")
                .append("></figure>"));
        // the body was sanitised when it was saved
        b.append("<div class=\"body\">").append(a.body()).append("</div>");
        if (!attachments.isEmpty()) {
            b.append("<section aria-labelledby=\"att-h\"><h2 id=\"att-h\">").append(v.t("Tệp đính kèm", "Attachments")).append("</h2><ul>");
            for (StoredFile f : attachments) {
                b.append("<li><a href=\"").append(e(fileHref(v, f, false))).append("\">").append(e(f.name())).append("</a> (")
                        .append(size(f.size())).append(")</li>");
            }
            b.append("</ul></section>");
        }
        if (!a.tags().isEmpty()) {
            b.append("<p class=\"tags\">").append(v.t("Từ khoá: ", "Tags: "));
            for (int i = 0; i < a.tags().size(); i++) {
                b.append(i > 0 ? ", " : "").append("<a href=\"").append(e(v.href("search?q=" + url(a.tags().get(i))))).append("\">")
                        .append(e(a.tags().get(i))).append("</a>");
            }
            b.append("</p>");
        }
        b.append("</article>");
        return frame(v, a.title(), b.toString(), "", "articles/" + a.id());
    }

    public static String category(SiteView v, Category c, List<Article> items, long total, int page, Map<Long, StoredFile> covers) {
        StringBuilder b = new StringBuilder("<h1>").append(e(c.name(v.english()))).append("</h1>");
        b.append("<p><a href=\"").append(e(v.href(categoryPath(c) + "/rss.xml"))).append("\">RSS</a></p>");
        if (items.isEmpty()) {
            b.append("<p>").append(v.t("Chưa có tin bài.", "No news yet.")).append("</p>");
        } else {
            cards(b, v, items, covers, false);
        }
        long pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        if (pages > 1) {
            b.append("<nav aria-label=\"").append(v.t("Phân trang", "Pages")).append("\" class=\"pager\"><ul>");
            for (int p = 1; p <= pages; p++) {
                String href = v.href(categoryPath(c) + (p == 1 ? "" : "?page=" + p));
                b.append("<li>").append(p == page ? "<a aria-current=\"page\" href=\"" : "<a href=\"").append(e(href)).append("\">")
                        .append(v.t("Trang ", "Page ")).append(p).append("</a></li>");
            }
            b.append("</ul></nav>");
        }
        return frame(v, c.name(v.english()) + (page > 1 ? " · " + v.t("trang ", "page ") + page : ""), b.toString(), "",
                categoryPath(c) + (page > 1 ? "?page=" + page : ""));
    }

    public static String page(SiteView v, SitePage p) {
        String main = "<article><h1>" + e(p.title()) + "</h1><div class=\"body\">" + p.body() + "</div></article>";
        return frame(v, p.title(), main, "", pagePath(p));
    }

    public static String search(SiteView v, String q, String resultsHtml) {
        StringBuilder b = new StringBuilder("<h1>").append(v.t("Tìm kiếm", "Search")).append("</h1>");
        b.append("<form role=\"search\" method=\"get\" action=\"").append(e(v.base())).append("search\"><label for=\"q2\">")
                .append(v.t("Từ khoá", "Words")).append("</label> <input id=\"q2\" name=\"q\" type=\"search\" value=\"").append(e(q))
                .append("\">").append(v.english() ? "<input type=\"hidden\" name=\"lang\" value=\"en\">" : "")
                .append(" <button type=\"submit\">").append(v.t("Tìm", "Search")).append("</button></form>");
        b.append(resultsHtml);
        return frame(v, v.t("Tìm kiếm", "Search"), b.toString(), "", "search");
    }

    public static String notFound(SiteView v) {
        return frame(v, v.t("Không tìm thấy trang", "Page not found"), "<h1>" + v.t("Không tìm thấy trang", "Page not found") + "</h1><p>"
                + v.t("Trang này không có hoặc đã được gỡ xuống. ", "This page does not exist or was taken down. ")
                + "<a href=\"" + e(v.href("")) + "\">" + v.t("Về trang chủ", "Back to the home page") + "</a></p>", "", "");
    }

    /** The page with the logged-in user's line in place of the login link. */
    public static byte[] forUser(byte[] page, String displayName, String homeCode, boolean english) {
        String html = new String(page, java.nio.charset.StandardCharsets.UTF_8);
        int a = html.indexOf(USER_START);
        int b = html.indexOf(USER_END);
        if (a < 0 || b < a) {
            return page;
        }
        String line = "<p>" + (english ? "Logged in as " : "Đang đăng nhập: ") + e(displayName) + " · <a href=\"/t/" + e(homeCode) + "/\">"
                + (english ? "my unit" : "đơn vị của tôi") + "</a> · <a href=\"/logout\">" + (english ? "Log out" : "Đăng xuất") + "</a></p>";
        return (html.substring(0, a) + line + html.substring(b + USER_END.length())).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    // ---- pieces

    static void cards(StringBuilder b, SiteView v, List<Article> items, Map<Long, StoredFile> covers, boolean pictures) {
        b.append("<ul class=\"cards").append(pictures ? " grid" : "").append("\">");
        for (Article a : items) {
            b.append("<li class=\"card\">");
            StoredFile cover = a.coverFileId() == null ? null : covers.get(a.coverFileId());
            if (pictures && cover != null && cover.hasThumbnail()) {
                // decorative here: the title next to it says what it is
                b.append("<img src=\"").append(e(fileHref(v, cover, true))).append("\" alt=\"\" loading=\"lazy\">");
            }
            b.append("<h3><a href=\"").append(e(articleHref(v, v.unit().getCode(), a))).append("\">").append(e(a.title()))
                    .append("</a></h3><p class=\"meta\">").append(date(a.publishAt())).append("</p>");
            if (!a.summary().isBlank()) {
                b.append("<p>").append(e(a.summary())).append("</p>");
            }
            b.append("</li>");
        }
        b.append("</ul>");
    }

    public static String categoryPath(Category c) {
        return "categories/" + c.id() + "-" + c.slug();
    }

    public static String pagePath(SitePage p) {
        return "pages/" + p.id() + "-" + p.slug();
    }

    static String articleHref(SiteView v, String code, Article a) {
        return "/t/" + code + "/articles/" + a.id() + (v.english() ? "?lang=en" : "");
    }

    static String fileHref(SiteView v, StoredFile f, boolean thumb) {
        return "/t/" + v.unitCodes().getOrDefault(f.tenantId(), v.unit().getCode()) + "/files/" + f.id() + (thumb ? "/thumbnail" : "")
                + "?v=" + f.sha256().substring(0, 12);
    }

    public static String size(int bytes) {
        return bytes >= 1 << 20 ? String.format("%.1f MB", bytes / 1048576.0) : Math.max(1, bytes / 1024) + " KB";
    }

    static String url(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    // ---- the frame

    static String frame(SiteView v, String title, String main, String aside, String path) {
        Theme th = v.theme();
        StringBuilder b = new StringBuilder(8192);
        b.append("<!DOCTYPE html>\n<html lang=\"").append(v.lang()).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").append(e(title));
        if (!title.equals(v.name())) {
            b.append(" · ").append(e(v.name()));
        }
        b.append("</title><link rel=\"alternate\" type=\"application/rss+xml\" title=\"RSS\" href=\"").append(e(v.base()))
                .append("rss.xml\"><link rel=\"alternate\" hreflang=\"").append(v.english() ? "vi" : "en").append("\" href=\"")
                .append(e(v.base() + path)).append(v.english() ? "" : (path.contains("?") ? "&" : "?") + "lang=en").append("\">")
                .append("<style>").append(css(th)).append("</style></head>");
        b.append("<body class=\"layout-").append(th.layout().name().toLowerCase()).append("\">");
        b.append("<a class=\"skip\" href=\"#main\">").append(v.t("Bỏ qua, đến nội dung chính", "Skip to main content")).append("</a>");
        if (v.preview()) {
            b.append("<p class=\"preview\" role=\"status\">").append(v.t("Bản xem trước: chưa công bố", "Preview: not published"))
                    .append("</p>");
        }
        if (!v.unit().isActive()) {
            b.append("<p class=\"preview\" role=\"status\">").append(v.t("Đơn vị đang tạm dừng hoạt động.", "This unit is suspended."))
                    .append("</p>");
        }
        b.append("<header class=\"site\">");
        if (th.bannerFileId() != null) {
            b.append("<div class=\"banner\" style=\"background-image:url('/t/").append(e(v.unit().getCode())).append("/files/")
                    .append(th.bannerFileId()).append("')\"></div>");
        }
        b.append("<div class=\"brand\">");
        if (v.settings() != null && v.settings().logo() != null) {
            b.append("<img class=\"logo\" src=\"/t/").append(e(v.unit().getCode())).append("/logo?v=").append(e(v.settings().logo()))
                    .append("\" alt=\"").append(v.t("Biểu trưng của ", "Logo of ")).append(e(v.name())).append("\" height=\"64\">");
        }
        b.append("<div><p class=\"site-name\"><a href=\"").append(e(v.href(""))).append("\">").append(e(v.name())).append("</a></p>");
        if (!v.ancestors().isEmpty()) {
            Tenant parent = v.ancestors().get(v.ancestors().size() - 1);
            b.append("<p class=\"parent\">").append(v.t("Đơn vị cấp trên: ", "Parent unit: ")).append("<a href=\"/t/").append(e(parent.getCode()))
                    .append("/").append(v.english() ? "?lang=en" : "").append("\">").append(e(parent.getName())).append("</a></p>");
        }
        b.append("</div>");
        b.append("<form role=\"search\" method=\"get\" action=\"").append(e(v.base())).append("search\" class=\"search\">")
                .append("<label for=\"q\" class=\"visually-hidden\">").append(v.t("Tìm trên trang", "Search this site"))
                .append("</label><input id=\"q\" name=\"q\" type=\"search\" placeholder=\"").append(v.t("Tìm kiếm…", "Search…")).append("\">")
                .append(v.english() ? "<input type=\"hidden\" name=\"lang\" value=\"en\">" : "")
                .append("<button type=\"submit\">").append(v.t("Tìm", "Search")).append("</button></form>");
        b.append("<p class=\"lang\">").append(v.english()
                ? "<a href=\"" + e(v.base() + path) + "\" lang=\"vi\" hreflang=\"vi\">Tiếng Việt</a>"
                : "<a href=\"" + e(v.base() + path + (path.contains("?") ? "&" : "?") + "lang=en") + "\" lang=\"en\" hreflang=\"en\">English</a>")
                .append("</p></div></header>");
        b.append(menu(v));
        b.append("<div class=\"wrap\"><main id=\"main\" tabindex=\"-1\">").append(main).append("</main>");
        if (!aside.isEmpty()) {
            b.append("<aside aria-label=\"").append(v.t("Thông tin thêm", "More")).append("\">").append(aside).append("</aside>");
        }
        b.append("</div>");
        b.append(footer(v));
        b.append("</body></html>");
        return b.toString();
    }

    static String menu(SiteView v) {
        StringBuilder b = new StringBuilder("<nav class=\"menu\" aria-label=\"").append(v.t("Danh mục chính", "Main menu")).append("\"><ul>");
        List<MenuItem> items = v.menu();
        if (items.isEmpty()) {
            // no menu of its own yet: home and the categories
            b.append("<li><a href=\"").append(e(v.href(""))).append("\">").append(v.t("Trang chủ", "Home")).append("</a></li>");
            for (Category c : v.categories()) {
                b.append("<li><a href=\"").append(e(v.href(categoryPath(c)))).append("\">").append(e(c.name(v.english()))).append("</a></li>");
            }
        } else {
            menuLevel(b, v, items, null, 0);
        }
        return b.append("</ul></nav>").toString();
    }

    private static void menuLevel(StringBuilder b, SiteView v, List<MenuItem> all, Long parent, int depth) {
        for (MenuItem m : all) {
            if (!java.util.Objects.equals(m.parentId(), parent)) {
                continue;
            }
            List<MenuItem> kids = new ArrayList<>();
            for (MenuItem k : all) {
                if (java.util.Objects.equals(k.parentId(), m.id())) {
                    kids.add(k);
                }
            }
            b.append("<li").append(kids.isEmpty() ? "" : " class=\"has-sub\"").append("><a href=\"").append(e(menuHref(v, m))).append("\">")
                    .append(e(m.label(v.english()))).append("</a>");
            if (!kids.isEmpty() && depth < 3) {
                b.append("<ul>");
                menuLevel(b, v, all, m.id(), depth + 1);
                b.append("</ul>");
            }
            b.append("</li>");
        }
    }

    static String menuHref(SiteView v, MenuItem m) {
        return switch (m.kind()) {
            case HOME -> v.href("");
            case URL -> m.target();
            case CATEGORY -> v.categories().stream().filter(c -> String.valueOf(c.id()).equals(m.target())).findFirst()
                    .map(c -> v.href(categoryPath(c))).orElse(v.href(""));
            case PAGE -> v.href("pages/" + m.target());
        };
    }

    static String footer(SiteView v) {
        StringBuilder b = new StringBuilder("<footer class=\"site\"><div>");
        b.append("<h2>").append(e(v.name())).append("</h2>");
        var s = v.settings();
        if (s != null && (s.address() != null || s.phone() != null || s.email() != null)) {
            b.append("<address>");
            if (s.address() != null) {
                b.append(v.t("Địa chỉ: ", "Address: ")).append(e(s.address())).append("<br>");
            }
            if (s.phone() != null) {
                b.append(v.t("Điện thoại: ", "Phone: ")).append(e(s.phone())).append("<br>");
            }
            if (s.email() != null) {
                b.append(v.t("Thư điện tử: ", "Email: ")).append("<a href=\"mailto:").append(e(s.email())).append("\">").append(e(s.email()))
                        .append("</a>");
            }
            b.append("</address>");
        }
        if (v.theme().footerText() != null && !v.theme().footerText().isBlank()) {
            b.append("<p>").append(e(v.theme().footerText())).append("</p>");
        }
        b.append("<p class=\"visits\">").append(v.t("Lượt truy cập: ", "Visits: ")).append(String.format("%,d", v.visits()).replace(',', '.'))
                .append("</p><p><a href=\"").append(e(v.base())).append("rss.xml\">RSS</a> · <a href=\"").append(e(v.base()))
                .append("sitemap.xml\">Sitemap</a> · <a href=\"").append(e(v.base())).append("admin/portal")
                .append(v.english() ? "?lang=en" : "").append("\">").append(v.t("Quản trị trang", "Manage this site"))
                .append("</a></p>").append(USER_START).append("<p><a href=\"/login\">").append(v.t("Đăng nhập", "Log in"))
                .append("</a></p>").append(USER_END).append("</div></footer>");
        return b.toString();
    }

    static String css(Theme t) {
        return """
                *{box-sizing:border-box}body{margin:0;font-family:system-ui,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;background:#fff;line-height:1.55}
                a{color:%2$s}a:focus,button:focus,input:focus{outline:3px solid #ffbf47;outline-offset:2px}
                .skip{position:absolute;left:-999px;top:0;background:#fff;color:#000;padding:.5rem 1rem;z-index:10}.skip:focus{left:1rem}
                .visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
                header.site{background:%1$s;color:#fff}header.site a{color:#fff}
                .banner{height:140px;background-size:cover;background-position:center}
                .brand{max-width:72rem;margin:0 auto;padding:.8rem 1rem;display:flex;flex-wrap:wrap;align-items:center;gap:1rem}
                .brand .logo{background:#fff;border-radius:50%%;padding:2px}.site-name{font-size:1.6rem;font-weight:700;margin:0}.parent{margin:0}
                form.search{margin-left:auto;display:flex;gap:.3rem}form.search input{padding:.4rem;font-size:1rem;border:0}
                button{font-size:1rem;padding:.4rem .8rem;cursor:pointer;background:#fff;color:#1a1a1a;border:1px solid #555}
                .lang{margin:0}
                nav.menu{background:#f3f3f3;border-bottom:1px solid #ccc}nav.menu>ul{max-width:72rem;margin:0 auto;padding:0 1rem;display:flex;flex-wrap:wrap}
                nav.menu ul{list-style:none}nav.menu li{position:relative}nav.menu a{display:block;padding:.6rem .8rem;color:#1a1a1a;text-decoration:none;font-weight:600}
                nav.menu li ul{display:none;position:absolute;left:0;top:100%%;background:#fff;border:1px solid #ccc;min-width:14rem;padding:0;z-index:5}
                nav.menu li:hover>ul,nav.menu li:focus-within>ul{display:block}nav.menu li ul a{font-weight:400}
                .wrap{max-width:72rem;margin:0 auto;padding:1rem;display:grid;grid-template-columns:1fr;gap:2rem}
                @media(min-width:60rem){.layout-classic .wrap,.layout-magazine .wrap{grid-template-columns:3fr 1fr}}
                main:focus{outline:none}h1,h2,h3{line-height:1.25}h2{border-bottom:3px solid %1$s;padding-bottom:.2rem}
                .cards{list-style:none;padding:0}.card{margin:0 0 1rem}.card h3{margin:.2rem 0}
                .cards.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:1rem}.cards.grid img{width:100%%;height:auto}
                .layout-compact .card p:not(.meta){display:none}
                .meta{color:#555;font-size:.9rem;margin:0}.summary{font-weight:600}.list{padding-left:1.1rem}
                .body img,figure img{max-width:100%%;height:auto}figure{margin:1rem 0}
                nav.crumbs ol{list-style:none;padding:0;display:flex;gap:.5rem}nav.crumbs li+li:before{content:"›";margin-right:.5rem}
                .pager ul{list-style:none;padding:0;display:flex;gap:.5rem;flex-wrap:wrap}.pager a[aria-current]{font-weight:700;text-decoration:none;color:#1a1a1a}
                footer.site{background:#222;color:#f2f2f2;margin-top:2rem}footer.site>div{max-width:72rem;margin:0 auto;padding:1rem}
                footer.site a{color:#cde3ff}footer.site h2{border:0}
                .preview{background:#fff6d5;color:#1a1a1a;margin:0;padding:.5rem 1rem;font-weight:700;text-align:center}
                mark{background:#fff3a3}
                """.formatted(t.primary(), t.accent());
    }
}
