/**
 * The edge every WAR shares: the filter that resolves the request's unit once, errors as
 * {@code application/problem+json} with a message a person can act on (Vietnamese by default, English on
 * request), and the API's logins (API tokens, HTTP Basic) answering in the same format.
 * <p>
 * May use: Jakarta EE APIs, Shiro web, and the other platform jars.
 */
package vn.egov.platform.web;
