package vn.egov.tenantadmin.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.shiro.SecurityUtils;
import vn.egov.platform.security.ScopedPermission;
import vn.egov.platform.security.SubjectScopeProvider.CurrentUser;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.tenancy.TenantContext;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Csrf;
import vn.egov.platform.web.Html;
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;

/**
 * What every admin page shares: the language of the request, the access checks answered as HTML pages
 * (not problem JSON), the CSRF check, the frame (breadcrumb, menu, one-shot message, user line, language
 * switch), form fields with their messages, and post-redirect-get.
 */
@RequestScoped
public class AdminLayout {
    static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";
    static final String DOMAIN = "tenant";
    static final String ACTION = "admin";
    /** A message for the next page only (after a redirect); HTML rendered and escaped by us. */
    static final String FLASH = "vn.egov.admin.flash";

    @Inject
    HttpServletRequest request;

    @Inject
    TenantContext context;

    @Inject
    TenantDirectory directory;

    @Inject
    Access access;

    private Boolean en;

    /** This request (a method, not the field: pages reach this bean through its CDI proxy). */
    public HttpServletRequest request() {
        return request;
    }

    // ---- language

    /** English when the query string says {@code lang=en} (read from the query only: a form body stays unread). */
    public boolean en() {
        if (en == null) {
            String q = request.getQueryString();
            boolean english = false;
            if (q != null) {
                for (String pair : q.split("&")) {
                    if (URLDecoder.decode(pair, StandardCharsets.UTF_8).equalsIgnoreCase("lang=en")) {
                        english = true;
                    }
                }
            }
            en = english;
        }
        return en;
    }

    public String lang() {
        return en() ? "en" : "vi";
    }

    public String t(String vi, String english) {
        return en() ? english : vi;
    }

    /** The half of a bilingual validation message ("tiếng Việt / English") for this request. */
    public String message(String bilingual) {
        if (bilingual == null) {
            return t("Giá trị không hợp lệ.", "Invalid value.");
        }
        int slash = bilingual.indexOf(" / ");
        if (slash < 0) {
            // a message without a Vietnamese half (a default one): say it plainly in the page's language
            return t("Giá trị không hợp lệ.", "Invalid value: " + bilingual);
        }
        return en() ? bilingual.substring(slash + 3) : bilingual.substring(0, slash);
    }

    /** A refused change said in this request's language: the problem's detail, then each field's message. */
    public String detail(ProblemException e) {
        StringBuilder m = new StringBuilder(en() ? e.problem().detailEn() : e.problem().detailVi());
        if (e.problem().fieldErrors() != null) {
            e.problem().fieldErrors().values().forEach(list -> list.forEach(s -> m.append(" ").append(message(s))));
        }
        return m.toString();
    }

    // ---- access

    public Tenant unit() {
        return context.tenant().orElseThrow(() -> error(ProblemException.notFound("đơn vị", "unit").problem()));
    }

    /** Admin rights over the request's unit, or an error page (401, 403, 404). */
    public Tenant require() {
        return call(() -> access.require(DOMAIN, ACTION));
    }

    /** Admin rights over the request's unit and everything under it, or an error page. */
    Tenant requireSubtree() {
        return call(() -> access.requireSubtree(DOMAIN, ACTION));
    }

