package vn.egov.platform.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.stream.Collectors;
import vn.egov.platform.web.JsonBodyReader;
import vn.egov.platform.web.ProblemMappers;

/**
 * One JAX-RS application for the whole WAR: the API lives under {@code /api}, pages under {@code /t/} and
 * {@code /login}. The feature modules this surface serves live in the EAR's lib/; their resources are found
 * by package ({@link #MODULE_PACKAGES}), and the shared error mappers and the one reader of JSON bodies are registered
 * by name.
 */
@ApplicationPath("/")
public class PlatformApplication extends Application {
    /** The modules served by this web surface. A new module adds its boundary package here. */
    static final String MODULE_PACKAGES = "vn.egov.platform.api,vn.egov.platform.search.boundary,vn.egov.platform.calendar.boundary,vn.egov.procedures.pages,vn.egov.notices.boundary,vn.egov.portal.boundary,vn.egov.portal.pages,vn.egov.procedures.boundary,vn.egov.dossiers.boundary,vn.egov.dossiers.sync,vn.egov.dossiers.pages,vn.egov.documents.boundary,vn.egov.feedback.boundary,vn.egov.feedback.pages,vn.egov.tenantadmin.boundary,vn.egov.tenantadmin.pages";

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.provider.packages", MODULE_PACKAGES,
                "jersey.config.server.provider.classnames",
                ProblemMappers.all().stream().map(Class::getName).collect(Collectors.joining(",")) + "," + JsonBodyReader.class.getName()
                        + "," + JsonBodyReader.Bound.class.getName()
                        + "," + vn.egov.platform.web.desk.PageExceptionMapper.class.getName(),
                "jersey.config.beanValidation.enableOutputValidationErrorEntity.server", false);
    }
}
