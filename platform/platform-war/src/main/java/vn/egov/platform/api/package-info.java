/**
 * The platform's own web surface: the tenant tree API, the current user, login and logout, and the first
 * page of every unit ({@code /t/{code}/}, to be replaced by the portal module). May use: everything under
 * {@code platform/}.
 */
package vn.egov.platform.api;
