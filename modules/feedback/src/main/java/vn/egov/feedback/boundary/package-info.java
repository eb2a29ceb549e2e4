/**
 * The feedback's JAX-RS API: {@code /api/me/feedback} (a citizen writes and reads their own reports) and
 * {@code /api/t/{unit}/feedback} (the unit's staff list, read, answer and publish). Problems are problem+json, said by
 * keys of the module's texts. May use: control, entity and the platform.
 */
package vn.egov.feedback.boundary;
