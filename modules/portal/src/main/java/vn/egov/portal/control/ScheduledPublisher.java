package vn.egov.portal.control;

import vn.egov.platform.persistence.Db;
import vn.egov.platform.persistence.PublicReads;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.egov.platform.persistence.ScopedWork;
import vn.egov.platform.tenancy.TenantScope;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;

/**
 * Scheduled publishing: every {@value #EVERY_SECONDS} s, the units that have articles whose time has come (read in
 * the public scope: due articles are exactly those the public policy shows that are not yet live) get them brought
 * live, one transaction per unit under its own scope (search index, page caches). Every node runs it; the work is
 * idempotent (an article goes live once: {@code went_live}).
 */
@ApplicationScoped
public class ScheduledPublisher {
    static final int EVERY_SECONDS = 15;
    private static final Logger LOG = Logger.getLogger(ScheduledPublisher.class.getName());
    private volatile ScheduledFuture<?> timer;

    /**
     * Started by the web module ({@code boundary.PortalLifecycle}), so that its tasks run in that module's context:
     * a task submitted at deployment from outside it could create application-wide beans without their resources.
     */
    public synchronized void start() {
        if (timer != null) {
            return;
        }
        try {
            ManagedScheduledExecutorService scheduler = (ManagedScheduledExecutorService) new javax.naming.InitialContext()
                    .lookup("concurrent/__defaultManagedScheduledExecutorService");
            timer = scheduler.scheduleWithFixedDelay(this::tick, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
        } catch (javax.naming.NamingException e) {
            throw new IllegalStateException("the scheduled publisher cannot find its executor: " + e.getMessage(), e);
        }
    }

    @PreDestroy
    public synchronized void stop() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    void tick() {
        try {
            PublicReads reads = CDI.current().select(PublicReads.class).get();
            Db db = CDI.current().select(Db.class).get();
            List<Long> units = reads.read(() -> db.list("SELECT DISTINCT tenant_id FROM portal_article WHERE status = 'published' "
                    + "AND NOT went_live AND publish_at <= now()", rs -> rs.getLong(1)));
            TenantDirectory directory = CDI.current().select(TenantDirectory.class).get();
            GoLive goLive = CDI.current().select(GoLive.class).get();
            for (Long id : units) {
                Tenant unit = directory.byId(id).orElse(null);
                if (unit != null) {
                    ScopedWork.call(new TenantScope(unit.getId(), unit.getPath(), false), () -> goLive.run(unit));
                }
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "scheduled publishing failed; it will run again", e);
        }
    }
}
