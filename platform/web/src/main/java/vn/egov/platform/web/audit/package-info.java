/**
 * The one audit trail of administrative changes, written by every module ({@link vn.egov.platform.web.audit.AuditLog}).
 * May use: the platform's persistence and access. Knows no feature.
 */
package vn.egov.platform.web.audit;
