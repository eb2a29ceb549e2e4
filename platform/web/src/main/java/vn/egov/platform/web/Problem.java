package vn.egov.platform.web;

import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import vn.egov.platform.words.Words;

/**
 * An RFC 9457 problem detail, said by keys of a module's texts ({@link #of}, {@link #said}; the platform's own through
 * {@link ProblemException#platform}): its members hold the Vietnamese and the English text, and which one is sent
 * depends on the request's language. Extra members (such as the list of invalid fields) are copied as they are, unless the
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

    /**
     * A problem from texts already written, a Vietnamese and an English one: what {@link #inLanguages} is given for
     * each language. A problem is said by keys ({@link #of}, {@link #said}); the few callers left that write a
     * "tiếng Việt / English" pair with this go when their module moves to keys (the house rules allow no new one).
     */
    @Deprecated
    public Problem(int status, String type, String titleVi, String titleEn, String detailVi, String detailEn,
                   Map<String, List<String>> fieldErrors, jakarta.json.JsonArray errors) {
        this(status, type, titleVi, titleEn, detailVi, detailEn, fieldErrors, errors, null);
    }

    /** The same without {@code errors} (deprecated as well: a problem is said by keys). */
    @Deprecated
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

    /** The same problem with {@code fields} as its field errors (such as a file's problem put under the form's field of the file). */
    public Problem withFields(Map<String, List<String>> fields) {
        return new Problem(status, type, titleVi, titleEn, detailVi, detailEn, fields, errors, language == null ? null : l -> language.apply(l).withFields(fields));
    }

    /** The same problem with another detail ({@code own}: in the language it is said in; {@code english}: the English one). */
    public Problem withDetail(String own, String english) {
        return new Problem(status, type, titleVi, titleEn, own, english, fieldErrors, errors, null);
    }

    /** This problem as said in {@code locale}, Vietnamese when none (itself when it is not said per language). */
    public Problem in(Locale locale) {
        return language == null ? this : language.apply(locale == null ? Locale.forLanguageTag("vi") : locale);
    }

    /** Whether {@link #in} writes the fields and errors anew in each language (they are no "tiếng Việt / English" pairs). */
    public boolean perLanguage() {
        return language != null;
    }

    /**
     * A problem said by keys of a module's texts ({@code texts}: the module's bundle accessor, its words in a language):
     * title and detail are written in the reader's language, {@code {0}}, {@code {1}}… filled with {@code args}. Its own
     * members are the Vietnamese and the English texts, for the pages that pick one.
     */
    public static Problem of(Function<Locale, ? extends Words> texts, int status, String type, String titleKey, String detailKey,
                             Object... args) {
        return said(texts, status, type, titleKey, w -> w.text(detailKey, args), w -> Map.of());
    }

    /**
     * The same with a detail made of texts ({@code detail}, given the words of a language, such as a key's text
     * followed by "nothing changed") and field errors said in that language ({@code fields}; empty for none).
     */
    public static Problem said(Function<Locale, ? extends Words> texts, int status, String type, String titleKey,
                               Function<Words, String> detail, Function<Words, Map<String, List<String>>> fields) {
        return said(texts, status, type, titleKey, detail, fields, w -> null);
    }

    /** The same with the {@code errors} member said in the reader's language too (a list of bad lines). */
    public static Problem said(Function<Locale, ? extends Words> texts, int status, String type, String titleKey,
                               Function<Words, String> detail, Function<Words, Map<String, List<String>>> fields,
                               Function<Words, jakarta.json.JsonArray> errors) {
        Locale vi = Locale.forLanguageTag("vi");
        Words english = texts.apply(Locale.ENGLISH);
        Function<Locale, Problem> said = locale -> {
            Words w = texts.apply(locale);
            boolean own = "vi".equals(locale.getLanguage());
            return new Problem(status, type, w.text(titleKey), own ? english.text(titleKey) : w.text(titleKey),
                    detail.apply(w), own ? detail.apply(english) : detail.apply(w), fields.apply(w), errors.apply(w), null);
        };
        Problem own = said.apply(vi);
        return new Problem(own.status, own.type, own.titleVi, own.titleEn, own.detailVi, own.detailEn, own.fieldErrors, own.errors, said);
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
