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
        @Context jakarta.servlet.http.HttpServletRequest request;

        /** The problem as problem+json, or as a page of the platform's layout to a browser asking for a page. */
        Response answer(Problem problem) {
            String path = uri == null ? null : uri.getRequestUri().getRawPath();
            return ProblemPages.page(request, headers, path, problem).orElseGet(() -> problem.toResponse(locale(), path));
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
                return answer(ProblemException.platform(404, "not-found", "noSuchAddress"));
            }
            if (e instanceof NotAllowedException) {
                return answer(ProblemException.platform(405, "method-not-allowed", "methodNotAllowed"));
            }
            if (e instanceof NotSupportedException) {
                return answer(ProblemException.platform(415, "unsupported-media-type", "unsupportedMediaType"));
            }
            if (e instanceof NotAcceptableException) {
                return answer(ProblemException.platform(406, "not-acceptable", "notAcceptable"));
            }
            if (status == 400 && (hasCause(e, JsonbException.class) || hasCause(e, JsonException.class))) {
                return malformedJson();
            }
            if (status >= 500) {
                return incident(e);
            }
            return answer(ProblemException.platform(status, "http-" + status, "refused", status));
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
            // the fields' messages in the language the problem is said in (the constraint's key, in the module's texts)
            return answer(Problem.inLanguages(locale -> {
                Map<String, List<String>> fields = new TreeMap<>();
                for (ConstraintViolation<?> v : e.getConstraintViolations()) {
                    String path = v.getPropertyPath().toString();
                    String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
                    fields.computeIfAbsent(field, k -> new ArrayList<>()).add(ConstraintTexts.text(v, locale));
                }
                String names = String.join(", ", fields.keySet());
                return Problem.said(ProblemException::platformTexts, 400, "invalid-input", ProblemException.PLATFORM + "invalidInput.title",
                        w -> w.text(ProblemException.PLATFORM + "invalidInput.fields", names), w -> fields).in(locale);
            }));
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
            return answer(ProblemException.platform(503, "scope-unavailable", "scopeUnavailable", id));
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
        return base.answer(ProblemException.platform(400, "malformed-json", "malformedJson"));
    }

    static Response incidentResponse(Base<?> base, Throwable e) {
        String id = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "incident " + id, e);
        return base.answer(ProblemException.platform(500, "internal-error", "internalError", id));
    }
}
