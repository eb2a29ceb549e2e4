/**
 * Portal sites: every unit's public site (home with news rolled up from its subtree, articles, categories,
 * static pages, RSS, sitemap, search box, visit counter) and what its editors use to run it (theme with a
 * contrast check and preview, nested menu, categories, pages, articles with review, versions and scheduled
 * publishing, files and images).
 * <ul>
 *   <li>{@code entity}: the rows, as value records; the SQL lives in {@code control} (JDBC on the transaction's
 *       connection, because the portal leans on PostgreSQL arrays, partial indexes and the public-read policies);</li>
 *   <li>{@code control}: the rules (workflow, sanitising, files), the public reader, the page cache and the visit
 *       counter in the data grid, the renderer;</li>
 *   <li>{@code boundary}: the public site ({@code /t/{code}/...}) and the JSON API ({@code /api/t/{unit}/portal/...});</li>
 *   <li>{@code pages}: the editors' HTML pages ({@code /t/{code}/admin/portal/...}).</li>
 * </ul>
 * May use the platform jars (tenancy, persistence, security, web, search) and tenant-admin's settings and
 * admin layout; nothing else uses this module except the platform WAR, which serves it.
 */
package vn.egov.portal;
