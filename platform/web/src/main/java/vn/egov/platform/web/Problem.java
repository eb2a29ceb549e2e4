package vn.egov.platform.web;

import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An RFC 9457 problem detail, with its human text in Vietnamese and English; which one is sent depends on
 * the request's language. Extra members (such as the list of invalid fields) are copied as they are.
 */
public record Problem(int status, String type, String titleVi, String titleEn, String detailVi, String detailEn,
                      Map<String, List<String>> fieldErrors, jakarta.json.JsonArray errors) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json", "UTF-8");
    public static final String MEDIA_TYPE_NAME = "application/problem+json";

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(titleVi, "titleVi");
        Objects.requireNonNull(titleEn, "titleEn");
        fieldErrors = fieldErrors == null ? Map.of() : Map.copyOf(fieldErrors);
    }

    public Problem(int status, String type, String titleVi, String titleEn, String detailVi, String detailEn,
                   Map<String, List<String>> fieldErrors) {
        this(status, type, titleVi, titleEn, detailVi, detailEn, fieldErrors, null);
    }

    public static Problem of(int status, String type, String titleVi, String titleEn, String detailVi, String detailEn) {
        return new Problem(status, type, titleVi, titleEn, detailVi, detailEn, Map.of());
    }

    /** Vietnamese unless the request asks for English first; a request with no Accept-Language gets Vietnamese. */
    public static Locale language(jakarta.servlet.http.HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        return header != null && !header.isBlank() && "en".equals(request.getLocale().getLanguage())
                ? Locale.ENGLISH : Locale.forLanguageTag("vi");
    }

    public String toJson(Locale locale, String instance) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        JsonObjectBuilder b = Jsonp.createObjectBuilder()
                .add("type", "urn:egov:problem:" + type)
                .add("title", english ? titleEn : titleVi)
                .add("status", status);
        String detail = english ? detailEn : detailVi;
        if (detail != null) {
            b.add("detail", detail);
        }
        if (instance != null) {
            b.add("instance", instance);
        }
        if (!fieldErrors.isEmpty()) {
            JsonObjectBuilder fields = Jsonp.createObjectBuilder();
            fieldErrors.forEach((k, v) -> fields.add(k, Jsonp.createArrayBuilder(v)));
            b.add("fields", fields);
        }
        if (errors != null) {
            b.add("errors", errors);
        }
        return b.build().toString();
    }

    public Response toResponse(Locale locale, String instance) {
        return Response.status(status).type(MEDIA_TYPE).entity(toJson(locale, instance)).build();
    }
}
