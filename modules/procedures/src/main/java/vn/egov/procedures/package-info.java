/**
 * The catalogue of administrative procedures: the province's master catalogue, the procedures each unit adopts
 * from it, and the units' local ones; every change a new immutable version with its typed form and its process,
 * checked against a JSON Schema and for the references between its parts. May use: the platform jars.
 */
package vn.egov.procedures;
