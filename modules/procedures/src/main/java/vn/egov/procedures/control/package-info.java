/** Checking a procedure definition (schema and references), and the stored catalogue (import, versions, adoption). */
package vn.egov.procedures.control;
