package vn.egov.portal.pages;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import vn.egov.platform.web.pages.Templates;

/** This module's templates ({@code src/main/jte}, compiled into {@code vn.egov.portal.jte}) and the editors' texts. */
final class PortalPages {
    static final Templates TEMPLATES = new Templates("vn.egov.portal.jte");
    /** The bundle of the editors' pages ({@code messages_vi/en.properties} beside these classes; the public site's is {@code site_*}). */
    static final String BUNDLE = "vn.egov.portal.pages.messages";
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** Dates as Vietnamese users write them (a text field: a date-time picker would follow the browser's locale). */
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm").withResolverStyle(ResolverStyle.STRICT);
    /**
     * The policy of the pages with the rich text editor: the platform's strict one (scripts from this site only, nothing
     * inline to run) except that styles may be inline, which TinyMCE needs to show formatted text and to place its menus
     * (its documentation says so for every 6.x version). Every other editor page is sent the strict policy as it is.
     */
    static final String EDITOR_POLICY = Templates.CONTENT_SECURITY_POLICY.replace("style-src 'self';", "style-src 'self' 'unsafe-inline';")
            .replace("img-src 'self' data:;", "img-src 'self' data: blob:;");

    private PortalPages() {
    }
}
