package vn.egov.platform.web.desk;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
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
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.pages.Locales;
import vn.egov.platform.web.pages.Messages;
import vn.egov.platform.web.pages.Page;
import vn.egov.platform.web.pages.Templates;

/**
 * What every page of the desk shares: the language of the request (the platform's one resolver), the access checks answered as HTML pages (not problem JSON), the CSRF check,
 * the frame (breadcrumb, the menu the modules contribute, one-shot message, user line, language switch) and the form
 * fields, both from templates, and post-redirect-get.
 */
@RequestScoped
public class Desk {
    public static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";
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

    @Inject
    Instance<DeskSection.Contribution> contributions;

    private Locale locale;

    /** This request (a method, not the field: pages reach this bean through its CDI proxy). */
    public HttpServletRequest request() {
        return request;
    }

    // ---- language

    /**
     * Whether this request's language is not Vietnamese (English, or the pseudo-language of the tests): the platform's
     * one resolver decides ({@code ?lang}, then the cookie it keeps, then {@code Accept-Language}, then Vietnamese).
     */
    public boolean en() {
        return !"vi".equals(locale().getLanguage());
    }

    public String lang() {
        return locale().toLanguageTag();
    }

    /** The half of a bilingual validation message ("tiếng Việt / English") for this request. */
    public String message(String bilingual) {
        Messages texts = Messages.of(locale());
        if (bilingual == null) {
            return texts.text("validation.invalid");
        }
        int slash = bilingual.indexOf(" / ");
        if (slash < 0) {
            // a message without a Vietnamese half (a default one): say it plainly in the page's language
            return en() ? texts.text("validation.invalidBecause", bilingual) : texts.text("validation.invalid");
        }
        return en() ? bilingual.substring(slash + 3) : bilingual.substring(0, slash);
    }

    /** A refused change said in this request's language: the problem's detail, then each field's message. */
    public String detail(ProblemException e) {
        Problem said = e.problem().in(locale());
        StringBuilder m = new StringBuilder(en() ? said.detailEn() : said.detailVi());
        if (said.fieldErrors() != null) {
            said.fieldErrors().values().forEach(list -> list.forEach(s -> m.append(" ").append(e.problem().perLanguage() ? s : message(s))));
        }
        return m.toString();
    }

    /** A refused change's message for {@code field}, in this request's language, to show beside it; null when it has none. */
    public String fieldError(ProblemException e, String field) {
        Problem said = e.problem().in(locale());
        List<String> messages = said.fieldErrors() == null ? null : said.fieldErrors().get(field);
        if (messages == null || messages.isEmpty()) {
            return null;
        }
        return String.join(" ", messages.stream().map(s -> e.problem().perLanguage() ? s : message(s)).toList());
    }

    // ---- access

    public Tenant unit() {
        return context.tenant().orElseThrow(() -> error(ProblemException.notFound(ProblemException::platformTexts, "platform.notFound.unit").problem()));
    }

    /** Admin rights over the request's unit, or an error page (401, 403, 404). */
    public Tenant require() {
        return call(() -> access.require(DOMAIN, ACTION));
    }

