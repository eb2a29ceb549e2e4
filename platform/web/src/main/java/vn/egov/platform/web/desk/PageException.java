package vn.egov.platform.web.desk;

import jakarta.ws.rs.core.Response;

/**
 * Ends a page request with an already rendered answer (a re-shown form, an error page). Thrown, not returned,
 * so that the page's transaction rolls back: whatever a refused form had started is undone.
 */
public class PageException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Response response;

    PageException(Response response) {
        super("page answered " + response.getStatus(), null, false, false);
        this.response = response;
    }

    Response response() {
        return response;
    }
}
