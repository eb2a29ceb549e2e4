/**
 * A module's texts by key in a language ({@link vn.egov.platform.words.Words}): plain resource bundles, so that the
 * server (its problems, its pages through {@code Messages}) and the operator's tool, which has no web platform, say
 * them the same way. May use: the JDK only.
 */
package vn.egov.platform.words;
