/**
 * How every page is made: the request's language resolved once ({@link Locales}), each module's texts in message
 * bundles ({@link Messages}), the page's context for templates ({@link Page}), a module's precompiled jte templates
 * ({@link Templates}), the shared layouts and fragments (templates under {@code src/main/jte}), and the CSS and
 * JavaScript files served under content hashes ({@link Assets}). No HTML is written in Java here or in any module:
 * a template escapes by default for where a value goes (text or attribute).
 * <p>
 * May use: Jakarta EE APIs, jte's runtime, the platform's tenancy and security jars, and {@code vn.egov.platform.web}.
 */
package vn.egov.platform.web.pages;
