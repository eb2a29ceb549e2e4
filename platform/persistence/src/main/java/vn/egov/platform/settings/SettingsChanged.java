package vn.egov.platform.settings;

/**
 * Fired (synchronously, in the transaction that changed them) when a unit's settings change: name, logo, contact,
 * domain. Modules that show them (the portal's page cache) observe it.
 */
public record SettingsChanged(long tenantId) {
}
