package vn.egov.portal.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.shiro.SecurityUtils;
import vn.egov.platform.persistence.OwnTransaction;
import vn.egov.platform.security.ScopedPermission;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Html;
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.desk.Desk;
import vn.egov.platform.web.desk.DeskFrame;
import vn.egov.platform.web.desk.PageException;
import vn.egov.platform.web.pages.Messages;
import vn.egov.platform.web.pages.Templates;

/**
 * What the editors' pages share: the access checks, the portal's own menu, a change run in its own transaction (a
 * refused one becomes the form's messages), numbers typed in forms, and the answers (a template inside the desk's
 * frame, sent with the strict policy or, for the pages with the rich text editor, {@link PortalPages#EDITOR_POLICY}).
 */
@RequestScoped
public class PortalDesk {
    /** The TinyMCE version the platform's WAR serves (from npm: its package.json and tinymce.version in its POM). */
    public static final String TINYMCE = "6.8.5";
    /** The version of npm's tinymce-i18n whose Vietnamese pack the WAR serves (its package.json, tinymce-i18n.version in its POM). */
    public static final String TINYMCE_I18N = "26.9.21";

    /** The portal's sections: path under {@code portal/} and the bundle key of its name. */
    static final List<String[]> SECTIONS = List.of(new String[] {"", "nav.articles"}, new String[] {"theme", "nav.theme"}, new String[] {"logo", "nav.logo"},
            new String[] {"menu", "nav.menu"}, new String[] {"categories", "nav.categories"}, new String[] {"pages", "nav.pages"},
            new String[] {"files", "nav.files"});

    /** A template's frame, its own menu and the texts of this request. */
    public record Frame(DeskFrame.Page desk, List<DeskFrame.Item> nav) {
        public Messages t() {
            return desk.page().t();
        }
    }

    @Inject
    Desk layout;

    @Inject
    Access access;

    @Inject
    OwnTransaction own;

    Tenant require(String action) {
        return layout.call(() -> access.require("portal", action));
    }

    boolean may(Tenant unit, String domain, String action) {
        return SecurityUtils.getSubject().isPermitted(ScopedPermission.required(domain, action, unit.getPath()));
    }

    String username() {
        return access.username();
    }

    /** This request's texts (the portal's bundle, then the platform's), for messages made in Java. */
    Messages t() {
        return Messages.of(layout.locale(), PortalPages.BUNDLE);
    }

    Desk layout() {
        return layout;
    }

    String base(Tenant unit) {
        return layout.url(unit, "portal");
    }

    String sub(Tenant unit, String path) {
        return layout.url(unit, "portal/" + path);
    }

    /** The page's frame ({@code titleKey} of the portal's bundle) and the portal's menu with {@code here} marked. */
    Frame frame(Tenant unit, String titleKey, String here) {
        List<DeskFrame.Item> nav = new ArrayList<>();
        DeskFrame.Page desk = layout.desk(unit, "portal", PortalPages.BUNDLE, titleKey);
        for (String[] s : SECTIONS) {
            if ((s[0].equals("theme") || s[0].equals("logo")) && !may(unit, "tenant", "admin")) {
                continue; // the site's colours and logo are the unit's administrators' (an editor's link would answer 403)
            }
            nav.add(new DeskFrame.Item(desk.page().t().text(s[1]), s[0].isEmpty() ? base(unit) : sub(unit, s[0]), s[0].equals(here)));
        }
        nav.add(new DeskFrame.Item(desk.page().t().text("nav.public"), "/t/" + unit.getCode() + "/", false));
        return new Frame(desk, nav);
    }

    String render(String template, Frame f, Object view) {
        return PortalPages.TEMPLATES.render(template, f.desk().page(), "desk", f.desk(), "nav", f.nav(), "view", view);
    }

    Response ok(String template, Frame f, Object view) {
        return layout.okTemplate(render(template, f, view));
    }

    PageException refuse(int status, String template, Frame f, Object view) {
        return layout.refuseTemplate(status, render(template, f, view));
    }

    /** The same for a page with the rich text editor (its policy: {@link PortalPages#EDITOR_POLICY}). */
    Response okEditor(String template, Frame f, Object view) {
        return Response.ok(render(template, f, view), Templates.HTML).header("Content-Security-Policy", PortalPages.EDITOR_POLICY).build();
    }

    RuntimeException refuseEditor(int status, String template, Frame f, Object view) {
        // thrown (the transaction rolls back) with its answer, as the desk's own refusals are
        return new WebApplicationException(Response.status(status).type(Templates.HTML).header("Content-Security-Policy", PortalPages.EDITOR_POLICY)
                .entity(render(template, f, view)).build());
    }

    /** A one-shot message for the next page: the text of {@code key} (escaped here: the frame shows it as HTML). */
    void flash(Messages t, String key, Object... args) {
        layout.flash(Html.escape(t.text(key, args)));
    }

    Response redirect(String path) {
        return layout.redirect(path);
    }

    /** Runs a change in its own transaction; a problem becomes the field errors of the form, or the error page. */
    <T> Optional<T> change(Supplier<T> work, Map<String, String> errors) {
        try {
            return Optional.ofNullable(own.call(work));
        } catch (ProblemException e) {
            if (e.problem().status() == 400 || e.problem().status() == 413) {
                // a problem said per language has its messages in the page's language; an older one pairs "tiếng Việt / English"
                Problem said = e.problem().in(layout.locale());
                said.fieldErrors().forEach((k, v) -> errors.put(k, e.problem().perLanguage() ? v.get(0) : layout.message(v.get(0))));
                if (errors.isEmpty()) {
                    errors.put("form", layout.en() ? said.detailEn() : said.detailVi());
                }
                return Optional.empty();
            }
            if (e.problem().status() == 409) {
                Problem said = e.problem().in(layout.locale());
                errors.put("form", layout.en() ? said.detailEn() : said.detailVi());
                return Optional.empty();
            }
            throw layout.error(e.problem());
        }
    }

    /** A change whose refusal is an error page (deleting, moving). */
    void run(Runnable work) {
        layout.call(() -> own.call(() -> {
            work.run();
            return null;
        }));
    }

    /** A number typed in a form; anything else is the field's message ({@code number} of the bundle). */
    Long number(Messages t, String s, String field, Map<String, String> errors) {
        if (s == null || s.isBlank()) {
            return null;
        }
        if (!s.strip().matches("[0-9]{1,18}")) {
            errors.put(field, t.text("error.number"));
            return null;
        }
        return Long.parseLong(s.strip());
    }

    /** The form's values as sent (the attachments' ids joined), to show a refused form again. */
    static Map<String, String> values(MultivaluedMap<String, String> form) {
        Map<String, String> v = new LinkedHashMap<>();
        form.forEach((k, list) -> v.put(k, list.isEmpty() ? "" : k.equals("attachments") ? String.join(", ", list) : list.get(0)));
        return v;
    }
}
