package vn.egov.platform.api;

import com.hazelcast.core.HazelcastInstance;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when Payara's data grid (Hazelcast, which holds web sessions, caches and locks) is running; reports
 * its cluster name and members, and how many web sessions of this web module it holds (Payara keeps them in
 * a map named after the context path when the application is deployed with availability enabled, as
 * {@code ./egov up} does).
 */
@Readiness
@ApplicationScoped
public class DataGridHealth implements HealthCheck {

    @Resource(lookup = "payara/Hazelcast")
    HazelcastInstance grid;

    @Inject
    ServletContext servletContext;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("data-grid");
        if (grid == null || !grid.getLifecycleService().isRunning()) {
            return b.down().build();
        }
        String sessionStore = servletContext.getContextPath();
        boolean replicated = grid.getDistributedObjects().stream().anyMatch(o -> o.getName().equals(sessionStore));
        return b.up().withData("cluster", grid.getConfig().getClusterName())
                .withData("members", grid.getCluster().getMembers().size())
                .withData("sessionsInGrid", replicated ? grid.getMap(sessionStore).size() : 0).build();
    }
}
