/**
 * What the API's description says about every operation at once (security, problems); used at build time by the
 * OpenAPI scan of all module jars, not at run time. May use: the MicroProfile OpenAPI API only.
 */
package vn.egov.platform.api.openapi;
