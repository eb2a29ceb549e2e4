/** {@code /api/t/{unit}/procedures}: the catalogue a unit offers (public), import and adoption (its administrators). */
package vn.egov.procedures.boundary;
