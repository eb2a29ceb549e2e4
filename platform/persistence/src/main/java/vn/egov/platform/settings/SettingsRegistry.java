package vn.egov.platform.settings;

import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NearCacheConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Optional;
import vn.egov.platform.persistence.AfterCommit;
import vn.egov.platform.persistence.ScopedWork;
import vn.egov.platform.tenancy.TenantScope;
import vn.egov.platform.tenancy.entity.Tenant;

/**
 * The one way to read a unit's settings: a Hazelcast map keyed by the unit's id, with a near cache on every
 * node that is invalidated cluster-wide whenever the entry changes. A change is written to the database
 * first; the entry is removed from the map once that transaction has committed, so every node reloads it.
 */
@ApplicationScoped
public class SettingsRegistry {
    static final String MAP = "egov-unit-settings";

    @Resource(lookup = "payara/Hazelcast")
    HazelcastInstance grid;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    UnitSettingsSource loader;

    @Inject
    jakarta.enterprise.event.Event<SettingsChanged> changed;

    private IMap<Long, Object> map;

    /** What the map holds for a unit: its settings, or none (a unit without settings is cached as such too). */
    record Entry(UnitSettings settings) implements java.io.Serializable {
    }

    @PostConstruct
    void configure() {
        // dynamic configuration, added before the map is first used; the same on every node
        try {
            addConfig();
        } catch (com.hazelcast.config.InvalidConfigurationException e) {
            // a node that ran an older version of this map's configuration keeps it until it restarts
            java.util.logging.Logger.getLogger(SettingsRegistry.class.getName()).warning("the grid keeps an older configuration of "
                    + MAP + " until the node restarts: " + e.getMessage().substring(0, Math.min(200, e.getMessage().length())));
        }
        map = grid.getMap(MAP);
    }

    private void addConfig() {
        grid.getConfig().addMapConfig(new MapConfig(MAP)
                .setNearCacheConfig(new NearCacheConfig(MAP).setInvalidateOnChange(true)
                        // local entries too: otherwise a one-node grid (or a node owning the entry) pays a partition
                        // operation on every read
                        .setCacheLocalEntries(true)
                        .setInMemoryFormat(InMemoryFormat.OBJECT).setTimeToLiveSeconds(3600)));
    }

    public Optional<UnitSettings> of(Tenant unit) {
        // anything else than an Entry (left by an older version of this class) is a miss
        if (map.get(unit.getId()) instanceof Entry cached) {
            return Optional.ofNullable(cached.settings());
        }
        Optional<UnitSettings> loaded;
        try {
            loaded = ScopedWork.call(new TenantScope(unit.getId(), unit.getPath(), false), () -> loader.load(unit.getId()));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        map.set(unit.getId(), new Entry(loaded.orElse(null)));
        return loaded;
    }

    /** Drops the unit's entry on every node once the running transaction commits (at once if there is none). */
    public void invalidateAfterCommit(long tenantId) {
        changed.fire(new SettingsChanged(tenantId));
        AfterCommit.run(transactions, () -> map.delete(tenantId));
    }
}
