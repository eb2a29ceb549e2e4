/**
 * The portal's rules and machinery: the SQL (JDBC on the running JTA transaction's connection, so every
 * statement carries that transaction's scope), the article workflow, HTML sanitising, the file checks, the public
 * reader (public-read scope), the page cache and visit counter in the data grid, and the renderer. May use the
 * platform jars, tenant-admin's settings, Hazelcast and jsoup.
 */
package vn.egov.portal.control;
