/**
 * A unit's settings (name, logo, contact, domain) as every module reads them: {@link vn.egov.platform.settings.SettingsRegistry}
 * (a data-grid map with near caches, dropped cluster-wide after a change commits), the record, the event a change
 * fires, and the source the keeping module implements. May use: the platform's persistence and tenancy, Hazelcast.
 */
package vn.egov.platform.settings;
