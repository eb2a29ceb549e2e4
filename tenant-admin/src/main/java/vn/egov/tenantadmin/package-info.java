/**
 * Tenant administration: create a unit under a parent from the unit template (the unit, its settings, its
 * first administrator, and whatever modules add through {@link vn.egov.platform.tenancy.UnitProvisioned}),
 * suspend and reactivate units, and the audit trail of all of it. {@code boundary} is the JAX-RS face and
 * transaction edge, {@code control} the template and the audit, {@code entity} plain JPA.
 * May use: Jakarta EE APIs and the platform jars.
 */
package vn.egov.tenantadmin;
