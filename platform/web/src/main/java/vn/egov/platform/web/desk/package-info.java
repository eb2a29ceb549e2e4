/**
 * The staff's desk, shared by every module's pages under {@code /t/{code}/admin/}: the frame (breadcrumb, the menu
 * built from what each module contributes as a {@link vn.egov.platform.web.desk.DeskSection} and filtered by what the
 * user may do, the one-shot message, the user line, the language switch), access checks answered as pages, the CSRF
 * check, post-redirect-get, and the form fields with their messages beside them. The frame and the fields are jte
 * templates ({@code src/main/jte/desk}); the bodies of the pages not moved to templates yet come in as HTML.
 * <p>
 * May use: Jakarta EE APIs, Shiro, the platform's tenancy, security and persistence jars, {@code vn.egov.platform.web}
 * and its {@code pages}. Knows no feature module: they contribute to it.
 */
package vn.egov.platform.web.desk;
