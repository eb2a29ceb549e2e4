/**
 * The documents' pages for a unit's staff ({@code /t/{code}/admin/documents}): server-rendered HTML in Vietnamese
 * (English with {@code ?lang=en}) over the documents' boundary, in the admin frame of {@code tenant-admin}. Uses the
 * boundary ({@code DocumentsResource}) and the admin layout; never the database or the controls' internals directly.
 */
package vn.egov.documents.pages;
