/**
 * The province's working-day calendar: which days are working days (Monday to Friday, less public holidays and
 * the days off the government moves, plus the Saturdays it makes working days), and deadlines counted in working
 * days on it. One calendar for the whole deployment (the province), configured per year by the province's
 * administrators, because Tết and the days around holidays are decided every year. Every deadline of the
 * platform is computed here. May use: the tenancy, security and web-support jars; ICU4J for the lunar calendar.
 */
package vn.egov.platform.calendar;
