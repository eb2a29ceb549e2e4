package vn.egov.platform.web;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The one reader of JSON request bodies, for every endpoint that takes a {@link JsonObject} (and, through the
 * interceptor {@link Bound}, a record bound with JSON-B): what is not a JSON object
 * in UTF-8 is answered with a 400 problem before any resource runs, so nothing is stored. Refused: an empty body,
 * bytes that are not UTF-8, malformed JSON, a body that is an array, {@code null}, a number or a string, more than one
 * value, and a NUL character in any name or text (PostgreSQL cannot store it in text; the field is named).
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
public class JsonBodyReader implements MessageBodyReader<JsonObject> {

    /** Bodies above this size are refused (the largest JSON the platform takes, a catalogue import, is far below). */
    static final int MAX_BYTES = 20 * 1024 * 1024;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == JsonObject.class;
    }

    @Override
    public JsonObject readFrom(Class<JsonObject> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                               MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        return read(entityStream);
    }

    /**
     * The same checks for bodies bound to a record or class with JSON-B (the endpoints that validate their input with
     * Bean Validation), whichever reader binds them: an interceptor around every JSON read that is not a
     * {@link JsonObject} (read above), a text or bytes (which their endpoints parse themselves). The checked bytes go
     * on to the reader; a field of the wrong type is then the problem mappers' 400.
     */
    @Provider
    public static class Bound implements ReaderInterceptor {
        @Override
        public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
            MediaType type = context.getMediaType();
            Class<?> target = context.getType();
            boolean json = type != null && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
            if (!json || target == JsonObject.class || target == String.class || target == byte[].class
                    || InputStream.class.isAssignableFrom(target) || java.io.Reader.class.isAssignableFrom(target)
                    || JsonValue.class.isAssignableFrom(target)) {
                return context.proceed();
            }
            byte[] bytes = whole(context.getInputStream());
            // a list (a batch of units, say) is a JSON array; anything else bound is an object
            check(bytes, java.util.Collection.class.isAssignableFrom(target) || target.isArray());
            context.setInputStream(new java.io.ByteArrayInputStream(bytes));
            return context.proceed();
        }
    }

    static JsonObject read(InputStream entityStream) {
        return check(whole(entityStream), false).asJsonObject();
    }

    /**
     * The body's bytes (one more than allowed, to tell a body too large); a body that stops coming (the container's
     * read timeout, a client gone) is a 408 problem, not an error of the server's.
     */
    static byte[] whole(InputStream in) {
        try {
            return in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw refuse(408, "body-incomplete", "incomplete", null);
        }
    }

    /** The body as one JSON value: an array if {@code list}, otherwise an object; refused with a 400 problem if not. */
    static JsonValue check(byte[] bytes, boolean list) {
        if (bytes.length > MAX_BYTES) {
            throw refuse(413, "too-large", "tooLarge", null);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw refuse(400, "malformed-json", "notUtf8", null);
        }
        if (text.isBlank()) {
            throw refuse(400, "malformed-json", "empty", null);
        }
        JsonValue value;
        boolean more;
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            parser.next();
            value = parser.getValue();
            more = parser.hasNext(); // anything but white space after the value
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            more = false;
            value = null;
        }
        if (value == null || more) {
            throw refuse(400, "malformed-json", "notJson", null);
        }
        if (list && value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw refuse(400, "malformed-json", "notArray", null);
        }
        if (!list && value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw refuse(400, "malformed-json", "notObject", null);
        }
        String withNul = nul(value, "");
        if (withNul != null) {
            throw refuse(400, "invalid-input", "nul", withNul);
        }
        return value;
    }

    /** The first field (as a path: {@code form.name}, {@code items[2]}) whose name or text holds U+0000, or null. */
    static String nul(JsonValue v, String path) {
        if (v instanceof JsonString s) {
            return s.getString().indexOf('\0') >= 0 ? (path.isEmpty() ? "body" : path) : null;
        }
        if (v instanceof JsonObject o) {
            for (Map.Entry<String, JsonValue> e : o.entrySet()) {
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (e.getKey().indexOf('\0') >= 0) {
                    return p.replace("\0", "\\u0000");
                }
                String found = nul(e.getValue(), p);
                if (found != null) {
                    return found;
                }
            }
        } else if (v instanceof JsonArray a) {
            for (int i = 0; i < a.size(); i++) {
                String found = nul(a.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * Answered by the problem mappers in the request's language (Jersey hands a reader's exception to them): the detail
     * is the platform's {@code platform.problem.body.<why>}, the field (if one is named, its {@code {0}}) given it too.
     */
    private static ProblemException refuse(int status, String type, String why, String field) {
        String key = ProblemException.PLATFORM + "body." + why;
        Fields fields = field == null ? new Fields() : new Fields().add(field, key, field);
        return new ProblemException(Problem.said(ProblemException::platformTexts, status, type, ProblemException.PLATFORM + "invalidInput.title",
                w -> w.text(key, field), fields::in));
    }
}
