/**
 * The dossiers' declared API, the only part of the module others may use: giving a dossier its result
 * ({@link vn.egov.dossiers.api.DossierResults}). May use: the platform's tenancy; nothing of this module's own packages.
 */
package vn.egov.dossiers.api;
