package vn.egov.platform.web.desk;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Sends the page a {@link PageException} carries (more specific than the API's problem mappers). */
@Provider
public class PageExceptionMapper implements ExceptionMapper<PageException> {
    @Override
    public Response toResponse(PageException e) {
        return e.response();
    }
}
