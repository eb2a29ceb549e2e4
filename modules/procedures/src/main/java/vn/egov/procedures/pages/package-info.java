/**
 * The catalogue on each unit's public site: {@code /t/{code}/procedures} (by sector, filtered by words) and one
 * page per procedure (papers, fees, time limit, form, and the process drawn as a diagram), in the site's frame.
 */
package vn.egov.procedures.pages;
