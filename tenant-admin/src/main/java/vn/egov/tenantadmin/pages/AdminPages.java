package vn.egov.tenantadmin.pages;

import vn.egov.platform.web.pages.Templates;

/** This module's templates ({@code src/main/jte}, compiled into {@code vn.egov.tenantadmin.jte}) and texts. */
final class AdminPages {
    static final Templates TEMPLATES = new Templates("vn.egov.tenantadmin.jte");
    /** The bundle of the unit administration's texts ({@code messages_vi/en.properties} beside these classes). */
    static final String BUNDLE = "vn.egov.tenantadmin.pages.messages";

    private AdminPages() {
    }
}
