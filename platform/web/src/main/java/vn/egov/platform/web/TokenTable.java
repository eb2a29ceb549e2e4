package vn.egov.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.function.Function;
import vn.egov.platform.web.UserTokens.TokenView;
import vn.egov.platform.web.pages.Locales;
import vn.egov.platform.web.pages.Page;
import vn.egov.platform.web.pages.Templates;

/**
 * The table of a user's API tokens (template {@code platform/tokenTable.jte}), as the user's own page and their
 * unit administrator's page show it: name, last characters, dates (dd/MM/yyyy HH:mm, Vietnam time), state, and a
 * revoke button on each token still in use.
 */
public final class TokenTable {

    private TokenTable() {
    }

    /** For a page not made from templates yet: the table in that page's language. */
    public static String html(HttpServletRequest request, List<TokenView> tokens, boolean en, Function<TokenView, String> revokeAction) {
        Page page = Page.of(request, en ? Locales.ENGLISH : Locales.VIETNAMESE, null, "tokens.title");
        return Templates.PLATFORM.render("platform/tokenTable.jte", page, "tokens", tokens, "revokeAction", revokeAction);
    }
}
