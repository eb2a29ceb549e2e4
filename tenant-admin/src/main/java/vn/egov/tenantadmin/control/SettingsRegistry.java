package vn.egov.tenantadmin.control;

import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NearCacheConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Optional;
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
    SettingsLoader loader;

    @Inject
    jakarta.enterprise.event.Event<SettingsChanged> changed;

    private IMap<Long, UnitSettings> map;

    @PostConstruct
    void configure() {
        // dynamic configuration, added before the map is first used; the same on every node
        grid.getConfig().addMapConfig(new MapConfig(MAP)
                .setNearCacheConfig(new NearCacheConfig(MAP).setInvalidateOnChange(true)
                        .setInMemoryFormat(InMemoryFormat.OBJECT).setTimeToLiveSeconds(3600)));
        map = grid.getMap(MAP);
    }

    public Optional<UnitSettings> of(Tenant unit) {
        UnitSettings cached = map.get(unit.getId());
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<UnitSettings> loaded;
        try {
            loaded = ScopedWork.call(new TenantScope(unit.getId(), unit.getPath(), false), () -> loader.load(unit.getId()));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        loaded.ifPresent(s -> map.set(unit.getId(), s));
        return loaded;
    }

    /** Drops the unit's entry on every node once the running transaction commits (at once if there is none). */
    public void invalidateAfterCommit(long tenantId) {
        changed.fire(new SettingsChanged(tenantId));
        if (transactions.getTransactionKey() == null) {
            map.delete(tenantId);
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    map.delete(tenantId);
                }
            }
        });
    }
}