    /** Admin rights over the request's unit and everything under it, or an error page. */
    public Tenant requireSubtree() {
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
    public boolean may(String path, boolean subtree) {
        return permitted(DOMAIN, ACTION, path, subtree);
    }

    /** Whether the user may suspend, reactivate or rename {@code t}: rights over its parent's subtree. */
    public boolean mayFromAbove(Tenant t) {
        String path = t.getPath();
        return path.contains(".") && may(path.substring(0, path.lastIndexOf('.')), true);
    }

    // ---- CSRF

    /** First thing every POST does: a missing or foreign token ends the request with 403, nothing changed. */
    public void checkCsrf(String sent) {
        if (!Csrf.valid(request, sent)) {
            throw error(ProblemException.platform(403, "csrf", "csrf"));
        }
    }

    // ---- addresses, redirects, one-shot messages

    /** {@code /t/{code}/admin/{sub}} in this request's language. */
    public String url(Tenant t, String sub) {
        return withLang("/t/" + t.getCode() + "/admin/" + sub);
    }

    /** {@code path} in this request's language: a language other than Vietnamese is carried in the address. */
    public String withLang(String path) {
        return en() ? path + (path.contains("?") ? "&" : "?") + "lang=" + lang() : path;
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

    /** A problem as a page: its title and detail in the request's language (said in it, when it is said by keys). */
    public PageException error(Problem p) {
        if (p.status() == 401) {
            return new PageException(Response.seeOther(URI.create(withLang("/login"))).build());
        }
        Problem said = p.in(locale());
        Page page = page(en() ? said.titleEn() : said.titleVi());
        String html = Templates.PLATFORM.render("platform/desk/problem.jte", page, "detail", en() ? said.detailEn() : said.detailVi(),
                "myUnit", user().map(u -> withLang("/t/" + u.tenantCode() + "/admin/")).orElse(null), "home", withLang("/"));
        return new PageException(Response.status(p.status()).type(HTML).entity(html).build());
    }

    // ---- the frame

    /**
     * The menu's entries the modules contribute for {@code unit}, those this user may open there, in their groups (in
     * the groups' order, each group's entries in theirs); a group none of whose entries they may open is left out.
     */
    private List<DeskFrame.MenuGroup> menu(Tenant unit, String section) {
        List<DeskSection> all = new ArrayList<>();
        contributions.forEach(c -> all.addAll(c.sections()));
        all.sort(Comparator.comparingInt(DeskSection::order));
        Map<DeskSection.Group, List<DeskFrame.Item>> groups = new EnumMap<>(DeskSection.Group.class);
        for (DeskSection s : all) {
            if (s.rootOnly() && unit.getParentId() != null) {
                continue;
            }
            if (!permitted(s.domain(), s.action(), unit.getPath(), s.subtree())) {
                continue;
            }
            groups.computeIfAbsent(s.group(), g -> new ArrayList<>())
                    .add(new DeskFrame.Item(Messages.of(locale(), s.bundle()).text(s.labelKey()), url(unit, s.path()), s.key().equals(section)));
        }
        Messages platform = Messages.of(locale(), Messages.PLATFORM);
        return groups.entrySet().stream().map(g -> new DeskFrame.MenuGroup(platform.text(g.getKey().labelKey()), g.getValue())).toList();
    }

    private boolean permitted(String domain, String action, String path, boolean subtree) {
        Optional<UserPrincipal> u = user();
        return u.isPresent() && !u.get().mustChangePassword()
                && SecurityUtils.getSubject().isPermitted(new ScopedPermission(domain, Set.of(action), path, subtree));
    }

    /**
     * For a page made from a template: its context, with the texts of {@code bundle} (the module's) before the platform's
     * and titled by {@code titleKey} (its {@code {0}}, {@code {1}}… filled by {@code titleArgs}), and the frame its template puts around its body
     * ({@code @template.platform.desk.frame(page = desk.page(), frame = desk.frame(), body = @`...`)}).
     */
    public DeskFrame.Page desk(Tenant unit, String section, String bundle, String titleKey, Object... titleArgs) {
        String title = Messages.of(locale(), bundle).text(titleKey, titleArgs) + " · " + unit.getName();
        return new DeskFrame.Page(Page.titled(request, locale(), title, bundle), frame(unit, section));
    }

    /** A page made from a template: sent with the strict content security policy (nothing inline). */
    public Response okTemplate(String html) {
        return Response.ok(html, HTML).header("Content-Security-Policy", Templates.CONTENT_SECURITY_POLICY).build();
    }

    /** The same, refused with {@code status} (a form shown again): thrown, so that the transaction rolls back. */
    public PageException refuseTemplate(int status, String html) {
        return new PageException(Response.status(status).type(HTML).header("Content-Security-Policy", Templates.CONTENT_SECURITY_POLICY)
                .entity(html).build());
    }

    /** This request's language, as the platform's resolver says (resolved once). */
    public Locale locale() {
        if (locale == null) {
            locale = Locales.of(request);
        }
        return locale;
    }

    private DeskFrame frame(Tenant unit, String section) {
        List<DeskFrame.Item> crumbs = new ArrayList<>();
        for (Tenant a : directory.ancestors(unit)) {
            crumbs.add(new DeskFrame.Item(a.getName(), may(a.getPath(), false) ? url(a, "") : null, false));
        }
        crumbs.add(new DeskFrame.Item(unit.getName(), url(unit, ""), false));
        String here = request.getRequestURI();
        // the switch names its language: the resolver keeps the one last asked for in a cookie
        return new DeskFrame(crumbs, menu(unit, section), takeFlash(), user().orElse(null),
                withLang("/t/" + unit.getCode() + "/"), withLang("/me/tokens"), here + "?lang=" + (en() ? "vi" : "en"), en() ? "vi" : "en");
    }

    /** The platform's page context in this request's language, titled {@code title}. */
    private Page page(String title) {
        return Page.titled(request, locale(), title);
    }

    public static String link(String href, String text) {
        return Templates.PLATFORM.render("platform/desk/link.jte", null, "href", href, "text", text);
    }

    // ---- forms

    /** The banner above a refused form. */
    public String refusedBanner(String detail) {
        return Templates.PLATFORM.render("platform/desk/refused.jte", null, "detail", detail == null
                ? Messages.of(locale()).text("desk.refusedForm")
                : detail);
    }
}
