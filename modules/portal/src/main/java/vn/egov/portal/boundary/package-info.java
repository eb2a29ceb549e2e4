/**
 * The portal's faces: {@link vn.egov.portal.boundary.SiteResource} (the public site of every unit, anyone) and
 * {@link vn.egov.portal.boundary.PortalResource} (the JSON API of its editors and approvers). The transaction edge
 * and the access checks are here; the work is in {@code control}.
 */
package vn.egov.portal.boundary;
