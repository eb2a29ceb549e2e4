/** The portal's rows as immutable values (one vocabulary from the API to the tables). Uses nothing else. */
package vn.egov.portal.entity;
