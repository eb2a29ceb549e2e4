package vn.egov.platform.api.openapi;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Run by the build's OpenAPI scan over the whole document: the three ways to log in (an API token, HTTP Basic, the
 * browser's session; or none, where an operation is public) and, on every {@code /api} operation, the problems any of
 * them may answer (RFC 9457, {@code application/problem+json}) unless the operation says more precisely.
 */
public class ApiDescription implements OASFilter {
    private static final String PROBLEM = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Components components = api.getComponents() == null ? OASFactory.createComponents() : api.getComponents();
        components.addSecurityScheme("token", OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("An API token (egov_…), made at POST /api/me/tokens: Authorization: Bearer egov_…"));
        components.addSecurityScheme("basic", OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("Username and password (about 60 ms a check: programs making many calls use a token)"));
        components.addSecurityScheme("session", OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                .description("The browser's session after /login; a POST also needs the same origin and, from a form, the CSRF token"));
        api.setComponents(components);
        api.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("token"));
        api.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("basic"));
        api.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("session"));
        api.addSecurityRequirement(OASFactory.createSecurityRequirement()); // public operations need none
        if (api.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : api.getPaths().getPathItems().entrySet()) {
            if (path.getKey().startsWith("/api/")) {
                path.getValue().getOperations().values().forEach(ApiDescription::problems);
            }
        }
    }

    private static void problems(Operation op) {
        APIResponses responses = op.getResponses() == null ? OASFactory.createAPIResponses() : op.getResponses();
        boolean input = op.getRequestBody() != null || (op.getParameters() != null && !op.getParameters().isEmpty());
        if (input) {
            add(responses, "400", "Bad input: each bad field named in fields (nothing is changed)");
        }
        add(responses, "401", "Not logged in, or the login was refused (the problem says why)");
        add(responses, "403", "Logged in without the right over this unit");
        add(responses, "404", "No such unit or record (or not visible from this unit)");
        op.setResponses(responses);
    }

    private static void add(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType("application/problem+json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM)))));
    }
}
