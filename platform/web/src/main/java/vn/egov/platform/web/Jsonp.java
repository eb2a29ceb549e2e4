package vn.egov.platform.web;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.Reader;
import java.util.Collection;
import java.util.Map;

/**
 * JSON-P's factories through one provider looked up once. {@code Jsonp.createObjectBuilder()} and its
 * siblings look the provider up with a service loader on every call (class-path scans and zip-entry lookups): in
 * the dossier replay that lookup was 40% of the request threads' CPU. The provider is the server's (Parsson), the
 * same for the whole application, and thread-safe. For server-side code only: classes that the command line and
 * the tests also load outside the server (the reorganisation's planning in tenant-admin's control package, the
 * search document) keep {@code jakarta.json.Json}, as this jar is not on their class path.
 */
public final class Jsonp {
    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsonp() {
    }

    public static JsonObjectBuilder createObjectBuilder() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonObjectBuilder createObjectBuilder(JsonObject copied) {
        return PROVIDER.createObjectBuilder(copied);
    }

    public static JsonObjectBuilder createObjectBuilder(Map<String, Object> copied) {
        return PROVIDER.createObjectBuilder(copied);
    }

    public static JsonArrayBuilder createArrayBuilder() {
        return PROVIDER.createArrayBuilder();
    }

    public static JsonArrayBuilder createArrayBuilder(JsonArray copied) {
        return PROVIDER.createArrayBuilder(copied);
    }

    public static JsonArrayBuilder createArrayBuilder(Collection<?> copied) {
        return PROVIDER.createArrayBuilder(copied);
    }

    public static JsonReader createReader(Reader reader) {
        return PROVIDER.createReader(reader);
    }

    public static JsonString createValue(String value) {
        return PROVIDER.createValue(value);
    }
}
