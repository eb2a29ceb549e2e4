/** {@code /api/t/{unit}/dossiers} (submit; the unit's staff list), {@code /api/me/dossiers}, {@code /api/dossiers/{code}}. */
package vn.egov.dossiers.boundary;
