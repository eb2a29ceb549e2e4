/** The catalogue's vocabulary: a procedure as listed, and one of its versions. Plain values. */
package vn.egov.procedures.entity;
