package vn.egov.platform.web;

import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * An RFC 9457 problem detail, with its human text in Vietnamese and English; which one is sent depends on
 * the request's language. Extra members (such as the list of invalid fields) are copied as they are, unless the
 * problem is {@linkplain #inLanguages said per language}: then its fields and errors are written when the language
 * is known (the API's answer, a page), from the module's bundles.
 */
public record Problem(int status, String type, String titleVi, String titleEn, String detailVi, String detailEn,
                      Map<String, List<String>> fieldErrors, jakarta.json.JsonArray errors,
                      Function<Locale, Problem> language) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json", "UTF-8");
    public static final String MEDIA_TYPE_NAME = "application/problem+json";

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(titleVi, "titleVi");
        Objects.requireNonNull(titleEn, "titleEn");
        fieldErrors = fieldErrors == null ? Map.of() : Map.copyOf(fieldErrors);
    }

    public Problem(int status, String type, String titleVi, String titleEn, String detailVi, String detailEn,
                   Map<String, List<String>> fieldErrors, jakarta.json.JsonArray errors) {
        this(status, type, titleVi, titleEn, detailVi, detailEn, fieldErrors, errors, null);
    }

    public Problem(int status, String type, String titleVi, String titleEn, String detailVi, String detailEn,
                   Map<String, List<String>> fieldErrors) {
        this(status, type, titleVi, titleEn, detailVi, detailEn, fieldErrors, null, null);
    }

    /**
     * A problem whose members are written in the language of whoever reads it: {@code said} makes it in a language
     * (its fields' messages and its {@code errors} in that language). Its own members are the Vietnamese ones.
     */
    public static Problem inLanguages(Function<Locale, Problem> said) {
        Problem vi = said.apply(Locale.forLanguageTag("vi"));
        return new Problem(vi.status, vi.type, vi.titleVi, vi.titleEn, vi.detailVi, vi.detailEn, vi.fieldErrors, vi.errors,
                locale -> said.apply(locale).in(locale));
    }

    /** This problem as said in {@code locale}, Vietnamese when none (itself when it is not said per language). */
    public Problem in(Locale locale) {
        return language == null ? this : language.apply(locale == null ? Locale.forLanguageTag("vi") : locale);
    }

    /** Whether {@link #in} writes the fields and errors anew in each language (they are no "tiếng Việt / English" pairs). */
    public boolean perLanguage() {
        return language != null;
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
        if (language != null) {
            return in(locale).toJson(locale, instance);
        }
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
