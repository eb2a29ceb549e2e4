/** The calendar's vocabulary: a day that differs from the weekly rule, and a year's configuration. Plain values. */
package vn.egov.platform.calendar.entity;
