package vn.egov.portal.pages;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Base64;
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
     * The policy of the pages with the rich text editor: the platform's strict one (nothing inline, neither script nor
     * style), with a single exception. TinyMCE 6 measures where to scroll with a marker it writes as markup, {@code
     * <span style="display: inline-block;">}: {@code style-src-attr} lets that one attribute value through by its hash
     * ({@code 'unsafe-hashes'} applies the hash to style attributes only, not to any {@code <style>} element or script).
     * Everything else the editor styles it sets through the CSSOM, which a policy does not restrict, or loads as files
     * (skin and content CSS); its formats use classes ({@code editor.js}). No {@code blob:} images: pasted images are
     * refused by the editor, as the server would drop them anyway.
     */
    static final String EDITOR_POLICY = Templates.CONTENT_SECURITY_POLICY.replace("style-src 'self';",
            "style-src 'self'; style-src-attr 'unsafe-hashes' '" + sha256("display: inline-block;") + "';");

    private PortalPages() {
    }

    /** A policy's hash source for some inline text. */
    private static String sha256(String inline) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(inline.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
