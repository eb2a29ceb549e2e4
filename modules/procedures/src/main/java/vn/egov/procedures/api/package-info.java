/**
 * The procedure catalogue's declared API, the only part of the module others may use: the procedures a unit offers
 * and their definitions ({@link vn.egov.procedures.api.OfferedProcedures}). May use: the platform's tenancy, Jackson.
 */
package vn.egov.procedures.api;
