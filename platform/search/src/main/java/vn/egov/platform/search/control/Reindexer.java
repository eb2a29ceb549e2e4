package vn.egov.platform.search.control;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.egov.platform.persistence.ScopedWork;
import vn.egov.platform.tenancy.TenantScope;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;

/**
 * Full reindex of a unit or a subtree. The job is recorded at once; the units are then reindexed one by one in
 * the background, each in its own transaction under the scope captured from the request (carried explicitly to
 * the worker thread), and go through the outbox like any other change. Progress: units enqueued, and the job's
 * rows still waiting in the outbox.
 */
@ApplicationScoped
public class Reindexer {
    private static final Logger LOG = Logger.getLogger(Reindexer.class.getName());

    @Inject
    ReindexSteps steps;

    @Inject
    TenantDirectory directory;

    private ManagedExecutorService executor() {
        try {
            return (ManagedExecutorService) new javax.naming.InitialContext().lookup("concurrent/__defaultManagedExecutorService");
        } catch (javax.naming.NamingException e) {
            throw new IllegalStateException("no managed executor: " + e.getMessage(), e);
        }
    }

    /**
     * Starts reindexing {@code root} (and its subtree if asked). The caller has checked the rights; {@code scope}
     * is no wider than them.
     */
    public long start(Tenant root, boolean subtree, String requestedBy, TenantScope scope) {
        List<Tenant> units = subtree
                ? directory.subtree(root).stream().filter(t -> !t.isRetired()).toList()
                : List.of(root);
        long jobId = call(scope, () -> steps.createJob(root, subtree, requestedBy, units.size()));
        executor().submit(() -> run(jobId, units, scope));
        return jobId;
    }

    /**
     * Runs a job that was recorded as pending (by a reorganisation in the operator's tool) under the scope of its unit
     * (and subtree, if the job says so): the units are those of now.
     */
    public void resume(long jobId, TenantScope scope) {
        // on the worker's thread: the units are read in a transaction of the job's own scope
        List<Tenant> units = call(scope, () -> steps.begin(jobId, scope.tenantId(), scope.subtree()));
        executor().submit(() -> run(jobId, units, scope));
    }

    private void run(long jobId, List<Tenant> units, TenantScope scope) {
        String error = null;
        try {
            for (Tenant unit : units) {
                call(scope, () -> steps.reindexUnit(jobId, unit));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "reindex job " + jobId, e);
            error = e.getMessage();
        }
        String finalError = error;
        try {
            call(scope, () -> {
                steps.finish(jobId, finalError);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not finish reindex job " + jobId, e);
        }
    }

    private static <T> T call(TenantScope scope, java.util.concurrent.Callable<T> work) {
        try {
            return ScopedWork.call(scope, work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
