package vn.egov.dossiers.pages;

import java.util.List;
import vn.egov.platform.web.pages.Templates;

/** This module's templates ({@code src/main/jte}, compiled into {@code vn.egov.dossiers.jte}) and texts. */
final class DossierTemplates {
    static final Templates TEMPLATES = new Templates("vn.egov.dossiers.jte");
    /** The bundle of the dossiers' texts ({@code messages_vi/en.properties} beside these classes). */
    static final String BUNDLE = "vn.egov.dossiers.pages.messages";
    /** This module's stylesheet, linked in the head of its pages (the desk's frame, the unit site's). */
    static final List<String> STYLESHEETS = List.of("dossiers/dossiers.css");
    /** The statuses a dossier can have (their names are the bundle's {@code status.*}). */
    static final List<String> STATUSES = List.of("received", "in_progress", "supplement", "transferred", "done", "refused", "stopped");

    private DossierTemplates() {
    }

    /** The half of a bilingual message of a problem ("tiếng Việt / English") in the page's language; one without halves as is. */
    static String half(String bilingual, boolean english) {
        if (bilingual == null) {
            return "";
        }
        int slash = bilingual.indexOf(" / ");
        if (slash < 0) {
            return bilingual;
        }
        return english ? bilingual.substring(slash + 3) : bilingual.substring(0, slash);
    }

}
