package vn.egov.procedures.pages;

import vn.egov.platform.web.pages.Templates;

/** This module's templates ({@code src/main/jte}, compiled into {@code vn.egov.procedures.jte}) and texts. */
final class ProcedurePages {
    static final Templates TEMPLATES = new Templates("vn.egov.procedures.jte");
    /** The bundle of the procedure catalogue's texts ({@code messages_vi/en.properties} beside these classes). */
    static final String BUNDLE = "vn.egov.procedures.pages.messages";

    private ProcedurePages() {
    }
}
