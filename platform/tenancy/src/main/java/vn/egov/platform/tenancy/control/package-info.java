/** Lookups in the tenant tree: by code, by host name, children and ancestors. */
package vn.egov.platform.tenancy.control;
