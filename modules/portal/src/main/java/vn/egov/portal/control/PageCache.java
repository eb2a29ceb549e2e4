package vn.egov.portal.control;

import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.config.NearCacheConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import vn.egov.platform.persistence.AfterCommit;
import vn.egov.platform.tenancy.UnitsReorganised;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.settings.SettingsChanged;

/**
 * Rendered public pages, per unit, language and path, in the data grid with a near cache on every node (a warm
 * page is a local read: no network hop, no copy). Each unit has a generation number, also near-cached; it is part
 * of every key of the unit's pages, and a change bumps it (for the unit and its ancestors, whose homes roll up its
 * news) once the change has committed: every node then misses and renders again. Pages also expire after a minute
 * (visit counts and scheduled articles show up within that). Each page is kept with its gzip form too
 * ({@link CachedPage}), compressed once when it is rendered.
 */
@ApplicationScoped
public class PageCache {
    /** Named for its value type: a node still running an older build keeps its own map. */
    static final String PAGES = "egov-portal-pages-v2";
    static final String GENERATIONS = "egov-portal-generations";
    static final int PAGE_TTL_SECONDS = 60;

    @Resource(lookup = "payara/Hazelcast")
    HazelcastInstance grid;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    TenantDirectory directory;

    private IMap<String, CachedPage> pages;
    private IMap<Long, Long> generations;

    @PostConstruct
    void configure() {
        try {
            addConfig();
        } catch (com.hazelcast.config.InvalidConfigurationException e) {
            // a node that ran an older version of these maps' configuration keeps it until it restarts
            java.util.logging.Logger.getLogger(PageCache.class.getName()).warning("the grid keeps an older configuration of the page "
                    + "cache until the node restarts: " + e.getMessage().substring(0, Math.min(200, e.getMessage().length())));
        }
        pages = grid.getMap(PAGES);
        generations = grid.getMap(GENERATIONS);
    }

    private void addConfig() {
        grid.getConfig().addMapConfig(new MapConfig(PAGES).setTimeToLiveSeconds(PAGE_TTL_SECONDS)
                .setEvictionConfig(new EvictionConfig().setEvictionPolicy(EvictionPolicy.LRU)
                        .setMaxSizePolicy(MaxSizePolicy.PER_NODE).setSize(20_000))
                .setNearCacheConfig(nearCache(PAGES).setTimeToLiveSeconds(PAGE_TTL_SECONDS)
                        .setEvictionConfig(new EvictionConfig().setEvictionPolicy(EvictionPolicy.LRU)
                                .setMaxSizePolicy(MaxSizePolicy.ENTRY_COUNT).setSize(5_000))));
        grid.getConfig().addMapConfig(new MapConfig(GENERATIONS).setNearCacheConfig(nearCache(GENERATIONS)));
    }

    private static NearCacheConfig nearCache(String name) {
        // local entries too: on a one-node grid every entry is local, and a read must still not leave the node's memory
        return new NearCacheConfig(name).setInMemoryFormat(InMemoryFormat.OBJECT).setInvalidateOnChange(true)
                .setCacheLocalEntries(true);
    }

    /** The page {@code path} of {@code unitId} in {@code lang}, rendered by {@code render} if no node has it. */
    public byte[] get(long unitId, String lang, String path, Supplier<byte[]> render) {
        String key = key(unitId, lang, path);
        return get(key, render);
    }

    /** As {@link #get(long, String, String, Supplier)}, for a unit in a given state (a suspended unit's pages say so). */
    public byte[] get(Tenant unit, String lang, String path, Supplier<byte[]> render) {
        return get(key(unit.getId(), lang, unit.getStatus() + "|" + path), render);
    }

    /** The page if some node has rendered it (null otherwise), with its compressed form: never renders. */
    public CachedPage peek(Tenant unit, String lang, String path) {
        return cached(key(unit.getId(), lang, unit.getStatus() + "|" + path));
    }

    /**
     * The entry, or null. The grid outlives a redeployment of the application, and its near cache keeps objects: an
     * entry made by the previous deployment is of a class from another class loader, so it counts as a miss and goes.
     */
    private CachedPage cached(String key) {
        Object page = pages.get(key);
        if (page == null || page instanceof CachedPage) {
            return (CachedPage) page;
        }
        pages.delete(key);
        return null;
    }

    private byte[] get(String key, Supplier<byte[]> render) {
        CachedPage page = cached(key);
        if (page == null) {
            page = CachedPage.of(render.get());
            pages.set(key, page);
        }
        return page.plain();
    }

    private String key(long unitId, String lang, String path) {
        Long generation = generations.get(unitId);
        if (generation == null) {
            generations.putIfAbsent(unitId, 0L);
            generation = generations.get(unitId);
        }
        return unitId + "|" + generation + "|" + lang + "|" + path;
    }

    /** Drops the pages of the unit and of its ancestors on every node, once the running transaction commits. */
    public void invalidateAfterCommit(Tenant unit) {
        Set<Long> ids = new LinkedHashSet<>();
        ids.add(unit.getId());
        directory.ancestors(unit).forEach(a -> ids.add(a.getId()));
        AfterCommit.run(transactions, () -> bump(ids));
    }

    /** Everything, everywhere (after a reorganisation: names, parents and sub-unit lists change). */
    public void clear() {
        pages.clear();
        generations.keySet().forEach(id -> generations.set(id, ThreadLocalRandom.current().nextLong()));
    }

    private void bump(Set<Long> ids) {
        for (Long id : ids) {
            generations.set(id, ThreadLocalRandom.current().nextLong());
        }
    }

    void onSettings(@Observes SettingsChanged changed) {
        directory.byId(changed.tenantId()).ifPresent(this::invalidateAfterCommit);
    }

    void onReorganised(@Observes UnitsReorganised event) {
        // inside the plan's transaction: clear now, and again once it has committed (pages rendered in between)
        clear();
        if (transactions.getTransactionKey() != null) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    clear();
                }
            });
        }
    }
}
