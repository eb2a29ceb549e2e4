/** Checking what an applicant filled in against the procedure's form, and receiving a dossier (code, deadline). */
package vn.egov.dossiers.control;
