/**
 * The editors' pages of a unit's site, {@code /t/{code}/admin/portal/...}: server-rendered forms (no JavaScript
 * needed) in the admin layout, each change going through {@code control.Editorial} in a transaction of its own;
 * a refused form is shown again with the messages in the user's language.
 */
package vn.egov.portal.pages;
