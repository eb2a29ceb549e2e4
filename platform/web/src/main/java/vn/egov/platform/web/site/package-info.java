/**
 * The public site's shell: what its layout ({@code layout/site.jte}, with the unit's theme) shows around a page, filled by
 * the module that makes sites. May use: the JDK only.
 */
package vn.egov.platform.web.site;
