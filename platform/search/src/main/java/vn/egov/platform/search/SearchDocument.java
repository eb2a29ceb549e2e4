package vn.egov.platform.search;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One searchable item as the index keeps it. Its id is {@code <type>:<id in the module>}, unique on the platform.
 * Text is stored in NFC, whatever form it came in.
 *
 * @param id         {@code <type>:<local id>}
 * @param tenantId   the unit the item belongs to
 * @param tenantPath that unit's materialized path ("1.5.123"), so that a parent's search covers it
 * @param type       the kind of item (notice, article, procedure, document...): a facet and a filter
 * @param visibility who may find it
 * @param readers    for {@link Visibility#RESTRICTED}: {@code user:<id>} and {@code role:<ROLE>} entries
 * @param title      the title, shown and searched (weighted)
 * @param body       the text searched and highlighted
 * @param url        where the item is read (a path on the platform)
 * @param updated    when it last changed (the "newest first" order)
 */
public record SearchDocument(String id, long tenantId, String tenantPath, String type, Visibility visibility,
                             Set<String> readers, String title, String body, String url, Instant updated) {
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]{0,30}");
    private static final Pattern PATH = Pattern.compile("[0-9]+(\\.[0-9]+)*");
    private static final Pattern READER = Pattern.compile("(user:[0-9]+|role:[A-Z_]+)");

    public SearchDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantPath, "tenantPath");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(updated, "updated");
        if (!TYPE.matcher(type).matches() || !id.startsWith(type + ":") || id.length() > 200) {
            throw new IllegalArgumentException("id " + id + " must be '<type>:<local id>' with a type like 'notice'");
        }
        if (!PATH.matcher(tenantPath).matches() || !(tenantPath.equals(Long.toString(tenantId)) || tenantPath.endsWith("." + tenantId))) {
            throw new IllegalArgumentException("path " + tenantPath + " does not end at unit " + tenantId);
        }
        readers = readers == null ? Set.of() : Set.copyOf(new TreeSet<>(readers));
        for (String r : readers) {
            if (!READER.matcher(r).matches()) {
                throw new IllegalArgumentException("a reader is 'user:<id>' or 'role:<ROLE>', not " + r);
            }
        }
        if (visibility == Visibility.RESTRICTED && readers.isEmpty()) {
            throw new IllegalArgumentException("a restricted item names at least one reader");
        }
        title = nfc(title);
        body = body == null ? "" : nfc(body);
    }

    /** The platform-wide id of item {@code localId} of {@code type}. */
    public static String idOf(String type, Object localId) {
        return type + ":" + localId;
    }

    static String nfc(String s) {
        return Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    public JsonObject toJson() {
        JsonArrayBuilder r = Json.createArrayBuilder();
        readers.forEach(r::add);
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("id", id).add("tenantId", tenantId).add("tenantPath", tenantPath).add("type", type)
                .add("visibility", visibility.code()).add("readers", r).add("title", title).add("body", body)
                .add("updated", updated.toString());
        if (url != null) {
            b.add("url", url);
        }
        return b.build();
    }

    public static SearchDocument fromJson(JsonObject o) {
        Set<String> readers = new TreeSet<>();
        o.getJsonArray("readers").getValuesAs(JsonString.class).forEach(s -> readers.add(s.getString()));
        return new SearchDocument(o.getString("id"), o.getJsonNumber("tenantId").longValue(), o.getString("tenantPath"),
                o.getString("type"), Visibility.ofCode(o.getString("visibility")), readers, o.getString("title"),
                o.getString("body", ""), o.getString("url", null), Instant.parse(o.getString("updated")));
    }
}
