package vn.egov.tenantadmin.pages;

import jakarta.validation.ConstraintViolation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import vn.egov.platform.tenancy.entity.TenantKind;
import vn.egov.platform.web.desk.Desk;
import vn.egov.platform.web.pages.ConstraintTexts;
import vn.egov.platform.web.desk.DeskFrame;
import vn.egov.platform.web.pages.Page;
import vn.egov.platform.web.pages.Templates;

/** This module's templates ({@code src/main/jte}, compiled into {@code vn.egov.tenantadmin.jte}) and texts. */
final class AdminPages {
    static final Templates TEMPLATES = new Templates("vn.egov.tenantadmin.jte");
    /** The bundle of the unit administration's texts ({@code messages_vi/en.properties} beside these classes). */
    static final String BUNDLE = "vn.egov.tenantadmin.pages.messages";

    private AdminPages() {
    }

    /** A page of the desk: the template {@code name} given the desk (context and frame) and the page's view. */
    static String render(String name, DeskFrame.Page desk, Object view) {
        return TEMPLATES.render(name, desk.page(), "desk", desk, "view", view);
    }

    /** The one-shot message of the next page: the text of {@code key} with its values (escaped), from {@code flash.jte}. */
    static String flash(Desk layout, String key, Object... args) {
        return TEMPLATES.render("flash.jte", texts(layout), "key", key, "args", args);
    }

    /** A one-shot message with markup of its own (a password to copy): the template {@code name} and its parameters. */
    static String flashTemplate(Desk layout, String name, Object... params) {
        return TEMPLATES.render(name, texts(layout), params);
    }

    /** The texts of this module in the request's language, for a message made before a redirect (no frame needed). */
    static Page texts(Desk layout) {
        return Page.titled(layout.request(), layout.locale(), "", BUNDLE);
    }

    /** The messages of the refused fields ({@code fieldOf} maps a property path to a form field), in the request's language. */
    static <T> Map<String, String> violations(Desk layout, Set<ConstraintViolation<T>> found, Function<String, String> fieldOf) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<T> v : found) {
            errors.merge(fieldOf.apply(v.getPropertyPath().toString()), ConstraintTexts.text(v, layout.locale()), (a, c) -> a.equals(c) ? a : a + " " + c);
        }
        return errors;
    }

    /** A unit's kind for people, in the page's language. */
    static String kind(Page page, TenantKind kind) {
        return page.t().text(kind.labelKey());
    }

    /** A problem's detail in the request's language. */
    static String detail(Desk layout, vn.egov.platform.web.ProblemException e) {
        return layout.en() ? e.problem().detailEn() : e.problem().detailVi();
    }
}
