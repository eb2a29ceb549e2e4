/**
 * Browser assets of the web surface: this WAR's own files under {@code /static/} and the files of browser
 * libraries packaged as webjars under {@code /webjars/}. JAX-RS takes every other path of the context
 * ({@code @ApplicationPath("/")}), so these two are served by a servlet of their own. Uses only the Servlet API.
 */
package vn.egov.platform.assets;
