/** {@code /api/calendar}: the calendar read by anyone, configured by the province's administrators. */
package vn.egov.platform.calendar.boundary;
