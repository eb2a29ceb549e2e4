/** The tenant tree as plain JPA entities (read by the application; written by provisioning). */
package vn.egov.platform.tenancy.entity;
