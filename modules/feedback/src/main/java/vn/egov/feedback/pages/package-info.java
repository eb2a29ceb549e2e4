/**
 * The feedback's pages, made from templates ({@code src/main/jte}): on every unit's site the published reports with
 * their answers and the form a citizen writes a report with; the citizen's own reports under {@code /me/feedback},
 * framed by their unit's site; the desk's list and one report with its answer and publication. A refused form comes
 * back with the message beside its field, nothing stored. May use: control, entity and the platform.
 */
package vn.egov.feedback.pages;
