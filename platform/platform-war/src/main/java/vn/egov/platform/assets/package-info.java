/**
 * Browser assets of the web surface: the hashed CSS and JavaScript of the pages under {@code /assets/}, this WAR's
 * own files under {@code /static/} (and {@code /favicon.ico}) and the files of browser
 * libraries taken from npm at build time under {@code /vendor/<library>/<version>/}. JAX-RS takes every other path of the context
 * ({@code @ApplicationPath("/")}), so these are served by servlets of their own. Uses the Servlet API and the
 * platform's {@code Assets}.
 */
package vn.egov.platform.assets;
