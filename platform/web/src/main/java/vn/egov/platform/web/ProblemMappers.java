package vn.egov.platform.web;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.shiro.authz.AuthorizationException;
import org.apache.shiro.authz.UnauthenticatedException;
import vn.egov.platform.persistence.ScopeNotSetException;
import vn.egov.platform.web.pages.ConstraintTexts;

/**
 * Every error the API can produce, as {@code application/problem+json}. Nothing here ever sends a stack
 * trace; unexpected errors are logged with an incident id that the answer quotes.
 */
public final class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    /** All mapper classes, for registration by each WAR's JAX-RS application. */
    public static List<Class<?>> all() {
        return List.of(Known.class, Web.class, Violations.class, Json.class, Authz.class, Scope.class, Anything.class);
    }

    abstract static class Base<E extends Throwable> implements ExceptionMapper<E> {
        @Context HttpHeaders headers;
        @Context UriInfo uri;

        Response answer(Problem problem) {
            return problem.toResponse(locale(), uri == null ? null : uri.getRequestUri().getRawPath());
        }

        /** English when the caller's first {@code Accept-Language} is English, Vietnamese otherwise. */
        Locale locale() {
            List<Locale> wanted = headers == null || headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE) == null
                    ? List.of() : headers.getAcceptableLanguages();
            return !wanted.isEmpty() && "en".equals(wanted.get(0).getLanguage()) ? Locale.ENGLISH : Locale.forLanguageTag("vi");
        }

        Response malformedJson() { return malformedJsonResponse(this); }

        Response incident(Throwable e) { return incidentResponse(this, e); }
    }

    public static class Known extends Base<ProblemException> {
        @Override public Response toResponse(ProblemException e) { return answer(e.problem()); }
    }

    public static class Web extends Base<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status < 400) {
                return e.getResponse(); // a redirect, not an error
            }
            if (e instanceof NotFoundException) {
                return answer(Problem.of(404, "not-found", "Không tìm thấy", "Not found",
                        "Địa chỉ này không tồn tại. Kiểm tra lại đường dẫn.", "There is nothing at this address. Check the path."));
            }
            if (e instanceof NotAllowedException) {
                return answer(Problem.of(405, "method-not-allowed", "Phương thức không được hỗ trợ", "Method not allowed",
                        "Địa chỉ này không nhận phương thức HTTP đã dùng.", "This address does not accept that HTTP method."));
            }
            if (e instanceof NotSupportedException) {
                return answer(Problem.of(415, "unsupported-media-type", "Định dạng không được hỗ trợ", "Unsupported media type",
                        "Hãy gửi dữ liệu dạng application/json.", "Send the body as application/json."));
            }
            if (e instanceof NotAcceptableException) {
                return answer(Problem.of(406, "not-acceptable", "Không thể trả về định dạng yêu cầu", "Not acceptable",
                        "Hãy chấp nhận application/json.", "Accept application/json."));
            }
            if (status == 400 && (hasCause(e, JsonbException.class) || hasCause(e, JsonException.class))) {
                return malformedJson();
            }
            if (status >= 500) {
                return incident(e);
            }
            return answer(Problem.of(status, "http-" + status, "Yêu cầu không hợp lệ", "Bad request",
                    "Yêu cầu không được chấp nhận (mã " + status + ").", "The request was refused (status " + status + ")."));
        }
    }

    public static class Json extends Base<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            if (hasCause(e, JsonbException.class) || hasCause(e, JsonException.class)) {
                return malformedJson();
            }
            return incident(e);
        }
    }

    public static class Violations extends Base<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            Map<String, List<String>> fields = new TreeMap<>();
            Locale locale = locale();
            for (ConstraintViolation<?> v : e.getConstraintViolations()) {
                String path = v.getPropertyPath().toString();
                String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
                fields.computeIfAbsent(field, k -> new ArrayList<>()).add(ConstraintTexts.text(v, locale));
            }
            return answer(new Problem(400, "invalid-input", "Dữ liệu không hợp lệ", "Invalid input",
                    "Hãy sửa các trường sau rồi gửi lại: " + String.join(", ", fields.keySet()) + ".",
                    "Correct these fields and send again: " + String.join(", ", fields.keySet()) + ".", fields));
        }
    }

    public static class Authz extends Base<AuthorizationException> {
        @Override
        public Response toResponse(AuthorizationException e) {
            return answer(e instanceof UnauthenticatedException
                    ? ProblemException.unauthenticated().problem() : ProblemException.forbidden().problem());
        }
    }

    public static class Scope extends Base<ScopeNotSetException> {
        @Override
        public Response toResponse(ScopeNotSetException e) {
            String id = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "incident " + id + ": tenant scope not set", e);
            return answer(Problem.of(503, "scope-unavailable", "Tạm thời không phục vụ được", "Temporarily unavailable",
                    "Không xác lập được phạm vi đơn vị cho yêu cầu này, nên yêu cầu đã bị dừng. Mã sự cố: " + id,
                    "The unit scope could not be set for this request, so it was stopped. Incident: " + id));
        }
    }

    public static class Anything extends Base<Throwable> {
        @Override public Response toResponse(Throwable e) { return incident(e); }
    }

    static <T extends Throwable> boolean hasCause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    static Response malformedJsonResponse(Base<?> base) {
        return base.answer(Problem.of(400, "malformed-json", "JSON không hợp lệ", "Malformed JSON",
                "Nội dung gửi lên không phải JSON hợp lệ hoặc sai kiểu dữ liệu. Kiểm tra dấu ngoặc, dấu phẩy và kiểu của từng trường.",
                "The body is not valid JSON or has a field of the wrong type. Check brackets, commas and field types."));
    }

    static Response incidentResponse(Base<?> base, Throwable e) {
        String id = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "incident " + id, e);
        return base.answer(Problem.of(500, "internal-error", "Lỗi hệ thống", "Internal error",
                "Đã có lỗi phía máy chủ; không có thay đổi nào được lưu. Hãy thử lại sau hoặc báo cho bộ phận CNTT mã sự cố: " + id,
                "Something failed on the server; nothing was saved. Try again later or report incident " + id + " to IT."));
    }
}
