package vn.egov.platform.web;

import vn.egov.platform.tenancy.entity.Tenant;

/**
 * The public site of a unit, for the platform's root on that unit's own domain ({@code https://xa-a.laocai.gov.vn/}):
 * a feature module that makes sites implements it as a CDI bean, and the platform knows no more of it. The home page
 * as bytes (the site's cached page, with the visitor's user line if logged in); asking for it counts a visit.
 */
public interface UnitSites {
    byte[] home(Tenant unit, boolean english);
}
