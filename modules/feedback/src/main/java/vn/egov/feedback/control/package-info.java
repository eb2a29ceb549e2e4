/**
 * The feedback's work: a citizen's report written in the unit's scope, read back in the applicant's scope, the unit's
 * staff answering and publishing in theirs (audited), visitors reading published reports in the public scope, and how
 * reports follow a reorganisation (a platform {@code RecordRule}). May use: the entity package and the platform.
 */
package vn.egov.feedback.control;
