package vn.egov.platform.settings;

import java.util.Optional;

/**
 * Where a unit's settings are read from (the module that keeps them implements it, as a CDI bean): in a transaction
 * of its own, under the scope of exactly that unit, never inside the caller's. {@link SettingsRegistry} is its only
 * caller; everyone else reads through the registry's cache.
 */
public interface UnitSettingsSource {
    Optional<UnitSettings> load(long tenantId);
}
