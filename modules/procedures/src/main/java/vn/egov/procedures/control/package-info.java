/**
 * Checking a procedure definition (schema and references) and a catalogue in CSV, their problems worded from the
 * module's bundles ({@code Wording}), and the stored catalogue (import, versions, adoption).
 */
package vn.egov.procedures.control;
