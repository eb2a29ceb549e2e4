/**
 * The tenant-admin web pages under {@code /t/{code}/admin/}: server-rendered HTML (Vietnamese, English with
 * {@code ?lang=en}) for the unit overview, creating a sub-unit, importing units from a GSO CSV, the audit
 * trail, users, settings, reorganisation, the search index and the working days. A second face of the same
 * boundary: each page checks access and calls the REST boundaries of {@code vn.egov.tenantadmin.boundary} (as CDI
 * beans, in the page's one transaction) and the classes of {@code control}, so the rules, SQL and audit live in one
 * place; a page only reads forms, shows answers and turns problems into re-shown forms or error pages. Every POST form carries the session's
 * {@link vn.egov.platform.web.Csrf} token, checked before anything else; success ends with a redirect (PRG).
 * The frame, the menu (this module contributes {@link vn.egov.tenantadmin.pages.AdminSections}), the access checks and
 * the form fields are the platform's desk ({@link vn.egov.platform.web.desk.Desk}); each page's body is a template of
 * {@code src/main/jte} given a typed view record, its texts in {@code messages_vi/en.properties} (see
 * {@link vn.egov.tenantadmin.pages.AdminPages}), sent with the strict content security policy (the import page's
 * script is the asset {@code tenant-admin/import.js}). The invitation page ({@code /invitation/{token}}) is here too,
 * in the platform's bare layout.
 * May use: Jakarta EE APIs, the platform jars, and the rest of this module.
 */
package vn.egov.tenantadmin.pages;
