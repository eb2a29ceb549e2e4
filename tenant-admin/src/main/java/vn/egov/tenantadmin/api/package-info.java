/**
 * What other modules may do with tenant administration, its declared API: a unit's logo, set and removed from the
 * portal's admin pages ({@link vn.egov.tenantadmin.api.UnitLogos}). May use: the platform's tenancy.
 */
package vn.egov.tenantadmin.api;