    /** Runs a boundary call; a problem it raises becomes the HTML error page (and the transaction rolls back). */
    public <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (ProblemException e) {
            throw error(e.problem());
        }
    }

    public Optional<UserPrincipal> user() {
        return CurrentUser.get();
    }

    /** Whether the logged-in user holds admin rights at {@code path} (and below it, if {@code subtree}). */
    boolean may(String path, boolean subtree) {
        Optional<UserPrincipal> u = user();
        return u.isPresent() && !u.get().mustChangePassword()
                && SecurityUtils.getSubject().isPermitted(new ScopedPermission(DOMAIN, Set.of(ACTION), path, subtree));
    }

    /** Whether the user may suspend, reactivate or rename {@code t}: rights over its parent's subtree. */
    boolean mayFromAbove(Tenant t) {
        String path = t.getPath();
        return path.contains(".") && may(path.substring(0, path.lastIndexOf('.')), true);
    }

    // ---- CSRF

    public String csrfField() {
        return Csrf.field(request);
    }

    /** First thing every POST does: a missing or foreign token ends the request with 403, nothing changed. */
    public void checkCsrf(String sent) {
        if (!Csrf.valid(request, sent)) {
            throw error(Problem.of(403, "csrf", "Yêu cầu bị từ chối", "Request refused",
                    "Biểu mẫu thiếu mã chống giả mạo hoặc mã không còn hợp lệ (có thể phiên làm việc đã hết hạn). "
                            + "Không có gì được thay đổi. Hãy tải lại trang rồi gửi lại.",
                    "The form's anti-forgery token is missing or no longer valid (the session may have expired). "
                            + "Nothing was changed. Reload the page and send it again."));
        }
    }

    // ---- addresses, redirects, one-shot messages

    /** {@code /t/{code}/admin/{sub}} in this request's language. */
    public String url(Tenant t, String sub) {
        return withLang("/t/" + t.getCode() + "/admin/" + sub);
    }

    public String withLang(String path) {
        return en() ? path + (path.contains("?") ? "&" : "?") + "lang=en" : path;
    }

    /** Post-redirect-get: 303 to {@code path}, in this request's language. */
    public Response redirect(String path) {
        return Response.seeOther(URI.create(withLang(path))).build();
    }

    public void flash(String html) {
        request.getSession(true).setAttribute(FLASH, html);
    }

    private String takeFlash() {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Object html = session.getAttribute(FLASH);
        if (html != null) {
            session.removeAttribute(FLASH);
        }
        return (String) html;
    }

    // ---- answers

    public Response ok(String html) {
        return Response.ok(html, HTML).build();
    }

    /** A rendered page as the answer, thrown so that the transaction rolls back. */
    public PageException refuse(int status, String html) {
        return new PageException(Response.status(status).type(HTML).entity(html).build());
    }

    /** A problem as a page: its title and detail in the request's language. */
    public PageException error(Problem p) {
        if (p.status() == 401) {
            return new PageException(Response.seeOther(URI.create("/login" + (en() ? "?lang=en" : ""))).build());
        }
        StringBuilder b = new StringBuilder("<h1>").append(Html.escape(en() ? p.titleEn() : p.titleVi())).append("</h1>")
                .append("<p class=\"error\" role=\"alert\">").append(Html.escape(en() ? p.detailEn() : p.detailVi())).append("</p>")
                .append("<p>");
        Optional<UserPrincipal> u = user();
        if (u.isPresent()) {
            b.append("<a href=\"").append(Html.escape(withLang("/t/" + u.get().tenantCode() + "/admin/"))).append("\">")
                    .append(t("Về trang quản trị đơn vị của tôi", "Back to my unit's administration")).append("</a> · ");
        }
        b.append("<a href=\"").append(Html.escape(withLang("/"))).append("\">").append(t("Trang chủ", "Home")).append("</a></p>");
        return new PageException(Response.status(p.status()).type(HTML)
                .entity(Html.page(lang(), en() ? p.titleEn() : p.titleVi(), STYLE + b)).build());
    }

    // ---- the frame

    static final String STYLE = """
            <style>
            nav.admin ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
            nav.admin a[aria-current]{font-weight:bold;text-decoration:none;color:#1a1a1a}
            nav.crumbs ol{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
            nav.crumbs li+li:before{content:"›";margin-right:.5rem;color:#555}
            table{border-collapse:collapse;width:100%;margin:.5rem 0}
            th,td{border:1px solid #c8c8c8;padding:.3rem .5rem;text-align:left;vertical-align:top}
            th{background:#f2f2f2}
            td code{word-break:break-all;font-size:.85rem}
            .ok{color:#0b5e0b;border:1px solid #0b5e0b;padding:.5rem}
            .field-error{color:#8a0000;margin:.2rem 0;font-size:.95rem}
            [aria-invalid=true]{border:2px solid #8a0000}
            .status-suspended{color:#8a0000;font-weight:bold}
            .status-active{color:#0b5e0b}
            button{font-size:1rem;padding:.3rem .8rem;margin:.2rem 0;cursor:pointer}
            form.inline{display:inline;margin:0}
            fieldset{margin:.8rem 0;border:1px solid #c8c8c8}
            .secret{font-family:monospace;font-size:1.1rem;background:#fff6d5;padding:.1rem .3rem}
            progress{width:100%;height:1.5rem}
            input:not([type=checkbox]):not([type=hidden]),select{width:min(100%,32rem);box-sizing:border-box}
            .hint{color:#555;font-size:.9rem;margin:.1rem 0}
            </style>
            """;

    /** The admin menu: key, Vietnamese label, English label, sub-path. */
    private static final List<String[]> MENU = List.of(
            new String[] {"overview", "Tổng quan", "Overview", ""},
            new String[] {"new", "Tạo đơn vị trực thuộc", "New sub-unit", "units/new"},
            new String[] {"import", "Nhập đơn vị từ CSV", "Import units (CSV)", "import"},
            new String[] {"reorganise", "Sắp xếp đơn vị", "Reorganise", "reorganise"},
            new String[] {"audit", "Nhật ký", "Audit trail", "audit"},
            new String[] {"users", "Người dùng", "Users", "users"},
            new String[] {"settings", "Cấu hình", "Settings", "settings"},
            new String[] {"search", "Chỉ mục tìm kiếm", "Search index", "search"},
            new String[] {"portal", "Cổng thông tin", "Portal site", "portal"},
            new String[] {"calendar", "Lịch làm việc", "Working days", "calendar"},
            new String[] {"procedures", "Nhập danh mục thủ tục", "Import procedures", "procedures/import"},
            new String[] {"dossiers", "Một cửa", "One-stop desk", "dossiers"},
            new String[] {"documents", "Văn bản", "Documents", "documents"},
            new String[] {"payment-account", "Tài khoản thu phí", "Fee account", "payment-account"});

    /** A whole admin page of {@code unit}: breadcrumb, menu ({@code section} marked), message, body, user line. */
    public String page(Tenant unit, String section, String titleVi, String titleEn, String body) {
        StringBuilder b = new StringBuilder(STYLE);
        b.append("<nav class=\"crumbs\" aria-label=\"").append(t("Đường dẫn", "Breadcrumb")).append("\"><ol>");
        for (Tenant a : directory.ancestors(unit)) {
            b.append("<li>").append(may(a.getPath(), false) ? link(url(a, ""), a.getName()) : Html.escape(a.getName())).append("</li>");
        }
        b.append("<li>").append(link(url(unit, ""), unit.getName())).append("</li></ol></nav>");
        b.append("<nav class=\"admin\" aria-label=\"").append(t("Quản trị đơn vị", "Unit administration")).append("\"><ul>");
        for (String[] m : MENU) {
            if (m[0].equals("procedures") && unit.getParentId() != null) {
                continue; // the province's catalogue is imported at the province only
            }
            b.append("<li><a href=\"").append(Html.escape(url(unit, m[3]))).append("\"")
                    .append(m[0].equals(section) ? " aria-current=\"page\"" : "").append(">")
                    .append(en() ? m[2] : m[1]).append("</a></li>");
        }
        b.append("</ul></nav>");
        String flash = takeFlash();
        if (flash != null) {
            b.append("<div class=\"ok\" role=\"status\" id=\"flash\">").append(flash).append("</div>");
        }
        b.append(body);
        b.append("<hr><p>");
        user().ifPresent(u -> b.append(t("Đang đăng nhập: ", "Logged in as ")).append(Html.escape(u.displayName()))
                .append(" (").append(Html.escape(u.username())).append(") · "));
        b.append(link("/t/" + unit.getCode() + "/" + (en() ? "?lang=en" : ""), t("Trang công khai của đơn vị", "The unit's public page")))
                .append(" · ").append(link("/me/tokens" + (en() ? "?lang=en" : ""), t("Mã truy cập API của tôi", "My API tokens")))
                .append(" · <a href=\"/logout\">").append(t("Đăng xuất", "Log out")).append("</a> · ");
        String here = request.getRequestURI();
        b.append(en() ? "<a href=\"" + Html.escape(here) + "\" lang=\"vi\">Tiếng Việt</a>"
                : "<a href=\"" + Html.escape(here) + "?lang=en\" lang=\"en\">English</a>");
        b.append("</p>");
        return Html.page(lang(), (en() ? titleEn : titleVi) + " · " + unit.getName(), b.toString());
    }

    public static String link(String href, String text) {
        return "<a href=\"" + Html.escape(href) + "\">" + Html.escape(text) + "</a>";
    }

    // ---- form fields

    /** A labelled input with its message (if any) tied to it for screen readers. */
    public String input(String name, String labelVi, String labelEn, String value, Map<String, String> errors, String attributes) {
        String error = errors.get(name);
        StringBuilder b = new StringBuilder("<label for=\"").append(name).append("\">").append(Html.escape(t(labelVi, labelEn)))
                .append("</label><input id=\"").append(name).append("\" name=\"").append(name).append("\" value=\"")
                .append(Html.escape(value)).append("\"");
        if (attributes != null && !attributes.isEmpty()) {
            b.append(' ').append(attributes);
        }
        if (error != null) {
            b.append(" aria-invalid=\"true\" aria-describedby=\"").append(name).append("-error\"");
        }
        b.append(">");
        if (error != null) {
            b.append("<p class=\"field-error\" id=\"").append(name).append("-error\">").append(Html.escape(error)).append("</p>");
        }
        return b.toString();
    }

    /** A labelled select; {@code options} are value, Vietnamese label, English label. */
    public String select(String name, String labelVi, String labelEn, String value, List<String[]> options, Map<String, String> errors) {
        String error = errors.get(name);
        StringBuilder b = new StringBuilder("<label for=\"").append(name).append("\">").append(Html.escape(t(labelVi, labelEn)))
                .append("</label><select id=\"").append(name).append("\" name=\"").append(name).append("\"");
        if (error != null) {
            b.append(" aria-invalid=\"true\" aria-describedby=\"").append(name).append("-error\"");
        }
        b.append(">");
        for (String[] o : options) {
            b.append("<option value=\"").append(Html.escape(o[0])).append("\"").append(o[0].equals(value) ? " selected" : "")
                    .append(">").append(Html.escape(en() ? o[2] : o[1])).append("</option>");
        }
        b.append("</select>");
        if (error != null) {
            b.append("<p class=\"field-error\" id=\"").append(name).append("-error\">").append(Html.escape(error)).append("</p>");
        }
        return b.toString();
    }

    public String checkbox(String name, String value, String labelVi, String labelEn, boolean checked) {
        String id = name + "-" + value;
        return "<label for=\"" + Html.escape(id) + "\"><input type=\"checkbox\" id=\"" + Html.escape(id) + "\" name=\"" + name
                + "\" value=\"" + Html.escape(value) + "\"" + (checked ? " checked" : "") + "> " + Html.escape(t(labelVi, labelEn))
                + "</label>";
    }

    /** The banner above a refused form. */
    public String refusedBanner(String detail) {
        return "<div class=\"error\" role=\"alert\" id=\"form-error\"><p>" + Html.escape(detail == null
                ? t("Biểu mẫu có chỗ chưa đúng; hãy sửa các trường được đánh dấu rồi gửi lại. Không có gì được lưu.",
                        "The form has errors; correct the marked fields and send it again. Nothing was saved.")
                : detail) + "</p></div>";
    }
}
