/**
 * The dossiers' web pages: for applicants, the online submission form generated from a procedure version's typed
 * form and papers, and their own dossiers (status, history, notices, result, supplement, withdrawal, rating); for a
 * unit's staff, the one-stop desk (the dossiers the unit holds, and one dossier with the actions its process
 * allows). Pages call the dossiers' control in the same scopes as the API; a refused form comes back with the
 * messages in Vietnamese beside its fields and nothing stored.
 */
package vn.egov.dossiers.pages;
