/**
 * Feedback and complaints (phản ánh, kiến nghị): a citizen's report about a unit, answered by the unit's staff and
 * published on the unit's site with its answer when the citizen agreed (never their name). {@code entity} is plain
 * JPA, {@code control} the work (in the unit's, the applicant's or the public scope), {@code boundary} the JAX-RS API
 * and transaction edge, {@code pages} the citizen's, the desk's and the public site's pages. May use: Jakarta EE APIs
 * and the platform jars.
 */
package vn.egov.feedback;
