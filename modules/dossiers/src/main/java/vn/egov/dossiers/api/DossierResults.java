package vn.egov.dossiers.api;

import vn.egov.platform.tenancy.entity.Tenant;

/**
 * What another module may do to a dossier: give the applicant its result, which ends it (the official document a
 * dossier's result was drafted as, once signed and issued). Implemented by the dossiers module as a CDI bean.
 */
public interface DossierResults {
    /** The dossier after its result went back: its code and status ({@code done}). */
    record Returned(String code, String status) {
    }

    /**
     * Gives the applicant {@code content} (a file named {@code fileName}) as the result of dossier {@code code} of
     * {@code unit}, with {@code note}, in the caller's transaction. A dossier not found is a 404 problem, one that
     * cannot end now (waiting for papers, already ended) a 409.
     */
    Returned returnResult(Tenant unit, String code, String fileName, byte[] content, String note, String actor);
}
