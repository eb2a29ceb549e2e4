package vn.egov.platform.api;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers as the application role, and that role cannot bypass row-level security. */
@Readiness
@ApplicationScoped
public class DatabaseHealth implements HealthCheck {

    @Resource(lookup = "jdbc/egov")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_user, rolsuper, rolbypassrls, (SELECT count(*) FROM tenant) "
                     + "FROM pg_roles WHERE rolname = current_user")) {
            rs.next();
            boolean safe = !rs.getBoolean(2) && !rs.getBoolean(3);
            return HealthCheckResponse.named("database").status(safe)
                    .withData("role", rs.getString(1)).withData("rlsEnforced", safe).withData("units", rs.getLong(4)).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("database").down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
