/** The feedback table's vocabulary (JPA). May use: Jakarta Persistence only. */
package vn.egov.feedback.entity;
