/**
 * Internal notices of a unit: the first tenant-scoped feature, small on purpose, used to prove isolation
 * end to end (REST, JPA, row-level security). {@code boundary} is the JAX-RS face and the transaction edge;
 * {@code entity} is plain JPA. May use: Jakarta EE APIs and the platform jars.
 */
package vn.egov.notices;
