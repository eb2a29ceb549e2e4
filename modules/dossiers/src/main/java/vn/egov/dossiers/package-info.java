/**
 * Dossiers (hồ sơ) of the one-stop service: submitted online by a citizen's or business's account under one
 * version of a procedure a unit offers, numbered {@code {unit}-{yymmdd}-{n}} without duplicates or gaps, given an
 * appointment date in working days on the province's calendar, read back by their applicant only, and looked up
 * by code by anyone (minimal information). May use: the platform jars, the procedure catalogue.
 */
package vn.egov.dossiers;
