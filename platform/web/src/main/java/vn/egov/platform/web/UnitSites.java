package vn.egov.platform.web;

import java.util.List;
import java.util.Locale;
import vn.egov.platform.tenancy.entity.Tenant;

/**
 * The public site of a unit, as the platform and other modules see it: a feature module that makes sites implements
 * it as a CDI bean, and nobody knows more of it. Its home page for the platform's root on that unit's own domain
 * ({@code https://xa-a.laocai.gov.vn/}); the site's frame (theme, menu, language switch) around a page another module
 * renders (the procedure catalogue, the online application); its page for "not found". Each in the request's language
 * ({@link vn.egov.platform.web.pages.Locales#of}: Vietnamese, English or the pseudo-language).
 */
public interface UnitSites {
    /** The home page as bytes (the site's cached page, with the visitor's user line if logged in); counts a visit. */
    byte[] home(Tenant unit, Locale language);

    /**
     * A page of the unit's site around {@code mainHtml} (made, and its values escaped, by the calling module's
     * template), not cached. {@code stylesheets} are the assets the page needs besides the site's own
     * ({@code "dossiers/dossiers.css"}), linked in its head; {@code path} is the page's path under the site, for the
     * language switch (or, starting with {@code /}, its whole path: a person's own page framed by their unit's site).
     */
    String framed(Tenant unit, Locale language, String title, List<String> stylesheets, String mainHtml, String path);

    /** The site's own "not found" page. */
    byte[] notFound(Tenant unit, Locale language);
}
