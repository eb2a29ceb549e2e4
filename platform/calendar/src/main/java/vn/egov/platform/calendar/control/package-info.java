/**
 * Working-day arithmetic ({@link vn.egov.platform.calendar.control.WorkingCalendar}, pure), the Vietnamese lunar
 * calendar, the statutory holidays a year's configuration starts from, and the stored calendar.
 */
package vn.egov.platform.calendar.control;
