/** The dossier's vocabulary. Plain values. */
package vn.egov.dossiers.entity;
